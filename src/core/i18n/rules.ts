// Rule descriptions and finding messages (zh-CN). Each message says what is wrong and what to write instead.

export const ruleDescriptions: Record<string, string> = {
  'header.required': '项目编码、项目名称、预算数、资金用途、绩效目标等表头项不得为空',
  'header.code': '项目编码应为不超过21位的字母数字编码',
  'money.sum': '预算数应等于财政资金与其他资金之和',
  'money.number': '预算金额应为数字且不为负数，预算数应大于0',
  'plan.range': '资金支出计划每个节点应在0%～100%之间',
  'plan.monotonic': '资金支出计划为累计比例，各节点不得下降',
  'plan.reach-100': '资金支出计划12月底应达到100%',
  'plan.quarterly': '资金支出计划按季度分别填写（合计100%），应改为累计比例',
  'plan.blank': '资金支出计划节点不应留空',
  'goal.blank': '绩效目标不得为空或仅含符号',
  'goal.placeholder': '绩效目标不得保留模板占位文字',
  'goal.xref': '绩效目标中的数量应在指标值中体现',
  'hierarchy.l1': '一级指标应为所选框架中的名称',
  'hierarchy.l2': '二级指标应属于其一级指标',
  'hierarchy.alias': '一级/二级指标使用了地方别名，建议写规范名称',
  'coverage.output': '产出指标下至少填报一条三级指标',
  'coverage.benefit': '效益指标下至少填报一条三级指标',
  'coverage.cost': '应设置成本指标',
  'coverage.qqt': '产出指标应包括数量、质量、时效指标',
  'coverage.satisfaction': '应设置服务对象满意度指标',
  'indicator.empty': '三级指标不得为空或填“无”等',
  'indicator.level-name': '三级指标不应只写一级或二级指标的名称',
  'indicator.is-value': '三级指标应为指标名称，不应填写指标值或完成时限',
  'indicator.placeholder': '三级指标不得保留模板占位文字',
  'indicator.duplicate': '同一表内三级指标不应重复',
  'indicator.misfiled': '三级指标应归入与其含义相符的二级指标',
  'indicator.length': '三级指标名称应简明（2～40字）',
  'indicator.outcome': '效益指标应反映项目带来的效果，而非产出数量',
  'indicator.count': '三级指标总数应适当',
  'value.empty': '指标值不得为空',
  'value.malformed': '指标值应为“符号+数值+单位”、完成时限或分级定性表述',
  'value.placeholder': '指标值不得保留模板占位文字',
  'value.unit-word': '单位应写符号（如%），不应写“百分比”等文字',
  'value.fullwidth': '比较符号和百分号应使用规范写法（≥ ≤ ＝ %）',
  'value.unit-missing': '定量指标值应带计量单位',
  'value.unit-mismatch': '指标值的单位应与指标含义相符（比率用%，数量用个/人/次，成本用元/万元，时限用日期）',
  'value.percent-range': '百分比应在0%～100%之间，100%目标宜写“=100%”',
  'value.direction': '比较符号应与指标方向一致（成本用≤，数量、比率用≥）',
  'value.trivial': '指标值不应为无约束的目标（如≥0）',
  'value.qual-long': '定性指标值应为简短的分级表述',
  'value.qual-quantity': '数量指标应定量填写',
  'value.uniform': '各项指标值不应全部相同',
  'satisfaction.form': '满意度指标值应为百分比（如≥90%）',
  'satisfaction.floor': '满意度目标不宜过低',
  'satisfaction.100': '满意度目标不宜设为100%',
  'time.form': '时效指标应填写完成时限（如“2023年12月底前完成”）、及时率或时长',
  'time.year': '完成时限应在预算年度内',
  'cost.money': '成本指标应填写金额（如≤7.99万元）',
  'cost.cap': '总成本不得超过预算数',
  'cost.unit': '成本金额的单位应与预算数一致（元/万元）',
  'basis.empty': '指标值确定依据不得为空',
  'basis.unclear': '指标值确定依据应说明计划标准、行业标准、历史标准、预算支出标准或其他标准',
  'desc.empty': '绩效指标描述不得为空',
  'desc.repeats-name': '绩效指标描述应说明指标含义或计算方法，不应只重复指标名称',
  'text.whitespace': '指标内容不应有多余空格',
  'text.foreign-subject': '指标内容不应出现与本项目无关的事项（疑为从其他项目复制）',
  'layout.split-row': '同一指标行被分页拆成两行',
  'workbook.boilerplate': '多个项目套用完全相同的指标行',
  'cell.formula-error': '表中单元格是公式错误（如 #DIV/0!），应修正公式或改填数值',
  'value.ambiguous': '指标值中的数字被空格隔开，读法不唯一',
  'value.pct-not-rate': '不是比率的指标不应以百分比为目标值',
  'weight.sum': '各指标分值（权重）之和应为100',
  'table.not-checked': '表中没有资金支出计划或绩效目标栏时，相应检查未执行',
};

