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
  missingSharedStrings: '工作簿缺少共享字符串部件（xl/sharedStrings.xml），单元格文字无法读取，文件可能已损坏。请在 Excel 或 WPS 中打开后重新保存。',
  /** Why reading stopped, inside `corrupt(…)`: never the English of zlib or the JavaScript engine. */
  reason: {
    inflate: '压缩数据损坏',
    io: (code: string) => `读取出错 ${code}`,
    tooLarge: '内容过大',
    unreadable: '内容无法解析',
  },
  dtd: (part: string) => `部件 ${part} 含有文档类型声明（DOCTYPE），工作簿格式不允许，出于安全考虑不予读取。请在 Excel 或 WPS 中打开后重新保存。`,
  partTooLarge: (part: string, why: 'size' | 'ratio', limit: number) =>
    why === 'size'
      ? `部件 ${part} 解压后超过 ${mib(limit)} MB 的上限，不予读取（可能是恶意构造的“压缩炸弹”）。`
      : `部件 ${part} 的压缩比异常（解压后超过压缩前的 100 倍），不予读取（可能是恶意构造的“压缩炸弹”）。`,
  sheetsTooLarge: (limit: number) => `工作簿的工作表解压后合计超过 ${mib(limit)} MB 的上限，超出检查的上限，不予读取。请把绩效目标表复制到新工作簿后再检查。`,
  rowOutOfRange: (sheet: string, row: string) =>
    `工作表“${sheet}”的行号 ${row.length > 20 ? row.slice(0, 20) + '…' : row} 超出 Excel 的上限（1048576 行），文件已损坏或被篡改，不予读取。`,
  colOutOfRange: (sheet: string, row: number) => `工作表“${sheet}”第 ${row} 行有单元格超出 Excel 的最后一列（XFD），文件已损坏或被篡改，不予读取。`,
  mergeOutOfRange: (sheet: string, ref: string) =>
    `工作表“${sheet}”的合并区域 ${ref.length > 40 ? ref.slice(0, 40) + '…' : ref} 超出 Excel 的表格范围（最多 1048576 行、XFD 列），文件已损坏或被篡改，不予读取。`,
  rowTooLong: (sheet: string, row: number) => `工作表“${sheet}”第 ${row} 行附近的数据超过 16 MB 仍未结束，文件已损坏或被篡改，不予读取。`,
  itemTooLong: (n: number) => `第 ${n} 个共享字符串超过 16 MB 仍未结束，文件已损坏或被篡改，不予读取。`,
  cellTooLong: (sheet: string, row: number, len: number) =>
    `工作表“${sheet}”第 ${row} 行有单元格文字长 ${len} 字符，超过 Excel 单元格的上限（32767 字符），不予读取。`,
  stringTooLong: (n: number, len: number) => `第 ${n} 个共享字符串长 ${len} 字符，超过 Excel 单元格的上限（32767 字符），不予读取。`,
  tooManyStrings: (limit: number) => `共享字符串超过 ${limit} 个，超出检查的上限，不予读取。`,
  tooManyCells: (limit: number) => `工作簿的非空单元格超过 ${limit} 个，超出检查的上限，不予读取。请把绩效目标表复制到新工作簿后再检查。`,
  tooManyMerges: (sheet: string, limit: number) => `工作表“${sheet}”的合并区域超过 ${limit} 个，超出检查的上限，不予读取。`,
  reservedName: (name: string) =>
    `工作簿含有名为“${name}”的工作表或名称，处理工作簿所用的组件（ExcelJS）会因此出错，无法进行此操作（检查结果不受影响）。请在 Excel 或 WPS 中改名后再试。`,
  tooManyMergedCells: (limit: number) => `工作簿中合并区域覆盖的单元格超过 ${limit} 个，超出检查的上限，不予读取。`,
};

const mib = (bytes: number) => String(Math.round((bytes / (1024 * 1024)) * 10) / 10);

/** The findings sheet added to the annotated copy. */
export const annotateText = {
  sheetName: '审核意见',
  headers: ['序号', '工作表', '单元格', '级别', '规则', '问题', '建议'],
  /** One block of a cell note per finding. */
  noteBlock: (severity: string, message: string, suggestion?: string | null) =>
    `【${severity}】${message}` + (suggestion ? `\n建议：${suggestion}` : ''),
  noFindings: '未发现问题。',
};
