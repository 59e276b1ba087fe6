// Indicators to suggest for a project: its types' indicators first, then the common ones; without those the
// table already has; covering what the profile requires (数量/质量/时效/成本, a 效益, 满意度) whatever `top`
// is; templates filled from the project (预算数 and 单位, the budget year, quantities named in 绩效目标 and
// 资金用途). A value that could not be filled keeps its placeholder ({数量}) visibly, and says so in `missing`.
import { Library, LibraryIndicator } from './schema';
import { cachedFor, getLibrary, LIBRARY_DEFAULT_YEAR, lookup } from './index';
import { RankedType, TypeFit, TypeScore, assessFit, classifierIndex, expandAliases, rankTypes } from './classify';
import { bigrams, nameKey, normalise, toHalfWidth } from './text';
import { Quantity, extractQuantities, formatQuantity, matchQuantity, templateCountUnit } from './quantity';
import { TargetTable, displayName } from '../model';
import { L1Role, L2Role, Profile, chooseProfile, findProfile, matchL1, matchL2 } from '../profiles';
import { budgetYearOf } from '../rules/context';
import { Measure, measureOf } from '../semantics';
import { analyzeValue, parseNumber, splitMoneyUnit, toYuan } from '../value';
import { normLabel } from '../labels';

export interface SuggestProject {
  name: string;
  /** 资金用途 */
  purpose?: string;
  /** 绩效目标 */
  goals?: string;
  /** 预算数 in the table's unit (a number or the cell's text). */
  budget?: number | string;
  /** The table's money unit: 万元 (default) or 元. */
  unit?: string;
  /** Budget year; else from `code`, else from a "20xx年" in the text, else the library's default year. */
  year?: number;
  /** 项目编码: its digits 7–8 are the budget year. */
  code?: string;
  /** The project's table as parsed: its fields fill in what is not given, and its indicators are not suggested again. */
  existing?: TargetTable;
}

export type SuggestProfile = 'classic' | 'core2021';

export interface SuggestOptions {
  /** How many suggestions (default 10). More are returned when the profile's required 二级 need them. */
  top?: number;
  /** Placement of the suggestions; default: the existing table's profile, else classic. */
  profile?: SuggestProfile;
  library?: Library;
}

export interface Suggestion {
  /** The library indicator's id. */
  id: string;
  /** Project type id the indicator was suggested for ("common" for the shared ones). */
  type: string;
  l1: string;
  l2: string;
  l3: string;
  /** 绩效指标描述: the indicator's explanation. */
  desc: string;
  /** 指标值, template filled. */
  value: string;
  unit: string;
  /** 指标值确定依据 category. */
  basis: string;
  /** 0..1 */
  score: number;
  /** Placeholders left in `value` because the project does not say (e.g. ["数量"]). */
  missing: string[];
}

export interface SuggestResult {
  types: TypeScore[];
  /**
   * How well the best type fits. When `fit.good` is false no type fits well: the suggestions were then drawn from
   * the indicators whose words the project's texts name (its object, activities, quantities), across all types,
   * plus the common ones — and the user should be told so.
   */
  fit: TypeFit;
  suggestions: Suggestion[];
  /** The profile the suggestions are placed for. */
  profile: SuggestProfile;
  /** The budget year used for {年度}. */
  year: number;
}

type Category = 'quantity' | 'quality' | 'time' | 'cost' | 'benefit' | 'satisfaction';
type Need = Category | 'output';

const CATEGORY_OF_L2: { [l2: string]: Category } = {
  数量指标: 'quantity',
  质量指标: 'quality',
  时效指标: 'time',
  成本指标: 'cost',
  经济效益指标: 'benefit',
  社会效益指标: 'benefit',
  生态效益指标: 'benefit',
  可持续影响指标: 'benefit',
  服务对象满意度指标: 'satisfaction',
};

const L2_ROLE_CATEGORY: { [r in L2Role]: Category } = {
  quantity: 'quantity',
  quality: 'quality',
  time: 'time',
  cost: 'cost',
  econCost: 'cost',
  socialCost: 'cost',
  ecoCost: 'cost',
  economic: 'benefit',
  social: 'benefit',
  ecological: 'benefit',
  sustainable: 'benefit',
  satisfaction: 'satisfaction',
};
const L1_ROLE_NEED: { [r in L1Role]: Need } = { output: 'output', benefit: 'benefit', cost: 'cost', satisfaction: 'satisfaction' };
/** The order required categories are filled in (the order of a table). */
const NEED_ORDER: Need[] = ['quantity', 'quality', 'time', 'cost', 'output', 'benefit', 'satisfaction'];

