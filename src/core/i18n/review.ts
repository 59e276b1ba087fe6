// User-facing text of the review (verdicts) and of the year-over-year comparison (Simplified Chinese).
import type { Verdict } from '../review';

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
