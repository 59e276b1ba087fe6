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
};

export const taskpaneText = {
  /** The page title (set at run time; the task pane's caption comes from the manifest). */
  pageTitle: '绩效目标表检查',
  loading: '正在加载…',

  tabs: { check: '检查', library: '指标库', template: '模板', review: '审核' },

  scope: { label: '检查范围', sheet: '当前工作表', workbook: '整个工作簿' },
  profile: {
    label: '指标体系',
    auto: '自动识别（按一级指标）',
    classic: '产出·效益·满意度（2015/2020）',
    core2021: '成本指标单列（2021）',
    department: '部门整体支出',
  },

  checkButton: '检查',
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
    applying: (cell: string) => `正在写入 ${cell}…`,
    rechecking: (sheet: string) => `正在重新检查“${sheet}”…`,
    clearing: '正在清除标记…',
  },

  summary: (tables: number, errors: number, warnings: number, infos: number) =>
    `${tables} 个表，错误 ${errors}，警告 ${warnings}，提示 ${infos}`,
  checkedSheet: (name: string) => `已检查工作表“${name}”`,
  checkedWorkbook: (n: number) => `已检查 ${n} 个工作表`,
  markedCells: (cells: number, sheet: string) => `已标记 ${cells} 个单元格，问题清单见“${sheet}”工作表。`,
  autoRechecked: (sheet: string) => `已按修改重新检查“${sheet}”。`,
  noTables: '没有找到绩效目标表。请确认表中有“三级指标”“指标值”等表头，或把检查范围改为整个工作簿。',
  noFindings: '未发现问题。',
  allFiltered: '所选级别下没有问题。',

  filterLabel: '按级别显示',
  filterTitle: (label: string, shown: boolean) => (shown ? `隐藏${label}` : `显示${label}`),

  suggestion: '建议：',
  suggestionManual: '涉及多个单元格，请手动修改。',
  outsideTables: '表格之外',
  outsideTablesOf: (sheet: string) => `表格之外（${sheet}）`,
  unnamedTable: (sheet: string, range: string) => `工作表“${sheet}”中的表（${range}）`,
  groupFindings: (n: number) => `${n} 个问题`,
  collapsedRule: (rule: string, n: number) => `${ruleShort[rule] || rule}（${n} 处）`,
  expand: '展开',
  collapse: '收起',
  selectTitle: (cell: string) => `选中 ${cell}`,

  notice:
    '加载项只在您点击“应用建议”时修改单元格的值。Excel 的“撤消”可能撤消不了加载项写入的内容；要去掉标记，请点击“清除标记”。',
  existingMarks: '工作簿中有上次检查留下的标记。再次检查会先恢复这些单元格；点击“清除标记”可全部恢复原样。',

  applied: (cell: string, text: string) => `已将 ${cell} 改为“${text}”。`,
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
    api: (host: string, level: string) => (host === 'excel' ? `ExcelApi ${level}` : `版本 ${level}`),
    shown: {
      note: '问题以填充色和备注标出',
      comment: '问题以填充色和批注标出',
      wpsNote: '问题以填充色和批注标出',
      none: '问题以填充色标出，说明仅见审核意见表',
    },
  },

  placeholders: {
    later: '将在后续版本中提供。',
    library: {
      title: '指标库',
      body: '按项目名称、资金用途和绩效目标判断项目类型，从内置指标库（42 类项目、890 项指标）推荐三级指标并填好指标值，选中后写入表格。',
    },
    template: {
      title: '模板',
      body: '生成一张格式规范的空白项目支出绩效目标表（可选 2015/2020 版或 2021 版指标体系），供新项目填写。',
    },
    review: {
      title: '审核',
      body: '供财政审核人员使用：汇总审核意见、在单元格上留下批注、导出审核意见表退回单位。',
      now: '现在可以先在“检查”页检查，问题清单会写入“审核意见”工作表。',
    },
  },
};

export type TaskpaneText = typeof taskpaneText;
