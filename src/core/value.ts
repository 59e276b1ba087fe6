// The 指标值 grammar: comparator + number + unit, a deadline/period, or a graded qualitative phrase.
// Pure TS. Regexes avoid lookbehind, named groups and the `u`/`s`/`y` flags: the task pane runs this code
// in IE11 / old-Chromium webviews, where those cannot be polyfilled.
import { valueText as T } from './i18n/value';

export type Comparator = '≥' | '≤' | '>' | '<' | '=';
export type UnitClass = 'percent' | 'money' | 'count' | 'duration' | 'other';
export type ParsedValue =
  | { kind: 'empty' }
  | {
      kind: 'quant';
      cmp: Comparator | null;
      num: number;
      numText: string;
      /** Canonical unit: "%" for 百分比/％, "元/人" for 元每人, "" when none was written. */
      unit: string;
      unitClass: UnitClass;
      /** canonical form, e.g. "≥90%", "=24人", "≤64.39万元", "8个" (no comparator added if none written) */
      normalized: string;
    }
  | {
      kind: 'deadline';
      /** For a period (2021年1月-12月) these are the end of the period. */
      year?: number;
      month?: number;
      day?: number;
      /** canonical form, e.g. "2023年12月底前", "12月31日前", "12月", "2021年1月-12月" */
      normalized: string;
    }
  | { kind: 'qual'; phrase: string; standard: boolean }
  | { kind: 'malformed'; reason: string; suggestion?: string };

export interface ValueIssue {
  /**
   * fullwidth: ％ ＞ ＜ ＝ ≧ ≦, full-width digits; ascii-cmp: comparator not written as one symbol
   * (>=, <=, 不低于, 95%以上, or a symbol repeated by a word); unit-word: 百分比/百分之, 次数 for 次, 万 for 万元;
   * stray-words: words around a readable value (左右, (计划标准), 全年…); placeholder: template text left in;
   * missing-cmp: a number with no comparator (read as "="); spaces: whitespace to remove; na: 无, /, —.
   */
  code: 'fullwidth' | 'ascii-cmp' | 'unit-word' | 'stray-words' | 'placeholder' | 'missing-cmp' | 'spaces' | 'na' | 'split-number';
  /** split-number: the two readings of a number broken by a space ("≥200 0 人": ≥2000人 or ≥200人). */
  readings?: string[];
  message: string;
  suggestion?: string;
}
export interface ValueAnalysis {
  raw: string;
  parsed: ParsedValue;
  issues: ValueIssue[];
}

// ---------------------------------------------------------------------------------------------------------
// Module-level tables and regexes (compiled once: the benchmark runs this over tens of thousands of rows).

const CJK = '\\u4e00-\\u9fa5';
const EDGE_WS_RE = /^[\s\u200b\ufeff]+|[\s\u200b\ufeff]+$/g;
const INNER_WS_RE = /[\s\u200b\ufeff]+/g;
const ASCII_ALNUM_RE = /[A-Za-z0-9]/;
const ASCII_LETTER_RE = /[A-Za-z]/;

/** Template leftovers. Not global: callers use .test() on it. */
// {数量}, {预算数}: library templates not yet filled in.
export const PLACEHOLDER_RE = /\{[^{}]{1,8}\}|[Xx]{2,}|[Ｘｘ]{2,}|[×*＊]{2,}|[☆★]|[○〇□]{2,}|目标内容\s*\d*|指标\s*\d+|请填写|请输入|……|\.{3,}/;
// A single placeholder char standing where the number belongs: "≥X%", "≥*个".
const PLACEHOLDER_NUM_RE = /^[XxＸｘ×*＊?？□]+/;

const NA_RE = /^(?:无|暂无|无此项|没有|不适用|不涉及|\/+|／+|[-－―—─–]+|N\/?A|n\/?a)$/;

const FW_CHAR_MAP: { [ch: string]: string } = {
  '％': '%', '﹪': '%', '＞': '>', '＜': '<', '＝': '=', '≧': '≥', '≦': '≤', '⩾': '≥', '⩽': '≤',
  '．': '.', '／': '/', '（': '(', '）': ')',
};
// Parentheses are mapped silently (full-width brackets are normal in Chinese text); the rest is reported.
const FW_SILENT = '（）';
const FW_RE = /[％﹪＞＜＝≧≦⩾⩽．／（）０-９Ａ-Ｚａ-ｚ]/g;
const ASCII_CMP_RE = />=|=>|≥=|<=|=<|≤=/g;
const ASCII_CMP_MAP: { [s: string]: Comparator } = { '>=': '≥', '=>': '≥', '≥=': '≥', '<=': '≤', '=<': '≤', '≤=': '≤' };

const CMP_SYMBOL_RE = /^[≥≤><=]/;
const CMP_WORD_PREFIX_RE =
  /^(大于或等于|大于等于|不低于|不少于|不小于|至少|小于或等于|小于等于|不超过|不高于|不多于|不大于|最多|控制在|大于|高于|超过|多于|小于|低于|少于|等于)/;
