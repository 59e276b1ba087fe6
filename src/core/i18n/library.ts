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
  typeColumns: { name: '类型', id: '编号', keywords: '关键词', description: '说明', class: '支出功能分类', source: '来源' },
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
/**
 * Said when no project type fits well (pane and CLI): why, and that the suggestions come from what the project's
 * texts name rather than from one type's list.
 */
export function noGoodFitText(fit: { reason: string; score: number; best?: { name: string }; words: string[] }): string {
  if (fit.reason === 'none' || !fit.best)
    return '指标库中没有与本项目相符的项目类型：项目名称、资金用途和绩效目标中没有任何类型的关键词。以下指标按项目文字中提到的对象、活动和数量推荐，并补充通用指标，请逐项核对。';
  const found = fit.words.length ? `（项目文字中只找到“${fit.words.slice(0, 3).join('、')}”）` : '';
  return `与指标库中的项目类型匹配度低：项目名称没有明确指向最接近的“${fit.best.name}”${found}，匹配度 ${Math.round(fit.score * 100)}%。以下指标按项目文字中提到的对象、活动和数量推荐（不限于这一类型），请逐项核对。`;
}

export const libraryCliText = {
  typesHeading: '项目类型：',
  noTypes: '（未能判断项目类型）',
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

/** The task pane's 指标库 tab and inserting library rows into a table (Excel, WPS, playground). */
export const libraryPaneText = {
  intro: '按项目名称、资金用途和绩效目标判断项目类型，推荐表中还没有的三级指标（指标值已按本表填好）。勾选后点“插入”，新行插入到所属二级指标下方。',
  tableLabel: '要补充的表',
  tablePlaceholder: '选择一张表',
  useSelection: '所选单元格所在的表',
  useSelectionTitle: '改用当前选中的单元格所在的表',
  loading: '正在读取表格…',
  noTables: '没有找到绩效目标表。请先在“检查”页检查，或选中表中的单元格后点“所选单元格所在的表”。',
  tableOption: (title: string, location: string) => `${title}（${location}）`,
  typesLabel: '项目类型',
  noTypes: '未能判断项目类型，以下为通用指标。',
  typeTitle: (name: string, score: number, on = false) =>
    `${name}：与本项目的匹配度 ${Math.round(score * 100)}%。` + (on ? '再点一次回到推荐指标' : '点击列出这一类的指标'),
  typeScore: (score: number) => `${Math.round(score * 100)}%`,
  typeScoreLabel: (score: number) => `匹配度 ${Math.round(score * 100)}%`,
  typeHeading: (name: string, n: number, query: string) => `${name}类指标${query ? `中与“${query}”匹配的` : ''}（${n} 项）`,
  amountLabel: '数量',
  amountPlaceholder: '填写数字，留空则指标值空着',
  amountInvalid: '请填写数字，如 12',
  searchLabel: '搜索指标库',
  searchPlaceholder: '输入关键词，如 培训、监测、满意度',
  suggestionsHeading: '推荐指标',
  searchHeading: (n: number) => `搜索结果（${n} 项）`,
  noHits: '指标库中没有匹配的指标，或匹配的指标表中已有。',
  noSuggestions: '没有可推荐的指标：表中已有同类指标。可以在上方搜索。',
  basis: '依据',
  unit: '单位',
  pending: '需填写',
  pendingTitle: '这项指标的数量需要按项目实际填写：勾选后在下方填写数字；留空则插入时指标值空着，检查会标出该单元格。',
  selected: (n: number) => (n ? `已选 ${n} 项` : '未选择指标'),
  insertButton: '插入',
  insertTitle: (n: number, table: string) => `把选中的 ${n} 项指标插入“${table}”`,
  clearSelection: '清除选择',
  marksNote: '插入会整行插入（下方内容整体下移）；工作簿中若有检查标记，会先清除，插入后重新检查。',
  templateNote: '要生成一张新的标准表并填入指标，请使用“模板”页。',
  unsupported: {
    department: '部门整体支出绩效目标表不适用项目指标库，不能在此插入。',
    layout: '这张表没有独立的一级、二级、三级指标列，无法判断新行应插在哪里。',
    empty: '这张表还没有指标行，无法判断新行应插在哪里。请先填写至少一行，或使用“模板”页生成新表。',
  },
  flatNote: '这是指标汇总清单：新行会重复填写项目名称、一级和二级指标，与表中其他行一致。',
  progress: {
    reading: (sheet: string) => `正在读取工作表“${sheet}”…`,
    inserting: (n: number) => `正在插入 ${n} 行…`,
    rechecking: (sheet: string) => `正在重新检查“${sheet}”…`,
  },
  resultHeading: (table: string) => `已插入：${table}`,
  inserted: (n: number, table: string) => `已在“${table}”中插入 ${n} 行，原有内容整体下移，未覆盖任何单元格。`,
  resultRow: (l2: string, l3: string) => `${l2} › ${l3}`,
  marksCleared: '插入前已清除原有检查标记，并已重新检查、重新标记。',
  pendingLeft: (n: number) => `其中 ${n} 行没有填写数量，指标值空着，请按实际填写（检查已标出）。`,
  skipped: (n: number) => `${n} 项指标的一级/二级指标不属于本表的指标体系，未插入。`,
  tableGone: '找不到这张表了（可能刚被修改或删除）。请重新检查后再插入。',
  sheetChanged: '工作表在读取之后被修改过，为免插错位置，没有插入任何行。请重新检查后再插入。',
  nothingChosen: '请先勾选要插入的指标。',
};
