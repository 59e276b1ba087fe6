// The indicator library as an .xlsx file in Node: written with ExcelJS, read back with the project's own reader
// (the same one `check` uses), so a department's library sheet gets the same tolerance for how Excel/WPS save.
import ExcelJS from 'exceljs';
import { Library } from '../../core/library/schema';
import { LibraryImport, libraryFromGrids, libraryToSheets } from '../../core/library/sheet';
import { librarySheetText as S } from '../../core/i18n/library';
import { readGrids } from './read';
import { saveWorkbook } from './save';

const HEADER_FILL = 'FFD9E1F2';
/** Column widths in characters, by header: wide for the texts, narrow for codes. */
const WIDTH: { [h: string]: number } = {
  类型: 16, 一级: 12, 二级: 18, 三级: 30, 指标解释: 60, 单位: 10, 方向: 8, 指标值模板: 22, 依据: 14, 关键词: 30, 来源: 20, 编号: 20, 说明: 60,
};

function addSheet(wb: ExcelJS.Workbook, name: string, rows: string[][]): void {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = rows[0].map((h) => ({ header: h, width: WIDTH[h] || 16 }));
  for (const r of rows.slice(1)) ws.addRow(r);
  const header = ws.getRow(1);
  header.font = { bold: true };
  header.eachCell((c) => {
    c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: HEADER_FILL } };
  });
  // Every value is text: a template such as "=100%" must not turn into a formula or a number.
  ws.eachRow((row, n) => {
    if (n === 1) return;
    row.eachCell((c) => {
      c.numFmt = '@';
      c.alignment = { vertical: 'top', wrapText: true };
    });
  });
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: rows[0].length } };
}

/** Writes the library as a workbook: sheet 指标库 (one indicator a row) and sheet 项目类型. */
export async function writeLibraryWorkbook(file: string, lib: Library): Promise<number> {
  const sheets = libraryToSheets(lib);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'ptcheck';
  addSheet(wb, S.indicatorSheet, sheets.indicators);
  addSheet(wb, S.typeSheet, sheets.types);
  await saveWorkbook(wb, file);
  return sheets.indicators.length - 1;
}

/** Reads a department's library from a workbook (see libraryFromGrids); unreadable files throw WorkbookReadError. */
export async function readLibraryWorkbook(file: string, base: Library): Promise<LibraryImport> {
  return libraryFromGrids(await readGrids(file), base);
}
