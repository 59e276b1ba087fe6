// User-facing text of the standard templates and of filling them (Simplified Chinese): sheet names, the
// notes a fill reports (moves between profiles, split rows, applied fixes), form problems, and `ptcheck fill`.
// Labels printed inside the tables themselves live in the template data (src/core/template/data/*.json).

/** Short names of the indicator frameworks, as the template names say them. */
const PROFILE_NAMES: Record<string, string> = { classic: '2015/2020 版', core2021: '2021 版' };

export const templateText = {
  /** Sheet of the stacked layout, by table kind. */
  stackedSheet: { project: '项目支出绩效目标表', department: '部门整体支出绩效目标表' } as Record<string, string>,
  /** A sheet of the per-sheet layout: "3.环境监测费" (cut to Excel's 31 characters). */
  perSheetName: (no: number, name: string) => `${no}.${name || '未命名项目'}`,
  /** Title made for a table that has none (complete mode, forms). */
  untitled: '未命名项目',

  // Notes of a fill, one line each (tables are named by number and project name).
  table: (no: number, name: string) => `第${no}个表 ${name || '（未命名）'}`,
  moved: (l3: string, from: string, to: string) => `“${l3 || '（无三级指标）'}”从 ${from} 移到 ${to}`,
  profileConverted: (from: string, to: string, n: number) =>
    `指标体系由 ${PROFILE_NAMES[from] || from} 改为 ${PROFILE_NAMES[to] || to}：移动 ${n} 项指标`,
  costMerged: (l2: string) => `（原二级“${l2}”在 2015/2020 版框架中统一为“成本指标”）`,
  splitKept: (n: number) => `${n} 处跨页断开的行按原样保留（可选择合并）`,
  splitJoined: (n: number) => `${n} 处跨页断开的行已合并到上一行`,
  splitNotJoined: (l3: string) => `“${l3}”的断行未合并：上一行的指标值确定依据已有内容，合并会丢失文字`,
  fixApplied: (cell: string, from: string, to: string) => `${cell}：“${from}”改为“${to}”（已接受的建议）`,
  fixUnmatched: (cell: string) => `${cell}：建议未应用（该单元格不在此表中）`,
  completed: (what: string[]) => `按标准表补齐：${what.join('、')}（请填写）`,
  unitAssumed: '金额单位按“万元”补齐，请核对',
  kindMismatch: (wanted: string, used: string) => `此表不能套用“${wanted}”，已按“${used}”输出`,
  fieldNames: {
    title: '标题', org: '单位名称', unit: '金额单位', code: '项目编码', name: '项目名称', budget: '预算数',
    purpose: '资金用途', plan: '资金支出计划', goals: '绩效目标',
  } as Record<string, string>,

  // Problems of a from-scratch form (fillFromForm).
  form: {
    nameRequired: '请填写项目名称。',
    budgetNotNumber: (label: string, text: string) => `${label}“${text}”不是数字。`,
    budgetSum: (total: string, sum: string) => `预算数 ${total} 与 财政资金 + 其他资金 = ${sum} 不相等。`,
    planNotPercent: (label: string, text: string) => `资金支出计划 ${label}“${text}”不是百分数。`,
    placeholder: (l3: string, value: string) => `“${l3}”的指标值“${value}”还有占位符，请填写具体数值。`,
    noIndicators: '请至少选择一项指标。',
    indicatorIncomplete: (n: number) => `第${n}项指标缺少一级、二级或三级指标名称。`,
    budgetLabels: { total: '预算数', fiscal: '财政资金', other: '其他资金' } as Record<string, string>,
  },

  // `ptcheck fill`
  cli: {
    written: (file: string, tables: number, sheets: number, layout: string) =>
      `已写入“${file}”：${tables} 个表，${sheets} 个工作表（${layout}）。`,
    layoutName: { 'per-sheet': '每个项目一个工作表', stacked: '同一工作表上依次排列，每表另起一页' } as Record<string, string>,
    tableLine: (no: number, name: string, sheet: string, template: string) => `  第${no}个表 ${name || '（未命名）'} → 工作表“${sheet}”，模板 ${template}`,
    noteLine: (text: string) => `    · ${text}`,
    moveLine: (text: string) => `        ${text}`,
    checkLine: (errors: number, warnings: number, infos: number) => `检查输出的表：错误 ${errors}，警告 ${warnings}，提示 ${infos}`,
    sourceLine: (errors: number, warnings: number, infos: number) => `（原表：错误 ${errors}，警告 ${warnings}，提示 ${infos}；数值均按原样保留，问题请用 ptcheck check 查看）`,
    noTables: (file: string) => `“${file}”中没有找到绩效目标表，未写入任何文件。`,
    missingOut: '请用 --out 指定输出文件，例如：ptcheck fill 原表.xlsx --out 标准表.xlsx',
    outNotXlsx: (file: string) => `输出文件“${file}”应以 .xlsx 结尾。`,
    outIsInput: '输出文件不能与输入文件相同（原表不会被改动）。',
    oneInput: '请只指定一个输入工作簿。',
    noInput: '请指定要转换的工作簿，例如：ptcheck fill 原表.xlsx --out 标准表.xlsx',
    badTemplate: (value: string, allowed: string[]) => `不支持的模板“${value}”，可选：${allowed.join('、')}。`,
    badLayout: (value: string, allowed: string[]) => `不支持的排列方式“${value}”，可选：${allowed.join('、')}。`,
    unreadable: (file: string, reason: string) => `无法读取“${file}”：${reason}`,
    writeFailed: (file: string, reason: string) => `无法写入“${file}”：${reason}`,
  },
};

