// User-facing text of the task pane (Excel / WPS / playground), Simplified Chinese. Imported directly by
// src/taskpane/*, so the shared i18n index stays untouched.
import { severityLabel } from './common';

export { severityLabel };

/** Short names of rules, for one collapsed row standing for many findings of the same rule in a table. */
const ruleShort: Record<string, string> = {
  'desc.repeats-name': '描述只重复指标名称',
  'desc.empty': '绩效指标描述为空',
  'basis.empty': '指标值确定依据为空',
  'basis.unclear': '指标值确定依据不明确',
  'value.unit-word': '单位写成了文字',
  'value.fullwidth': '符号写法不规范',
  'value.malformed': '指标值格式不对',
  'value.unit-missing': '指标值缺少单位',
  'value.unit-mismatch': '单位与指标含义不符',
  'value.empty': '指标值为空',
  'value.qual-long': '定性指标值过长',
  'text.whitespace': '多余空格',
  'workbook.boilerplate': '与其他项目套用相同指标行',
  'hierarchy.alias': '一级/二级指标使用地方别名',
  'indicator.empty': '三级指标为空',
  'indicator.misfiled': '三级指标归类不当',
  'time.form': '时效指标未写完成时限',
  'cost.money': '成本指标未写金额',
  'plan.blank': '资金支出计划留空',
  'value.pct-not-rate': '不是比率却写百分比',
  'value.ambiguous': '数字被空格隔开',
  'plan.quarterly': '资金支出计划按季度填写',
  'goal.placeholder': '绩效目标是模板占位文字',
  'value.placeholder': '指标值是占位文字',
  'indicator.placeholder': '三级指标是占位文字',
  'coverage.cost': '缺少成本指标',
  'satisfaction.floor': '满意度目标偏低',
};

/** The short name of a rule (for collapsed rows, repeated findings and the search), else its id. */
export const ruleShortName = (rule: string): string => ruleShort[rule] || rule;

const SEVERITY_WORD: Record<string, string> = { error: '错误', warning: '警告', info: '提示' };