/** "资金支出计划栏，未检查支出进度" for the blocks a layout lacks ('plan', 'goals'). */
function gapText(missing: string[]): string {
  const what: Record<string, [string, string]> = { plan: ['资金支出计划栏', '支出进度'], goals: ['绩效目标栏', '目标与指标是否对应'] };
  const parts = missing.map((m) => what[m]).filter(Boolean);
  return parts.map((p) => p[0]).join('和') + '，未检查' + parts.map((p) => p[1]).join('和');
}

/** One finding for the same hint in many tables (rules/index.ts collapseWorkbook). */
export function workbookMessage(message: string, n: number, cells: string): string {
  return `${message}（本工作簿共${n}处：${cells}）`;
}

/** One finding for a whole column (rules/index.ts collapseColumns). */
export function columnMessage(rule: string, n: number, rows: number, cells: string): string {
  const what: Record<string, string> = {
    'desc.repeats-name': '绩效指标描述只重复了指标名称，请逐行说明指标含义、统计口径或计算方法',
    'desc.empty': '绩效指标描述为空，请逐行说明指标含义或计算方法',
    'basis.empty': '指标值确定依据为空，请逐行注明计划标准、行业标准、历史标准或预算支出标准等',
    'basis.unclear': '指标值确定依据没有说明取值标准，请写明如“计划标准（年度工作计划）”“历史标准”“行业标准”',
    'value.fullwidth': '指标值使用了全角或ASCII符号（如％、>=），规范写法为 % ≥ ≤',
  };
  return `本列${rows}行中有${n}行${what[rule] || ruleDescriptions[rule] || rule}：${cells}`;
}

const q = (s: string) => '“' + s + '”';

/** Why a sheet has no target table (detect.explainNoTable): what was looked for, what was found. */
export function noTableText(sheet: string, reason: 'empty' | 'no-header' | 'no-value-column' | 'no-rows', found: string[], headerRow?: number): string {
  const looked = '查找的是同一行中的表头“一级指标”“二级指标”“三级指标”（至少两级，且有三级或跨两列的二级），以及“指标值”（或“指标性质/指标值/度量单位”“符号/值/单位”）列';
  const seen = found.length ? `本表找到：${found.join('、')}` : '本表没有这些表头';
  if (reason === 'empty') return `工作表${q(sheet)}是空表，没有可检查的内容`;
  if (reason === 'no-value-column') return `工作表${q(sheet)}第${headerRow}行有指标表头，但没有“指标值”列，无法检查。${looked}。${seen}`;
  if (reason === 'no-rows') return `工作表${q(sheet)}第${headerRow}行有指标表头，但其下没有指标行，无法检查`;
  return `工作表${q(sheet)}未找到绩效指标表：${looked}。${seen}。如表头写法不同，请改为上述名称后再检查`;
}

/** What a look-alike symbol is, in words (the two forms look the same on screen, so the message names them). */
const SYMBOL: [RegExp, string][] = [
  [/>=|＞＝/, '“>=”是两个键盘字符，应为一个“≥”'],
  [/<=|＜＝/, '“<=”是两个键盘字符，应为一个“≤”'],
  [/％/, '“％”是全角（中文输入法）百分号'],
  [/＝/, '“＝”是全角等号'],
  [/＞/, '“＞”是全角大于号'],
  [/＜/, '“＜”是全角小于号'],
  [/[０-９]/, '数字是全角（中文输入法）数字'],
  [/．/, '小数点是全角句点'],
  [/[≧]/, '“≧”不是“≥”'],
  [/[≦]/, '“≦”不是“≤”'],
];

