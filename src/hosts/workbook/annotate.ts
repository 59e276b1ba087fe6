// Writes a reviewer's copy of a workbook: flagged cells filled by severity with a note listing the findings,
// plus a findings sheet (审核意见) linking to every cell. The source file is never written to.
import ExcelJS from 'exceljs';
import { Diagnostic, Severity, severityRank } from '../../core/diagnostic';
import { parseRange, Rect } from '../../core/grid';
import { annotateText as T, readErrorText, severityLabel } from '../../core/i18n/host';
import { checkWorkbookFile, WorkbookReadError } from './read';
import { cellNoteText, loadWithMerges } from './exceljs-load';
import { saveWorkbook } from './save';
import { MARK_FILL, planMarks } from '../../core/marks';

const argb = (hex: string) => 'FF' + hex.replace('#', '');
const FILL: Record<Severity, string> = {
  error: argb(MARK_FILL.error),
  warning: argb(MARK_FILL.warning),
  info: argb(MARK_FILL.info),
};
const HEADER_FILL = 'FFD9E1F2';

export async function writeAnnotatedCopy(srcPath: string, outPath: string, diagnostics: Diagnostic[]): Promise<void> {
  // Same checks and Chinese reasons as reading, before ExcelJS sees the file.
  await checkWorkbookFile(srcPath);
  const wb = await loadWorkbook(srcPath);

  const order = new Map<string, number>();
  wb.worksheets.forEach((ws, i) => order.set(ws.name, i));
  const located = diagnostics.map((d, i) => ({ d, i, at: locate(d.cell) }));

  // One mark per visible cell (a range on its top-left, a cell inside a merged area on the master), the same
  // plan the task pane hosts use.
  const marks = planMarks(diagnostics, (sheet, row, col) => {
    const ws = wb.getWorksheet(sheet);
    if (!ws) return undefined;
    const master = ws.getCell(row + 1, col + 1).master;
    const r = Number(master.row) - 1;
    const c = Number(master.col) - 1;
    return r === row && c === col ? undefined : { top: r, left: c, bottom: r, right: c };
  });
  for (const m of marks) {
    const ws = wb.getWorksheet(m.sheet);
    if (ws) markCell(ws.getCell(m.row + 1, m.col + 1), m.severity, m.note);
  }

  addFindingsSheet(wb, located, order);

  await saveWorkbook(wb, outPath);
}

/** Full ExcelJS load: the copy must keep everything ExcelJS can keep. */
async function loadWorkbook(srcPath: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  try {
    await loadWithMerges(wb, () => wb.xlsx.readFile(srcPath));
  } catch (e) {
    // ExcelJS's own text is English ("malformed character entity"): the user gets the Chinese reason only.
    throw new WorkbookReadError(readErrorText.corrupt(readErrorText.reason.unreadable) + (e instanceof Error && process.env.PTCHECK_DEBUG ? ` [${e.message}]` : ''));
  }
  return wb;
}

function locate(ref: string): Rect | null {
  try {
    return parseRange(ref.replace(/\$/g, ''));
  } catch {
    return null;
  }
}

function markCell(cell: ExcelJS.Cell, worst: Severity, text: string): void {
  // Style objects are shared between cells with the same format on load: replace, never mutate, so the fill
  // lands on this cell only and its font, border, alignment and number format stay as they were.
  cell.style = { ...cell.style, fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: FILL[worst] } } };
  const existing = cellNoteText(cell.note);
  cell.note = existing ? existing + '\n\n' + text : text;
}

function findingsSheetName(wb: ExcelJS.Workbook): string {
  const taken = new Set(wb.worksheets.map((ws) => ws.name.toLowerCase()));
  let name = T.sheetName;
  for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${T.sheetName}(${n})`;
  return name;
}

function addFindingsSheet(
  wb: ExcelJS.Workbook,
  located: { d: Diagnostic; i: number; at: Rect | null }[],
  order: Map<string, number>,
): void {
  const ws = wb.addWorksheet(findingsSheetName(wb), { views: [{ state: 'frozen', ySplit: 1 }] });
  const widths = [6, 22, 10, 6, 24, 60, 40];
  ws.columns = T.headers.map((header, i) => ({ header, width: widths[i] }));
  const header = ws.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  for (let c = 1; c <= T.headers.length; c++) {
    header.getCell(c).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: HEADER_FILL } };
  }

  const sorted = [...located].sort(
    (a, b) =>
      (order.get(a.d.sheet) ?? order.size) - (order.get(b.d.sheet) ?? order.size) ||
      a.d.sheet.localeCompare(b.d.sheet) ||
      (a.at ? a.at.top : -1) - (b.at ? b.at.top : -1) ||
      (a.at ? a.at.left : -1) - (b.at ? b.at.left : -1) ||
      severityRank[a.d.severity] - severityRank[b.d.severity] ||
      a.i - b.i,
  );
  sorted.forEach((f, k) => {
    const { d } = f;
    // A link only where the sheet exists: a broken internal link shows an error in Excel.
    const linkable = f.at && order.has(d.sheet);
    const cellRef = f.at ? d.cell.replace(/\$/g, '') : d.cell;
    const target = f.at ? cellRef.split(':')[0] : '';
    const row = ws.addRow([
      k + 1,
      d.sheet,
      linkable ? { text: cellRef, hyperlink: `#'${d.sheet.replace(/'/g, "''")}'!${target}` } : cellRef,
      severityLabel[d.severity],
      d.rule,
      d.message,
      d.suggestion || '',
    ]);
    row.alignment = { vertical: 'top', wrapText: true };
    row.getCell(1).alignment = { vertical: 'top', horizontal: 'center' };
    row.getCell(4).alignment = { vertical: 'top', horizontal: 'center' };
    if (linkable) row.getCell(3).font = { color: { argb: 'FF0563C1' }, underline: true };
    row.getCell(4).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: FILL[d.severity] } };
  });
  if (!sorted.length) ws.addRow(['', '', '', '', '', T.noFindings, '']);
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: T.headers.length } };
}
