// Every rule in the catalogue fires on a real fixture row and stays quiet on a correct one.
//
// Firing cases use rows exactly as published where the fixtures already contain the defect. Where no fixture
// does, the case starts from a real table and changes exactly one cell to a realistic mistake (`edit`: the cell,
// what it says in the fixture, what it is changed to; `from` names the real row). Quiet cases point at a real
// row or table a reviewer would accept, and check that the cell really holds the text we think it does.
//
// Findings judged to be false positives (or misses) are deliberately left out of this file.
import * as path from 'path';
import { readGrids } from '../src/hosts/workbook/read';
import { checkGrids, CheckResult } from '../src/core/check';
import { parseA1, parseRange } from '../src/core/grid';
import { Diagnostic, Severity } from '../src/core/diagnostic';
import { TargetTable, Field } from '../src/core/model';
import { ruleCatalogue } from '../src/core/rules';

jest.setTimeout(60000);

const FIXTURES = path.resolve(__dirname, 'fixtures');
/** 乐亭县 (15 tables, 单位：万元, clean layout). */
const F000 = '000_24cde7d862e1b3bb';
/** 永清县经开区 (34 tables, no header block, 效果指标, full-width ％, a page-split table). */
const F001 = '001_247e9d6eca422fe5';
/** 玉田县 (6 tables, 单位：元, ≥90百分比 everywhere, per-quarter spend plans). */
const F002 = '002_f394b5ba38f6b2c8';
/** 承德上板城镇 (39 tables, 单位：万元, budget year 2023). */
const F004 = '004_d64ddf90eec77ce7';
type Stem = typeof F000 | typeof F001 | typeof F002 | typeof F004 | `oos/${string}`;
/** Out-of-sample fixtures (test/fixtures/oos, sources in their *.layout.json), each on its own sheet name. */
const SICHUAN = 'oos/sichuan-jingyan-mata-2023';
const XIANGTAN = 'oos/hunan-xiangtan-wupao-2023';
const SHEET_OF: Record<string, string> = { [SICHUAN]: '项目绩效目标', [XIANGTAN]: '绩效目标申报表' };
const sheetOf = (stem: string) => SHEET_OF[stem] || SHEET;

const SHEET = '项目绩效目标表';

// ---------------------------------------------------------------------------------------------------------
// Loading and looking up

const fileOf = (stem: string) => path.join(FIXTURES, stem + '.xlsx');
const asIs = new Map<string, Promise<CheckResult>>();

/** The fixture checked as published (cached: each workbook is read once). */
function checked(stem: Stem): Promise<CheckResult> {
  let p = asIs.get(stem);
  if (!p) asIs.set(stem, (p = readGrids(fileOf(stem)).then((g) => checkGrids(g))));
  return p;
}

interface Edit {
  /** A1 cell on the fixture's (only) sheet. */
  cell: string;
  /** The cell's text in the published fixture. */
  was: string;
  /** The realistic mistake written in its place. */
  to: string;
  /** The cell holds this cached formula error instead (its text is `to`). */
  error?: string;
}

/** The fixture with exactly one cell changed, freshly read (the cached grids are never touched). */
async function edited(stem: Stem, edit: Edit): Promise<CheckResult> {
  const grids = await readGrids(fileOf(stem));
  expect(grids).toHaveLength(1);
  const g = grids[0];
  const { row, col } = parseA1(edit.cell);
  expect(g.text(row, col)).toBe(edit.was);
  g.setCell(row, col, edit.error ? { value: null, text: edit.to, error: edit.error } : { value: edit.to });
  return checkGrids(grids);
}

/** Every parsed field of a table, so a test can say which real text sits at a cell. */
function fieldsOf(t: TargetTable): Field[] {
  const out: Field[] = [t.title, t.org, t.unit, t.code, t.name, t.purpose, t.goals];
  if (t.budget) out.push(t.budget.total, t.budget.fiscal, t.budget.other);
  for (const p of t.plan) out.push(p.label, p.value);
  for (const r of t.indicators) out.push(r.l1, r.l2, r.l3, r.desc, r.value, r.basis);
  return out.filter((f) => f.cell);
}

function textAt(res: CheckResult, table: number, cell: string): string | undefined {
  const t = res.tables[table];
  if (!t) return undefined;
  const f = fieldsOf(t.table).find((x) => x.cell === cell);
  return f ? f.text : undefined;
}

/** True when the finding's cell (A1 or range) covers `cell`. */
function covers(d: Diagnostic, cell: string): boolean {
  const r = parseRange(d.cell);
  const { row, col } = parseA1(cell);
  return row >= r.top && row <= r.bottom && col >= r.left && col <= r.right;
}

// ---------------------------------------------------------------------------------------------------------
// The cases

interface FireCase {
  rule: string;
  stem: Stem;
  /** Index of the table in the workbook (the finding's `table`). */
  table: number;
  /** Which real row/table this is (and, for edits, what the mistake is). */
  from: string;
  edit?: Edit;
  /** The finding's cell (A1 or range). */
  cell: string;
  severity: Severity;
  /** The expected corrected text, or null where the rule proposes none. */
  suggestion: string | null;
  /** Text of the parsed field at `cell` (for single-cell findings on a table field). */
  text?: string;
  /** A fragment the message must contain (the offending text, the budget...). */
  says?: string;
}

