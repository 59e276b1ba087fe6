// Text normalisation and character bigrams for the classifier and the suggester. No segmenter: Chinese
// project names are short, and bigrams over a keyword dictionary find what a word segmenter would, at a
// fraction of the task pane bundle. Regexes avoid lookbehind, named groups and the u/s/y flags (IE11 /
// old-Chromium task panes run this code).

/** Full-width ASCII forms (Ａ, １, （, ％, ＋) and the ideographic space → their half-width forms. */
export function toHalfWidth(s: string): string {
  return s.replace(/[\uff01-\uff5e\u3000]/g, (c) => (c === '\u3000' ? ' ' : String.fromCharCode(c.charCodeAt(0) - 0xfee0)));
}

// 【2020】, 〔2021〕, ［2020］ and (2020) all read as [2020]: 文号 are written with any of them.
const OPEN_RE = /[【〔［\[｛{]/g;
const CLOSE_RE = /[】〕］\]｝}]/g;
const QUOTES_RE = /[“”"‘’'《》〈〉「」『』]/g;

/**
 * Document numbers (文号): 廊财行【2020】38号, 财预〔2021〕101号, 冀财社2021152号. They name the funding document,
 * not the project, and their digits would otherwise look like quantities.
 */
const DOC_NO_BRACKET_RE = /(?:[\u4e00-\u9fa5]{0,3}(?:财|发|办|政|字|函|委|府)[\u4e00-\u9fa5]{0,2})?[\[(]\s*(?:19|20)\d{2}\s*[\])]\s*第?\d+\s*号/g;
const DOC_NO_PLAIN_RE = /[\u4e00-\u9fa5]{0,3}(?:财|发|办|政)[\u4e00-\u9fa5]{1,2}(?:19|20)\d{2}\d{1,4}号/g;
/** Amounts of money, percentages, years and dates: noise for classification. */
// (?<!\d): a match starts where the digits start, so a long run of digits is scanned once (linear).
const MONEY_RE = /(?<!\d)\d+(?:\.\d+)?\s*(?:亿元|万元|千元|元|万)/g;
const PERCENT_RE = /(?<!\d)\d+(?:\.\d+)?\s*%/g;
const YEAR_RE = /(?:19|20)\d{2}(?:\s*[-~—至到]\s*(?:19|20)\d{2})?\s*(?:年度|年)?/g;
const DATE_RE = /\d{1,2}\s*月(?:份|底|末|中旬|上旬|下旬|\d{1,2}\s*日)?/g;
/** "1." "2、" list numbering at the start of a target sentence. */
const NUMBERING_RE = /(^|[\s。；;，,:：!！?？\n])\d{1,2}\s*[.、)）](?!\d)/g;
const WS_RE = /[\s\u200b\ufeff]+/g;

/** Brackets unified, 文号 removed, quotes dropped; the text is otherwise kept (quantities still readable). */
export function cleanText(s: string): string {
  const t = toHalfWidth(String(s == null ? '' : s))
    .replace(OPEN_RE, '[')
    .replace(CLOSE_RE, ']')
    .replace(QUOTES_RE, '');
  // Every 文号 ends in 号: most texts have none, and the 文号 patterns are the costly ones.
  return t.indexOf('号') < 0 ? t : t.replace(DOC_NO_BRACKET_RE, ' ').replace(DOC_NO_PLAIN_RE, ' ');
}

/**
 * The form the classifier matches keywords in: cleaned, without amounts, years, dates, list numbering and
 * whitespace, ASCII lower-cased. Separators stay as "|" so no bigram spans two phrases.
 */
export function normalise(s: string): string {
  const key = String(s == null ? '' : s);
  let v = normMemo.get(key);
  if (v === undefined) {
    // The library's own texts are normalised again by every index built from a (merged) library.
    if (normMemo.size > 20000) normMemo.clear();
    v = normaliseUncached(key);
    normMemo.set(key, v);
  }
  return v;
}
const normMemo = new Map<string, string>();

/** Text that normalising leaves as it is: Chinese characters only (most keywords). */
const PLAIN_RE = /^[\u4e00-\u9fa5]*$/;

function normaliseUncached(s: string): string {
  if (PLAIN_RE.test(s)) return s;
  let t = cleanText(s);
  // Amounts, percentages, years, dates and numbering all have digits: most keywords and names have none.
  if (/\d/.test(t)) t = t.replace(MONEY_RE, '|').replace(PERCENT_RE, '|').replace(YEAR_RE, '|').replace(DATE_RE, '|').replace(NUMBERING_RE, '$1|');
  return t
    .replace(WS_RE, '')
    .replace(/[,，。、；;：:!！?？()\[\]<>·•\\|/…—\-~]+/g, '|')
    .toLowerCase();
}

/** Distinct character bigrams within runs (a run never crosses "|"); a one-character run gives itself. */
export function bigrams(s: string): string[] {
  const seen = new Set<string>();
  let start = 0;
  for (let i = 0; i <= s.length; i++) {
    if (i < s.length && s.charCodeAt(i) !== 124 /* | */) continue;
    const len = i - start;
    if (len === 1) seen.add(s.charAt(start));
    else for (let j = start; j + 1 < i; j++) seen.add(s.substr(j, 2));
    start = i + 1;
  }
  return Array.from(seen);
}

/** Key for "the same 三级": label whitespace, brackets, quotes and % signs do not make two names differ. */
export function nameKey(s: string): string {
  return toHalfWidth(String(s == null ? '' : s))
    .replace(WS_RE, '')
    .replace(/[()\[\]（）【】“”"《》%％、，,。.]/g, '')
    .toLowerCase();
}