const CMP_WORD_MAP: { [w: string]: Comparator } = {
  大于或等于: '≥', 大于等于: '≥', 不低于: '≥', 不少于: '≥', 不小于: '≥', 至少: '≥',
  小于或等于: '≤', 小于等于: '≤', 不超过: '≤', 不高于: '≤', 不多于: '≤', 不大于: '≤', 最多: '≤', 控制在: '≤',
  大于: '>', 高于: '>', 超过: '>', 多于: '>', 小于: '<', 低于: '<', 少于: '<', 等于: '=',
};
const CMP_SUFFIX_RE = /(及以上|\(含\)以上|以上|及以下|\(含\)以下|以下|以内|之内|内)$/;
const PER_PREFIX_RE = /^每个?(月|年|季度|季|周|天|日|半年)/;
const NUM_RE = /^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?/;
const PCT_WORD_NUM_RE = /^百分之([0-9]+(?:\.[0-9]+)?|[零〇一二两三四五六七八九十百]+)/;
const HEDGE_AFTER_NUM_RE = /^(余|多)/;
const HEDGE_SUFFIX_RE = /(左右|上下)$/;
// Matches start only where a run of punctuation starts (linear on a long run; test/regex-safety.test.ts).
const TRAILING_PUNCT_RE = /(?<![。，,；;、.!！])[。，,；;、.!！]+$/;
const ANNOTATION_RE = /\(([^()]*)\)$/;

// Units. Order inside a class does not matter: the alternation is sorted longest first.
const MONEY_UNITS = ['元', '千元', '百元', '万元', '十万元', '百万元', '千万元', '亿元'];
const COUNT_UNITS = [
  '个', '人', '次', '场', '件', '份', '台', '套', '户', '名', '篇', '期', '条', '家', '所', '辆', '项', '批', '人次',
  '户次', '家次', '期次', '村', '处', '座', '棵', '株', '头', '只', '册', '本', '部', '张', '台套', '批次', '间', '场次', '班',
  '班次', '个次', '人天', '人日', '天次', '起', '宗', '单', '例', '位', '栋', '幢', '块', '根', '盏', '艘', '架', '匹',
  '羽', '箱', '袋', '瓶', '盒', '枚', '颗', '双', '副', '把', '组', '支', '队', '门', '轮', '届', '回', '趟', '遍',
  '校', '站', '人/次',
];
const DURATION_UNITS = [
  '天', '日', '小时', '个小时', '分钟', '秒', '秒钟', '个工作日', '工作日', '个月', '月', '年', '周', '个星期', '星期',
  '学时', '课时',
];
const OTHER_UNITS = [
  '公里', '千米', '米', '延米', '平方米', '平米', '平方公里', '平方千米', '亩', '公顷', '吨', '公斤', '千克', '克', '毫克',
  '微克', '斤', '升', '毫升', '立方米', '立方', '方', '千瓦', '兆瓦', '千瓦时', '度', '兆', '分', '级', '星', '倍', '字',
  '页', '分贝', '㎡', '㎞', 'm²', 'm³', 'km²', '℃',
];
const PERCENT_UNITS: { [u: string]: string } = { '%': '%', '‰': '‰', '百分点': '百分点', '个百分点': '个百分点' };
/** Units written as words: 百分比 → %, 次数 → 次 … */
const UNIT_WORDS: { [u: string]: string } = {
  百分比: '%', 百分: '%', 次数: '次', 人数: '人', 个数: '个', 户数: '户', 件数: '件', 场数: '场', 天数: '天',
  小时数: '小时', 人次数: '人次', 台数: '台', 套数: '套', 项数: '项', 份数: '份', 篇数: '篇', 期数: '期', 条数: '条',
  家数: '家', 场次数: '场次', 名数: '名',
};

const UNIT_CLASS: { [u: string]: UnitClass } = {};
for (const u of MONEY_UNITS) UNIT_CLASS[u] = 'money';
for (const u of COUNT_UNITS) UNIT_CLASS[u] = 'count';
for (const u of DURATION_UNITS) UNIT_CLASS[u] = 'duration';
for (const u of OTHER_UNITS) UNIT_CLASS[u] = 'other';
for (const u of Object.keys(PERCENT_UNITS)) UNIT_CLASS[u] = 'percent';

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\\/]/g, '\\$&');
}
function alternation(words: string[]): string {
  return words.slice().sort((a, b) => b.length - a.length).map(escapeRe).join('|');
}
const BASE_RE = new RegExp('^(?:' + alternation(Object.keys(UNIT_CLASS)) + ')');
const UNIT_WORD_RE = new RegExp('^(?:' + alternation(Object.keys(UNIT_WORDS)) + ')');
const MAGNITUDE_RE = /^(十万|百万|千万|十|百|千|万|亿)/;
const ASCII_UNIT_RE = /^[A-Za-zμ°][A-Za-z0-9²³°]*/;
const PER_PART_RE = new RegExp('^(?:[/每·][^0-9/每·]{1,6}){1,3}$');
// "17个村街": 个 + a short noun; the excluded chars would make it a phrase rather than a unit.
const GENERIC_GE_RE = new RegExp('^个[' + CJK + ']{1,3}$');
const DOTTED_PERIOD_RE = /^(\d{4})\.(\d{1,2})[-—~至到](\d{4})\.(\d{1,2})$/;
// A digit, a space, then digits that are not exactly a thousands group of three.
const SPLIT_NUMBER_RE = /(\d)[ \u3000\u00a0]+(?:\d{1,2}|\d{4,})(?!\d)/;
const NOT_IN_UNIT_RE = /[完成达到以上下内左右余多约为和及等]/;
const SINGLE_CJK_RE = new RegExp('^[' + CJK + ']$');
const CJK_RE = new RegExp('[' + CJK + ']');
const DIGIT_RE = /[0-9]/;
const RATE_TAIL_RE = /(率|比例|比率|占比|比重|满意度)$/;