/** What a profile asks every project table to have, as categories. */
function needsOf(profile: Profile): Need[] {
  const set: { [n: string]: true } = {};
  for (const r of profile.requiredL1.concat(profile.recommendedL1)) set[L1_ROLE_NEED[r]] = true;
  for (const r of profile.recommendedL2) set[L2_ROLE_CATEGORY[r]] = true;
  // Under core2021 成本 is an 一级 of its own: an output need is met by 数量/质量/时效 only.
  return NEED_ORDER.filter((n) => set[n]);
}

function meets(need: Need, cat: Category, profileId: string): boolean {
  if (need === 'output') return cat === 'quantity' || cat === 'quality' || cat === 'time' || (cat === 'cost' && profileId !== 'core2021');
  return need === cat;
}

/** Categories the table's own rows already cover (rows whose 三级 is 无 or empty cover nothing). */
function covered(t: TargetTable, profile: Profile): Category[] {
  const out: Category[] = [];
  for (const r of t.indicators) {
    if (r.fragment) continue;
    const l3 = normLabel(r.l3.text);
    if (!l3 || /^(无|暂无|\/|-|—|－)$/.test(l3)) continue;
    const l1 = matchL1(profile, r.effL1);
    const l2 = matchL2(profile, r.effL2, l1 && l1.role);
    if (l2) out.push(L2_ROLE_CATEGORY[l2.role]);
    else if (l1 && l1.role !== 'output') out.push(l1.role === 'cost' ? 'cost' : l1.role === 'benefit' ? 'benefit' : 'satisfaction');
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// Per-library indicator data, computed once.

interface IndicatorInfo {
  ind: LibraryIndicator;
  category: Category;
  shape: NameShape;
  /** Position within its primary type's list, 0 (most typical, as the library orders them) to 1. */
  position: number;
  grams: string[];
  keywords: string[];
  /** The template is the whole budget as a ceiling (≤{预算数}{单位}). */
  budgetCeiling: boolean;
  /** The type keywords the 三级 names (离任村干部 in 离任村干部生活补贴标准): the sub-topic it is written for. */
  subjects: string[];
  /** All its type's keywords the 三级 names, sub-topic or not. */
  nameWords: string[];
  /** The same found in its explanation (露天焚烧火点 explained as 秸秆、垃圾 burning). */
  descSubjects: string[];
}

const GENERIC_PREFIX_RE = /^(?:提供|开展|组织|召开|完成|举办|按时|及时|年度|全年|累计|实际)/;
const GENERIC_SUFFIX_RE = /(?:个数|次数|人数|数量|户数|件数|场次|期数|份数|台数|套数|总数|家数|处数|数)$/;

function stripGeneric(key: string): string {
  return key.replace(GENERIC_PREFIX_RE, '').replace(GENERIC_SUFFIX_RE, '');
}

interface TypeWords {
  /** Keywords few of the type's indicators name in their 三级 (sub-topics). */
  sub: string[];
  /** All its keywords. */
  all: string[];
  /** Keywords rare even across its explanations. */
  rare: string[];
}

/**
 * A type's words: its keywords that only a few of its indicators name are sub-topics (离任村干部, 秸秆 among
 * pollution's); the words many of them name (村干部 in village's) are the type itself. Computed per type on
 * first use: a query touches two or three types, startup need not do all of them.
 */
function typeWordsOf(lib: Library, typeId: string): TypeWords {
  const cache = cachedFor(lib, 'type-words', () => new Map<string, TypeWords>());
  let w = cache.get(typeId);
  if (!w) {
    const t = lookup(lib).typeById.get(typeId);
    const texts = (lookup(lib).indicatorsByType.get(typeId) || []).map((i) => normalise(i.l3) + '|' + normalise(i.explanation));
    const all = t ? t.keywords.map(normalise).filter((k) => k.length >= 2) : [];
    const upTo = (share: number) => {
      const limit = Math.max(share < 0.2 ? 1 : 2, Math.floor(texts.length * share));
      return all.filter((k) => texts.filter((x) => x.indexOf(k) >= 0).length <= limit);
    };
    w = { sub: upTo(0.3), all, rare: upTo(0.1) };
    cache.set(typeId, w);
  }
  return w;
}

/** What the suggester needs to know about an indicator, computed on first use and kept per library. */
function infoOf(lib: Library, ind: LibraryIndicator): IndicatorInfo {
  const cache = cachedFor(lib, 'suggest-info', () => new Map<string, IndicatorInfo>());
  let info = cache.get(ind.id);
  if (!info) {
    const list = lookup(lib).indicatorsByType.get(ind.types[0]) || [ind];
    const category = CATEGORY_OF_L2[ind.l2] || 'quality';
    const words = typeWordsOf(lib, ind.types[0]);
    const l3 = normalise(ind.l3);
    info = {
      ind,
      category,
      shape: shapeOf(ind.l3, undefined, category),
      position: list.length > 1 ? list.indexOf(ind) / (list.length - 1) : 0,
      grams: bigrams(l3 + '|' + ind.keywords.map(normalise).join('|')),
      keywords: ind.keywords.map(normalise).filter((k) => k.length >= 2),
      budgetCeiling: ind.valueTemplate.indexOf('{预算数}') >= 0,
      subjects: subjectsOf(l3, words.sub),
      nameWords: subjectsOf(l3, words.all),
      descSubjects: subjectsOf(normalise(ind.explanation), words.rare),
    };
    cache.set(ind.id, info);
  }
  return info;
}

interface NameShape {
  key: string;
  /** The name without generic affixes (提供…, …个数). */
  coreText: string;
  core: string[];
  measure: Measure;
  /** Unknown for a table row whose 二级 is not recognised. */
  category?: Category;
}

function shapeOf(l3: string, desc?: string, category?: Category): NameShape {
  const key = nameKey(l3);
  const coreText = stripGeneric(key);
  return { key, coreText, core: bigrams(coreText), measure: measureOf(l3, desc), category };
}

/** Keywords found in a name, without those inside a longer one found (村干部 inside 离任村干部). */
function subjectsOf(name: string, keywords: string[]): string[] {
  const found = keywords.filter((k) => name.indexOf(k) >= 0);
  return found.filter((k) => !found.some((o) => o !== k && o.length > k.length && o.indexOf(k) >= 0));
}

/**
 * Two 三级 that name the same thing: equal after normalising, or the same noun counted or rated the same
 * way — 提供运维服务空气站个数 and 运维空气监测站个数 — judged on bigrams, or on characters within one 二级.
 */
function nearSame(a: NameShape, b: NameShape): boolean {
  if (a.key === b.key) return true;
  if (a.measure !== b.measure || !a.core.length || !b.core.length) return false;
  if (a.coreText === b.coreText) return true;
  let shared = 0;
  const set: { [g: string]: true } = {};
  for (const g of a.core) set[g] = true;
  for (const g of b.core) if (set[g]) shared++;
  const dice = (2 * shared) / (a.core.length + b.core.length);
  const overlap = shared / Math.min(a.core.length, b.core.length);
  if (dice >= 0.75 || (overlap >= 0.75 && Math.min(a.core.length, b.core.length) >= 3)) return true;
  if (!a.category || a.category !== b.category || Math.min(a.coreText.length, b.coreText.length) < 4) return false;
  const chars: { [c: string]: true } = {};
  for (const c of a.coreText) chars[c] = true;
  let sameChars = 0;
  const seen: { [c: string]: true } = {};
  for (const c of b.coreText)
    if (chars[c] && !seen[c]) {
      seen[c] = true;
      sameChars++;
    }
  return sameChars / Math.min(a.coreText.length, b.coreText.length) >= 0.7;
}

// ---------------------------------------------------------------------------------------------------------
// Filling templates.

interface FillContext {
  budget: string | null;
  unit: string;
  year: number;
  quantities: Quantity[];
}

function budgetText(b: number | string | undefined): string | null {
  if (b === undefined || b === null) return null;
  const n = typeof b === 'number' ? b : parseNumber(String(b));
  if (n === null || !isFinite(n) || n <= 0) return null;
  // The amount as the table states it (no rounding: a rounded-up figure would exceed the budget).
  return String(n);
}

const YEAR_IN_TEXT_RE = /(20\d{2})\s*年/g;

function yearOf(p: SuggestProject): number {
  if (p.year) return p.year;
  if (p.existing) {
    const y = budgetYearOf(p.existing);
    if (y) return y;
  }
  const code = toHalfWidth(p.code || '').trim();
  const m = /^\d{6}(\d{2})[A-Z]/.exec(code);
  if (m) return 2000 + parseInt(m[1], 10);
  // Texts name earlier years too ("对2019年建成投用的…", "支付2021年…欠款"): the budget year is the latest.
  let latest = 0;
  const text = toHalfWidth([p.name, p.goals || '', p.purpose || ''].join(' '));
  YEAR_IN_TEXT_RE.lastIndex = 0;
  let y: RegExpExecArray | null;
  while ((y = YEAR_IN_TEXT_RE.exec(text))) latest = Math.max(latest, parseInt(y[1], 10));
  return latest || LIBRARY_DEFAULT_YEAR;
}

interface Filled {
  value: string;
  missing: string[];
  /** The quantity from the project's own text that went into the value, and how well its noun fits. */
  quantity?: Quantity;
  overlap: number;
}

function fill(info: IndicatorInfo, ctx: FillContext, quantities: Quantity[] = ctx.quantities): Filled {
  const t = info.ind.valueTemplate;
  const missing: string[] = [];
  let value = t;
  let quantity: Quantity | undefined;
  let overlap = 0;
  if (value.indexOf('{预算数}') >= 0) {
    if (ctx.budget) value = value.replace(/\{预算数\}\{单位\}/g, ctx.budget + ctx.unit).replace(/\{预算数\}/g, ctx.budget);
    else missing.push('预算数');
  }
  value = value.replace(/\{年度\}/g, String(ctx.year));
  if (value.indexOf('{数量}') >= 0) {
    const q = matchQuantity(quantities, t, info.ind.l3, info.ind.keywords);
    if (q) {
      value = value.replace(/\{数量\}/g, formatQuantity(q.quantity.value));
      quantity = q.quantity;
      overlap = q.overlap;
    } else missing.push('数量');
  }
  return { value, missing, quantity, overlap };
}

/** The count units the library's {数量} templates use (a department's 卷, 宗 …), for reading quantities. */
function countUnits(lib: Library): string[] {
  return cachedFor(lib, 'count-units', () => {
    const units: string[] = [];
    for (const i of lib.indicators) {
      const u = templateCountUnit(i.valueTemplate);
      // Money is never filled from text; time units would read dates ("3月") as counts.
      if (u && u.length <= 3 && !/元|年|月|日|天|时|分|秒/.test(u) && units.indexOf(u) < 0) units.push(u);
    }
    return units.sort();
  });
}

/** The amount of a per-unit money value ("≤15万元/站" → 150000), in yuan; 0 for anything else. */
function perUnitYuan(value: string): number {
  const p = analyzeValue(value).parsed;
  if (p.kind !== 'quant' || p.unitClass !== 'money') return 0;
  const m = splitMoneyUnit(p.unit);
  if (!m || !m.per) return 0;
  return toYuan(p.num, m.base) || 0;
}

// ---------------------------------------------------------------------------------------------------------

interface Candidate {
  info: IndicatorInfo;
  type: string;
  /** 0 for the project's types, 1 for common indicators; +2 for those written for a sub-topic the project does not name. */
  tier: number;
  score: number;
  filled: Filled;
}

/** How many types beyond the best one are used, and how close to it they must score. */
const MAX_TYPES = 3;
const TYPE_RATIO = 0.45;
const COMMON_WEIGHT = 0.35;
/** Without a good fit the weak types' indicators weigh less than those the project's texts name. */
const WEAK_TYPE_WEIGHT = 0.8;
/** Text matches: at most this many, each needing this much distinctive (IDF-weighted) shared vocabulary. */
const TEXT_MATCHES = 40;
const MIN_TEXT_EVIDENCE = 5;
/** With no type at all, one distinctive shared word is enough: there is nothing better to go on. */
const MIN_TEXT_EVIDENCE_ALONE = 3;
const MIN_TEXT_RELEVANCE = 0.35;

/**
 * The indicators, from any type, whose 三级 and keywords share distinctive vocabulary with the project's texts,
 * best first: what to suggest when no type fits. Shared words every type uses (管理, 服务, 建设) do not count
 * towards the evidence, so a name made of them matches nothing.
 */
function textMatches(
  lib: Library,
  query: { [g: string]: true },
  text: string,
  idf: Map<string, number>,
  maxIdf: number,
  minEvidence: number,
): Array<{ ind: LibraryIndicator; weight: number }> {
  // Only the indicators sharing a bigram with the texts are scored (an inverted index built once per library).
  const postings = cachedFor(lib, 'text-postings', () => {
    const m = new Map<string, LibraryIndicator[]>();
    for (const ind of lib.indicators) {
      if (ind.types[0] === 'common') continue;
      for (const g of infoOf(lib, ind).grams) {
        let list = m.get(g);
        if (!list) m.set(g, (list = []));
        if (list[list.length - 1] !== ind) list.push(ind);
      }
    }
    return m;
  });
  const evidence = new Map<LibraryIndicator, number>();
  for (const g in query) {
    const w = idf.get(g) === undefined ? maxIdf : idf.get(g)!;
    for (const ind of postings.get(g) || []) evidence.set(ind, (evidence.get(ind) || 0) + w);
  }
  const out: Array<{ ind: LibraryIndicator; weight: number }> = [];
  evidence.forEach((e, ind) => {
    if (e < minEvidence) return;
    const rel = relevance(infoOf(lib, ind), query, text, idf, maxIdf);
    if (rel >= MIN_TEXT_RELEVANCE) out.push({ ind, weight: rel });
  });
  out.sort((a, b) => b.weight - a.weight || a.ind.id.localeCompare(b.ind.id));
  return out.slice(0, TEXT_MATCHES);
}

function relevance(info: IndicatorInfo, query: { [g: string]: true }, text: string, idf: Map<string, number>, maxIdf: number): number {
  let have = 0;
  let total = 0;
  for (const g of info.grams) {
    const w = idf.get(g);
    const weight = w === undefined ? maxIdf : w;
    total += weight;
    if (query[g]) have += weight;
  }
  let rel = total > 0 ? have / total : 0;
  // A keyword the project names word for word (三会一课, 空气站) is the strongest sign.
  for (const k of info.keywords)
    if (text.indexOf(k) >= 0) {
      rel += 0.3;
      break;
    }
  return Math.min(1, rel);
}

/** The project's texts, its placement profile and what templates are filled from. */
function projectContext(project: SuggestProject, opts: SuggestOptions, lib: Library) {
  const ex = project.existing;
  const name = project.name || (ex ? displayName(ex) : '');
  const purpose = project.purpose !== undefined ? project.purpose : ex ? ex.purpose.text : '';
  const goals = project.goals !== undefined ? project.goals : ex ? ex.goals.text : '';
  let profile: Profile;
  if (opts.profile) profile = findProfile(opts.profile)!;
  else {
    const chosen = ex ? chooseProfile(ex) : undefined;
    profile = chosen && chosen.kind === 'project' ? chosen : findProfile('classic')!;
  }
  const profileId: SuggestProfile = profile.id === 'core2021' ? 'core2021' : 'classic';
  const ctx: FillContext = {
    budget: budgetText(project.budget !== undefined ? project.budget : ex && ex.budget ? ex.budget.total.text : undefined),
    unit: project.unit || (ex && ex.unit.text.trim()) || '万元',
    year: yearOf({ ...project, name }),
    quantities: extractQuantities([goals, purpose, name].join('|'), countUnits(lib)),
  };
  return { ex, name, purpose, goals, profile, profileId, ctx };
}

function toSuggestion(ind: LibraryIndicator, type: string, profileId: SuggestProfile, filled: Filled, score: number): Suggestion {
  const place = profileId === 'core2021' ? ind.core2021 : { l1: ind.l1, l2: ind.l2 };
  return {
    id: ind.id,
    type,
    l1: place.l1,
    l2: place.l2,
    l3: ind.l3,
    desc: ind.explanation,
    value: filled.value,
    unit: ind.unit,
    basis: ind.basis,
    score: Math.round(score * 1000) / 1000,
    missing: filled.missing,
  };
}

/**
 * Chosen indicators (a search's hits) as suggestions for a project: placed for its profile, templates filled from
 * it as suggest() fills them. Each is filled on its own (a quantity the text names may fill more than one).
 */
export function fillIndicators(project: SuggestProject, inds: readonly LibraryIndicator[], opts: SuggestOptions = {}): Suggestion[] {
  const lib = opts.library || getLibrary();
  const { profileId, ctx } = projectContext(project, opts, lib);
  return inds.map((ind) => toSuggestion(ind, ind.types[0], profileId, fill(infoOf(lib, ind), ctx), 0));
}

/** A test for "the table already has this indicator" (the same or nearly the same 三级), as suggest() applies it. */
export function tableHas(t: TargetTable, opts: SuggestOptions = {}): (ind: LibraryIndicator) => boolean {
  const lib = opts.library || getLibrary();
  const { profile } = projectContext({ name: '', existing: t }, opts, lib);
  const taken = takenShapes(t, profile);
  return (ind) => taken.some((x) => nearSame(x, infoOf(lib, ind).shape));
}

function takenShapes(ex: TargetTable, profile: Profile): NameShape[] {
  const taken: NameShape[] = [];
  for (const r of ex.indicators) {
    const l3 = r.l3.text.trim();
    if (!l3 || r.fragment) continue;
    const l1 = matchL1(profile, r.effL1);
    const l2 = matchL2(profile, r.effL2, l1 && l1.role);
    taken.push(shapeOf(l3, r.desc.text, l2 ? L2_ROLE_CATEGORY[l2.role] : undefined));
  }
  return taken;
}

export function suggest(project: SuggestProject, opts: SuggestOptions = {}): SuggestResult {
  const lib = opts.library || getLibrary();
  const top = Math.max(1, Math.floor(opts.top === undefined ? 10 : opts.top));
  const { ex, name, purpose, goals, profile, profileId, ctx } = projectContext(project, opts, lib);

  const budgetYuan = ctx.budget ? toYuan(Number(ctx.budget), ctx.unit) : null;
  const ranked: RankedType[] = rankTypes({ name, purpose, goals }, lib);
  const used = ranked.filter((t, i) => i === 0 || (i < MAX_TYPES && t.raw >= ranked[0].raw * TYPE_RATIO));
  const ix = classifierIndex(lib);
  const text = normalise([name, purpose, goals].join('|'));
  const wide = text + '|' + expandAliases(text);
  const hasText = !!(purpose.trim() || goals.trim());
  const query: { [g: string]: true } = {};
  for (const g of bigrams(text)) query[g] = true;
  const byType = lookup(lib).indicatorsByType;

  const candidates: Candidate[] = [];
  const seen: { [id: string]: true } = {};
  const add = (ind: LibraryIndicator, type: string, tier: number, weight: number) => {
    if (seen[ind.id]) return;
    seen[ind.id] = true;
    const i = infoOf(lib, ind);
    const filled = fill(i, ctx);
    const rel = relevance(i, query, text, ix.idf, ix.maxIdf);
    let score = weight * (0.55 * (1 - 0.3 * i.position) + 0.45 * rel);
    // An indicator written for a sub-topic of its type (离任村干部, 日间照料站) fits when the project names that
    // sub-topic, less well when it does not (a short name may just not say). A 三级 naming any of its type's
    // words the project also names (法律顾问) is on topic whatever else it says.
    const named = (k: string) => wide.indexOf(k) >= 0;
    const onTopic = i.nameWords.some(named);
    if (i.subjects.length) score += i.subjects.some(named) ? 0.1 : onTopic ? 0 : -0.15;
    // An explanation naming a rare sub-topic (秸秆 in a pollution indicator) that the project's 资金用途 and 绩效目标
    // never mention reads as copied from another project — the checker says so — so it goes after the rest.
    if (hasText && i.descSubjects.length && !i.descSubjects.some(named) && !onTopic) tier += 2;
    // A typical per-unit cost above the whole budget (≤15万元/站 for a 7.99万元 project) cannot be right here.
    if (budgetYuan !== null && perUnitYuan(filled.value) > budgetYuan) tier += 2;
    candidates.push({ info: i, type, tier, score, filled });
  };
  const fit = assessFit(ranked);
  // No type fits well: the indicators that name what the project's texts name, from any type, compete with the
  // weak types' own (which may still be right: a terse name explained by its 资金用途).
  if (!fit.good)
    for (const c of textMatches(lib, query, text, ix.idf, ix.maxIdf, ranked.length ? MIN_TEXT_EVIDENCE : MIN_TEXT_EVIDENCE_ALONE))
      add(c.ind, c.ind.types[0], 0, c.weight);
  for (const t of used) for (const ind of byType.get(t.id) || []) add(ind, t.id, 0, (t.raw / ranked[0].raw) * (fit.good ? 1 : WEAK_TYPE_WEIGHT));
  for (const ind of byType.get('common') || []) add(ind, 'common', 1, COMMON_WEIGHT);

  // A quantity the text names fills the indicator whose noun fits it best (118名干部职工 is 职工体检人数, not
  // also 重点人群健康管理人数); the others keep their placeholder. Then: values from the project's own text are
  // ready to use, a placeholder left needs the user.
  const bestFit = new Map<Quantity, Candidate>();
  for (const c of candidates) {
    const q = c.filled.quantity;
    if (!q) continue;
    const b = bestFit.get(q);
    if (!b || c.filled.overlap > b.filled.overlap || (c.filled.overlap === b.filled.overlap && c.score > b.score)) bestFit.set(q, c);
  }
  for (const c of candidates) {
    const q = c.filled.quantity;
    if (q && bestFit.get(q) !== c) c.filled = fill(c.info, ctx, []);
    if (c.filled.quantity) c.score += 0.2;
    else if (c.filled.missing.indexOf('数量') >= 0) c.score -= 0.08;
    c.score = Math.max(0, Math.min(1, c.score));
  }

  // The table's own 三级 are not suggested again.
  const taken: NameShape[] = ex ? takenShapes(ex, profile) : [];
  const pool = candidates.filter((c) => !taken.some((t) => nearSame(t, c.info.shape)));
  pool.sort((a, b) => a.tier - b.tier || b.score - a.score || a.info.ind.id.localeCompare(b.info.ind.id));

  const picked: Candidate[] = [];
  const pickedIds: { [id: string]: true } = {};
  const perL2: { [l2: string]: number } = {};
  let budgetRows = 0;
  const take = (c: Candidate) => {
    if (c.info.budgetCeiling) budgetRows++;
    picked.push(c);
    pickedIds[c.info.ind.id] = true;
    perL2[c.info.ind.l2] = (perL2[c.info.ind.l2] || 0) + 1;
  };
  const free = (c: Candidate) => !pickedIds[c.info.ind.id] && !picked.some((p) => nearSame(p.info.shape, c.info.shape));

  // 1. What the profile requires and the table does not have yet, best candidate for each.
  const have = ex ? covered(ex, profile) : [];
  for (const need of needsOf(profile)) {
    if (have.some((c) => meets(need, c, profile.id)) || picked.some((p) => meets(need, p.info.category, profile.id))) continue;
    const c = pool.find((x) => meets(need, x.info.category, profile.id) && free(x));
    if (c) take(c);
  }
  // 2. The best of the rest up to `top`, each further one in the same 二级 weighed down so a list is not
  //    ten 数量 rows; the types' indicators before the common ones.
  while (picked.length < top) {
    let best: Candidate | undefined;
    let bestEff = -1;
    for (const c of pool) {
      if (best && c.tier > best.tier) break;
      if (!free(c)) continue;
      let eff = c.score * Math.pow(0.8, perL2[c.info.ind.l2] || 0);
      // The whole budget as a ceiling says the same thing however the row is named: once is enough.
      if (budgetRows && c.info.budgetCeiling) eff *= 0.5;
      if (eff > bestEff) {
        best = c;
        bestEff = eff;
      }
    }
    if (!best) break;
    take(best);
  }
  picked.sort((a, b) => a.tier - b.tier || b.score - a.score || a.info.ind.id.localeCompare(b.info.ind.id));

  const suggestions: Suggestion[] = picked.map((c) => toSuggestion(c.info.ind, c.type, profileId, c.filled, c.score));
  // Nothing in the library names what this project is about: say it in the project's own words (its object,
  // the quantities its texts give) instead of leaving only the common rows; they take the place of common rows
  // of the same 二级, so the list keeps its length and what the profile requires.
  if (!fit.good && suggestions.filter((x) => x.type !== 'common').length < 3) {
    const own = fromProjectText(name, ctx, taken);
    for (const o of own) {
      // The common row it says more specifically (年度任务完成率 for 某某任务完成率), else the last of its 二级.
      const shape = shapeOf(o.l3, o.desc, CATEGORY_OF_L2[o.l2]);
      const same = suggestions.findIndex(
        (x) => x.type === 'common' && (x.l3.slice(-4) === o.l3.slice(-4) || nearSame(shapeOf(x.l3, x.desc, CATEGORY_OF_L2[x.l2]), shape)),
      );
      const at = same >= 0 ? same : suggestions.map((x) => x.type === 'common' && x.l2 === o.l2).lastIndexOf(true);
      if (at >= 0) suggestions.splice(at, 1);
      else if (suggestions.length >= top) {
        const last = suggestions.map((x) => x.type === 'common').lastIndexOf(true);
        if (last < 0) continue;
        suggestions.splice(last, 1);
      }
      suggestions.unshift(o);
    }
  }
  return {
    types: ranked.slice(0, 5).map((t) => ({ id: t.id, name: t.name, score: t.score })),
    fit,
    suggestions,
    profile: profileId,
    year: ctx.year,
  };
}

/** Words of a project name that say how it is funded, not what it is about. */
const FUNDING_SUFFIXES = ['专项', '工作', '业务', '补助', '补贴', '经费', '资金', '费用', '项目', '费', '款', '支出', '及', '和', '等'];

/** The name without the funding words at its end; a loop, since `(?:…)+$` backtracks on a long run of them. */
function stripFundingSuffix(s: string): string {
  let out = s;
  for (let cut = true; cut; ) {
    cut = false;
    for (const w of FUNDING_SUFFIXES) {
      if (out.length >= w.length && out.slice(out.length - w.length) === w) {
        out = out.slice(0, out.length - w.length);
        cut = true;
        break;
      }
    }
  }
  return out;
}

const OPENERS = '（(【[';
const CLOSERS = '）)】]';

/** The text without its bracketed parts (as /[（(【[][^）)】\]]*[）)】\]]/g would drop them), in one pass. */
function dropBracketed(s: string): string {
  let out = '';
  let i = 0;
  while (i < s.length) {
    if (OPENERS.indexOf(s[i]) >= 0) {
      let j = i + 1;
      while (j < s.length && CLOSERS.indexOf(s[j]) < 0) j++;
      // No closer after this opener means none after any later one either: the rest stays as written.
      if (j >= s.length) return out + s.slice(i);
      i = j + 1;
      continue;
    }
    out += s[i++];
  }
  return out;
}
const COUNT_WORD: { [unit: string]: string } = { 人: '人数', 名: '人数', 位: '人数', 人次: '人次', 户: '户数', 个: '个数', 座: '个数', 所: '个数', 处: '个数', 家: '家数', 次: '次数', 场: '场次', 期: '期数', 件: '件数', 套: '套数', 台: '台数', 辆: '辆数', 份: '份数', 篇: '篇数' };

/**
 * Indicators named after the project itself, for a project no library type fits: its quantities as 数量指标 (the
 * noun the text counts), and its object's completion rate and deadline. Drawn from the texts, so they carry the
 * project's words; marked with type "project".
 */
function fromProjectText(name: string, ctx: FillContext, taken: NameShape[]): Suggestion[] {
  const core = stripFundingSuffix(dropBracketed(toHalfWidth(name).replace(/^\s*(?:20\d{2}年度?)?/, '')).replace(/[“”"'《》\s]/g, '')).slice(0, 16);
  const out: Suggestion[] = [];
  const place = (l2: string) => ({ l1: l2 === '服务对象满意度指标' ? '满意度指标' : '产出指标', l2 });
  const push = (l2: string, l3: string, desc: string, value: string, unit: string, basis: string) => {
    const shape = shapeOf(l3, desc, CATEGORY_OF_L2[l2]);
    if (taken.some((t) => nearSame(t, shape)) || out.some((o) => o.l3 === l3)) return;
    out.push({ id: 'project.' + (out.length + 1), type: 'project', ...place(l2), l3, desc, value, unit, basis, score: 0.5, missing: [] });
  };
  for (const q of ctx.quantities.slice(0, 2)) {
    const noun = (q.after.length >= 2 ? q.after : q.before).replace(/\|/g, '');
    if (noun.length < 2) continue;
    push('数量指标', noun + (COUNT_WORD[q.unit] || '数量'), `反映项目${noun}的数量。按项目实施台账统计。`, `≥${formatQuantity(q.value)}${q.unit}`, q.unit, '计划标准');
  }
  if (core.length >= 2) {
    push('质量指标', core + '任务完成率', `反映${core}各项任务按计划完成的程度。计算公式：完成任务量÷计划任务量×100%。`, '≥95%', '%', '计划标准');
    push('时效指标', core + '完成时间', `反映${core}各项任务的完成时间。以项目验收或工作总结日期为准。`, `${ctx.year}年12月底前完成`, '', '计划标准');
  }
  return out;
}

/**
 * Builds the indexes over a whole library that the classifier and the suggester use (a host calls this at
 * startup; the benchmark times it). Per-type and per-indicator details are computed when a query first needs
 * them: a query touches two or three types, not forty.
 */
export function prepareLibrary(lib: Library = getLibrary()): void {
  lookup(lib);
  classifierIndex(lib);
  countUnits(lib);
}
