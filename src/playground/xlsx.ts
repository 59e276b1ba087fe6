// The playground's file edge: an .xlsx (bundled sample or a file the user drops in) becomes plain sheet data for
// the in-memory fake of Excel, and the fake's state goes back into the same ExcelJS workbook for download, so
// everything the fake does not model (styles, widths, print setup) survives untouched.
import ExcelJS from 'exceljs';
import { parseRange } from '../core/grid';
import { playgroundText as T } from '../core/i18n/playground';
import { cellNoteText, loadWithMerges } from '../hosts/workbook/exceljs-load';
import { guardWorkbookBytes } from '../hosts/workbook/jszip-parts';
import { WorkbookReadError } from '../hosts/workbook/scan';
import { readErrorText } from '../core/i18n/host';
import { compileFormat, NumberFormatter } from '../hosts/workbook/numfmt';

export interface SheetCellData {
  row: number;
  col: number;
  value: string | number | boolean | null;
  text?: string;
  formula?: string;
  fill?: string;
  error?: string;
}

export interface SheetData {
  name: string;
  cells: SheetCellData[];
  merges: { top: number; left: number; bottom: number; right: number }[];
  notes: { row: number; col: number; text: string }[];
}

export interface LoadedBook {
  book: ExcelJS.Workbook;
  sheets: SheetData[];
}

export class PlaygroundFileError extends Error {}

const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

/** Reads a workbook. Files that are not .xlsx get the same kind of Chinese reason the CLI gives. */
export async function loadXlsx(data: ArrayBuffer): Promise<LoadedBook> {
  const head = new Uint8Array(data.slice(0, 4));
  if (!data.byteLength) throw new PlaygroundFileError(T.emptyFile);
  if (head[0] === 0xd0 && head[1] === 0xcf) throw new PlaygroundFileError(T.legacyFile);
  if (head[0] !== 0x50 || head[1] !== 0x4b) throw new PlaygroundFileError(T.notXlsx);
  // The same limits and refusals as the command line (a zip bomb, a DTD, a sheet past Excel's size) before
  // ExcelJS sees the file: it would exhaust the tab's memory or hang.
  try {
    await guardWorkbookBytes(data);
  } catch (e) {
    if (e instanceof WorkbookReadError) throw new PlaygroundFileError(e.message);
    throw e;
  }
  const book = new ExcelJS.Workbook();
  let merges: Map<number, string[]>;
  try {
    merges = await loadWithMerges(book, () => book.xlsx.load(data));
  } catch {
    // ExcelJS's own text is English: the user gets the Chinese reason only.
    throw new PlaygroundFileError(T.corrupt(readErrorText.reason.unreadable));
  }
  const date1904 = !!(book.properties as { date1904?: boolean }).date1904;
  const formats = new Map<string, NumberFormatter | null>();
  const formatter = (code: string | undefined) => {
    const key = code || '';
    if (!formats.has(key)) formats.set(key, compileFormat(key));
    return formats.get(key) || null;
  };
  const sheets = book.worksheets.map((ws) => {
    const sheet: SheetData = { name: ws.name, cells: [], merges: [], notes: [] };
    ws.eachRow({ includeEmpty: false }, (row) => {
      row.eachCell({ includeEmpty: false }, (cell) => {
        const r = Number(cell.row) - 1;
        const c = Number(cell.col) - 1;
        if (cell.isMerged && cell.master !== cell) return;
        const out = cellData(cell.value, formatter(cell.numFmt), date1904);
        if (out) {
          const fill = fillColor(cell.fill);
          sheet.cells.push({ row: r, col: c, ...out, ...(fill ? { fill } : {}) });
        } else {
          const fill = fillColor(cell.fill);
          if (fill) sheet.cells.push({ row: r, col: c, value: null, fill });
        }
        const note = cellNoteText(cell.note);
        if (note) sheet.notes.push({ row: r, col: c, text: note });
      });
    });
    for (const ref of merges.get(ws.id) || []) {
      try {
        sheet.merges.push(parseRange(ref));
      } catch {
        // a malformed merge ref: the cells stay unmerged
      }
    }
    return sheet;
  });
  return { book, sheets };
}

type Plain = Omit<SheetCellData, 'row' | 'col' | 'fill'>;

