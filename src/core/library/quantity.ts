// Quantities named in a project's 绩效目标 and 资金用途 ("对城区8个微型空气站进行定期维护", "村干部55名",
// "两座小型水库"), and the fit of one with an indicator's {数量} template: same kind of unit and a noun the
// indicator's name shares. Precision over recall: a wrong number in a suggestion is worse than a visible
// placeholder the user fills in.
import { bigrams, cleanText, normalise } from './text';

export interface Quantity {
  value: number;
  /** The unit as written (个, 名, 套 …). */
  unit: string;
  /** Normalised text around the number: the noun it counts, before and after. */
  before: string;
  after: string;
}

// Count and measure units a {数量} template can take, longest first so 人次 wins over 人.
const UNITS = [
  '平方米', '立方米', '人次', '户次', '批次', '台套', '公里', '千米', '场次', '学时',
  '个', '名', '人', '位', '套', '台', '辆', '次', '场', '期', '件', '份', '处', '家', '户', '村', '座', '所',
  '条', '篇', '块', '项', '批', '亩', '米', '株', '棵', '种', '类', '本', '册', '部', '支', '只', '间', '盏',
  '张', '轮', '吨', '起', '班',
];
/** Units as a regex alternation, longest first (人次 before 人). */
function unitAlternation(units: string[]): string {
  return units
    .filter((u, i) => u && units.indexOf(u) === i)
    .sort((a, b) => b.length - a.length)
    .map((u) => u.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'))
    .join('|');
}
const CN_DIGIT: { [c: string]: number } = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** Units that count the same things: the template's unit is written, the text's only has to fit it. */
const SAME_UNIT: { [u: string]: string[] } = {
  人: ['人', '名', '位'],
  人次: ['人次'],
  个: ['个', '座', '所', '处', '家', '站', '村'],
  处: ['处', '个', '座'],
  家: ['家', '个'],
  台: ['台', '辆'],
  辆: ['辆', '台'],
  台套: ['台套', '套', '台'],
  套: ['套', '台套'],
  次: ['次', '场', '期', '轮'],
  场: ['场', '次'],
  期: ['期'],
  公里: ['公里', '千米'],
  株: ['株', '棵'],
  册: ['册', '本'],
  户: ['户'],
  户次: ['户次'],
};

// Number + unit. Digits (with decimals) or a small Chinese numeral (两座, 十二个, 二十三名).
const qtyRes = new Map<string, RegExp>();
function quantityRe(extraUnits: string[]): RegExp {
  const key = extraUnits.join('|');
  let re = qtyRes.get(key);
  if (!re) {
    re = new RegExp('(\\d+(?:\\.\\d+)?|[一二两三四五六七八九十]{1,3})\\s*(' + unitAlternation(UNITS.concat(extraUnits)) + ')', 'g');
    qtyRes.set(key, re);
  }
  return re;
}
/** Characters that end the noun phrase around a quantity. */
const STOP_RE = /[|，,。；;：:、()\[\]\s]/;
/** Function words inside the noun window that end it: 的, 进行, 所有, 提供 … */
const FUNCTION_WORDS = ['进行', '所有', '提供', '开展', '完成', '实现', '确保', '保障', '用于', '按照', '根据', '通过', '以上', '以下', '左右', '的', '对', '为', '等', '和', '及', '与', '并'];

function cnNumber(s: string): number | null {
  if (/^\d/.test(s)) return Number(s);
  if (s.length === 1) return s === '十' ? 10 : CN_DIGIT[s] || null;
  // 十二 = 12, 二十 = 20, 二十三 = 23
  const m = /^([一二两三四五六七八九])?十([一二三四五六七八九])?$/.exec(s);
  if (!m) return null;
  return (m[1] ? CN_DIGIT[m[1]] : 1) * 10 + (m[2] ? CN_DIGIT[m[2]] : 0);
}

function cutAfter(s: string): string {
  let end = s.length;
  for (let i = 0; i < s.length; i++) if (STOP_RE.test(s.charAt(i)) || /\d/.test(s.charAt(i))) {
    end = i;
    break;
  }
  let out = s.slice(0, Math.min(end, 8));
  for (const w of FUNCTION_WORDS) {
    const at = out.indexOf(w);
    if (at >= 0) out = out.slice(0, at);
  }
  return out;
}

function cutBefore(s: string): string {
  let start = 0;
  for (let i = s.length - 1; i >= 0; i--) if (STOP_RE.test(s.charAt(i)) || /\d/.test(s.charAt(i))) {
    start = i + 1;
    break;
  }
  let out = s.slice(Math.max(start, s.length - 6));
  for (const w of FUNCTION_WORDS) {
    const at = out.lastIndexOf(w);
    if (at >= 0) out = out.slice(at + w.length);
  }
  return out;
}

/**
 * The quantities a text names, in order. Amounts of money, years, dates, ranks and list numbers are not.
 * `extraUnits`: more count units to read (a department library's 卷, 宗 …), besides the common ones.
 */
export function extractQuantities(text: string, extraUnits: string[] = []): Quantity[] {
  const s = cleanText(text).replace(/[\r\n\t]+/g, '|');
  const out: Quantity[] = [];
  const re = quantityRe(extraUnits);
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(s))) {
    const at = m.index;
    const end = at + m[0].length;
    const numText = m[1];
    const unit = m[2];
    const prev = s.charAt(at - 1);
    const next = s.charAt(end);
    // 7*4202, 1.2.3, 前2名 (a rank), 第3次, 一次性, 一人一档, 2万元 (money: the unit regex stops at 万).
    if (/[*×=＝x.\d]/.test(prev) || /[*×=+]/.test(next)) continue;
    if (/[前第每各逐约近超]$/.test(s.slice(Math.max(0, at - 1), at))) continue;
    if (/^[性样体道起线级万]/.test(next) && !/^\d/.test(numText)) continue;
    if (/^万/.test(next) || (unit === '人' && next === '口')) continue;
    const value = cnNumber(numText);
    // Chinese numerals: 一人一档, 一村一品 and the like are slogans, not counts; 两座水库, 十二个村 are.
    if (!/^\d/.test(numText) && (value === null || value < 2 || /^.一/.test(s.slice(end, end + 2)))) continue;
    if (value === null || !isFinite(value) || value <= 0) continue;
    out.push({
      value,
      unit,
      before: normalise(cutBefore(s.slice(Math.max(0, at - 12), at))),
      after: normalise(cutAfter(s.slice(end, end + 16))),
    });
  }
  return out;
}