/** The look-alike symbols of `text` that its fix replaces, named; a generic phrase when none is known. */
function symbolNames(text: string, fix: string): string {
  const named = SYMBOL.filter(([re]) => re.test(text) && !re.test(fix)).map(([, name]) => name);
  return named.length ? named.join('；') : '的比较符号或百分号不是规范写法';
}

export const msg = {
  formulaError: (error: string) => `单元格是公式错误 ${error}（公式的计算结果，不是填写的内容），请修正公式或直接填写数值`,
  headerRequired: (label: string) => `${label}为空，请填写${label}`,
  headerCode: (code: string) => `项目编码${q(code)}格式不符：应为不超过21位的字母和数字（如13022522P0044CB10009G）`,
  moneySum: (total: string, fiscal: string, other: string, sum: string) =>
    `预算数${total}不等于财政资金${fiscal || '0'}与其他资金${other || '0'}之和（${sum}）`,
  moneyNotNumber: (label: string, text: string) => `${label}${q(text)}不是有效金额，请填写数字`,
  moneyNegative: (label: string) => `${label}不应为负数`,
  moneyZero: () => '预算数为0，请填写本项目的预算金额',
  planRange: (label: string, text: string) => `资金支出计划${label}为${q(text)}，应在0%～100%之间`,
  planNotPercent: (label: string, text: string) => `资金支出计划${label}${q(text)}不是百分比，请填写如“50%”`,
  planMono: (label: string, text: string, prevLabel: string, prevText: string) =>
    `资金支出计划是累计比例，${label}（${text}）低于${prevLabel}（${prevText}），不应下降`,
  plan100: (label: string, text: string) => `资金支出计划${label}应为100%（全年支出完毕），现为${q(text || '空')}`,
  planQuarterly: (shares: string, cumulative: string) =>
    `资金支出计划似按各季度分别填写（${shares}，合计100%）；本表应填累计支出比例，即${cumulative}`,
  planBlank: (label: string) => `资金支出计划${label}未填写，应填累计支出比例（未支出填0%）`,
  goalBlank: () => '绩效目标为空，请用数量、质量、时效、效益等方面的具体表述填写年度绩效目标',
  goalPlaceholder: (text: string) => `绩效目标${q(text)}是模板占位文字，请填写本项目的具体年度目标`,
  goalXref: (qty: string) => `绩效目标提到${qty.split('、').map(q).join('、')}，但指标值中没有对应的数量，请在数量指标中体现`,
  ambiguous: (text: string, readings: string[]) => `指标值${q(text.trim())}中的数字被空格隔开，可读作${readings.map(q).join('或')}，请核实后改正`,
  pctNotRate: (name: string, text: string) =>
    `${q(name)}不是比率，指标值${q(text)}的百分比无从统计；请改为可统计的指标（如“××达标率≥95%”“××次数≥N次”）或定性目标（如“明显提升”）`,
  directionColumn: (dir: string, text: string) => `指标方向为${q(dir)}，指标值${q(text)}的比较符号与之相反，请核对`,
  weightSum: (sum: string, n: number) => `本项目${n}项指标的分值（权重）合计${sum}，应为100`,
  notChecked: (missing: string[]) => `本表没有${gapText(missing)}；如另有填报，请一并核对`,
  notCheckedAll: (n: number, missing: string[]) => `本工作簿${n}个表都没有${gapText(missing)}；如另有填报，请一并核对`,
  l1Unknown: (text: string, allowed: string) => `一级指标${q(text)}不在${allowed}之中`,
  l2Unknown: (text: string, l1: string, allowed: string) => `二级指标${q(text)}不属于一级指标${q(l1)}，应为：${allowed}`,
  l2Misplaced: (text: string, l1: string, right: string) => `二级指标${q(text)}应归入一级指标${q(right)}，而不是${q(l1)}`,
  alias: (text: string, std: string) => `${q(text)}是地方写法，规范名称为${q(std)}`,
  coverageOutput: () => '缺少产出指标：产出指标下至少填报一条三级指标',
  coverageBenefit: () => '缺少效益指标：效益指标下至少填报一条三级指标',
  coverageCost: (core: boolean) =>
    core ? '缺少成本指标：按财预〔2021〕101号，成本指标为一级指标，至少设置经济成本指标' : '缺少成本指标：请在产出指标下设置成本指标（如总成本≤预算数）',
  coverageQqt: (missing: string) => `产出指标缺少${missing}，请补充`,
  coverageSat: () => '未设置服务对象满意度指标（如“服务对象满意度≥90%”）',
  indicatorEmpty: (text: string) => (text.trim() ? `三级指标填写为${q(text)}，请填写具体的指标名称或删除该行` : '三级指标为空，请填写指标名称'),
  indicatorLevelName: (text: string) => `三级指标${q(text)}只是指标层级名称，请写具体指标（如“培训人次”“验收合格率”）`,
  indicatorIsValue: (text: string) => `三级指标${q(text)}是指标值，不是指标名称；请写如“项目完成时间”，把${q(text)}填入指标值`,
  indicatorPlaceholder: (text: string) => `三级指标${q(text)}含模板占位文字，请填写具体指标`,
  indicatorDuplicate: (text: string, first: string) => `三级指标${q(text)}与${first}重复`,
  misfiledCost: (text: string, l2: string) => `${q(text)}是成本（金额）指标，不应放在${q(l2)}下，应归入成本指标`,
  misfiledTime: (text: string, l2: string) => `${q(text)}是时效指标，不应放在${q(l2)}下，应归入时效指标`,
  misfiledSatisfaction: (text: string, l2: string) => `${q(text)}是满意度指标，不应放在${q(l2)}下，应归入服务对象满意度指标`,
  misfiledRateAsCost: (text: string) => `${q(text)}是比率（质量/时效）指标，不是成本指标；成本指标应为金额（如“项目总成本≤预算数”）`,
  indicatorLength: (text: string, n: number) => `三级指标名称过长（${n}字），请精简为指标名称，具体说明写入绩效指标描述`,
  indicatorOutcome: (text: string) => `${q(text)}是产出数量，不是效益；效益指标应反映项目带来的变化（如增长、提升、改善）`,
  indicatorCount: (n: number, min: number, max: number) => `三级指标共${n}个，${n < min ? `少于${min}个，指标不够细化` : `多于${max}个，请保留核心指标`}`,
  valueEmpty: () => '指标值为空，请填写如“≥95%”“=24人”“2023年12月底前完成”',
  valueMalformed: (text: string, reason: string) => `指标值${q(text)}格式不正确：${reason}`,
  valuePlaceholder: (text: string) => `指标值${q(text)}含模板占位文字，请填写实际目标值`,
  valueNa: (text: string) => `指标值填写为${q(text)}，请填写实际目标值或删除该指标`,
  valueUnitWord: (text: string, fix: string) => `指标值${q(text)}把单位写成了文字，应写为${q(fix)}`,
  valueFullwidth: (text: string, fix: string) => `指标值${q(text)}中${symbolNames(text, fix)}，应写为${q(fix)}`,
  valueStray: (text: string, fix: string) => `指标值${q(text)}夹杂说明文字，应只写目标值，如${q(fix)}`,
  valueUnitMissing: (text: string) => `定量指标值${q(text)}缺少计量单位`,
  mismatchCountPct: (name: string, text: string) => `${q(name)}是数量指标，指标值应为个数（如“=12次”“≥20人”），不应为百分比${q(text)}`,
  mismatchCostPct: (name: string, text: string, fix: string | null) =>
    `${q(name)}是成本指标，指标值应为金额（如${q(fix || '≤预算数')}），不应为百分比${q(text)}`,
  mismatchTimePct: (name: string, text: string) => `时效指标${q(name)}的指标值应为完成时限（如“2023年12月底前完成”），不应为百分比${q(text)}`,
  mismatchRateUnit: (name: string, text: string) => `${q(name)}是比率指标，指标值应为百分比（如“≥95%”），不应为${q(text)}`,
  mismatchCountUnit: (name: string, text: string, expected: string) => `${q(name)}的单位应为${q(expected)}，而指标值${q(text)}用了其他计量单位`,
  mismatchCostUnit: (name: string, text: string) => `${q(name)}是成本指标，指标值应为金额（元或万元），而不是${q(text)}`,
  pctOver: (text: string) => `百分比${q(text)}超过100%`,
  pctGe100: (text: string, fix: string) => `${q(text)}无法超过100%，应写为${q(fix)}`,
  directionCost: (name: string, text: string, fix: string) => `成本指标${q(name)}应控制上限，用“≤”：${q(fix)}，而不是${q(text)}`,
  directionPositive: (name: string, text: string) => `${q(name)}越高越好，指标值${q(text)}用了“≤/<”，应为“≥”`,
  trivial: (text: string) => `指标值${q(text)}对绩效没有约束，请填写有意义的目标值`,
  qualLong: (text: string) => `定性指标值${q(text)}过长，宜用分级表述（如“达到”“明显提升”“好”）`,
  qualQuantity: (name: string, text: string) => `数量指标${q(name)}的指标值${q(text)}是定性表述，应填写具体数量（如“=12次”）`,
  uniform: (text: string, n: number) => `本表${n}项指标的指标值都是${q(text)}，疑为套用模板，请按每项指标的含义分别填写`,
  satForm: (text: string) => `满意度指标值应为百分比（如“≥90%”），现为${q(text)}`,
  satFloor: (text: string, floor: number) => `满意度目标${q(text)}低于${floor}%，目标偏低`,
  sat100: (text: string) => `满意度目标${q(text)}难以实现也难以考核，宜设为“≥90%”或“≥95%”`,
  timeForm: (name: string, text: string, fix: string) => `时效指标${q(name)}的指标值${q(text)}不是明确的完成时限，应写为如${q(fix)}`,
  timeYear: (text: string, year: number) => `完成时限${q(text)}不在预算年度${year}年内`,
  costMoney: (name: string, text: string, fix: string) => `成本指标${q(name)}应填写金额，如${q(fix)}，现为${q(text)}`,
  costUnit: (name: string, text: string, budget: string) => `成本${q(name)}${q(text)}的单位疑为“万元”：预算数为${budget}，按“元”计相差一万倍`,
  costCap: (name: string, text: string, budget: string) => `成本${q(name)}${q(text)}超过预算数${budget}（已按元/万元换算）`,
  basisEmpty: () => '指标值确定依据为空，请注明计划标准、行业标准、历史标准或预算支出标准等',
  basisUnclear: (text: string) => `指标值确定依据${q(text)}没有说明取值标准，请写明如“计划标准（年度工作计划）”“历史标准”“行业标准”`,
  descEmpty: () => '绩效指标描述为空，请说明指标含义或计算方法',
  descRepeats: (name: string) => `绩效指标描述只重复了指标名称${q(name)}，请说明指标含义、统计口径或计算方法`,
  whitespace: (text: string) => `${q(text)}含多余空格`,
  foreignSubject: (word: string, text: string) => `${q(text)}提到${q(word)}，与本项目的名称、用途和目标无关，疑为从其他项目复制`,
  splitRow: (value: string) => `该行内容${q(value)}是上一行的指标值/依据，因分页被拆到一级、二级指标列，请合并回上一行`,
  boilerplate: (n: number, total: number) => `本工作簿有${n}个项目（共${total}个）使用完全相同的这一指标行，疑为套用模板，请按本项目实际设置`,
  labels: {
    code: '项目编码',
    name: '项目名称',
    total: '预算数',
    fiscal: '财政资金',
    other: '其他资金',
    purpose: '资金用途',
    goals: '绩效目标',
    plan: '资金支出计划',
    quantity: '数量指标',
    quality: '质量指标',
    time: '时效指标',
    cost: '成本指标',
    sep: '、',
  },
};