function cellData(v: ExcelJS.CellValue, fmt: NumberFormatter | null, date1904: boolean): Plain | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') return fmt ? { value: v, text: fmt(v, date1904) } : { value: v };
  if (typeof v === 'string' || typeof v === 'boolean') return { value: v };
  if (v instanceof Date) {
    const serial = (v.getTime() - EXCEL_EPOCH) / 86400000;
    return { value: serial, text: fmt ? fmt(serial, date1904) : v.toISOString().slice(0, 10) };
  }
  if ('error' in v) return { value: v.error, error: v.error };
  if ('richText' in v) return { value: v.richText.map((t) => t.text).join('') };
  if ('hyperlink' in v) return { value: String(v.text ?? '') };
  if ('formula' in v || 'sharedFormula' in v) {
    const f = v as ExcelJS.CellFormulaValue;
    const inner = cellData(f.result === undefined ? null : (f.result as ExcelJS.CellValue), fmt, date1904);
    return { ...(inner || { value: null }), formula: '=' + (f.formula || '') };
  }
  return null;
}

function fillColor(fill: ExcelJS.Fill | undefined): string | undefined {
  if (!fill || fill.type !== 'pattern' || fill.pattern !== 'solid') return undefined;
  const argb = fill.fgColor && fill.fgColor.argb;
  return argb && /^[0-9A-Fa-f]{8}$/.test(argb) ? '#' + argb.slice(2).toUpperCase() : undefined;
}

/** What the fake holds for one cell, as the exporter needs it. */
export interface ExportCell {
  value: string | number | boolean | null;
  formula?: string;
  fill: string | null;
  note?: string;
}

export interface ExportSheet {
  name: string;
  rowCount: number;
  colCount: number;
  cell(row: number, col: number): ExportCell;
}

/**
 * Writes the fake's sheets back into the loaded workbook: changed values, fills and notes on existing sheets,
 * new sheets (the findings sheet) added, sheets the fake deleted removed. Returns the .xlsx bytes.
 */
export async function exportXlsx(loaded: LoadedBook, sheets: readonly ExportSheet[]): Promise<ArrayBuffer> {
  const { book } = loaded;
  const original = new Map(loaded.sheets.map((s) => [s.name, s]));
  const keep = new Set(sheets.map((s) => s.name));
  for (const ws of book.worksheets.slice()) if (!keep.has(ws.name)) book.removeWorksheet(ws.id);
  for (const sheet of sheets) {
    const ws = book.getWorksheet(sheet.name) || book.addWorksheet(sheet.name);
    const before = original.get(sheet.name);
    const seen = new Map<string, SheetCellData>();
    const notes = new Map<string, string>();
    if (before) {
      for (const c of before.cells) seen.set(c.row + ':' + c.col, c);
      for (const n of before.notes) notes.set(n.row + ':' + n.col, n.text);
    }
    for (let r = 0; r < sheet.rowCount; r++) {
      for (let c = 0; c < sheet.colCount; c++) {
        const now = sheet.cell(r, c);
        const was = seen.get(r + ':' + c);
        const key = r + ':' + c;
        const wasFormula = was ? was.formula : undefined;
        // Only cells that changed are touched: getCell creates the cell in ExcelJS's model.
        const xcell = (): ExcelJS.Cell => ws.getCell(r + 1, c + 1);
        const wasValue = was ? was.value : null;
        if ((now.formula || undefined) !== wasFormula || (!now.formula && now.value !== wasValue)) {
          xcell().value = now.formula
            ? { formula: now.formula.replace(/^=/, ''), result: now.value === null ? undefined : now.value } as ExcelJS.CellFormulaValue
            : now.value;
        }
        const wasFill = was && was.fill ? was.fill : null;
        if (now.fill !== wasFill) {
          // Replace the style object (shared between cells on load) instead of mutating it.
          const style = { ...xcell().style };
          if (now.fill) style.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF' + now.fill.replace('#', '') } };
          else delete style.fill;
          xcell().style = style;
        }
        const wasNote = notes.get(key) || '';
        if ((now.note || '') !== wasNote) {
          if (now.note) xcell().note = now.note;
          // ExcelJS has no API to remove a note: drop the comment object it writes from.
          else (xcell() as unknown as { _comment?: unknown })._comment = undefined;
        }
      }
    }
  }
  return (await book.xlsx.writeBuffer()) as ArrayBuffer;
}
