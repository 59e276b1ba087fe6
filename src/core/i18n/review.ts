// User-facing text of the review (verdicts) and of the year-over-year comparison (Simplified Chinese).
import type { Verdict } from '../review';
import { severityLabel } from './common';

export const verdictLabel: Record<Verdict, string> = { pass: '通过', revise: '修改后通过', return: '退回修改' };

export const reviewText = {
  noTables: '未识别到表',
  unreadable: '无法读取',
  /** Why a verdict was proposed, for tooltips and the pane. */
  why: {
    pass: '没有错误或警告级问题',
    revise: '没有错误级问题，但有警告级问题需要修改',
    return: '有错误级问题，需退回修改',
  } as Record<Verdict, string>,
};

export const baselineText = {
  rule: {
    dropped: '与上年相比：上年设置的三级指标今年不再出现',
    lowered: '与上年相比：以历史标准确定的指标值低于上年',
    copied: '与上年相比：指标值和绩效目标与上年完全相同（可能直接照抄）',
    budgetOnly: '与上年相比：预算数变化而全部指标值未变',
  },
  dropped: (l3: string, value: string, file: string) =>
    `上年（${file}）设置的三级指标“${l3}”（指标值“${value}”）今年不再出现：请确认是有意删减，否则补回该指标`,
  lowered: (l3: string, value: string, last: string) =>
    `“${l3}”的指标值“${value}”以历史标准确定，却比上年的“${last}”要求更低：以历史标准确定的目标不应低于上年实际水平，请说明理由或调整`,
  copied: (n: number, file: string) =>
    `全部 ${n} 项指标值和绩效目标与上年（${file}）完全相同：请按今年的任务重新测算，不要直接照抄上年的表`,
  copiedDeadline: (l3: string, value: string) =>
    `“${l3}”的指标值“${value}”与上年完全相同，其中的年份仍是上年的：请改为今年的完成时限`,
  budgetOnly: (last: string, now: string, n: number) =>
    `预算数由上年的 ${last || '（未填）'} 变为 ${now || '（未填）'}，但全部 ${n} 项指标值与上年相同：预算变化后，数量、成本等指标值应随之调整`,
  cli: {
    loaded: (files: number, projects: number) => `已读取上年的 ${files} 个文件、${projects} 个项目用于对比。`,
    noProjects: (arg: string) => `“${arg}”中没有可对比的上年项目。`,
    unreadable: (file: string, reason: string) => `无法读取上年的文件“${file}”：${reason}`,
    unmatched: (n: number) => `${n} 个项目在上年的表中找不到对应项目（按项目编码，其次按项目名称匹配），未做对比。`,
  },
};

// The task pane's 审核 tab.
export { severityLabel };

export const reviewPaneText = {
  intro: '逐条审核整个工作簿的问题：确认的问题作为批注留在单元格上，忽略的问题在以后的检查中不再显示。',
  reviewerLabel: '审核人',
  reviewerPlaceholder: '请输入您的姓名',
  reviewerMissing: '请先填写审核人姓名，批注和忽略记录会署上此姓名。',
  check: '检查整个工作簿',
  recheck: '重新检查',
  checking: '正在检查整个工作簿…',
  position: (i: number, n: number) => `第 ${i} / ${n} 条`,
  noFindings: '未发现需要审核的问题。',
  notChecked: '尚未检查。点击“检查整个工作簿”开始审核。',
  previous: '上一条',
  next: '下一条',
  keys: '键盘：↑/K 上一条，↓/J 下一条',
  confirm: '确认',
  confirmTitle: '确认此问题，作为批注留在单元格上',
  ignore: '忽略',
  ignoreTitle: '误报或可接受：以后的检查中不再显示（记录在工作簿中，可撤销）',
  confirmed: '已确认为批注',
  ignoredList: (n: number) => `已忽略 ${n} 条`,
  ignoredBy: (by: string, date: string) => `${by} · ${date}`,
  undoIgnore: '撤销忽略',
  remarkLabel: '对所选单元格的批注',
  remarkPlaceholder: '先在工作表中选中单元格，再输入批注',
  remarkAdd: '添加批注',
  remarkNoSelection: '请先在工作表中选中一个单元格。',
  remarkAdded: (sheet: string, cell: string) => `已在 ${sheet}!${cell} 添加批注。`,
  remarksTitle: (n: number) => `批注（${n}）`,
  remarkStatus: { open: '未解决', resolved: '已解决', note: '批注', pending: '待检查' } as Record<'open' | 'resolved' | 'note' | 'pending', string>,
  remarkPendingHint: '检查整个工作簿后显示各条批注是否已解决。',
  // What changed since the last pass (kept when 审核结论 is written).
  changesTitle: (by: string, date: string) => `与上次审核（${by}，${date}）相比`,
  changesHeading: '与上次审核相比',
  changesLast: (by: string, date: string) => `上次审核：${by}，${date}`,
  unchanged: (open: number) => `无变化，仍有 ${open} 条`,
  changeLine: (added: number, resolved: number, open: number, ignored: number) =>
    `新增 ${added} 条 · 已解决 ${resolved} 条 · 仍存在 ${open} 条` + (ignored ? ` · 已忽略 ${ignored} 条` : ''),
  newProject: '上次审核时没有此项目',
  lastVerdict: (v: string) => `上次结论：${v}`,
  goneProjects: (n: number) => `上次审核的 ${n} 个项目本次未找到（已删除或改名）`,
  firstPass: '写入审核结论表时记录本轮审核，下次审核时显示与本轮相比的变化。',
  newBadge: '新问题',
  verdictChosen: (by: string, date: string) => `${by} 于 ${date} 选定`,
  remarkRemove: '删除',
  projectsTitle: '各项目审核结论',
  verdictProposed: (v: string) => `建议：${v}`,
  verdictReset: '恢复为建议结论',
  counts: (e: number, w: number, i: number) => `${severityLabel.error} ${e} · ${severityLabel.warning} ${w} · ${severityLabel.info} ${i}`,
  outside: '表格之外',
  writeSummary: '写入审核结论表',
  summaryWritten: (sheet: string) => `已写入“${sheet}”工作表。`,
  clearKeep: '清除标记（保留批注）',
  clearAll: '清除全部标记和批注',
  cleared: (cells: number) => `已清除 ${cells} 个单元格的标记。`,
  ignoredDone: '已忽略此问题。',
  unignoredDone: '已撤销忽略。',
  failed: (what: string, detail: string) => `${what}失败：${detail}`,
  ops: { verdict: '保存审核结论', remark: '添加批注', ignore: '忽略问题', unignore: '撤销忽略', summary: '写入审核结论表', clear: '清除标记', state: '读取审核记录', remove: '删除批注' },
  // The summary sheet (printable, A4, header row repeated).
  sheet: {
    name: '审核结论',
    title: '预算绩效目标表审核结论',
    reviewer: (name: string, date: string) => `审核人：${name}　　审核日期：${date}`,
    projectHeader: ['序号', '项目', '位置', '审核结论', '建议结论', severityLabel.error, severityLabel.warning, severityLabel.info],
    remarkHeader: ['序号', '工作表', '单元格', '批注', '审核人', '日期', '状态'],
    remarksTitle: '审核批注',
    noRemarks: '（无批注）',
    compareHeader: '与上次审核相比',
    compareTotal: (title: string, line: string) => `${title}：${line}`,
  },
};