const FIRES: FireCase[] = [
  {
    rule: 'cell.formula-error', stem: F002, table: 0, cell: 'F10', severity: 'error', suggestion: null, says: '#DIV/0!',
    from: '1.环保督查经费: 指标值 a formula whose cached result is #DIV/0!',
    edit: { cell: 'F10', was: '≥90百分比', to: '#DIV/0!', error: '#DIV/0!' },
  },
  // ----- header, money, spend plan
  {
    rule: 'header.required', stem: F000, table: 0, cell: 'B5', severity: 'error', suggestion: null, says: '资金用途',
    from: '1.城区微型站运维费: 资金用途 left empty',
    edit: { cell: 'B5', was: '对城区8个空气站所有监测仪器进行日常维护、质量控制、故障维修等工作，确保各项监测仪器正常稳定运行使用。', to: '' },
  },
  {
    rule: 'header.required', stem: F000, table: 0, cell: 'E3', severity: 'error', suggestion: null, says: '项目名称',
    from: '1.城区微型站运维费: 项目名称 left empty',
    edit: { cell: 'E3', was: '城区微型站运维费', to: '' },
  },
  {
    rule: 'header.code', stem: F000, table: 0, cell: 'B3', severity: 'warning', suggestion: '13022522P0044CB10009G', text: '13022522P0044 CB10009G',
    from: '1.城区微型站运维费: 项目编码 pasted with a space inside',
    edit: { cell: 'B3', was: '13022522P0044CB10009G', to: '13022522P0044 CB10009G' },
  },
  {
    rule: 'money.sum', stem: F000, table: 0, cell: 'C4', severity: 'error', suggestion: null, says: '7.99',
    from: '1.城区微型站运维费: 财政资金 mistyped 7.9 against 预算数 7.99',
    edit: { cell: 'E4', was: '7.99', to: '7.9' },
  },
  {
    rule: 'money.number', stem: F000, table: 0, cell: 'C4', severity: 'error', suggestion: null, text: '待定', says: '待定',
    from: '1.城区微型站运维费: 预算数 written as 待定',
    edit: { cell: 'C4', was: '7.99', to: '待定' },
  },
  {
    rule: 'plan.range', stem: F000, table: 0, cell: 'C7', severity: 'error', suggestion: null, text: '500%', says: '500%',
    from: '1.城区微型站运维费: 6月底 50% typed as 500%',
    edit: { cell: 'C7', was: '50%', to: '500%' },
  },
  {
    rule: 'plan.monotonic', stem: F000, table: 0, cell: 'C7', severity: 'error', suggestion: null, text: '15%', says: '3月底',
    from: '1.城区微型站运维费: 6月底 15% below 3月底 25%',
    edit: { cell: 'C7', was: '50%', to: '15%' },
  },
  {
    rule: 'plan.reach-100', stem: F002, table: 3, cell: 'E67', severity: 'error', suggestion: '100%', text: '',
    from: '4.指挥中心精细化平台服务费: 100% / blank / blank / blank, 12月底 left empty',
  },
  {
    rule: 'plan.quarterly', stem: F002, table: 0, cell: 'B7:E7', severity: 'warning', suggestion: '50% / 100% / 100% / 100%',
    from: '1.环保督查经费: 3月底 50%, 6月底 50% (per-quarter shares adding up to 100%)',
  },
  {
    rule: 'plan.quarterly', stem: F002, table: 1, cell: 'B27:E27', severity: 'warning', suggestion: '30% / 60% / 100% / 100%',
    from: '2.环保举报奖: 30% / 30% / 40% / blank',
  },
  {
    rule: 'plan.blank', stem: F004, table: 3, cell: 'B69', severity: 'info', suggestion: '0%', text: '',
    from: '4.村党组织活动经费: 3月底 left blank before 6月底 50%',
  },
  // ----- 绩效目标
  {
    rule: 'goal.blank', stem: F000, table: 0, cell: 'B8', severity: 'error', suggestion: null,
    from: '1.城区微型站运维费: goals reduced to the bare numbering "1.\\n2."',
    edit: { cell: 'B8', was: '1.在日常管理维护基础上，及时发现处置设备运行问题。\n2.能够满足实际监测需要。', to: '1.\n2.' },
  },
  {
    rule: 'goal.placeholder', stem: F002, table: 0, cell: 'B8', severity: 'error', suggestion: null, text: '1.目标内容1', says: '目标内容1',
    from: '1.环保督查经费: 绩效目标 left as the template text',
  },
  {
    rule: 'goal.placeholder', stem: F004, table: 28, cell: 'B576', severity: 'error', suggestion: null, text: '1.目标内容1',
    from: '29.推行河长制项目资金: 绩效目标 left as the template text',
  },
  {
    rule: 'goal.xref', stem: F001, table: 12, cell: 'B147', severity: 'warning', suggestion: null, says: '55名',
    from: '13.经开区村干部基本工资: goals name 村干部55名, no indicator value says 55',
  },
  // ----- hierarchy and coverage
  {
    rule: 'hierarchy.l1', stem: F000, table: 0, cell: 'A18', severity: 'error', suggestion: null, text: '服务对象满意度指标', says: '服务对象满意度指标',
    from: '1.城区微型站运维费: the 二级 name written in the 一级 column of the 满意度 row',
    edit: { cell: 'A18', was: '满意度指标', to: '服务对象满意度指标' },
  },
  {
    rule: 'hierarchy.l2', stem: F000, table: 0, cell: 'B15', severity: 'error', suggestion: null, text: '经济效益指标', says: '效益指标',
    from: '1.城区微型站运维费: 花费成本 filed under 经济效益指标 inside 产出指标',
    edit: { cell: 'B15', was: '成本指标', to: '经济效益指标' },
  },
  {
    rule: 'hierarchy.alias', stem: F001, table: 0, cell: 'A8', severity: 'info', suggestion: '效益指标', text: '效果指标',
    from: '1.经开区编外人员资金: 一级 written 效果指标 (regional alias)',
  },
  {
    rule: 'coverage.output', stem: F000, table: 0, cell: 'A9', severity: 'error', suggestion: null,
    from: '1.城区微型站运维费: 产出指标 replaced by the evaluation-framework name 过程指标',
    edit: { cell: 'A10', was: '产出指标', to: '过程指标' },
  },
  {
    rule: 'coverage.benefit', stem: F000, table: 13, cell: 'A276', severity: 'error', suggestion: null,
    from: '14.电子政务外网升级改造: the only 效益 indicator (电子政务外网安全运行) lost its name',
    edit: { cell: 'C281', was: '电子政务外网安全运行', to: '' },
  },
  {
    rule: 'coverage.cost', stem: F000, table: 0, cell: 'B9', severity: 'warning', suggestion: null,
    from: '1.城区微型站运维费: the cost row filed as 质量指标, no 成本指标 left',
    edit: { cell: 'B15', was: '成本指标', to: '质量指标' },
  },
  {
    rule: 'coverage.qqt', stem: F000, table: 0, cell: 'B9', severity: 'warning', suggestion: null, says: '时效指标',
    from: '1.城区微型站运维费: 时效指标 cell left blank',
    edit: { cell: 'B14', was: '时效指标', to: '' },
  },
  {
    rule: 'coverage.satisfaction', stem: F000, table: 0, cell: 'A9', severity: 'warning', suggestion: null,
    from: '1.城区微型站运维费: the 满意度 row lost its 三级 name',
    edit: { cell: 'C18', was: '服务对象满意度', to: '' },
  },
  // ----- 三级 names
  {
    rule: 'indicator.empty', stem: F004, table: 1, cell: 'C35', severity: 'error', suggestion: null, text: '无',
    from: '2.安全生产专项资金: 成本指标 row filled with 无',
  },
  {
    rule: 'indicator.empty', stem: F000, table: 13, cell: 'C281', severity: 'error', suggestion: null, text: '',
    from: '14.电子政务外网升级改造: 三级 blank while 描述 and 指标值 are filled',
    edit: { cell: 'C281', was: '电子政务外网安全运行', to: '' },
  },
  {
    rule: 'indicator.level-name', stem: F002, table: 0, cell: 'C15', severity: 'error', suggestion: null, text: '社会效益',
    from: '1.环保督查经费: 三级 is just the 二级 name 社会效益',
  },
  {
    rule: 'indicator.level-name', stem: F004, table: 22, cell: 'C459', severity: 'error', suggestion: null, text: '可持续影响',
    from: '23.人大工作经费: 三级 is just the 二级 name 可持续影响',
  },
  {
    rule: 'indicator.is-value', stem: F004, table: 2, cell: 'C53', severity: 'warning', suggestion: null, text: '2023年12月底前完成',
    from: '3.创建文明城市工作经费: the deadline written as the 三级 name',
  },
  {
    rule: 'indicator.placeholder', stem: F000, table: 0, cell: 'C11', severity: 'error', suggestion: null, text: '指标1',
    from: '1.城区微型站运维费: 六参数监测率 left as the template name 指标1',
    edit: { cell: 'C11', was: '六参数监测率', to: '指标1' },
  },
  {
    rule: 'indicator.duplicate', stem: F001, table: 4, cell: 'C57', severity: 'warning', suggestion: null, text: '提升工作效率', says: 'C56',
    from: '5.非公党建经费: 提升工作效率 written under 社会效益 and again under 可持续影响',
  },
  {
    rule: 'indicator.misfiled', stem: F004, table: 12, cell: 'C256', severity: 'warning', suggestion: null, text: '公共设施维护率',
    from: '13.服务群众专项经费: a maintenance rate filed as 成本指标',
  },
  {
    rule: 'indicator.misfiled', stem: F004, table: 22, cell: 'C456', severity: 'warning', suggestion: null, text: '按时召开人大会议',
    from: '23.人大工作经费: 按时召开人大会议 (timeliness) filed under 质量指标',
  },
  {
    rule: 'indicator.misfiled', stem: F001, table: 3, cell: 'C40', severity: 'warning', suggestion: null, text: '疫情防控经费标准',
    from: '4.经开区新冠病毒防疫资金: a money standard (<=45万元) filed under 数量指标',
  },
  {
    rule: 'indicator.length', stem: F000, table: 0, cell: 'C10', severity: 'warning', suggestion: null,
    from: '1.城区微型站运维费: 资金用途 sentence pasted into the 三级 cell',
    edit: { cell: 'C10', was: '提供运维服务空气站个数', to: '对城区8个空气站所有监测仪器进行日常维护、质量控制、故障维修等工作，确保各项监测仪器正常稳定运行使用' },
  },
  {
    rule: 'indicator.outcome', stem: F000, table: 2, cell: 'C57', severity: 'warning', suggestion: null, text: '非法集资宣传活动次数',
    from: '3.金融办工作经费: the output count 非法集资宣传活动次数 (C50) copied into the 社会效益 row',
    edit: { cell: 'C57', was: '民众对非法集资认识程度', to: '非法集资宣传活动次数' },
  },
  {
    rule: 'indicator.count', stem: F004, table: 11, cell: 'C232', severity: 'warning', suggestion: null, says: '4个',
    from: '12.防灾减灾专项资金: one more 效益 row written 无, leaving 4 real indicators',
    edit: { cell: 'C237', was: '提高全民应急处置能力', to: '无' },
  },
  // ----- 指标值
  {
    rule: 'value.empty', stem: F000, table: 0, cell: 'F10', severity: 'error', suggestion: null, text: '',
    from: '1.城区微型站运维费: 提供运维服务空气站个数 without its value 8个',
    edit: { cell: 'F10', was: '8个', to: '' },
  },
  {
    rule: 'value.malformed', stem: F004, table: 30, cell: 'F624', severity: 'error', suggestion: '≥90%', text: '≥90工作完成率',
    from: '31.网格员工资及奖励: 工作完成率 "≥90工作完成率"',
  },
  {
    rule: 'value.malformed', stem: F000, table: 7, cell: 'F155', severity: 'error', suggestion: null, text: '约定次数',
    from: '8.生态环保指挥调度中心设备维护费: 运维服务次数 "约定次数"',
  },
  {
    rule: 'value.malformed', stem: F004, table: 10, cell: 'F214', severity: 'error', suggestion: null, text: '是否设立管理组织和专人负责',
    from: '11.防汛抗旱专项资金: value written as a question',
  },
  {
    rule: 'value.placeholder', stem: F000, table: 0, cell: 'F12', severity: 'error', suggestion: null, text: '≥XX%',
    from: '1.城区微型站运维费: 数据获取率 left as the template "≥XX%"',
    edit: { cell: 'F12', was: '100%', to: '≥XX%' },
  },
  {
    rule: 'value.unit-word', stem: F002, table: 0, cell: 'F11', severity: 'warning', suggestion: '≥90%', text: '≥90百分比',
    from: '1.环保督查经费: 全覆盖 "≥90百分比"',
  },
  {
    rule: 'value.unit-word', stem: F004, table: 4, cell: 'F93', severity: 'warning', suggestion: '≥12次', text: '≥12次数',
    from: '5.村级垃圾处理承包费: 验收抽查次数 "≥12次数"',
  },
  {
    rule: 'value.fullwidth', stem: F001, table: 0, cell: 'F5', severity: 'info', suggestion: '=100%', text: '=100％',
    from: '1.经开区编外人员资金: 补助覆盖率 "=100％"',
  },
  {
    rule: 'value.fullwidth', stem: F001, table: 3, cell: 'F40', severity: 'info', suggestion: '≤45万元', text: '<=45万元',
    from: '4.经开区新冠病毒防疫资金: "<=45万元"',
  },
  {
    rule: 'value.unit-missing', stem: F001, table: 8, cell: 'F101', severity: 'error', suggestion: '≥95%', text: '≥95',
    from: '9.经开区党务政务管理经费: 培训参与度 "≥95"',
  },
  {
    rule: 'value.unit-missing', stem: F004, table: 3, cell: 'F78', severity: 'error', suggestion: '≥90%', text: '≥90',
    from: '4.村党组织活动经费: 资金使用有效率 "≥90"',
  },
  {
    rule: 'value.unit-mismatch', stem: F002, table: 0, cell: 'F10', severity: 'error', suggestion: null, text: '≥90百分比', says: '召开年度工作会议次数',
    from: '1.环保督查经费: 召开年度工作会议次数 "≥90百分比"',
  },
  {
    rule: 'value.unit-mismatch', stem: F002, table: 0, cell: 'F13', severity: 'error', suggestion: '≤100000.00元', text: '≥90百分比', says: '总成本控制数',
    from: '1.环保督查经费: 总成本控制数 "≥90百分比" (budget 100000.00元)',
  },
  {
    rule: 'value.unit-mismatch', stem: F002, table: 1, cell: 'F32', severity: 'error', suggestion: '2023年12月底前完成', text: '≥90百分比', says: '按期完成',
    from: '2.环保举报奖: 时效 按期完成 "≥90百分比"',
  },
  {
    rule: 'value.unit-mismatch', stem: F001, table: 30, cell: 'F370', severity: 'warning', suggestion: null, text: '≥5次', says: '协管员人数',
    from: '31.气代煤协管员工资: 协管员人数 "≥5次"',
  },
  {
    rule: 'value.percent-range', stem: F001, table: 6, cell: 'F77', severity: 'warning', suggestion: '=100%', text: '≥100%',
    from: '7.经开区村干部绩效工资: 实际发放数占应发总数的比率 "≥100%"',
  },
  {
    rule: 'value.direction', stem: F004, table: 21, cell: 'F435', severity: 'warning', suggestion: '≥23个', text: '≤23个',
    from: '22.农村微型消防站建设资金: 建设微型消防站数量 "≤23个"',
  },
  {
    rule: 'value.direction', stem: F000, table: 11, cell: 'F239', severity: 'warning', suggestion: '≥70%', text: '≤70%',
    from: '12.支重办工作经费: 重点项目落地开工率 "≥70%" typed with ≤',
    edit: { cell: 'F239', was: '≥70%', to: '≤70%' },
  },
  {
    rule: 'value.trivial', stem: F004, table: 37, cell: 'F763', severity: 'warning', suggestion: null, text: '≥0次',
    from: '38.驻京值班、租车、宣传经费: 退役军人事务部登记次数 "≥0次"',
  },
  {
    rule: 'value.qual-long', stem: F004, table: 3, cell: 'F77', severity: 'info', suggestion: null, text: '全区党建工作产生重要影响，得到广大受众的充分认可。',
    from: '4.村党组织活动经费: a whole sentence as the 社会效益 value',
  },
  {
    rule: 'value.qual-quantity', stem: F004, table: 11, cell: 'F233', severity: 'warning', suggestion: null, text: '全部按时处置完成',
    from: '12.防灾减灾专项资金: 应急处置次数 "全部按时处置完成"',
  },
  {
    rule: 'value.uniform', stem: F002, table: 0, cell: 'F10:F18', severity: 'warning', suggestion: null, says: '≥90百分比',
    from: '1.环保督查经费: all nine values "≥90百分比"',
  },
  {
    rule: 'satisfaction.form', stem: F001, table: 8, cell: 'F106', severity: 'error', suggestion: '≥95%', text: '≥95',
    from: '9.经开区党务政务管理经费: 服务对象满意度 "≥95"',
  },
  {
    rule: 'satisfaction.floor', stem: F000, table: 0, cell: 'F18', severity: 'warning', suggestion: '≥85%', text: '≥80%',
    from: '1.城区微型站运维费: 服务对象满意度 lowered to "≥80%"',
    edit: { cell: 'F18', was: '≥90%', to: '≥80%' },
  },
  {
    rule: 'satisfaction.100', stem: F000, table: 0, cell: 'F18', severity: 'warning', suggestion: '≥95%', text: '100%',
    from: '1.城区微型站运维费: 服务对象满意度 set to "100%"',
    edit: { cell: 'F18', was: '≥90%', to: '100%' },
  },
  {
    rule: 'time.form', stem: F004, table: 1, cell: 'F33', severity: 'error', suggestion: '2023年12月底前完成', text: '按时限要求完成',
    from: '2.安全生产专项资金: 时效 "按时限要求完成"',
  },
  {
    rule: 'time.form', stem: F001, table: 0, cell: 'F6', severity: 'error', suggestion: '12月底前完成', text: '按工作计划及时完成',
    from: '1.经开区编外人员资金 (no 项目编码, no year): 补助金发放时间 "按工作计划及时完成"',
  },
  {
    rule: 'time.year', stem: F004, table: 3, cell: 'F75', severity: 'warning', suggestion: '2023年12月底前完成', text: '2022年12月底前完成',
    from: '4.村党组织活动经费 (2023 budget): value given last year\'s deadline, as its 三级 C75 still says',
    edit: { cell: 'F75', was: '2023年12月底前完成', to: '2022年12月底前完成' },
  },
  {
    rule: 'cost.money', stem: F004, table: 2, cell: 'F54', severity: 'warning', suggestion: '≤10.00万元', text: '保证公共环境干净整洁',
    from: '3.创建文明城市工作经费: 成本指标 公共环境维护 "保证公共环境干净整洁"',
  },
  {
    rule: 'cost.money', stem: F001, table: 0, cell: 'F7', severity: 'warning', suggestion: null, text: '元按照规定标准控制',
    from: '1.经开区编外人员资金 (no 预算数): 项目成本控制 "元按照规定标准控制"',
  },
  {
    from: '5.承包费: 预算数 885.20万元, the cost written in 元 — a unit slip of 10,000 times',
    rule: 'cost.unit', stem: F004, table: 4, cell: 'F96', severity: 'warning', suggestion: '≤885.2万元', text: '≤885.2元', says: '885.20万元',
  },
  {
    rule: 'cost.cap', stem: F004, table: 28, cell: 'F581', severity: 'error', suggestion: '≤5.00万元', text: '≤6.45万', says: '5.00万元',
    from: '29.推行河长制项目资金: 预算控制数 "≤6.45万" above 预算数 5.00万元',
  },
  // ----- 依据, 描述, text, layout, workbook
  {
    rule: 'basis.empty', stem: F004, table: 17, cell: 'G357', severity: 'error', suggestion: null, text: '',
    from: '18.居委会工作专项经费: 社区经费使用率 without 依据',
  },
  {
    rule: 'basis.unclear', stem: F001, table: 5, cell: 'G63', severity: 'warning', suggestion: null, says: 'G64',
    from: '6.经开区武装部规范建设经费: the scoring method written as 依据 on all 7 rows: one finding on the column header',
  },
  {
    rule: 'basis.unclear', stem: F004, table: 1, cell: 'G32', severity: 'warning', suggestion: null, text: '隐患全部整改到位',
    from: '2.安全生产专项资金: 依据 repeats the value',
  },
  {
    rule: 'desc.empty', stem: F000, table: 0, cell: 'D10', severity: 'warning', suggestion: null, text: '',
    from: '1.城区微型站运维费: 描述 of 提供运维服务空气站个数 left empty',
    edit: { cell: 'D10', was: '提供运维服务空气站个数', to: '' },
  },
  {
    rule: 'desc.repeats-name', stem: F000, table: 0, cell: 'D9', severity: 'warning', suggestion: null, says: '9行中有9行',
    from: '1.城区微型站运维费: 描述 repeats the 三级 name on every row: one finding on the 绩效指标描述 header',
  },
  {
    rule: 'desc.repeats-name', stem: F004, table: 1, cell: 'D40', severity: 'warning', suggestion: null, text: '企业满意度。群众满意度。',
    from: '2.安全生产专项资金: one 描述 of several repeats its name (the rest describe): marked on its own cell',
  },
  // ----- out of sample (test/fixtures/oos): rules added for other provinces' tables
  {
    rule: 'value.pct-not-rate', stem: SICHUAN, table: 0, cell: 'I5', severity: 'warning', suggestion: null, text: '≥95%', says: '维护社会稳定',
    from: '井研县 村组干部报酬: 维护社会稳定 ≥95% (社会效益) measures no rate',
  },
  {
    rule: 'value.ambiguous', stem: XIANGTAN, table: 0, cell: 'E9', severity: 'warning', suggestion: null, says: '“10辆”或“1辆”',
    from: '湘潭 雾炮车: 配备车辆数 typed with a stray space inside the number',
    edit: { cell: 'E9', was: '10辆', to: '1 0辆' },
  },
  {
    rule: 'weight.sum', stem: SICHUAN, table: 0, cell: 'K5', severity: 'warning', suggestion: null, says: '合计90',
    from: '井研县 村组干部报酬: 8 weights 10+20+10+10+10+10+10+10 = 90',
  },
  {
    rule: 'table.not-checked', stem: SICHUAN, table: 0, cell: 'A1', severity: 'info', suggestion: null, says: '2个表都没有资金支出计划',
    from: '井研县 一体化 export: no spend plan in the layout, said once for the workbook',
  },
  {
    rule: 'text.whitespace', stem: F001, table: 11, cell: 'F137', severity: 'info', suggestion: '17个', text: '17　个',
    from: '12.经开区村级组织运转经费—服务群众专项经费: "17　个" (ideographic space)',
  },
  {
    rule: 'text.foreign-subject', stem: F002, table: 0, cell: 'D14', severity: 'warning', suggestion: null, text: '保证矿井正常运行，增加企业经济效益', says: '矿井',
    from: '1.环保督查经费: 描述 about 矿井 copied into an environment project',
  },
  {
    rule: 'text.foreign-subject', stem: F002, table: 0, cell: 'D12', severity: 'warning', suggestion: null, text: '保证受损路段及时修复', says: '路段',
    from: '1.环保督查经费: 描述 about 路段 copied into an environment project',
  },
  {
    rule: 'layout.split-row', stem: F001, table: 23, cell: 'A285:B285', severity: 'error', suggestion: null, says: '≥95％',
    from: '24.经开区安监站工作经费: value and 依据 of row 284 pushed into the 一级/二级 cells of row 285 by a page break',
  },
  {
    rule: 'workbook.boilerplate', stem: F001, table: 0, cell: 'C9', severity: 'warning', suggestion: null, text: '制度及实施方案健全程度', says: '34',
    from: '1.经开区编外人员资金: 制度及实施方案健全程度 / 健全, the same row in 31 of 34 projects',
  },
  {
    rule: 'workbook.boilerplate', stem: F002, table: 0, cell: 'C16', severity: 'warning', suggestion: null, text: '推动环保事业发展',
    from: '1.环保督查经费: 推动环保事业发展 / ≥90百分比 in 5 of 6 projects',
  },
];

