// User-facing text of the mark mechanism (src/core/marking.ts), shared by every host: the saved record, remarks,
// ignored findings and a marking that could not be finished.

export const markText = {
  /** Between the add-in's text and the user's own note, in one note: ours above, theirs below, verbatim. */
  userNoteHeading: '—— 原有批注 ——',
  /** A reviewer's remark inside a cell's note or comment. */
  remarkLine: (author: string, date: string, text: string) => `【审核批注】${author}（${date}）：${text}`,
  /** The 级别 and 建议 columns of a remark's row in the findings sheet. */
  remarkLevel: '审核批注',
  remarkSigned: (author: string, date: string) => `${author}，${date}`,
  /** A date as every host shows it (remark signatures, ignore entries): 2026年12月2日. */
  date: (y: number, m: number, d: number) => `${y}年${m}月${d}日`,
  recordDamaged: (why: string) =>
    `工作簿中保存的标记记录已损坏（${why}），无法据此还原单元格原样，因此没有改动任何单元格。` +
    '可用“撤消”或打开标记前保存的文件找回原样。',
  recordNewer: (v: number) =>
    `工作簿中的标记记录来自更新版本的加载项（记录版本 ${v}），本版本无法读取，因此没有改动任何单元格。请升级加载项后再清除或重新标记。`,
  steps: {
    restore: '还原上次的标记',
    read: '读取单元格原有格式',
    record: '保存原始格式记录',
    mark: '写入标记',
    findings: '写入审核意见表',
  } as Record<'restore' | 'read' | 'record' | 'mark' | 'findings', string>,
  /** A write failed part-way and what had been written was taken off again. */
  writeFailedRolledBack: (step: string, why: string) =>
    `标记未完成（${step}时出错：${why}）。已写入的标记已全部撤回，单元格保持标记前的样子。`,
  /** The roll-back failed too: the record stays, so 清除标记 can finish it later. */
  writeFailedNotRolledBack: (step: string, why: string, rollback: string) =>
    `标记未完成（${step}时出错：${why}），撤回已写入的标记时也出错（${rollback}）。原始格式记录已保存，请在问题排除后点“清除标记”还原。`,
  recordSaveFailed: (why: string) =>
    `无法在工作簿中保存原始格式记录（${why}），为免无法还原，没有写入任何标记。请确认工作簿可编辑后重试。`,
  protectedSheet: (sheet: string) => `工作表“${sheet}”受保护，无法写入标记。请先在“审阅”中撤销工作表保护，再检查。`,
  remarkCellInvalid: (cell: string) => `“${cell}”不是有效的单元格地址。`,
  remarkSheetMissing: (sheet: string) => `工作簿中没有工作表“${sheet}”。`,
  remarkEmpty: '批注内容为空。',
  remarkNotFound: '找不到这条批注（可能已被删除）。',
  /** A write into a workbook file (the CLI's copy) failed: the library's own words, in brackets. */
  workbookWriteFailed: (why: string) => `写入工作簿时出错（${why}）`,
};