export const taskpaneText = {
  /** The page title (set at run time; the task pane's caption comes from the manifest). */
  pageTitle: '绩效目标表检查',
  loading: '正在加载…',

  tabs: { check: '检查', library: '指标库', template: '模板', review: '审核' },
  tabsMore: '更多选项卡',
  /** A tab whose code is loaded on first use (指标库, 模板): while it loads, and if it cannot be loaded. */
  lazyTab: {
    loading: '正在加载…',
    failed: '这个选项卡未能加载。请检查加载项所在的网络或文件夹是否可以访问，然后重试。',
    retry: '重试',
  },

  scope: { label: '检查范围', sheet: '当前工作表', workbook: '整个工作簿' },
  profile: {
    label: '指标体系',
    auto: '自动识别（按一级指标）',
    classic: '产出·效益·满意度（2015/2020）',
    core2021: '成本指标单列（2021）',
    department: '部门整体支出',
  },

  checkButton: '检查',
  cancelButton: '取消',
  cancelled: '已取消检查：工作簿和上次的检查结果都没有改动。',
  markCancelled: '已取消标记：已写入的标记都已撤销，单元格恢复原样。问题清单仍在下方，可再次检查以标记。',
  options: {
    show: '检查选项',
    hide: '收起选项',
    summary: (scope: string, profile: string) => `${scope} · ${profile}`,
  },
  recheckButton: '重新检查',
  clearButton: '清除标记',
  applyButton: '应用建议',
  applyTitle: (cell: string, text: string) => `把 ${cell} 改为“${text}”`,

  progress: {
    start: '正在准备…',
    reading: (sheet: string, done: number, total: number) => `正在读取工作表“${sheet}”（${done}/${total}）`,
    parsing: (sheet: string) => `正在识别“${sheet}”中的表格…`,
    checking: '正在检查…',
    marking: '正在标记单元格…',
    markingCells: (done: number, total: number) => `正在标记单元格（${done}/${total}）`,
    applying: (cell: string) => `正在写入 ${cell}…`,
    rechecking: (sheet: string) => `正在重新检查“${sheet}”…`,
    clearing: '正在清除标记…',
  },

  summary: (tables: number, errors: number, warnings: number, infos: number) =>
    `${tables} 个表，错误 ${errors}，警告 ${warnings}，提示 ${infos}`,
  checkedSheet: (name: string) => `已检查“${name}”`,
  checkedWorkbook: (n: number) => `已检查 ${n} 个工作表`,
  markedCells: (cells: number, sheet: string) => `已标记 ${cells} 个单元格，问题清单见“${sheet}”工作表`,
  listedIn: (sheet: string) => `，清单见“${sheet}”表`,
  autoRechecked: (sheet: string) => `已按修改重新检查“${sheet}”。`,
  noTables: '没有找到绩效目标表。请确认表中有“三级指标”“指标值”等表头，或把检查范围改为整个工作簿。',
  noFindings: '未发现问题。',
  allFiltered: '所选级别下没有问题。',

  filterLabel: '按级别显示',
  filterTitle: (label: string, shown: boolean) => (shown ? `隐藏${label}` : `显示${label}`),

  suggestion: '建议：',
  suggestionManual: '这条建议无法自动写入，请手动修改。',
  applyMany: (n: number) => `应用建议（${n} 个单元格）`,
  applyManyTitle: (sheet: string) => `按下方预览一次写入工作表“${sheet}”的这些单元格`,
  previewHeading: '将写入：',
  previewEdit: (cell: string, text: string) => `${cell} → ${text || '（空）'}`,
  outsideTables: '表格之外',
  outsideTablesOf: (sheet: string) => `表格之外（${sheet}）`,
  unnamedTable: (sheet: string, range: string) => `工作表“${sheet}”中的表（${range}）`,
  groupFindings: (n: number) => `${n} 个问题`,
  collapsedRule: (rule: string, n: number) => `${ruleShort[rule] || rule}（${n} 处）`,
  repeatedTitle: (short: string, message: string) => (short && short.indexOf('.') < 0 ? short : message),
  repeatedIn: (n: number, tables: string[]) =>
    `在 ${n} 个表中重复：` + (tables.length > 3 ? tables.slice(0, 3).join('、') + ` 等` : tables.join('、')),
  cardTable: (title: string) => `表：${title}`,
  fixFirst: (severity: string, n: number, table: string | null, inTable: number, tables: number) =>
    (severity === 'error' ? `先改 ${n} 个错误` : `没有错误；先看 ${n} 个警告`) +
    (table && tables > 1 ? `，“${table}”最多（${inTable} 个）。` : table ? `（都在“${table}”）。` : '。'),
  nextError: '下一个错误',
  nextErrorTitle: '选中列表中的下一个错误',
  noMoreErrors: '没有错误了。',
  collapseAll: '全部收起',
  expandAll: '全部展开',
  searchLabel: '搜索问题',
  searchPlaceholder: '搜索问题、单元格或项目名称',
  searchNone: (q: string) => `没有与“${q}”匹配的问题。`,
  searchCount: (shown: number, total: number) => `显示 ${shown} / ${total} 个问题`,
  countLabel: (severity: string, n: number) => `${SEVERITY_WORD[severity] || severity} ${n}`,
  moreGroups: (n: number) => `再显示 ${n} 组`,
  moreRows: (n: number) => `还有 ${n} 条，显示更多`,
  selectedCard: '上次选中',
  expand: '展开',
  collapse: '收起',
  selectTitle: (cell: string) => `选中 ${cell}`,

  notice:
    '加载项只在您点击“应用建议”时修改单元格的值。Excel 的“撤销”可能撤销不了加载项写入的内容；要去掉标记，请点击“清除标记”。',
  noticeShort: '关于修改与撤销',
  noticeDismiss: '知道了',
  existingMarks: '工作簿中有上次检查留下的标记。再次检查会先恢复这些单元格；点击“清除标记”可全部恢复原样。',

  applied: (cell: string, text: string) => `已将 ${cell} 改为“${text}”。`,
  appliedMany: (sheet: string, edits: string[]) => `已写入工作表“${sheet}”：${edits.join('，')}。`,
  recheckedTable: (table: string, before: number, after: number) => `重新检查“${table}”：问题 ${before} → ${after}。`,
  findingsSheetActive: (sheet: string, what: string) => `“${sheet}”是加载项写入的问题清单，不是绩效目标表：已改为检查${what}。`,
  findingsSheetWhat: (sheets: string[]) => (sheets.length === 1 ? `工作表“${sheets[0]}”` : `上次检查的 ${sheets.length} 个工作表`),
  findingsSheetWorkbook: '整个工作簿',
  sheetNoTables: (sheet: string) => `工作表“${sheet}”中没有找到绩效目标表，未作检查。其他工作表的检查结果和标记保持不变。`,
  noTablesKept: '工作簿中已有的标记保持不变。',
  afterApply: (sheet: string, before: number, after: number) => `重新检查“${sheet}”：问题 ${before} → ${after}。`,
  cellResolved: '该单元格的问题已解决。',
  cellRemaining: (n: number) => `该单元格仍有 ${n} 个问题。`,
  cleared: (cells: number) => `已清除 ${cells} 个单元格的标记，并删除了审核意见表。`,
  staleFinding: '这条问题已不在最新的检查结果中，请重新检查。',

  errors: {
    ops: {
      start: '启动失败',
      check: '检查失败',
      mark: '标记单元格失败',
      select: '无法选中单元格',
      apply: '应用建议失败',
      recheck: '重新检查失败',
      clear: '清除标记失败',
      insert: '插入指标失败',
      template: '写入标准表失败',
      library: '读取指标库失败',
    },
    generic: (op: string, detail: string) =>
      `${op}：出现意外错误（${detail}）。请重试；如仍失败，请关闭任务窗格后重新打开。`,
    unknownProfile: (p: string) => `未知的指标体系“${p}”。`,
    notExcel: '此加载项需要在 Excel 中打开。',
    officeMissing:
      '未能加载 Office 脚本（office.js）。请检查网络；内网环境请联系管理员改用本地或世纪互联（21Vianet）的 office.js。',
  },

  footer: {
    host: { excel: 'Excel', wps: 'WPS 表格' } as Record<string, string>,
    api: (host: string, level: string) => (host === 'excel' ? EXCEL_LEVEL(level) : `版本 ${level}`),
    apiTitle: (host: string, level: string) => (host === 'excel' ? `Excel 接口版本 ExcelApi ${level}` : `WPS 版本 ${level}`),
    shown: {
      note: '问题以填充色和备注标出',
      comment: '问题以填充色和批注标出',
      wpsNote: '问题以填充色和批注标出',
      none: '问题以填充色标出，说明仅见审核意见表',
    },
  },

};

/** The Excel API level in words a clerk reads: what the client can do, not the requirement-set number. */
function EXCEL_LEVEL(level: string): string {
  const n = parseFloat(level);
  if (n >= 1.13) return '新版 Excel（全部功能）';
  if (n >= 1.9) return '较新的 Excel（合并单元格按空白推断）';
  return '早期 Excel（Office 2016 等，部分功能受限）';
}

export type TaskpaneText = typeof taskpaneText;