interface QuietCase {
  rule: string;
  stem: Stem;
  table: number;
  /** A cell of a correct real row; without it, the whole table must be free of the rule. */
  cell?: string;
  /** Text at `cell`, or (table-level) the table's 项目名称/title fragment. */
  text: string;
  why: string;
  /** A correct variant of a real row (e.g. weights completed to 100). */
  edit?: Edit;
}

const QUIET: QuietCase[] = [
  { rule: 'cell.formula-error', stem: F002, table: 0, cell: 'F10', text: '≥90百分比', why: 'a typed value, no formula error' },
  { rule: 'value.pct-not-rate', stem: SICHUAN, table: 0, cell: 'I12', text: '≥95%', why: '人民群众满意度 ≥95%: a satisfaction rate' },
  { rule: 'value.pct-not-rate', stem: F000, table: 0, cell: 'F11', text: '100%', why: '数据获取率 100%: a rate' },
  { rule: 'value.ambiguous', stem: F001, table: 11, cell: 'F137', text: '17　个', why: 'an ideographic space before the unit, one number' },
  {
    rule: 'weight.sum', stem: SICHUAN, table: 0, text: '村组干部报酬', why: 'weights completed to 100 (维持时效 20 → 30)',
    edit: { cell: 'K6', was: '20', to: '30' },
  },
  { rule: 'table.not-checked', stem: F000, table: 0, text: '城区微型站运维费', why: 'spend plan and goals both present' },
  { rule: 'header.required', stem: F000, table: 0, text: '城区微型站运维费', why: 'code, name, 预算数 and 资金用途 all filled' },
  { rule: 'header.code', stem: F000, table: 0, cell: 'B3', text: '13022522P0044CB10009G', why: 'a well-formed 21-character code' },
  { rule: 'money.sum', stem: F000, table: 0, cell: 'C4', text: '7.99', why: '7.99 = 7.99 + (blank)' },
  { rule: 'money.number', stem: F002, table: 3, cell: 'C64', text: '5825000.00', why: 'a plain amount in 元' },
  { rule: 'plan.range', stem: F000, table: 0, text: '城区微型站运维费', why: '25% / 50% / 75% / 100%' },
  { rule: 'plan.monotonic', stem: F004, table: 0, cell: 'C7', text: '25%', why: '6月底 25% equal to 3月底 25% is not a decrease' },
  { rule: 'plan.reach-100', stem: F000, table: 0, cell: 'E7', text: '100%', why: '12月底 100%' },
  { rule: 'plan.quarterly', stem: F004, table: 0, text: '“三线”铁路建设民兵补贴资金', why: 'cumulative 25% / 25% / 50% / 100%' },
  { rule: 'plan.blank', stem: F000, table: 0, cell: 'B7', text: '25%', why: 'every node filled' },
  { rule: 'goal.blank', stem: F000, table: 0, cell: 'B8', text: '1.在日常管理维护基础上，及时发现处置设备运行问题。\n2.能够满足实际监测需要。', why: 'real goals' },
  { rule: 'goal.placeholder', stem: F000, table: 0, cell: 'B8', text: '1.在日常管理维护基础上，及时发现处置设备运行问题。\n2.能够满足实际监测需要。', why: 'real goals' },
  { rule: 'goal.xref', stem: F001, table: 6, cell: 'B74', text: '1.发放区内17个村街村干部绩效工资，对农村干部工作能力、工作表现的全面反映，为奖励与约束提供依据。2.促进农村干部努力工作，提高自身的工作能力和水平。', why: '17个村街 comes back as 涉及村街数 17个' },
  { rule: 'hierarchy.l1', stem: F000, table: 0, cell: 'A10', text: '产出指标', why: 'standard 一级 name' },
  { rule: 'hierarchy.l2', stem: F000, table: 0, cell: 'B15', text: '成本指标', why: '成本指标 under 产出指标 (classic framework)' },
  { rule: 'hierarchy.alias', stem: F000, table: 0, cell: 'A16', text: '效益指标', why: 'standard name, no alias' },
  { rule: 'coverage.output', stem: F000, table: 0, text: '城区微型站运维费', why: 'has 产出 indicators' },
  { rule: 'coverage.benefit', stem: F000, table: 0, text: '城区微型站运维费', why: 'has 效益 indicators' },
  { rule: 'coverage.cost', stem: F000, table: 0, text: '城区微型站运维费', why: 'has 花费成本' },
  { rule: 'coverage.qqt', stem: F000, table: 0, text: '城区微型站运维费', why: 'has 数量, 质量 and 时效' },
  { rule: 'coverage.satisfaction', stem: F000, table: 0, text: '城区微型站运维费', why: 'has 服务对象满意度' },
  { rule: 'indicator.empty', stem: F000, table: 0, cell: 'C10', text: '提供运维服务空气站个数', why: 'a real name' },
  { rule: 'indicator.level-name', stem: F000, table: 0, cell: 'C18', text: '服务对象满意度', why: 'a satisfaction name is a fine 三级' },
  { rule: 'indicator.is-value', stem: F000, table: 0, cell: 'C14', text: '完成时效', why: 'a name, the deadline is in the value' },
  { rule: 'indicator.placeholder', stem: F000, table: 0, cell: 'C11', text: '六参数监测率', why: 'a real name' },
  { rule: 'indicator.duplicate', stem: F000, table: 0, cell: 'C12', text: '数据获取率', why: 'named once in its table' },
  { rule: 'indicator.misfiled', stem: F000, table: 0, cell: 'C15', text: '花费成本', why: 'a cost under 成本指标' },
  { rule: 'indicator.misfiled', stem: F001, table: 3, cell: 'C42', text: '资金到位率', why: 'a timeliness rate under 时效指标' },
  { rule: 'indicator.length', stem: F000, table: 0, cell: 'C10', text: '提供运维服务空气站个数', why: 'short name' },
  { rule: 'indicator.outcome', stem: F000, table: 2, cell: 'C57', text: '民众对非法集资认识程度', why: 'an outcome under 社会效益' },
  { rule: 'indicator.count', stem: F000, table: 0, text: '城区微型站运维费', why: '9 indicators' },
  { rule: 'value.empty', stem: F000, table: 0, cell: 'F10', text: '8个', why: 'filled' },
  { rule: 'value.malformed', stem: F000, table: 0, cell: 'F10', text: '8个', why: 'number + unit' },
  { rule: 'value.malformed', stem: F001, table: 0, cell: 'F9', text: '健全', why: 'a graded qualitative value' },
  { rule: 'value.placeholder', stem: F000, table: 0, cell: 'F12', text: '100%', why: 'a real target' },
  { rule: 'value.unit-word', stem: F000, table: 0, cell: 'F18', text: '≥90%', why: '% written as a symbol' },
  { rule: 'value.fullwidth', stem: F000, table: 0, cell: 'F18', text: '≥90%', why: 'half-width %' },
  { rule: 'value.unit-missing', stem: F000, table: 0, cell: 'F10', text: '8个', why: 'has its unit' },
  { rule: 'value.unit-mismatch', stem: F000, table: 0, cell: 'F10', text: '8个', why: 'a count of stations in 个' },
  { rule: 'value.unit-mismatch', stem: F000, table: 0, cell: 'F15', text: '7.99万元', why: 'a cost in 万元' },
  { rule: 'value.percent-range', stem: F000, table: 0, cell: 'F12', text: '100%', why: 'bare 100% (= 100%)' },
  { rule: 'value.direction', stem: F000, table: 11, cell: 'F239', text: '≥70%', why: 'a rate with ≥' },
  { rule: 'value.direction', stem: F004, table: 13, cell: 'F273', text: '<10次', why: '山火发生次数: fewer is better, < is right' },
  { rule: 'value.trivial', stem: F000, table: 0, cell: 'F10', text: '8个', why: 'a real count' },
  { rule: 'value.qual-long', stem: F001, table: 0, cell: 'F8', text: '提高', why: 'short graded phrase' },
  { rule: 'value.qual-quantity', stem: F000, table: 0, cell: 'F10', text: '8个', why: 'a quantity given as a number' },
  { rule: 'value.uniform', stem: F000, table: 0, text: '城区微型站运维费', why: 'values differ row by row' },
  { rule: 'satisfaction.form', stem: F000, table: 0, cell: 'F18', text: '≥90%', why: 'a percentage' },
  { rule: 'satisfaction.floor', stem: F000, table: 0, cell: 'F18', text: '≥90%', why: 'above the 85% floor' },
  { rule: 'satisfaction.100', stem: F000, table: 0, cell: 'F18', text: '≥90%', why: 'not 100%' },
  { rule: 'time.form', stem: F000, table: 9, cell: 'F197', text: '<12月底', why: 'a deadline' },
  { rule: 'time.year', stem: F004, table: 2, cell: 'F53', text: '2023年12月底前完成', why: 'deadline inside budget year 2023' },
  { rule: 'cost.money', stem: F000, table: 0, cell: 'F15', text: '7.99万元', why: 'an amount' },
  { rule: 'cost.cap', stem: F000, table: 0, cell: 'F15', text: '7.99万元', why: 'equal to 预算数 7.99万元' },
  { rule: 'cost.unit', stem: F000, table: 0, cell: 'F15', text: '7.99万元', why: 'in 万元 like the budget' },
  { rule: 'indicator.misfiled', stem: F001, table: 4, cell: 'C52', text: '培训时间', why: '≥7天 is an amount of days, rightly under 数量指标' },
  { rule: 'basis.unclear', stem: F004, table: 34, cell: 'G702', text: '区林水局《承德高新区农村饮水安全保障应急预案》', why: 'names the plan document it comes from' },
  { rule: 'cost.cap', stem: F004, table: 0, cell: 'F13', text: '≤64.39万元', why: '≤ 预算数 64.39万元' },
  { rule: 'basis.empty', stem: F000, table: 0, cell: 'G10', text: '根据年初工作计划安排', why: 'filled' },
  { rule: 'basis.unclear', stem: F001, table: 0, cell: 'G5', text: '发放人员登记表', why: 'names its source' },
  { rule: 'desc.empty', stem: F001, table: 0, cell: 'D5', text: '已发放人数占应发人数的比率', why: 'filled' },
  { rule: 'desc.repeats-name', stem: F001, table: 0, cell: 'D5', text: '已发放人数占应发人数的比率', why: 'says how the rate is computed' },
  { rule: 'text.whitespace', stem: F001, table: 1, cell: 'F16', text: '17个', why: 'no stray space' },
  { rule: 'text.foreign-subject', stem: F004, table: 16, cell: 'C341', text: '减少畜禽粪污、秸秆对环境污染', why: '秸秆 is the project\'s own subject' },
  { rule: 'layout.split-row', stem: F001, table: 22, text: '经开区纪委工作经费', why: 'no page-split rows' },
  { rule: 'workbook.boilerplate', stem: F001, table: 0, cell: 'C4', text: '编外人员数', why: 'project-specific row' },
];

