// User-facing text of the command line `ptcheck` (Simplified Chinese). Imported directly by src/cli/*,
// so the shared i18n index stays untouched.
import { severityLabel } from './common';

export { severityLabel };

export const cliText = {
  toolTitle: '预算绩效目标表检查报告',

  help: [
    'ptcheck —— 预算绩效目标表检查工具',
    '',
    '用法：',
    '  ptcheck check 文件或目录… [--format text|json|html] [--out 目录] [--profile 名称]',
    '  ptcheck rules [--format text|json]',
    '  ptcheck suggest 项目名称 [--purpose 资金用途] [--goals 绩效目标] [--budget 预算数] [--unit 万元|元]',
    '                  [--year 年度] [--top N] [--profile classic|core2021] [--library 指标库.xlsx] [--format text|json]',
    '  ptcheck library [--format text|json] [--import 指标库.xlsx] [--export 文件.xlsx]',
    '  ptcheck --help | --version',
    '',
    '命令：',
    '  check   检查 .xlsx 工作簿；目录会递归查找其中的 .xlsx 文件（跳过 ~$ 开头的临时文件）',
    '  rules   列出全部检查规则（编号、级别、适用规则配置、说明）',
    '  suggest 按项目名称、资金用途和绩效目标判断项目类型，从指标库建议绩效指标并填好指标值',
    '  library 列出指标库；--export 写成工作簿，--import 读入本部门的指标库工作簿并合并',
    '',
    'check 的选项：',
    '  -f, --format 格式    输出格式：text（默认，终端阅读）、json（机器读取）、html（可打印的报告）',
    '  -o, --out 目录       为每个输入文件写一份带批注的副本到该目录；',
    '                       格式为 json 或 html 时还会保存 report.json / report.html',
    '  -p, --profile 名称   指定指标体系规则配置（如 classic、core2021、department）；',
    '                       默认 auto：按每张表的一级指标名称自动选择',
    '  -h, --help           显示本帮助',
    '',
    'suggest 的选项：',
    '  --purpose 文本       资金用途（用于判断项目类型、提取数量）',
    '  --goals 文本         绩效目标（同上；如“对城区8个微型空气站进行定期维护”会填入“=8个”）',
    '  --budget 数字        预算数，填入成本指标“≤预算数”；按 --unit 的单位理解，不做换算',
    '  --unit 万元|元       预算数的单位，默认 万元',
    '  --year 年度          预算年度，填入“××年12月底前完成”等；默认取文字中的年份，否则取指标库年度',
    '  -n, --top N          建议的指标数，默认 10（为覆盖数量、质量、时效、成本、效益、满意度可能多于 N）',
    '  -p, --profile 名称   指标体系：classic（成本在产出指标下，默认）或 core2021（成本指标单列一级）',
    '  -l, --library 文件   同时使用本部门的指标库工作簿（格式见 README“指标库”一节）',
    '  -f, --format 格式    text（默认，按二级指标分组）或 json',
    '',
    'library 的选项：',
    '  -f, --format 格式    text（默认，按项目类型统计）或 json（全部类型和指标）',
    '  -i, --import 文件    读入本部门的指标库工作簿，检查每一行并合并到内置指标库',
    '  -e, --export 文件    把指标库（含 --import 合并的内容）写成 .xlsx 工作簿',
    '',
    '退出码：0 未发现错误级问题；1 发现错误级问题（library --import：有行未读入）；2 有文件无法读取或参数有误',
    '',
  ].join('\n'),

  usageHint: '运行 ptcheck --help 查看用法。',

  // Argument errors.
  unknownCommand: (cmd: string) => `未知命令“${cmd}”。可用命令：check、rules、suggest、library。`,
  missingCommand: '请指定命令：check、rules、suggest 或 library。',
  missingProjectName: '请指定项目名称，例如：ptcheck suggest 城区微型站运维费',
  badBudget: (value: string) => `预算数“${value}”不是大于 0 的数字。`,
  badUnit: (value: string) => `不支持的金额单位“${value}”，可选：万元、元。`,
  badYear: (value: string) => `预算年度“${value}”应为四位年份，如 2023。`,
  badTop: (value: string) => `建议数“${value}”应为 1 到 200 之间的整数。`,
  badSuggestProfile: (value: string, allowed: string[]) => `不支持的指标体系“${value}”，可选：${allowed.join('、')}。`,
  unknownOption: (opt: string) => `未知选项“${opt}”。`,
  missingValue: (opt: string) => `选项“${opt}”需要一个值。`,
  optionTakesNoValue: (opt: string) => `选项“${opt}”不接受值。`,
  unexpectedArgument: (arg: string) => `多余的参数“${arg}”。`,
  badFormat: (value: string, allowed: string[]) =>
    `不支持的输出格式“${value}”，可选：${allowed.join('、')}。`,
  emptyProfile: '选项“--profile”的值不能为空。',
  unknownProfile: (value: string, known: Array<{ id: string; name: string }>) => {
    const all = [{ id: 'auto', name: '按每张表的一级指标名称自动选择（默认）' }, ...known];
    const w = Math.max(...all.map((p) => p.id.length));
    return `未知的规则配置“${value}”。可选：\n` + all.map((p) => `  ${p.id.padEnd(w)}  ${p.name}`).join('\n');
  },
  noInputs: '请指定要检查的文件或目录。',
  noXlsxFound: '没有找到要检查的 .xlsx 文件。',
  emptyDirectory: (dir: string) => `目录“${dir}”中没有 .xlsx 文件。`,
  badArguments: '参数有误',

  // Per-file failure reasons (the `error` field of a file entry).
  notFound: '文件或目录不存在',
  noPermission: '没有读取权限',
  fileBusy: '文件正被其他程序占用（请先在 Excel/WPS 中关闭后重试）',
  notAFile: '不是普通文件',
  alreadyExists: '已存在同名的文件',
  diskFull: '磁盘空间不足',
  readOnly: '所在位置只读，不能写入',
  systemError: (code?: string) => (code ? `系统错误（${code}）` : '系统错误'),
  dirUnreadable: (reason: string) => `无法读取目录：${reason}`,
  unreadableWorkbook: '无法读取为 .xlsx 工作簿：文件可能已损坏、已加密，或不是 Excel 2007 及以上版本的格式',
  checkFailed: '检查此文件时发生内部错误（设置环境变量 PTCHECK_DEBUG=1 可查看详情）',
  internalError: '发生内部错误（设置环境变量 PTCHECK_DEBUG=1 可查看详情）',

  // --out
  annotateFailed: (file: string, reason: string) => `无法写入标注副本“${file}”：${reason}`,
  annotateWritten: (n: number, dir: string) => `已在“${dir}”写入 ${n} 份带批注的副本。`,
  reportWritten: (file: string) => `报告已保存到“${file}”。`,
  outDirFailed: (dir: string, reason: string) => `无法创建输出目录“${dir}”：${reason}`,
  writeFailed: (file: string, reason: string) => `无法写入“${file}”：${reason}`,

  // Text output.
  fileHeading: (file: string) => `文件 ${file}`,
  sheetHeading: (sheet: string) => `工作表 ${sheet}`,
  tableHeading: (n: number, name: string, range: string) => `第${n}个表 ${name || '（未命名）'} (${range})`,
  tableClean: (indicators: number) => `${indicators}项指标，未发现问题`,
  tableFindings: (indicators: number, findings: number) => `${indicators}项指标，${findings}个问题`,
  outsideTables: '（表格之外）',
  noTables: '未发现绩效目标表',
  fileError: (reason: string) => `无法读取：${reason}`,
  suggestionArrow: '→ 建议：',
  summaryLine: (s: { files: number; tables: number; indicators: number; errors: number; warnings: number; infos: number }) =>
    `共检查 ${s.files} 个文件、${s.tables} 个表、${s.indicators} 项指标：` +
    `错误 ${s.errors}，警告 ${s.warnings}，提示 ${s.infos}`,
  summaryUnreadable: (n: number) => `；${n} 个文件无法读取`,

  // `rules`
  noRules: '（尚未登记任何规则）',
  allProfiles: '全部',

  // HTML report.
  html: {
    generated: '生成时间',
    tool: '工具',
    profile: '规则配置',
    profileAuto: '自动选择',
    files: '文件',
    tables: '绩效目标表',
    indicators: '指标',
    errors: '错误',
    warnings: '警告',
    infos: '提示',
    unreadable: '无法读取',
    tableList: '识别到的表',
    findings: '检查结果',
    colNo: '序号',
    colSheet: '工作表',
    colRange: '范围',
    colKind: '类型',
    colName: '项目名称',
    colCode: '项目编码',
    colIndicators: '指标数',
    colProfile: '规则配置',
    colCell: '单元格',
    colTable: '所在表',
    colSeverity: '级别',
    colRule: '规则',
    colMessage: '问题说明',
    colSuggestion: '建议',
    noFindings: '未发现问题。',
    noTables: '未发现绩效目标表。',
    cannotRead: '无法读取此文件：',
    fileCounts: (tables: number, indicators: number, errors: number, warnings: number, infos: number) =>
      `${tables} 个表，${indicators} 项指标；错误 ${errors}，警告 ${warnings}，提示 ${infos}`,
  },

  kindLabel: { project: '项目支出', department: '部门整体', flat: '清单' } as Record<string, string>,
};
