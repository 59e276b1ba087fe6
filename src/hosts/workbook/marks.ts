// The mark backend (src/core/mark-backend.ts) over an ExcelJS workbook: the CLI's annotated copy marks through the
// same core mechanism as the task pane hosts (src/core/marking.ts), so its fills, notes, findings sheet (name, rows,
// links) and record are the pane's. ExcelJS is synchronous: every call runs at once and flush() has nothing to do.
// The record lives in a very hidden sheet (RECORD_SHEET: keys in column A, values in B, ≤ 32,000 characters a cell),
// so a reviewer's copy can be cleared again by this host after it was saved and reopened.
// ExcelJS has notes only (no threads): cellText 'note'. A user's rich-text note comes back as its plain text.
import type ExcelJS from 'exceljs';
import { Rect } from '../../core/grid';
import { severityLabel } from '../../core/i18n/host';
import { markText } from '../../core/i18n/marks';
import { BackendSheet, CellAt, CellOriginal, MarkBackend } from '../../core/mark-backend';
import { MARK_FILL } from '../../core/marks';
import { RecordStore } from '../../core/record';
import { cellNoteText } from './exceljs-load';

/** The very hidden sheet holding the record. */
export const RECORD_SHEET = 'ptcheck_record';
/** Excel's cell limit is 32,767 characters. */
export const RECORD_PART_CHARS = 32000;
/** The findings sheet's look, shared with the package writer (patch.ts). */
export const HEADER_FILL = 'FFD9E1F2';
export const LINK_COLOR = 'FF0563C1';
export const FINDINGS_WIDTHS = [6, 22, 10, 6, 24, 60, 40];
const LINK_FONT: Partial<ExcelJS.Font> = { color: { argb: LINK_COLOR }, underline: true };

const argb = (hex: string) => 'FF' + hex.replace('#', '').toUpperCase();

/** The fill key of an ExcelJS fill: '' none, '#RRGGBB' a plain solid colour, else the fill itself as JSON. */
export function exceljsFillKey(fill: ExcelJS.Fill | undefined): string {
  if (!fill || (fill.type === 'pattern' && fill.pattern === 'none')) return '';
  if (fill.type === 'pattern' && fill.pattern === 'solid' && fill.fgColor && /^[0-9A-F]{8}$/i.test(fill.fgColor.argb || '') && !fill.bgColor) {
    const a = fill.fgColor.argb!.toUpperCase();
    if (a.startsWith('FF') && Object.keys(fill.fgColor).length === 1) return '#' + a.slice(2);
  }
  return 'x:' + JSON.stringify(fill);
}

function fillOfKey(key: string): ExcelJS.Fill | undefined {
  if (!key) return undefined;
  if (key.startsWith('x:')) return JSON.parse(key.slice(2)) as ExcelJS.Fill;
  return { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(key) } };
}

/** Style objects are shared between cells with the same format on load: replace, never mutate. */
function setCellFill(cell: ExcelJS.Cell, fill: ExcelJS.Fill | undefined): void {
  const style = { ...cell.style };
  if (fill) style.fill = fill;
  else delete style.fill;
  cell.style = style;
}

/** The record store in the very hidden sheet (made on the first write). */
export function sheetRecordStore(wb: ExcelJS.Workbook): RecordStore {
  const rows = (): Map<string, ExcelJS.Row> => {
    const out = new Map<string, ExcelJS.Row>();
    const ws = wb.getWorksheet(RECORD_SHEET);
    if (!ws) return out;
    ws.eachRow((row) => {
      const k = row.getCell(1).value;
      if (typeof k === 'string') out.set(k, row);
    });
    return out;
  };
  return {
    get(key) {
      const row = rows().get(key);
      if (!row) return undefined;
      const v = row.getCell(2).value;
      return typeof v === 'string' ? v : v === null || v === undefined ? '' : String(v);
    },
    set(key, value) {
      let ws = wb.getWorksheet(RECORD_SHEET);
      if (!ws) ws = wb.addWorksheet(RECORD_SHEET, { state: 'veryHidden' });
      const row = rows().get(key) || ws.getRow(ws.rowCount + 1);
      row.getCell(1).value = key;
      row.getCell(2).value = value;
    },
    remove(key) {
      const ws = wb.getWorksheet(RECORD_SHEET);
      const row = rows().get(key);
      if (!ws || !row) return;
      ws.spliceRows(row.number, 1);
      if (!rows().size) wb.removeWorksheet(ws.id);
    },
    save: () => Promise.resolve(),
  };
}