// Deadlines / periods.
const DATE_NUMERIC_RE = /^(\d{4})[-.\/](\d{1,2})(?:[-.\/](\d{1,2}))?/;
const DATE_CN_RE = /^(?:(\d{4})年|当年|本年|今年|次年)?(\d{1,2})月份?(?:(\d{1,2})[日号]|(底|末|下旬|中旬|上旬|初))?/;
const DATE_YEAR_END_RE = /^(?:(\d{4})年|当年|本年|今年)?年?(底|末)/;
const DATE_HALF_RE = /^(?:(\d{4})年)?(上半年|下半年|第?([一二三四1-4])季度(?:末|底)?)/;
const DATE_YEAR_RE = /^(\d{4})年度?/;
const DATE_MONTH_RANGE_RE = /^(?:(\d{4})年)?(\d{1,2})(?:-|—|–|~|～|至|到)(\d{1,2})月/;
const DATE_PREFIX_RE = /^(于|在|截至|截止到|截止至|截止|不晚于|不迟于|最迟|最晚)/;
const DATE_RANGE_SEP_RE = /^(-|—|–|~|～|至|到)/;
const DATE_SUFFIX_RE = new RegExp(
  '^(前|之前|以前|止|为止|以内|之内|内)?(?:(?:全部|全面|按时|及时|按期)?(?:完成|结束|完工|竣工|到位|办结|发放|拨付|支付|兑现|实施|验收|上线|完毕)[' +
    CJK + ']{0,8})?[。.；;]*$',
);
const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const CN_QUARTER: { [c: string]: number } = { 一: 1, 二: 2, 三: 3, 四: 4, '1': 1, '2': 2, '3': 3, '4': 4 };

// Qualitative phrases.
const QUESTION_RE = /^是否/;
const LIST_RE = /^[(（]?[1１一][)）、.．:：]/;
const LIST_SECOND_RE = /[；;。，,\s][(（]?[2２二][)）、.．:：]/;
const PUNCT_RE = /[，,、。；;：:!！?？“”"'‘’()（）]/;
const CLAUSE_PUNCT_RE = /[，,。；;]/;
const NAME_END_RE = /(情况|水平|程度|能力|次数|人数|个数|数量|比例|比率|占比|指数|率)$/;
const NAME_EXEMPT_LEAD_RE =
  /^(明显|显著|有所|持续|逐步|进一步|大幅|稳步|不断|全面|可持续|大力)?(提高|提升|改善|增强|加强|增加|增长|减少|降低|下降|优化|改进|完善|健全|保持|维持|达到|较高|很高|高|较好|良好|优良|优秀|一般|稳定在|处于)/;
const LEFTOVER_UNIT_RE = /^(百分比|百分之|万元|千元|亿元|元)(?!旦|宵|素|件|器)/;
const LEFTOVER_BAI_RE = /^百(?=提升|提高|改善|增强|加强|降低|减少)/;
const LEAD_WORDS_RE = new RegExp('^([' + CJK + ']{1,4})(?=[≥≤><=]|[0-9])');
const CHANGE_VERB_RE = /^(提高|提升|增长|增加|减少|降低|下降|节约|压缩|缩短)/;

const MODIFIERS = '明显|显著|有所|持续|逐步|进一步|大幅度|大幅|稳步|不断|全面|基本|较大幅度|较大|大力|得到|得以|逐年|长期|相对|可持续|均|全部|有效|较|更加|更';
const GRADES = '好|较好|良好|优秀|优良|一般|较差|差|合格|达标|达到|达成|完成|稳定|健全|完善|规范|合规|有效|提高|提升|改善|增强|加强|增加|增长|减少|降低|下降|好转|改进|优化|是|否';
const CHANGES = '提高|提升|改善|增强|加强|增加|增长|减少|降低|下降|优化|改进|完善|健全';
const SUBJECT_DENY_LEAD =
  /^(维护|维持|保障|保证|保持|保护|促进|推动|推进|确保|坚持|打造|加大|构建|营造|体现|对|为|按|使|让|实现|做到|落实|通过|根据|依据|依照|有利于|能够|可以|进行|开展|定期|科学|宣传)/;
// Process words make "how" phrases ("全部按时处置完成"), not graded states.
const SUBJECT_DENY_ANY = /按|及时|通过|进行/;
const QUAL_SUBJECT_GRADE_RE = new RegExp('^([' + CJK + 'A-Za-z0-9.]{0,6}?)(?:' + MODIFIERS + ')*(?:' + GRADES + ')$');
const QUAL_CHANGE_OBJECT_RE = new RegExp('^(?:' + MODIFIERS + ')*(?:' + CHANGES + ')[' + CJK + 'A-Za-z0-9.%]{1,8}$');
const QUAL_REACH_STANDARD_RE = new RegExp('^(?:达到|符合)[' + CJK + 'A-Za-z0-9.]{1,8}(?:标准|要求|规定)$');
const QUAL_NONE_RE = new RegExp('^(?:不发生|未发生|无|零)[' + CJK + ']{2,10}$');
const QUAL_FIXED_RE = /^(?:按时完成|按期完成|如期完成|全部完成|全面完成|基本完成|已完成|全覆盖|全面覆盖|已建立|已设立)$/;
const QUAL_MAX_STANDARD_LEN = 12;

// ---------------------------------------------------------------------------------------------------------
// Numbers and money.

const CN_DIGIT: { [c: string]: number } = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
function cnNumber(s: string): number | null {
  // Small Chinese numerals (百分之九十五, 百分之百); larger ones do not occur in 指标值.
  if (s === '百') return 100;
  let total = 0;
  let cur = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charAt(i);
    if (c in CN_DIGIT) cur = CN_DIGIT[c];
    else if (c === '十') { total += (cur || 1) * 10; cur = 0; }
    else if (c === '百') { total += (cur || 1) * 100; cur = 0; }
    else return null;
  }
  return total + cur;
}

