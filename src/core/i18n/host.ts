// User-facing text of the workbook host (reading .xlsx files, writing the annotated copy).
import { severityLabel } from './common';

export { severityLabel };

/** Why a file could not be read as a workbook. Each says what the file is and what to do instead. */
export const readErrorText = {
  notFound: (p: string) => `找不到文件：${p}`,
  isDirectory: (p: string) => `${p} 是文件夹，不是工作簿文件。`,
  noAccess: (p: string) => `没有权限读取文件：${p}`,
  ioError: (p: string, why: string) => `读取文件失败：${p}（${why}）`,
  empty: '文件是空的（0 字节），不是工作簿。',
  encrypted: '工作簿设置了打开密码（已加密），无法读取。请在 Excel 或 WPS 中打开，取消密码后另存为 .xlsx 再检查。',
  legacyXls: '这是旧版 Excel 97-2003 工作簿（.xls），只支持 .xlsx。请在 Excel 或 WPS 中打开后另存为 .xlsx 再检查。',
  otherCfb: '这是旧版 Office 文件（如 .doc、.ppt），不是 Excel 工作簿。请选择 .xlsx 文件。',
  text: '这是文本文件（如 CSV），不是 .xlsx 工作簿。请在 Excel 或 WPS 中打开后另存为 .xlsx 再检查。',
  htmlOrXml: '这是网页或 XML 格式的表格（常见于系统导出的“.xls”），不是 .xlsx 工作簿。请在 Excel 或 WPS 中打开后另存为 .xlsx 再检查。',
  unknown: '无法识别的文件格式，不是 .xlsx 工作簿。',
  truncated: '文件不完整（压缩包被截断或已损坏），无法读取。请重新获取或重新保存该文件。',
  corrupt: (why: string) => `文件已损坏，无法读取（${why}）。请在 Excel 或 WPS 中打开后重新保存。`,
  zipEncrypted: '压缩包内容已加密，无法读取。',
  notWorkbook: '这是压缩包，但不是 Excel 工作簿（缺少 xl/workbook.xml）。请选择 .xlsx 文件。',
  xlsb: '这是二进制工作簿（.xlsb），只支持 .xlsx。请在 Excel 中另存为 .xlsx 再检查。',
  ods: '这是 OpenDocument 表格（.ods），只支持 .xlsx。请在 WPS 或 Excel 中另存为 .xlsx 再检查。',
  otherOoxml: '这是其他 Office 文件（如 Word 文档或演示文稿），不是 Excel 工作簿。请选择 .xlsx 文件。',
  missingPart: (part: string) => `工作簿缺少部件 ${part}，文件可能已损坏。`,
};

/** The findings sheet added to the annotated copy. */
export const annotateText = {
  sheetName: '审核意见',
  headers: ['序号', '工作表', '单元格', '级别', '规则', '问题', '建议'],
  /** One block of a cell note per finding. */
  noteBlock: (severity: string, message: string, suggestion?: string | null) =>
    `【${severity}】${message}` + (suggestion ? `\n建议：${suggestion}` : ''),
  noFindings: '未发现问题。',
};