/** ExcelJS keeps a loaded sheet's protection in `sheetProtection` (not in its typings). */
function isProtected(ws: ExcelJS.Worksheet): boolean {
  const p = (ws as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection;
  return !!(p && p.sheet);
}

export function exceljsMarkBackend(wb: ExcelJS.Workbook): MarkBackend {
  const sheet = (name: string): ExcelJS.Worksheet => {
    const ws = wb.getWorksheet(name);
    if (!ws) throw new Error(`no sheet ${name}`);
    return ws;
  };
  const cellOf = (name: string, address: string) => sheet(name).getCell(address);
  const byLabel = new Map<string, string>(Object.entries(severityLabel).map(([k, v]) => [v, MARK_FILL[k as keyof typeof MARK_FILL]]));
  return {
    cellText: 'note',
    notes: true,
    comments: false,
    cellsPerFlush: Infinity,
    partChars: RECORD_PART_CHARS,
    store: sheetRecordStore(wb),

    async sheets(): Promise<BackendSheet[]> {
      // ExcelJS would write a protected sheet, but the user protected it: refused like everywhere else.
      return wb.worksheets
        .filter((ws) => ws.name !== RECORD_SHEET)
        .map((ws) => ({ name: ws.name, protected: isProtected(ws) }));
    },

    async readCells(name: string, cells: readonly CellAt[]): Promise<CellOriginal[]> {
      const ws = sheet(name);
      return cells.map((c) => {
        const cell = ws.getCell(c.row + 1, c.col + 1);
        const note = cellNoteText(cell.note);
        return { fill: exceljsFillKey(cell.fill), note: cell.note !== undefined && cell.note !== null ? { text: note } : null };
      });
    },

    setFill(name: string, rects: readonly Rect[], key: string): void {
      const ws = sheet(name);
      const fill = fillOfKey(key);
      for (const r of rects) for (let row = r.top; row <= r.bottom; row++) for (let col = r.left; col <= r.right; col++) setCellFill(ws.getCell(row + 1, col + 1), fill);
    },

    addNote(name: string, address: string, text: string): void {
      cellOf(name, address).note = text;
    },
    setNoteText(name: string, address: string, text: string): void {
      cellOf(name, address).note = text;
    },
    deleteNote(name: string, address: string): void {
      // ExcelJS has no delete, and an assigned undefined becomes an empty note: the note lives in `_comment`, and a
      // loaded cell's value model keeps a copy that the writer would use.
      const cell = cellOf(name, address) as unknown as { _comment?: unknown; _value?: { model?: { comment?: unknown } } };
      delete cell._comment;
      if (cell._value && cell._value.model) delete cell._value.model.comment;
    },
    addComment: () => Promise.resolve(undefined),
    deleteComments: () => undefined,
    deleteCommentsAt: () => undefined,

    async addFindingsSheet(name: string, rows: (string | number)[][]): Promise<string | undefined> {
      const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
      ws.columns = FINDINGS_WIDTHS.map((width) => ({ width }));
      rows.forEach((values, k) => {
        const row = ws.getRow(k + 1);
        values.forEach((v, c) => {
          const cell = row.getCell(c + 1);
          const link = typeof v === 'string' ? /^=HYPERLINK\("((?:[^"]|"")*)","((?:[^"]|"")*)"\)$/.exec(v) : null;
          if (link) {
            // A formula with its result, so the address shows before any recalculation.
            cell.value = { formula: (v as string).slice(1), result: link[2].replace(/""/g, '"') } as ExcelJS.CellFormulaValue;
            cell.font = LINK_FONT;
          } else cell.value = v;
        });
        if (k === 0) {
          row.font = { bold: true };
          row.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
          for (let c = 1; c <= values.length; c++) row.getCell(c).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: HEADER_FILL } };
          return;
        }
        row.alignment = { vertical: 'top', wrapText: true };
        row.getCell(1).alignment = { vertical: 'top', horizontal: 'center' };
        row.getCell(4).alignment = { vertical: 'top', horizontal: 'center' };
        const sev = byLabel.get(String(values[3]));
        if (sev) row.getCell(4).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(sev) } };
      });
      ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: FINDINGS_WIDTHS.length } };
      return undefined;
    },

    async deleteFindingsSheet(name: string, _id: string | undefined, header: readonly string[]): Promise<boolean> {
      const ws = wb.getWorksheet(name);
      if (!ws) return false;
      const first = header.map((_, c) => {
        const v = ws.getRow(1).getCell(c + 1).value;
        return v === null || v === undefined ? '' : String(v);
      });
      if (first.join('\u0001') !== header.join('\u0001')) return false;
      wb.removeWorksheet(ws.id);
      return true;
    },

    flush: () => Promise.resolve(),
    errorText: (e: unknown) => markText.workbookWriteFailed(e instanceof Error ? e.message : String(e)),
  };
}