function toHalfWidth(s: string): string {
  return s.replace(/[０-９Ａ-Ｚａ-ｚ．]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

/** "7.99", "100,000", " 50 ", full-width digits → number; null when not a plain number. */
export function parseNumber(text: string): number | null {
  if (typeof text !== 'string') return null;
  const s = toHalfWidth(text.replace(EDGE_WS_RE, ''));
  const m = NUM_RE.exec(s);
  if (!m || m[0].length !== s.length) return null;
  const n = Number(m[0].replace(/,/g, ''));
  return isFinite(n) ? n : null;
}

/**
 * An amount in a money cell: a plain number, or "250万" under 单位：万元 (the same amount, the unit said twice,
 * which reviewers read without objection). null otherwise.
 */
export function parseAmount(text: string, tableUnit: string): number | null {
  const n = parseNumber(text);
  if (n !== null || tableUnit !== '万元') return n;
  const m = /^\s*([0-9]+(?:\.[0-9]+)?)\s*万\s*$/.exec(toHalfWidth(text));
  return m ? parseFloat(m[1]) : null;
}

const YUAN_FACTOR: { [u: string]: number } = {
  元: 1, 百元: 100, 千元: 1e3, 万元: 1e4, 十万元: 1e5, 百万元: 1e6, 千万元: 1e7, 亿元: 1e8,
};
/**
 * An amount in 元/万元/亿元/千元 → yuan. null for non-money units and for per-unit money (元/人):
 * a per-unit price is not an amount that can be compared with a budget (see splitMoneyUnit).
 */
export function toYuan(amount: number, unit: string): number | null {
  const f = YUAN_FACTOR[unit];
  if (f === undefined || typeof amount !== 'number' || !isFinite(amount)) return null;
  // Round away binary noise (64.39 * 1e4) so comparisons with budgets are exact to the fen.
  return Math.round(amount * f * 100) / 100;
}

/** "万元/个" → { base: "万元", per: "个" }; "元" → { base: "元", per: null }; null if not money. */
export function splitMoneyUnit(unit: string): { base: string; per: string | null } | null {
  const slash = unit.indexOf('/');
  const base = slash < 0 ? unit : unit.slice(0, slash);
  if (YUAN_FACTOR[base] === undefined) return null;
  return { base, per: slash < 0 ? null : unit.slice(slash + 1) };
}

// ---------------------------------------------------------------------------------------------------------
// Units.

interface UnitInfo {
  unit: string;
  cls: UnitClass;
  /** the word that was written when it differs from the canonical unit (百分比, 次数) */
  wordFrom?: string;
  /** bare 万/亿: probably 万元 with 元 dropped */
  incomplete?: boolean;
}

/** Longest known unit at the start of s (no generic fallbacks). */
function matchBase(s: string): UnitInfo & { len: number } | null {
  let m = UNIT_WORD_RE.exec(s);
  if (m) {
    const u = UNIT_WORDS[m[0]];
    // 次数 → 次; but prefer a real unit when it is longer ("百分点" over "百分").
    const b = BASE_RE.exec(s);
    if (!b || b[0].length <= m[0].length) return { unit: u, cls: UNIT_CLASS[u], wordFrom: m[0], len: m[0].length };
  }
  m = BASE_RE.exec(s);
  if (m) return { unit: m[0], cls: UNIT_CLASS[m[0]], len: m[0].length };
  const mag = MAGNITUDE_RE.exec(s);
  if (mag) {
    const rest = s.slice(mag[0].length);
    const b = BASE_RE.exec(rest);
    if (b && (UNIT_CLASS[b[0]] === 'count' || UNIT_CLASS[b[0]] === 'other')) {
      return { unit: mag[0] + b[0], cls: UNIT_CLASS[b[0]], len: mag[0].length + b[0].length };
    }
    if (mag[0] === '万' || mag[0] === '亿') return { unit: mag[0], cls: 'other', incomplete: true, len: 1 };
  }
  return null;
}

/** The whole string as a unit, or null. `loose` admits unknown ASCII units and single CJK measure words. */
function classifyUnit(u: string, loose: boolean): UnitInfo | null {
  if (u === '') return { unit: '', cls: 'other' };
  const b = matchBase(u);
  if (b) {
    const rest = u.slice(b.len);
    if (rest === '') return { unit: b.unit, cls: b.cls, wordFrom: b.wordFrom, incomplete: b.incomplete };
    if (PER_PART_RE.test(rest) && !b.incomplete) {
      // 元每人每月 → 元/人/月; the base keeps its class (per-unit money is still money).
      const per = rest.replace(/^[每·]/, '/').replace(/每/g, '/');
      return { unit: b.unit + per, cls: b.cls, wordFrom: b.wordFrom };
    }
  }
  if (!loose) return null;
  if (GENERIC_GE_RE.test(u) && !NOT_IN_UNIT_RE.test(u)) return { unit: u, cls: 'count' };
  const a = ASCII_UNIT_RE.exec(u);
  if (a) {
    const rest = u.slice(a[0].length);
    if (rest === '' || (PER_PART_RE.test(rest) && rest.charAt(0) === '/')) return { unit: u, cls: 'other' };
  }
  if (SINGLE_CJK_RE.test(u) && !NOT_IN_UNIT_RE.test(u)) return { unit: u, cls: 'other' };
  return null;
}

// ---------------------------------------------------------------------------------------------------------
// Quantities.

type QuantOutcome =
  | { ok: true; cmp: Comparator | null; num: number; numText: string; unit: string; cls: UnitClass; issues: ValueIssue[]; normalized: string }
  | { ok: false; placeholder?: boolean; reason: string; suggestion?: string; issues: ValueIssue[] };

function issue(code: ValueIssue['code'], message: string, suggestion?: string): ValueIssue {
  return suggestion === undefined ? { code, message } : { code, message, suggestion };
}

/** null when the text does not start like a quantity (comparator, number, 每月…, 百分之…). */
function parseQuant(t: string): QuantOutcome | null {
  const issues: ValueIssue[] = [];
  let pos = 0;
  let per = '';
  let cmp: Comparator | null = null;
  let cmpIsWord = false;
  let m = PER_PREFIX_RE.exec(t);
  if (m) { per = '/' + m[1]; pos += m[0].length; }
  let rest = t.slice(pos);
  if (CMP_SYMBOL_RE.test(rest)) {
    cmp = rest.charAt(0) as Comparator;
    pos += 1;
  } else if ((m = CMP_WORD_PREFIX_RE.exec(rest))) {
    cmp = CMP_WORD_MAP[m[1]];
    issues.push(issue('ascii-cmp', T.issue.asciiCmp(m[1], cmp)));
    cmpIsWord = true;
    pos += m[0].length;
  }
  rest = t.slice(pos);

  let num: number;
  let numText: string;
  let pctWord = '';
  if ((m = NUM_RE.exec(rest))) {
    numText = m[0].replace(/,/g, '').replace(/^\+/, '');
    num = Number(numText);
    rest = rest.slice(m[0].length);
  } else if ((m = PCT_WORD_NUM_RE.exec(rest))) {
    const n = DIGIT_RE.test(m[1]) ? Number(m[1]) : cnNumber(m[1]);
    if (n === null) return null;
    num = n;
    numText = String(n);
    pctWord = '百分之';
    rest = rest.slice(m[0].length);
  } else if ((cmp !== null || per) && (m = PLACEHOLDER_NUM_RE.exec(rest))) {
    return { ok: false, placeholder: true, reason: T.reason.placeholder, issues };
  } else if (cmp !== null || per) {
    const unitOnly = classifyUnit(rest, false);
    if (unitOnly && rest !== '') return { ok: false, reason: T.reason.unitOnly(rest), issues };
    return cmp !== null && pos > 0 && CMP_SYMBOL_RE.test(t.charAt(pos - 1))
      ? { ok: false, reason: T.reason.unreadable(t), issues }
      : null; // a word like 达到/控制在 followed by a phrase: let the phrase rules judge it
  } else {
    return null;
  }

  // Hedges and annotations around the unit: keep the value, report the words.
  const stray: string[] = [];
  if ((m = HEDGE_AFTER_NUM_RE.exec(rest)) && rest.length > 1) { stray.push(m[1]); rest = rest.slice(1); }
  let sufCmp: Comparator | null = null;
  let sufWord = '';
  for (let guard = 0; guard < 3; guard++) {
    if ((m = ANNOTATION_RE.exec(rest))) {
      const inner = m[1];
      const before = rest.slice(0, rest.length - m[0].length);
      if (before === '' && classifyUnit(inner, false)) { rest = inner; continue; } // "95(%)"
      stray.push(m[0]);
      rest = before;
      continue;
    }
    if ((m = TRAILING_PUNCT_RE.exec(rest)) && m[0].length < rest.length) {
      stray.push(m[0]);
      rest = rest.slice(0, rest.length - m[0].length);
      continue;
    }
    if ((m = HEDGE_SUFFIX_RE.exec(rest))) { stray.push(m[1]); rest = rest.slice(0, rest.length - m[0].length); continue; }
    if (sufCmp === null && (m = CMP_SUFFIX_RE.exec(rest))) {
      sufWord = m[1];
      sufCmp = /以上/.test(sufWord) ? '≥' : '≤';
      rest = rest.slice(0, rest.length - m[0].length);
      continue;
    }
    break;
  }
  if (sufCmp !== null) {
    if (cmp === null) {
      cmp = sufCmp;
      issues.push(issue('ascii-cmp', T.issue.asciiCmp(sufWord, sufCmp)));
    } else if (cmp === '=' || (sufCmp === '≥') !== (cmp === '≥' || cmp === '>')) {
      return { ok: false, reason: T.reason.cmpConflict, issues };
    } else if (!cmpIsWord) {
      // "控制在45万元以内" is one comparison in two words: already reported once.
      issues.push(issue('ascii-cmp', T.issue.cmpRedundant(sufWord)));
    }
  }

  let info: UnitInfo | null;
  if (pctWord) {
    info = rest === '' ? { unit: '%', cls: 'percent', wordFrom: pctWord } : null;
  } else {
    info = classifyUnit(rest, true);
  }
  let strayAfter = '';
  if (!info) {
    // A known unit followed by words: keep the unit, the words are stray.
    const b = pctWord ? null : matchBase(rest);
    const tail = b ? rest.slice(b.len) : rest;
    const shortTail = b !== null && !DIGIT_RE.test(tail) && tail.length <= 2 && CJK_RE.test(tail);
    if (b && shortTail) {
      info = { unit: b.unit, cls: b.cls, wordFrom: b.wordFrom, incomplete: b.incomplete };
      stray.push(tail);
    } else {
      strayAfter = tail;
      let suggestion: string | undefined;
      if (!DIGIT_RE.test(tail)) {
        if (b) suggestion = (cmp || '') + numText + b.unit;
        else if (RATE_TAIL_RE.test(tail)) suggestion = (cmp || '') + numText + '%'; // "≥90工作完成率"
      }
      const iss = issues.concat(issue('stray-words', T.issue.strayWords(strayAfter), suggestion));
      return { ok: false, reason: T.reason.strayAfter(strayAfter), suggestion, issues: iss };
    }
  }

  const unit = info.unit + (per && info.unit ? per : '');
  const normalized = (cmp || '') + numText + unit;
  if (info.wordFrom) issues.push(issue('unit-word', T.issue.unitWord(info.wordFrom, info.unit)));
  if (info.incomplete) {
    issues.push(issue('unit-word', T.issue.unitIncomplete(info.unit), (cmp || '') + numText + info.unit + '元'));
  }
  if (stray.length) issues.push(issue('stray-words', T.issue.strayWords(stray.join('、'))));
  return { ok: true, cmp, num, numText, unit, cls: info.cls, issues, normalized };
}

// ---------------------------------------------------------------------------------------------------------
// Deadlines.

interface DatePart { year?: number; month?: number; day?: number; text: string; len: number; bareMonth: boolean }

function readDate(s: string): DatePart | null {
  let m = DATE_NUMERIC_RE.exec(s);
  if (m) {
    const year = Number(m[1]);
    const month = Number(m[2]);
    const day = m[3] ? Number(m[3]) : undefined;
    return { year, month, day, text: year + '年' + month + '月' + (day ? day + '日' : ''), len: m[0].length, bareMonth: false };
  }
  if ((m = DATE_HALF_RE.exec(s))) {
    const year = m[1] ? Number(m[1]) : undefined;
    const month = m[2] === '上半年' ? 6 : m[2] === '下半年' ? 12 : 3 * CN_QUARTER[m[3]];
    return { year, month, text: m[0], len: m[0].length, bareMonth: false };
  }
  if ((m = DATE_YEAR_END_RE.exec(s))) {
    const year = m[1] ? Number(m[1]) : undefined;
    return { year, month: 12, text: (year ? year + '年' : '年') + '底', len: m[0].length, bareMonth: false };
  }
  if ((m = DATE_CN_RE.exec(s))) {
    const year = m[1] ? Number(m[1]) : undefined;
    const month = Number(m[2]);
    const day = m[3] ? Number(m[3]) : undefined;
    const end = m[4] === '末' ? '底' : m[4] || '';
    const text = (year ? year + '年' : '') + month + '月' + (day ? day + '日' : end);
    return { year, month, day, text, len: m[0].length, bareMonth: !day && !end };
  }
  if ((m = DATE_YEAR_RE.exec(s))) {
    const year = Number(m[1]);
    if (year < 1990 || year > 2100) return null; // "5年" is a duration
    return { year, text: year + '年', len: m[0].length, bareMonth: false };
  }
  return null;
}

type DeadlineOutcome = { ok: true; year?: number; month?: number; day?: number; normalized: string } | { ok: false; reason: string };

function validDate(d: DatePart): boolean {
  if (d.year !== undefined && (d.year < 1990 || d.year > 2100)) return false;
  if (d.month !== undefined && (d.month < 1 || d.month > 12)) return false;
  if (d.day !== undefined && d.month !== undefined && (d.day < 1 || d.day > DAYS_IN_MONTH[d.month - 1])) return false;
  return true;
}

function parseDeadline(t: string): DeadlineOutcome | null {
  let pos = 0;
  let by = false;
  let cmp: string | null = null;
  if (CMP_SYMBOL_RE.test(t)) { cmp = t.charAt(0); pos = 1; }
  let m = DATE_PREFIX_RE.exec(t.slice(pos));
  if (m) { pos += m[0].length; if (m[1] !== '于' && m[1] !== '在') by = true; }
  const mr = DATE_MONTH_RANGE_RE.exec(t.slice(pos));
  if (mr && DATE_SUFFIX_RE.test(t.slice(pos + mr[0].length))) {
    // "1-12月", "2021年1-12月": a period of months; keep its end.
    const year = mr[1] ? Number(mr[1]) : undefined;
    const from = Number(mr[2]);
    const to = Number(mr[3]);
    if (from < 1 || to > 12 || from > to) return { ok: false, reason: T.reason.badDate };
    return { ok: true, year, month: to, normalized: (year ? year + '年' : '') + from + '月-' + to + '月' };
  }
  const first = readDate(t.slice(pos));
  if (!first) return null;
  pos += first.len;
  let last = first;
  let period = false;
  m = DATE_RANGE_SEP_RE.exec(t.slice(pos));
  if (m) {
    const second = readDate(t.slice(pos + m[0].length));
    if (!second) return null;
    pos += m[0].length + second.len;
    if (second.year === undefined && first.year !== undefined) second.year = first.year;
    last = second;
    period = true;
  }
  const suffix = t.slice(pos);
  m = DATE_SUFFIX_RE.exec(suffix);
  if (!m) return null;
  if (m[1]) by = true;
  // "≥3月" or "=12月" reads as a number of months, not a date; "12月", "<12月", "≤12月31日" are dates.
  if (!period && first.bareMonth && first.year === undefined && (cmp === '≥' || cmp === '>' || cmp === '=')) return null;
  if (cmp === '≤' || cmp === '<') by = true;
  // A month number above 12 is a duration ("18月"), not a broken date.
  if (first.bareMonth && first.month !== undefined && first.month > 12 && !period && first.year === undefined) return null;
  if (!validDate(first) || !validDate(last)) return { ok: false, reason: T.reason.badDate };
  const normalized = period ? first.text + '-' + (last.year === first.year && /^\d{4}年/.test(last.text) ? last.text.replace(/^\d{4}年/, '') : last.text) : first.text + (by ? '前' : '');
  return { ok: true, year: last.year, month: last.month, day: last.day, normalized };
}

// ---------------------------------------------------------------------------------------------------------
// Qualitative phrases.

function isStandardQual(p: string): boolean {
  if (p.length > QUAL_MAX_STANDARD_LEN || PUNCT_RE.test(p)) return false;
  if (QUAL_FIXED_RE.test(p) || QUAL_REACH_STANDARD_RE.test(p) || QUAL_NONE_RE.test(p)) return true;
  if (QUAL_CHANGE_OBJECT_RE.test(p)) return true;
  const m = QUAL_SUBJECT_GRADE_RE.exec(p);
  return !!m && !SUBJECT_DENY_LEAD.test(m[1]) && !SUBJECT_DENY_ANY.test(m[1]);
}

// ---------------------------------------------------------------------------------------------------------

function compactSpaces(s: string): string {
  // Keep one space only between ASCII words ("ISO 9001"); in Chinese text whitespace is never meaningful.
  return s.replace(EDGE_WS_RE, '').replace(INNER_WS_RE, (ws: string, off: number, str: string) => {
    const a = str.charAt(off - 1);
    const b = str.charAt(off + ws.length);
    return ASCII_ALNUM_RE.test(a) && ASCII_ALNUM_RE.test(b) && (ASCII_LETTER_RE.test(a) || ASCII_LETTER_RE.test(b)) ? ' ' : '';
  });
}

function normalizeChars(s: string): { text: string; fullwidth: string; asciiCmp: string[] } {
  const seen: string[] = [];
  let text = s.replace(FW_RE, (c) => {
    if (FW_SILENT.indexOf(c) < 0 && seen.indexOf(c) < 0) seen.push(c);
    const mapped = FW_CHAR_MAP[c];
    return mapped !== undefined ? mapped : String.fromCharCode(c.charCodeAt(0) - 0xfee0);
  });
  const ascii: string[] = [];
  text = text.replace(ASCII_CMP_RE, (c) => {
    if (ascii.indexOf(c) < 0) ascii.push(c);
    return ASCII_CMP_MAP[c];
  });
  return { text, fullwidth: seen.join(''), asciiCmp: ascii };
}

function malformed(reason: string, suggestion?: string): ParsedValue {
  return suggestion === undefined ? { kind: 'malformed', reason } : { kind: 'malformed', reason, suggestion };
}

/** Parse one 指标值 cell and list what is wrong with how it is written. Never throws. */
export function analyzeValue(raw: string): ValueAnalysis {
  const rawText = typeof raw === 'string' ? raw : raw == null ? '' : String(raw);
  const compact = compactSpaces(rawText);
  if (compact === '') return { raw: rawText, parsed: { kind: 'empty' }, issues: [] };
  const spaced = compact !== rawText;

  // Findings that depend on the final reading are collected here and finished at the end.
  const finish = (parsed: ParsedValue, issues: ValueIssue[], fixed?: string): ValueAnalysis => {
    const out = issues.slice();
    if (spaced) out.unshift(issue('spaces', T.issue.spaces, fixed !== undefined ? fixed : compact));
    for (const i of out) if (i.suggestion === undefined && fixed !== undefined && i.code !== 'missing-cmp') i.suggestion = fixed;
    return { raw: rawText, parsed, issues: out };
  };

  if (NA_RE.test(compact)) {
    return finish(malformed(T.reason.na), [issue('na', T.issue.na(compact))]);
  }
  if (PLACEHOLDER_RE.test(compact)) {
    return finish(malformed(T.reason.placeholder), [issue('placeholder', T.issue.placeholder(compact))]);
  }

  const norm = normalizeChars(compact);
  const t = norm.text.replace(/ /g, '');
  const charIssues: ValueIssue[] = [];
  if (norm.fullwidth) charIssues.push(issue('fullwidth', T.issue.fullwidth(norm.fullwidth)));
  for (const a of norm.asciiCmp) charIssues.push(issue('ascii-cmp', T.issue.asciiCmp(a, ASCII_CMP_MAP[a])));

  // A numbered list ("1、…；2、…") starts with a digit: catch it before the number grammar does.
  if (LIST_RE.test(t) && LIST_SECOND_RE.test(t)) return finish(malformed(T.reason.list), []);

  // "2023.07-2024.01": a period written with dots, read as 2023年7月-2024年1月.
  const dotted = DOTTED_PERIOD_RE.exec(t);
  const dl = parseDeadline(dotted ? dotted[1] + '年' + +dotted[2] + '月-' + dotted[3] + '年' + +dotted[4] + '月' : t);
  if (dl) {
    if (!dl.ok) return finish(malformed(dl.reason), charIssues);
    const d: { kind: 'deadline'; year?: number; month?: number; day?: number; normalized: string } = {
      kind: 'deadline', normalized: dl.normalized,
    };
    if (dl.year !== undefined) d.year = dl.year;
    if (dl.month !== undefined) d.month = dl.month;
    if (dl.day !== undefined) d.day = dl.day;
    return finish(d, charIssues, dl.normalized);
  }

  let q = parseQuant(t);
  let leadWords = '';
  if (!q) {
    // "全年12次": a few words before a clean quantity. Change verbs carry meaning ("提高5%"): not stray.
    const lm = LEAD_WORDS_RE.exec(t);
    if (lm && !CHANGE_VERB_RE.test(lm[1]) && !CMP_WORD_PREFIX_RE.test(lm[1])) {
      const q2 = parseQuant(t.slice(lm[1].length));
      if (q2 && q2.ok) { q = q2; leadWords = lm[1]; }
    }
  }
  if (q) {
    if (!q.ok) {
      if (q.placeholder) return finish(malformed(q.reason), [issue('placeholder', T.issue.placeholder(compact))]);
      return finish(malformed(q.reason, q.suggestion), charIssues.concat(q.issues), q.suggestion);
    }
    const parsed: ParsedValue = {
      kind: 'quant', cmp: q.cmp, num: q.num, numText: q.numText, unit: q.unit, unitClass: q.cls, normalized: q.normalized,
    };
    const issues = charIssues.concat(q.issues);
    if (leadWords) issues.push(issue('stray-words', T.issue.strayWords(leadWords)));
    if (q.cmp === null) issues.push(issue('missing-cmp', T.issue.missingCmp, '=' + q.normalized));
    const split = SPLIT_NUMBER_RE.exec(rawText);
    if (split) {
      // Digits after the space that are not a thousands group: the space may be a typo inside the number or
      // stand before a stray digit. Offer both readings.
      const shorter = analyzeValue(rawText.replace(SPLIT_NUMBER_RE, '$1'));
      const other = shorter.parsed.kind === 'quant' ? shorter.parsed.normalized : undefined;
      if (other && other !== q.normalized) {
        const i = issue('split-number', T.issue.splitNumber(rawText.trim(), q.normalized, other), q.normalized);
        i.readings = [q.normalized, other];
        return { raw: rawText, parsed, issues: [i].concat(issues) };
      }
    }
    return finish(parsed, issues, q.normalized);
  }

  // Text from here on.
  const phrase = compact;
  const m = LEFTOVER_BAI_RE.exec(t) || LEFTOVER_UNIT_RE.exec(t);
  if (m && t.length > m[0].length && CJK_RE.test(t.charAt(m[0].length))) {
    const leftover = m[0] || '百';
    const restText = t.slice(leftover.length);
    const suggestion = isStandardQual(restText) ? restText : undefined;
    return finish(malformed(T.reason.unitLeftover(leftover), suggestion), [
      issue('stray-words', T.issue.strayWords(leftover), suggestion),
    ]);
  }
  if (classifyUnit(t, false)) return finish(malformed(T.reason.unitOnly(t)), charIssues);
  if (QUESTION_RE.test(t)) return finish(malformed(T.reason.question), []);
  // A name is a noun phrase: sentences with clause punctuation are judged as free phrases instead.
  if (NAME_END_RE.test(t) && !CLAUSE_PUNCT_RE.test(t) && (/情况$/.test(t) || !NAME_EXEMPT_LEAD_RE.test(t))) {
    return finish(malformed(T.reason.nameLike(phrase)), []);
  }
  if (DIGIT_RE.test(t.charAt(0)) || CMP_SYMBOL_RE.test(t)) return finish(malformed(T.reason.unreadable(phrase)), charIssues);
  return finish({ kind: 'qual', phrase, standard: isStandardQual(t) }, []);
}
