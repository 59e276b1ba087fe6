// User-facing text of the indicator library: the worksheet layout, import problems, and the command line's
// `suggest` / `library` output (Simplified Chinese).

export const librarySheetText = {
  indicatorSheet: '指标库',
  typeSheet: '项目类型',
  /** Column headers of the indicator sheet, in order (the documented layout). */
  columns: {
    type: '类型',
    l1: '一级',
    l2: '二级',
    l3: '三级',
    explanation: '指标解释',
    unit: '单位',
    polarity: '方向',
    template: '指标值模板',
    basis: '依据',
    keywords: '关键词',
    source: '来源',
    id: '编号',
  },
  /** Column headers of the optional project-type sheet. */
  typeColumns: { name: '类型', id: '编号', keywords: '关键词', description: '说明' },
  commonType: '通用',
  defaultSource: '部门指标库',
};

/** Why a row of a department's library sheet was not taken. */
export const libraryImportText = {
  noSheet: '工作簿中没有找到指标库工作表（应有一张工作表带“类型、一级、二级、三级、指标解释、单位、方向、指标值模板、依据、关键词、来源”表头，至少要有类型、一级、二级、三级、指标值模板、依据列）。',
  invalid: (col: string) => `“${col}”不符合要求`,
  row: (sheet: string, row: number, what: string) => `工作表“${sheet}”第${row}行：${what}`,
  required: (col: string) => `“${col}”不能为空`,
  tooLong: (col: string, max: number) => `“${col}”不能超过${max}个字`,
  tooShort: (col: string, min: number) => `“${col}”至少要有${min}个字`,
  unknownL1: (text: string) => `一级指标“${text}”不是产出指标、效益指标、满意度指标或成本指标`,
  unknownL2: (text: string, l1: string) => `二级指标“${text}”不属于一级指标“${l1}”`,
  badPolarity: (text: string) => `方向“${text}”应为 正向、反向、定性 或 等于`,
  badBasis: (text: string) => `依据“${text}”应为 计划标准、行业标准、历史标准、预算支出标准 或 其他标准`,
  badPlaceholder: (text: string) => `指标值模板“${text}”中有无法识别的占位符（只能用 {预算数}{单位}、{年度}、{数量}）`,
  unitWithoutBudget: (text: string) => `指标值模板“${text}”中的 {单位} 只能紧跟在 {预算数} 之后`,
  badTemplate: (text: string, sample: string) => `指标值模板“${text}”填入示例后为“${sample}”，不是有效的指标值`,
  polarityMismatch: (polarity: string, text: string) =>
    polarity === '定性' ? `方向为“定性”，但指标值模板“${text}”是数值` : `方向为“${polarity}”，但指标值模板“${text}”是定性表述`,
  badId: (text: string) => `编号“${text}”只能由小写字母、数字和“-”组成，形如 meeting.01`,
  duplicate: (l3: string, first: number) => `三级指标“${l3}”与第${first}行重复`,
  typeRow: (sheet: string, row: number, what: string) => `工作表“${sheet}”第${row}行：${what}`,
  badTypeId: (text: string) => `类型编号“${text}”只能由小写字母、数字和“-”组成`,
  summary: (taken: number, bad: number) => (bad ? `读入 ${taken} 项指标，${bad} 行有问题未读入：` : `读入 ${taken} 项指标。`),
};

/** The command line's `suggest` and `library` output. */
export const libraryCliText = {
  typesHeading: '项目类型：',
  noTypes: '（未能判断项目类型，以下为通用指标）',
  suggestionsHeading: (n: number) => `建议指标（${n} 项）：`,
  noSuggestions: '（没有可建议的指标）',
  basis: '依据',
  placeholderNote: '带 {数量} 等占位符的指标值需要按项目实际填写。',
  libraryHeading: (version: string) => `指标库（版本 ${version}）`,
  libraryStats: (types: number, indicators: number) => `共 ${types} 个项目类型、${indicators} 项指标。`,
  typeLine: (name: string, id: string, n: number) => `${name}（${id}）：${n} 项`,
  commonLine: (n: number) => `通用指标（common）：${n} 项`,
  exported: (file: string, n: number) => `已将 ${n} 项指标写入“${file}”。`,
  importProblems: (file: string, n: number) => `“${file}”中有 ${n} 行未读入：`,
  exportFailed: (file: string, reason: string) => `无法写入“${file}”：${reason}`,
  libraryUnreadable: (file: string, reason: string) => `无法读取指标库“${file}”：${reason}`,
};