/** Bigrams that say nothing about what is counted. */
const GENERIC_GRAMS: { [g: string]: true } = {};
for (const g of ['个数', '人数', '次数', '数量', '件数', '户数', '场次', '期数', '份数', '台数', '套数', '开展', '完成', '组织', '工作', '召开', '提供', '举办', '实施', '服务', '项目', '建设', '累计', '全年', '年度', '参加', '覆盖', '发放', '人员']) GENERIC_GRAMS[g] = true;

/** The indicator's {数量} unit from its template: "={数量}个" → 个; null when the template has none. */
export function templateCountUnit(template: string): string | null {
  const m = /\{数量\}([^\s{}]*)/.exec(template);
  if (!m) return null;
  return m[1];
}

function unitFits(templateUnit: string, unit: string): boolean {
  if (templateUnit === unit) return true;
  const same = SAME_UNIT[templateUnit];
  return !!same && same.indexOf(unit) >= 0;
}

export interface QuantityMatch {
  quantity: Quantity;
  /** Shared distinctive bigrams between the counted noun and the indicator. */
  overlap: number;
}

/**
 * The quantity that fills an indicator's {数量}: its unit fits the template's and the noun it counts
 * shares a distinctive bigram with the indicator's name or keywords. Money templates (万元, 亿元) are
 * never filled from text: amounts in 资金用途 are the budget's breakdown, not targets.
 */
export function matchQuantity(quantities: Quantity[], template: string, l3: string, keywords: string[]): QuantityMatch | null {
  const tu = templateCountUnit(template);
  if (tu === null || /元/.test(tu) || !tu) return null;
  const own: { [g: string]: true } = {};
  for (const g of bigrams(normalise(l3) + '|' + keywords.map(normalise).join('|'))) if (!GENERIC_GRAMS[g] && g.length === 2) own[g] = true;
  let best: QuantityMatch | null = null;
  for (const q of quantities) {
    if (!unitFits(tu, q.unit)) continue;
    let overlap = 0;
    for (const g of bigrams(q.after)) if (own[g]) overlap += 1;
    for (const g of bigrams(q.before)) if (own[g]) overlap += 0.75;
    // A unit that is itself the noun (23个村, 5辆) counts as part of it.
    if (own[q.unit + (q.after.charAt(0) || '')]) overlap += 0.5;
    if (overlap >= 1 && (!best || overlap > best.overlap)) best = { quantity: q, overlap };
  }
  return best;
}

/** "8" for 8, "2.5" for 2.5: the number as a value cell shows it. */
export function formatQuantity(n: number): string {
  return String(Math.round(n * 1000) / 1000);
}
