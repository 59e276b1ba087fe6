// Label recognition shared by detection and parsing: tables are found by what their cells say,
// never by fixed positions.

/** Removes all whitespace and unifies full-width brackets/colons so labels compare reliably. */
const NORM_NEEDED = /[\s\u3000（）：【】]/;
const NORM_ALL = /[\s\u3000]+|[（）：【】]/g;
const NORM_MAP: Record<string, string> = { '（': '(', '）': ')', '：': ':', '【': '[', '】': ']' };

export function normLabel(s: string): string {
  // Most cells need no change: test once instead of running every replacement (this runs on every cell).
  if (!NORM_NEEDED.test(s)) return s;
  return s.replace(NORM_ALL, (m) => NORM_MAP[m] || '');
}

export type ColumnRole =
  | 'l1'
  | 'l2'
  | 'l3'
  | 'desc'
  | 'value'
  | 'sign'
  | 'num'
  | 'unit'
  | 'basis'
  | 'scoring'
  | 'project'
  /** 分值/权重 of one indicator (一体化 system exports, 自评表). */
  | 'weight'
  /** 指标方向(性): 正向/反向. */
  | 'direction'
  /** Flat lists: per-project columns. */
  | 'org'
  | 'budget'
  | 'goals'
  /** 绩效标准: a basis right of the value (湖南 申报表), a description left of it (鄂州 目标表); detect decides. */
  | 'standard';

const COLUMN_LABELS: [ColumnRole, RegExp][] = [
  ['l1', /^一级(指标)?(名称)?$/],
  ['l2', /^二级(指标)?(名称)?$/],
  ['l3', /^三级(指标)?(名称)?$/],
  ['desc', /^(绩效)?指标(描述|解释|内容|说明)$/],
  ['value', /^(本?年度)?(指标值|目标值|指标值\(.*\))$|^指标值(及|和)单位$|^(当年|年度)?预期(实现)?值$/],
  ['sign', /^(计算)?符号$|^指标性质$/],
  ['num', /^(值|数值)$/],
  ['unit', /^(计量|度量)?单位$/],
  ['basis', /^(指标值)?(确定|取值)依据$|^指标值确定依据$/],
  ['scoring', /^评(\(扣\))?分标准$|^扣分标准$/],
  ['project', /^项目(支出)?名称$/],
  ['weight', /^(分值|权重|指标权重|分值\/权重|权重\(%\))$/],
  ['direction', /^指标方向(性)?$/],
  ['org', /^(单位名称|预算单位|预算部门)$/],
  ['budget', /^(预算数|预算金额|年度预算数)(\(.*\))?$/],
  ['goals', /^(本?年度)?(绩效)?目标$/],
  ['standard', /^绩效标准$/],
];

export function columnRole(text: string): ColumnRole | undefined {
  if (text.length > 24) return undefined;
  const n = normLabel(text);
  if (!n) return undefined;
  for (const [role, re] of COLUMN_LABELS) if (re.test(n)) return role;
  return undefined;
}

export type MetaLabel =
  | 'goals'
  | 'plan'
  | 'budgetBlock'
  | 'budgetTotal'
  | 'budgetFiscal'
  | 'budgetOther'
  | 'purpose'
  | 'code'
  | 'name'
  | 'org'
  /** 实施期/中期/长期 goals beside the 年度 ones. */
  | 'midGoals';

const META_LABELS: [MetaLabel, RegExp][] = [
  ['goals', /^(本?年度)?(绩效|总体)?目标$|^年度绩效目标$|^绩效目标$/],
  ['midGoals', /^(实施期|中期|长期|项目期)(绩效)?目标$/],
  ['plan', /^资金支出计划/],
  ['budgetBlock', /^预算规模(及资金用途)?$|^预算规模及用途$/],
  ['budgetTotal', /^(预算数|预算金额|年度预算数|资金总额|年度资金总额|(年度)?本级预算金额)(\(.*\))?$/],
  ['budgetFiscal', /^(其中:)?(当年)?财政(资金|拨款)(\(.*\))?$/],
  ['budgetOther', /^(其中:)?其他资金(\(.*\))?$/],
  ['purpose', /^(资金|项目)用途$/],
  ['code', /^项目编码$|^项目代码$/],
  ['name', /^项目(支出)?名称$/],
  ['org', /^(预算部门|预算单位|部门\(单位\)名称|单位名称)$/],
];

export function metaLabel(text: string): MetaLabel | undefined {
  if (text.length > 30) return undefined;
  const n = normLabel(text);
  if (!n || n.length > 14) return undefined;
  for (const [role, re] of META_LABELS) if (re.test(n)) return role;
  return undefined;
}

/** "1.城区微型站运维费绩效目标表" and the like. */
export function isTitle(text: string): boolean {
  if (text.indexOf('绩效') < 0) return false;
  // "…绩效目标申报表(2023年度)": the year may follow the title.
  const n = normLabel(text).replace(/\(\d{4}年度?\)$/, '');
  return n.length >= 6 && n.length <= 120 && /绩效(目标|指标)(表|申报表)?$|绩效自评表$/.test(n) && !/^(一级|二级|三级)/.test(n);
}

/** "项目资金（万元）", "预算数(万元)": a label that states the money unit. */
export function labelMoneyUnit(text: string): string | undefined {
  const m = /[(（]\s*(万元|元|千元|亿元)\s*[)）]\s*$/.exec(text);
  return m && /资金|预算|金额/.test(text) ? m[1] : undefined;
}

/** A comparator as a 指标性质/符号 column writes it (≥, >=, 大于等于…); 定性/定量 and 文字描述 are not. */
export function isComparatorText(text: string): boolean {
  return /^[≥≤><=＞＜＝≧≦]{1,2}$|^(大于|小于|等于|不低于|不高于|不少于|不超过|大于等于|小于等于)$/.test(normLabel(text));
}

/** "单位：万元" → "万元". */
export function moneyUnitOf(text: string): string | undefined {
  const m = /^(?:金额)?单位[:：]\s*(万元|元|千元|亿元)\s*$/.exec(text.trim());
  return m ? m[1] : undefined;
}

export function titleNumber(text: string): number | undefined {
  const m = /^\s*(\d{1,4})\s*[.．、]/.exec(text);
  return m ? parseInt(m[1], 10) : undefined;
}

/** A month label of the spend plan: "3月底", "6月", "9月末", "12月31日". */
export function isPlanMonth(text: string): boolean {
  return /^\d{1,2}月(底|末|份)?(\d{1,2}日)?(前)?$/.test(normLabel(text));
}