export type TemplateText = typeof templateText;

/** The 模板 tab of the task pane. */
export const templatePaneText = {
  intro: '把表格按标准模板写到新的工作表（不会改动原表）。',
  templateLabel: '模板',
  sourceLabel: '来源',
  sourceTable: '当前表',
  sourceWorkbook: '整个工作簿的全部表',
  sourceNew: '新项目（填写表单）',
  tableOnSheet: (title: string, sheet: string) => `${title}（${sheet}）`,
  tableLabel: '表',
  layoutLabel: '排列',
  perSheet: '每表一个工作表',
  stacked: '全部放在一个工作表',
  join: '合并跨页断开的行',
  preview: '预览',
  noTables: '工作簿中没有找到绩效目标表。可以选择“新项目”从表单生成。',
  reload: '重新读取',
  sheetCount: (n: number) => `将写入 ${n} 个新工作表。`,
  writing: (n: number) => (n > 1 ? `正在写入 ${n} 个工作表…` : '正在写入新工作表…'),
  writingSheet: (i: number, n: number) => `正在写入第 ${i}/${n} 个工作表…`,
  form: {
    needsProjectTemplate: '部门整体支出绩效目标表不能由项目表单生成，请选择项目支出模板。',
    name: '项目名称',
    code: '项目编码',
    requiredNote: '带 * 的为必填项，填齐且检查无错误才能写入。',
    codeNote: '项目库中的编码（如 13022522P0044CB10009G），必录项；新项目请先在项目库申报取得编码。',
    budgetNote: '预算数 = 财政资金 + 其他资金，至少填一项。',
    warningsBlock: '警告（不妨碍写入，建议修改）：',
    org: '单位名称',
    year: '预算年度',
    unit: '金额单位',
    fiscal: '财政资金',
    other: '其他资金',
    total: (text: string) => `预算数：${text}`,
    purpose: '资金用途',
    plan: '资金支出计划（累计%，12月底应为100%）',
    planPlaceholder: '如 50%',
    goals: '绩效目标',
    indicators: '绩效指标',
    suggest: '按项目推荐指标',
    types: (names: string[]) => `识别的项目类型：${names.join('、')}`,
    noPicks: '填写项目名称、资金用途后，点“按项目推荐指标”，或在下方搜索指标库。',
    valueLabel: (l3: string) => `“${l3}”的指标值`,
    search: '搜索指标库',
    searchPlaceholder: '如：培训人次、验收合格率',
    noHits: '没有找到匹配的指标。',
    add: '加入',
    issues: '还需要完善：',
    checkLine: (errors: number, warnings: number, infos: number) => `检查结果：错误 ${errors}，警告 ${warnings}，提示 ${infos}`,
    errorsBlock: '表中还有错误，改正后才能写入：',
    ready: '检查无错误，可以写入。',
  },
  loading: '正在读取…',
  write: '写入新工作表',
  moved: '按模板移动的指标：',
  written: (sheets: string[]) => `已写入新工作表：${sheets.join('、')}`,
  skipped: (parts: string[]) => `内容已全部写入；此版本不支持的${parts.join('、')}已跳过。`,
  skippedPart: { merges: '合并单元格', sizes: '行高列宽', print: '打印设置', borders: '边框' } as Record<string, string>,
};
