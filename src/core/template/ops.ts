// Host-neutral write operations: what a rendered template asks a spreadsheet to do. The ExcelJS workbook host
// (src/hosts/workbook/fill.ts), the Excel adapter and the WPS adapter all apply the same list. Rows and columns
// are 0-based; rectangles are inclusive (grid.ts Rect).
import { Grid, Rect, generalText } from '../grid';

/** What Excel and WPS accept: a column at most 255 characters wide, a row at most 409 points tall. */
export const MAX_COLUMN_WIDTH = 255;
export const MAX_ROW_HEIGHT = 409;

export interface CellOp {
  row: number;
  col: number;
  /** A number only where the text is a plain number the user may sum (预算数); everything else is text as written. */
  value: string | number;
  /** What the cell shows: `value` itself for text, the formatted number otherwise. */
  text: string;
  /** Number format that shows `value` as `text` ("0.00"); only for numbers. */
  numberFormat?: string;
  /** A link written as a formula instead of `value` (`=HYPERLINK("#'表一'!B7","B7")`, core/marks.ts cellLink); `text` is what it shows. */
  formula?: string;
}

export interface FontOp {
  name: string;
  size: number;
  bold: boolean;
  /** OOXML charset (134 = GB2312) and family, where the host can set them. */
  charset?: number;
  family?: number;
}

export interface CellStyleOp {
  font: FontOp;
  horizontal: 'left' | 'center' | 'right';
  vertical: 'top' | 'middle' | 'bottom';
  wrap: boolean;
}

/** Applied in order; a later style on the same cell replaces an earlier one. */
export interface StyleOp {
  rect: Rect;
  style: CellStyleOp;
}

export type BorderWeight = 'thin' | 'medium';

/** `all`: every edge of every cell in the rect (inside lines too); `outline`: the rect's outer edges only. */
export interface BorderOp {
  rect: Rect;
  edges: 'all' | 'outline';
  weight: BorderWeight;
}

export interface PrintOps {
  paper: 'A4';
  /** OOXML paperSize code of `paper` (9 = A4), for hosts that want the number. */
  paperSize: number;
  orientation: 'portrait' | 'landscape';
  /** Fit to this many pages wide / tall; 0 = as many as needed. */
  fitToWidth: number;
  fitToHeight: number;
  /** Inches (the .xlsx unit); office-js and WPS take points: × 72. */
  margins: { left: number; right: number; top: number; bottom: number; header: number; footer: number };
  horizontalCentered: boolean;
  /** Rows repeated at the top of every printed page (the indicator header), when the sheet holds one table. */
  titleRows?: { first: number; last: number };
  /** A manual page break above each of these rows (each stacked table starts a page). */
  rowBreaks: number[];
}

/** Where one table landed on its sheet. */
export interface PlacedTable {
  /** Index in the list of tables given to the renderer. */
  index: number;
  template: string;
  top: number;
  bottom: number;
  /** The indicator header: first and last row (two rows when 指标值 has 符号 · 值 · 单位 below it). */
  headerFirst: number;
  headerLast: number;
  bodyTop: number;
}

export interface SheetOps {
  name: string;
  /** The template's font and its fallbacks (CSS previews can list them; a cell holds one name). */
  font: { name: string; fallbacks: string[] };
  /** Column widths in Excel character units, from column 0; `columnWidthPoints` converts for point-based hosts. */
  columns: number[];
  /** Row heights in points. Rows not listed keep the host's default. */
  rowHeights: { row: number; height: number }[];
  cells: CellOp[];
  merges: Rect[];
  styles: StyleOp[];
  borders: BorderOp[];
  print: PrintOps;
  tables: PlacedTable[];
}

export interface WorkbookOps {
  sheets: SheetOps[];
}

/** The sheets as Grids (display text and merges), as a host would read them back: previews and tests. */
export function opsToGrids(ops: WorkbookOps): Grid[] {
  return ops.sheets.map((s) => {
    const g = new Grid(s.name);
    for (const c of s.cells) g.setCell(c.row, c.col, { value: c.value, text: c.text });
    for (const m of s.merges) g.addMerge(m);
    return g;
  });
}

// ---------------------------------------------------------------------------------------------------------
// Numbers: a 预算数 written as text cannot be summed, so a plain number is written as a number with a format that
// shows exactly the text the user had ("100000.00" → 100000 with "0.00").

const PLAIN = /^-?(0|[1-9]\d*)(\.\d+)?$/;
const GROUPED = /^-?[1-9]\d{0,2}(,\d{3})+(\.\d+)?$/;

