// User-facing text of the browser playground (npm start).

export const playgroundText = {
  title: '绩效目标表检查 · 演示',
  subtitle: '左边是模拟的 Excel 工作簿（双击单元格可修改），右边是真实的任务窗格（运行在模拟的 office-js 上）。',
  sampleLabel: '示例工作簿',
  samples: {
    sample: '示例：多个项目表上下排列（乡镇）',
    stackedDepartment: '示例：多个项目表 + 部门整体表',
    perSheet: '示例：每个项目一个工作表',
    flatSplit: '示例：指标汇总清单（符号·值·单位分列）',
  } as Record<string, string>,
  open: '打开 .xlsx…',
  dropHint: '也可以把 .xlsx 文件拖到这里',
  apiLevel: '模拟的 Excel 版本',
  apiLevels: {
    '1.1': 'ExcelApi 1.1（Office 2016 批量授权版）',
    '1.9': 'ExcelApi 1.9（Office 2019 零售版）',
    '1.13': 'ExcelApi 1.13（Office 2021：批注）',
    '1.18': 'ExcelApi 1.18（Microsoft 365：备注）',
  } as Record<string, string>,
  download: '下载工作簿',
  loading: '正在打开工作簿…',
  loaded: (name: string, sheets: number) => `已打开 ${name}（${sheets} 个工作表）`,
  rowsCut: (shown: number, total: number) => `只显示前 ${shown} 行（共 ${total} 行）；检查覆盖全部行。`,
  emptySheet: '此工作表是空的。',
  emptyFile: '文件是空的（0 字节），不是工作簿。',
  legacyFile: '这是旧版 .xls 或其他 Office 文件，只支持 .xlsx。请在 Excel 或 WPS 中另存为 .xlsx。',
  notXlsx: '这不是 .xlsx 工作簿。请在 Excel 或 WPS 中打开后另存为 .xlsx。',
  corrupt: (why: string) => `文件已损坏或已加密，无法打开（${why}）。`,
  downloadName: (name: string) => name.replace(/\.xlsx$/i, '') + '（已标记）.xlsx',
  noteMarker: '备注',
  commentMarker: '批注',
};