/** The rule ids this file covers; checked against the catalogue and against FIRES/QUIET below. */
const COVERED_IDS = [
  'header.required', 'header.code', 'money.sum', 'money.number',
  'plan.range', 'plan.monotonic', 'plan.reach-100', 'plan.quarterly', 'plan.blank',
  'goal.blank', 'goal.placeholder', 'goal.xref',
  'hierarchy.l1', 'hierarchy.l2', 'hierarchy.alias',
  'coverage.output', 'coverage.benefit', 'coverage.cost', 'coverage.qqt', 'coverage.satisfaction',
  'indicator.empty', 'indicator.level-name', 'indicator.is-value', 'indicator.placeholder', 'indicator.duplicate',
  'indicator.misfiled', 'indicator.length', 'indicator.outcome', 'indicator.count',
  'value.empty', 'value.malformed', 'value.placeholder', 'value.unit-word', 'value.fullwidth', 'value.unit-missing',
  'value.unit-mismatch', 'value.percent-range', 'value.direction', 'value.trivial', 'value.qual-long',
  'value.qual-quantity', 'value.uniform',
  'satisfaction.form', 'satisfaction.floor', 'satisfaction.100',
  'time.form', 'time.year', 'cost.money', 'cost.cap', 'cost.unit',
  'basis.empty', 'basis.unclear', 'desc.empty', 'desc.repeats-name',
  'text.whitespace', 'text.foreign-subject', 'layout.split-row', 'workbook.boilerplate', 'cell.formula-error',
  'value.ambiguous', 'value.pct-not-rate', 'weight.sum', 'table.not-checked',
];