/** The number and format that display `text` exactly, or null when it should stay text. */
export function numberFor(text: string): { value: number; format: string } | null {
  if (!PLAIN.test(text) && !GROUPED.test(text)) return null;
  const digits = text.replace(/[-,.]/g, '').replace(/^0+/, '');
  // Beyond 15 significant digits a spreadsheet number cannot hold the text.
  if (digits.length > 15) return null;
  const dot = text.indexOf('.');
  const decimals = dot < 0 ? 0 : text.length - dot - 1;
  if (decimals > 10) return null;
  const value = Number(text.replace(/,/g, ''));
  if (!isFinite(value) || (value === 0 && text.startsWith('-'))) return null;
  const int = GROUPED.test(text) ? '#,##0' : '0';
  return { value, format: decimals ? int + '.' + '0'.repeat(decimals) : int };
}

// ---------------------------------------------------------------------------------------------------------
// For hosts that take typed input (office-js `range.values`, WPS `Range.Value2`): "=24人" would become a formula and
// "13022522001" or "2023年12月" a number or date. A leading apostrophe is Excel's and WPS's "store as text": the cell
// shows and returns the text without it. ExcelJS writes typed values and needs none of this.

/**
 * The one "typed text stays text" policy of every host that takes typed input (template writes and library row
 * insertion, Excel and WPS alike): a non-empty string is always typed with the apostrophe, whatever it looks like.
 */
export function textInput(text: string): string {
  return text === '' ? '' : "'" + text;
}

/** The value to type into a cell so that it holds exactly `cell.value`. */
export function hostInput(cell: Pick<CellOp, 'value' | 'formula'>): string | number {
  if (cell.formula) return cell.formula;
  return typeof cell.value === 'number' ? cell.value : textInput(cell.value);
}

/**
 * A plan's text (inserted library rows) as typed input: a plain number that a General cell shows exactly as written
 * is that number (the 值 of 符号·值·单位 rows is a number in users' lists, so sums work); any other text is text.
 */
export function planInput(text: string): string | number {
  const n = numberFor(text);
  return n && generalText(n.value) === text ? n.value : textInput(text);
}

/**
 * The sheet's cells as one rectangle of input values and number formats (top-left at `top`, `left`), for a host
 * that writes a whole range in one call. Cells without a value are ''; formats are "General" except for numbers.
 */
export function valueMatrix(sheet: SheetOps): { top: number; left: number; values: (string | number)[][]; numberFormats: string[][] } {
  if (!sheet.cells.length) return { top: 0, left: 0, values: [], numberFormats: [] };
  let top = Infinity;
  let left = Infinity;
  let bottom = 0;
  let right = 0;
  for (const c of sheet.cells) {
    top = Math.min(top, c.row);
    left = Math.min(left, c.col);
    bottom = Math.max(bottom, c.row);
    right = Math.max(right, c.col);
  }
  const values: (string | number)[][] = [];
  const numberFormats: string[][] = [];
  for (let r = top; r <= bottom; r++) {
    values.push(new Array(right - left + 1).fill(''));
    numberFormats.push(new Array(right - left + 1).fill('General'));
  }
  for (const c of sheet.cells) {
    values[c.row - top][c.col - left] = hostInput(c);
    if (c.numberFormat) numberFormats[c.row - top][c.col - left] = c.numberFormat;
  }
  return { top, left, values, numberFormats };
}

/** The edges a border op sets: the four sides, and inside lines only where the rectangle has them (a host refuses
 *  inside lines on a single row or column). */
export type BorderEdge = 'left' | 'top' | 'bottom' | 'right' | 'insideVertical' | 'insideHorizontal';
export function borderEdges(b: BorderOp): BorderEdge[] {
  const out: BorderEdge[] = ['left', 'top', 'bottom', 'right'];
  if (b.edges === 'all') {
    if (b.rect.right > b.rect.left) out.push('insideVertical');
    if (b.rect.bottom > b.rect.top) out.push('insideHorizontal');
  }
  return out;
}

/** Column widths or row heights as runs of equal values, [first, last, value]: one host call per run. */
export function sizeRuns(list: { at: number; v: number }[]): [number, number, number][] {
  const out: [number, number, number][] = [];
  for (const x of list.slice().sort((a, b) => a.at - b.at)) {
    const last = out[out.length - 1];
    if (last && last[1] === x.at - 1 && last[2] === x.v) last[1] = x.at;
    else out.push([x.at, x.at, x.v]);
  }
  return out;
}

/** Column widths and row heights of a sheet as runs. */
export function sheetSizeRuns(ops: SheetOps): { columns: [number, number, number][]; rows: [number, number, number][] } {
  return { columns: sizeRuns(ops.columns.map((v, at) => ({ at, v }))), rows: sizeRuns(ops.rowHeights.map((x) => ({ at: x.row, v: x.height }))) };
}

/** The print margins in points, as office-js and WPS take them (the ops hold inches, the .xlsx unit). */
export function marginPoints(p: PrintOps): PrintOps['margins'] {
  const m = p.margins;
  return { left: m.left * 72, right: m.right * 72, top: m.top * 72, bottom: m.bottom * 72, header: m.header * 72, footer: m.footer * 72 };
}
