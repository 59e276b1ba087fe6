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
} as const;

export type WpsStep = keyof typeof wpsStepText;

export const wpsText = {
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