// ---------------------------------------------------------------------------------------------------------
// The tests

const label = (c: { rule: string; stem: string }, where: string) => `${c.rule} @ ${c.stem.slice(0, 3)} ${where}`;

describe('each rule fires on a real row', () => {
  it.each(FIRES.map((c) => [label(c, c.cell + (c.edit ? ` (${c.edit.cell} edited)` : '')), c] as [string, FireCase]))('%s', async (_name, c) => {
    expect.hasAssertions();
    const res = c.edit ? await edited(c.stem, c.edit) : await checked(c.stem);
    const t = res.tables[c.table];
    expect(t).toBeDefined();
    if (c.text !== undefined) expect(textAt(res, c.table, c.cell)).toBe(c.text);
    const hits = res.diagnostics.filter((d) => d.sheet === sheetOf(c.stem) && d.cell === c.cell && d.rule === c.rule && d.table === c.table);
    expect(hits.length).toBeGreaterThanOrEqual(1);
    const d = hits[0];
    expect(d.severity).toBe(c.severity);
    expect(d.suggestion ?? null).toBe(c.suggestion);
    expect(d.message.length).toBeGreaterThan(0);
    if (c.says) expect(d.message).toContain(c.says);
    if (c.edit) {
      // The finding is caused by the edit: the published table is clean of it at that cell.
      const before = await checked(c.stem);
      expect(before.diagnostics.filter((x) => x.cell === c.cell && x.rule === c.rule && x.table === c.table)).toEqual([]);
    }
  });
});

