// What an indicator measures, read from its 三级 name (the description only breaks ties).
// Precision over recall: a rule acts on the answer, so anything doubtful is 'unknown'.
// Regexes avoid lookbehind, named groups and the `u`/`s`/`y` flags (IE11 / old-Chromium task panes).
import { analyzeValue } from './value';

export type Measure = 'rate' | 'satisfaction' | 'count' | 'cost' | 'time' | 'unknown';

// A "(%)" after the name states the unit: the indicator is a percentage whatever its head noun.
const PERCENT_MARK_RE = /[(（]\s*(?:%|％|百分比)\s*[)）]/;
const BRACKETS_RE = /[(（][^()（）]*[)）]/g;
const QUOTES_RE = /[“”"‘’'《》〈〉「」]/g;
const WS_RE = /[\s\u200b\ufeff]+/g;
// The lookbehind starts a match only where a run of punctuation starts: a long run not at the end is then
// scanned once, not once per position (quadratic; test/regex-safety.test.ts).
const TRAILING_PUNCT_RE = /(?<![。.，,、；;：:!！?？])[。.，,、；;：:!！?？]+$/;
// Clause separators always split; 、 and ， split only a list of verb phrases (see splitClauses).
const HARD_SEP_RE = /[。；;]/;
const SOFT_SEP_RE = /[、，,]/;

const SATISFACTION_RE = /满意(度|率|程度)/;
// 效率 (efficiency) and 频率 are not percentages of a whole; 有效率 is.
const NOT_RATE_RE = /(?:[^有]效率|^效率|频率|功率)$/;
const RATE_END_RE = /(?:率|比例|比率|占比|比重|百分比|之比|的比|覆盖度|参与度|知晓度|完成度)$/;
// "上访率下降", "设备正常运行率达到100%": a rate followed by its direction or target.
const RATE_TREND_RE = /率(?:下降|降低|提高|提升|增长|增加|减少|达到[0-9.]+%?|达[0-9.]+%?)$/;

const TIME_END_RE = /(?:时间|时限|时效|期限|截止时间|截止日期|截止|日期|年限|时长|用时|工期|时间节点|及时性|准时性|时效性)$/;
const TIME_LEAD_RE = /^(?:按期|按时|如期|及时|限时|准时)/;

const COST_END_RE =
  /(?:成本|费用|经费|资金|金额|额度|预算|预算数|控制数|投资|投资额|总投资|造价|单价|支出|开支|成本控制|总额|价格|资金数|经费数|金额数)$/;
const COST_FEE_END_RE = /费$/;
const NOT_COST_FEE_RE = /(?:免费|收费|消费|浪费)$/;
const COST_AMOUNT_END_RE = /额$/;
const NOT_COST_AMOUNT_RE = /(?:份额|名额|销售额|营业额|交易额|成交额|贸易额|产值额|税额)$/;
const COST_STANDARD_RE = /(?:补助|补贴|发放|缴纳|开支|支出|经费|资助|奖励|慰问|工资|报酬|收费|定额|费用|成本)标准$/;
const COST_LEVEL_RE = /(?:发放|补助|补贴|资助)(?:水平|额)$/;

const COUNT_END_RE =
  /(?:次数|人数|个数|户数|场次|件数|份数|台数|套数|条数|篇数|期数|项数|家数|村数|所数|批次|人次|户次|班次|天数|数量|总数)$/;
const COUNT_GENERIC_END_RE = /数$/;
// …数 that are not counts: indices, coefficients, scores, and physical quantities (亩数 is an area).
const NOT_COUNT_RE = /(?:指数|系数|分数|倍数|函数|基数|参数|读数|常数|小数|整数|度数|少数|多数|岁数|亩数|公顷数|公里数|里程数|吨数|米数|方数|控制数|资金数|经费数|金额数|占.+数)$/;

// Names that start with a change or goal verb are aims ("减少司法方面的支出", "保障经费"), not amounts:
// their cost/time endings are not trusted. Doing verbs (组织, 开展, 召开, 提供) are fine: "组织培训次数".
const CHANGE_LEAD_RE = /^(?:提高|提升|增强|加强|增加|增长|减少|降低|下降|节约|压缩|缩短|改善|优化)/;
const GOAL_LEAD_RE =
  /^(?:促进|推动|推进|保障|保证|保持|保护|维护|维持|确保|实现|构建|打造|营造|加大|坚持|体现|有利于|完善|健全|规范|落实|做好|加快|强化|带动)/;
const isActionLead = (s: string): boolean => CHANGE_LEAD_RE.test(s) || GOAL_LEAD_RE.test(s);

const MONEY_IN_RE = /到位|引进|引资|利用|审减|挽回|追缴|收入|增收|产值|节约|节省/;

const DESC_MAX_LEN = 40;

function clean(name: string): { text: string; percent: boolean } {
  const s = String(name == null ? '' : name).replace(WS_RE, '');
  const percent = PERCENT_MARK_RE.test(s);
  const text = s.replace(BRACKETS_RE, '').replace(QUOTES_RE, '').replace(TRAILING_PUNCT_RE, '');
  return { text, percent };
}

/** One noun phrase (no clause separators) → measure. */
function classifyPhrase(n: string, percent: boolean): Measure {
  if (!n) return 'unknown';
  if (SATISFACTION_RE.test(n)) return 'satisfaction';
  if (RATE_END_RE.test(n) && !NOT_RATE_RE.test(n)) return 'rate';
  if (RATE_TREND_RE.test(n)) return 'rate';
  if (percent) return 'rate';
  if (TIME_LEAD_RE.test(n)) return 'time';
  // A count noun at the end is a count even after a verb ("保障人数", "减少上访次数").
  if (COUNT_END_RE.test(n) && !NOT_COUNT_RE.test(n)) return 'count';
  if (isActionLead(n)) return 'unknown';
  if (TIME_END_RE.test(n)) return 'time';
  // Money coming in or saved (到位资金, 审减金额) is a benefit, not a cost.
  if (MONEY_IN_RE.test(n)) return 'unknown';
  if (
    COST_END_RE.test(n) ||
    COST_STANDARD_RE.test(n) ||
    COST_LEVEL_RE.test(n) ||
    (COST_FEE_END_RE.test(n) && !NOT_COST_FEE_RE.test(n)) ||
    (COST_AMOUNT_END_RE.test(n) && !NOT_COST_AMOUNT_RE.test(n))
  ) {
    return 'cost';
  }
  if (COUNT_GENERIC_END_RE.test(n) && !NOT_COUNT_RE.test(n)) return 'count';
  // A 三级 that is itself a deadline ("2023年12月底前完成") was written where the value belongs.
  if (/[0-9]/.test(n) && analyzeValue(n).parsed.kind === 'deadline') return 'time';
  return 'unknown';
}

/** Parts that are separate measures, or null when the name is one phrase. */
function splitClauses(n: string): string[] | null {
  if (HARD_SEP_RE.test(n)) return n.split(HARD_SEP_RE).filter(Boolean);
  if (!SOFT_SEP_RE.test(n)) return null;
  const parts = n.split(SOFT_SEP_RE).filter(Boolean);
  // "工资、社会保障等发放、缴纳标准" shares one head noun; "维持社会稳定、提升…就业率" is a list of goals.
  return parts.some(isActionLead) ? parts : null;
}

function classifyName(name: string): Measure {
  const { text, percent } = clean(name);
  const parts = splitClauses(text);
  if (!parts) return classifyPhrase(text, percent);
  let out: Measure | null = null;
  for (const p of parts) {
    const m = classifyPhrase(p, percent);
    if (m === 'unknown' || (out !== null && m !== out)) return 'unknown';
    out = m;
  }
  return out || 'unknown';
}

// The description breaks ties only when it ends in an unambiguous noun phrase
// ("实际参加培训人数占应参加培训人数比率"), never from words inside a sentence.
const DESC_RATE_END_RE = /(?:比率|比例|比重|占比|的比|之比|百分比)$/;
const DESC_COUNT_END_RE = /(?:次数|人数|个数|户数|场次|件数|份数|数量)$/;

function classifyDesc(desc: string): Measure {
  const { text } = clean(desc);
  if (!text || text.length > DESC_MAX_LEN || isActionLead(text)) return 'unknown';
  if (SATISFACTION_RE.test(text)) return 'satisfaction';
  if (DESC_RATE_END_RE.test(text)) return 'rate';
  if (RATE_END_RE.test(text) && !NOT_RATE_RE.test(text)) return 'rate';
  if (DESC_COUNT_END_RE.test(text) && !/占/.test(text)) return 'count';
  return 'unknown';
}

/** What the indicator measures, from its 三级 name; the description is used only when the name says nothing. */
export function measureOf(l3: string, desc?: string): Measure {
  const m = classifyName(l3);
  if (m !== 'unknown' || !desc) return m;
  // A name that is itself a goal or action ("提升工作效率") stays unknown whatever its description says.
  const { text } = clean(l3);
  if (!text || isActionLead(text) || splitClauses(text)) return 'unknown';
  return classifyDesc(desc);
}

/** True for names whose value should be a percentage: rates, shares and satisfaction. */
export function isRateName(name: string): boolean {
  const m = classifyName(name);
  return m === 'rate' || m === 'satisfaction';
}
