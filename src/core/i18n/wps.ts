// User-facing text of the WPS 表格 host (ET object model): why a WPS call failed, and what to do about it.

/** What the adapter was doing when WPS failed, as the user would say it. */
export const wpsStepText = {
  names: '读取工作表名称',
  add: '新建工作表',
  rename: '给新工作表命名',
  values: '写入单元格内容',
  numberFormats: '设置数字格式',
  merges: '合并单元格',
  styles: '设置字体和对齐',
  borders: '设置边框',
  sizes: '设置列宽和行高',
  print: '页面设置',
  activate: '切换到新工作表',
  alerts: '关闭屏幕刷新和提示框',
  sheets: '读取工作表列表',
  read: '读取单元格内容',
  select: '定位单元格',
  write: '写入单元格',
  record: '保存原始格式记录',
  restore: '还原上次的标记',
  readFormats: '读取单元格原有的填充色和批注',
  fills: '设置标记填充色',
  comments: '写入批注',
  findings: '写入“审核意见”工作表',
  insert: '插入行',
  events: '监听单元格编辑',
} as const;

export type WpsStep = keyof typeof wpsStepText;

export const wpsText = {
  /** The page runs outside WPS (no window.Application). */
  noWps: '没有找到 WPS 表格（window.Application 不存在）。请在 WPS 表格中通过加载项打开本窗格。',
  /** Anything else failed, with nothing written (reads, selecting). */
  failed: (step: string, detail: string) => `WPS 表格在${step}时出错（${detail}）。请重试；如果反复出现，请保存并重新打开工作簿。`,
  /** The workbook structure is protected: no findings sheet, so nothing is marked. */
  protectedStructure:
    '工作簿结构受保护，无法新建“审核意见”工作表，没有写入任何标记。请先撤销工作簿保护（审阅 › 撤销工作簿保护）后重试。',
  /** A sheet to mark or write is protected. */
  protectedSheet: (sheet: string) =>
    `工作表“${sheet}”受保护，无法修改其中的单元格，没有写入任何内容。请先撤销工作表保护（审阅 › 撤销工作表保护）后重试。`,
  /** Marking failed part-way; what was done is undone from the record (ET has no rollback of its own). */
  markRolledBack: (step: string, detail: string) =>
    `WPS 表格在${step}时出错（${detail}）。已按记录把单元格还原为检查前的样子，工作簿没有留下标记。请重试；如果反复出现，请保存并重新打开工作簿。`,
  /** …and the undoing failed too. */
  markRollbackFailed: (step: string, detail: string) =>
    `WPS 表格在${step}时出错（${detail}），还原时也出错，部分单元格可能仍带有标记。请保存并重新打开工作簿，再点“清除标记”。`,
  /** Clearing failed part-way: the record is kept, so 清除标记 can be pressed again. */
  clearFailed: (step: string, detail: string) =>
    `WPS 表格在${step}时出错（${detail}），部分单元格可能还没有还原。记录仍保留在工作簿中，请再点一次“清除标记”。`,
  /** Inserting rows failed after the first row went in (ET cannot undo it for us). */
  insertFailed: (step: string, detail: string) =>
    `WPS 表格在${step}时出错（${detail}），新行可能只插入了一部分。请检查表格（可按 Ctrl+Z 撤销）后重试。`,
  /** The saved record is damaged or from a newer version: nothing can be restored automatically. */
  recordUnreadable: '工作簿中的标记记录已损坏或来自更新的版本，无法自动还原。请用原文件或备份替换，或手动清除填充色和批注。',
  /** WPS gave no detail (its exceptions are not always Error objects). */
  noDetail: '没有更多信息',
  noWorkbook: '没有打开的工作簿。请先在 WPS 表格中打开或新建一个工作簿，再写入模板。',
  /** Sheets.Add gave no sheet and none could be found: nothing was renamed or written. */
  noNewSheet: 'WPS 表格没有新建工作表，没有写入任何内容。请确认工作簿没有设置保护（审阅 › 撤销工作簿保护）后重试。',
  /** A WPS call failed part-way through writing the new sheet (there is no rollback in ET). */
  stepFailed: (step: string, sheet: string, detail: string) =>
    `WPS 表格在${step}时出错（${detail}）。新工作表“${sheet}”可能只写了一部分，请删除它后重试；如果反复出现，请保存并重新打开工作簿。`,
  /** A WPS call failed before the new sheet existed: the workbook is unchanged. */
  failedBeforeWrite: (step: string, detail: string) =>
    `WPS 表格在${step}时出错（${detail}），没有写入任何内容。请重试；如果反复出现，请保存并重新打开工作簿。`,
  /** Borders threw on this WPS build (reported on some builds): the sheet is written without (all) lines. */
  bordersSkipped: (detail: string) =>
    `此版本的 WPS 表格无法设置单元格边框（${detail}），新工作表的内容已写入，但表格线没有画全。请选中表格，用“开始 › 边框 › 所有框线”补上。`,
  /** PageSetup threw (on some machines without a printer): the sheet is written with WPS's default print setup. */
  printSkipped: (detail: string) =>
    `WPS 表格无法完成页面设置（${detail}，常见于没有安装打印机的电脑），新工作表的内容已写入。打印前请在“页面布局”中设为 A4 纵向、缩放到一页宽。`,
};