describe('each rule stays quiet on a correct real row', () => {
  it.each(QUIET.map((c) => [label(c, c.cell || `table ${c.table}`) + ` (${c.why})`, c] as [string, QuietCase]))('%s', async (_name, c) => {
    expect.hasAssertions();
    const res = c.edit ? await edited(c.stem, c.edit) : await checked(c.stem);
    const t = res.tables[c.table];
    expect(t).toBeDefined();
    if (c.cell) {
      expect(textAt(res, c.table, c.cell)).toBe(c.text);
      const at = res.diagnostics.filter((d) => d.rule === c.rule && d.sheet === sheetOf(c.stem) && covers(d, c.cell!));
      expect(at).toEqual([]);
    } else {
      expect(t.table.name.text || t.table.title.text).toContain(c.text);
      expect(res.diagnostics.filter((d) => d.rule === c.rule && d.table === c.table)).toEqual([]);
    }
  });
});

describe('catalogue coverage', () => {
  const catalogueIds = ruleCatalogue.map((r) => r.id);

  it('the catalogue is filled', () => {
    expect(catalogueIds.length).toBeGreaterThan(0);
    expect(new Set(catalogueIds).size).toBe(catalogueIds.length);
  });

  it('every catalogue id is in the covered list, and the list names no unknown id', () => {
    expect(catalogueIds.filter((id) => !COVERED_IDS.includes(id))).toEqual([]);
    expect(COVERED_IDS.filter((id) => !catalogueIds.includes(id))).toEqual([]);
  });

  it('every catalogue id has a firing test', () => {
    const fired = new Set(FIRES.map((c) => c.rule));
    expect(catalogueIds.filter((id) => !fired.has(id))).toEqual([]);
    expect([...fired].filter((id) => !COVERED_IDS.includes(id))).toEqual([]);
  });

  it('every catalogue id has a quiet test', () => {
    const quiet = new Set(QUIET.map((c) => c.rule));
    expect(catalogueIds.filter((id) => !quiet.has(id))).toEqual([]);
    expect([...quiet].filter((id) => !COVERED_IDS.includes(id))).toEqual([]);
  });
});
