// Grid: a host-neutral picture of one sheet's used range — cell values, display text and merged areas.
// Rows and columns are 0-based everywhere in the core; A1 helpers convert at the edges.

export type CellValue = string | number | boolean | null;

/** Excel's sheet size (and WPS's): rows 1..1,048,576, columns A..XFD. */
export const MAX_ROWS = 1048576;
export const MAX_COLS = 16384;

/** A cell or area outside Excel's sheet size; hosts check before building a Grid and say so in Chinese. */
export class GridBoundsError extends RangeError {}

function checkBounds(row: number, col: number): void {
  if (!(row >= 0 && row < MAX_ROWS && col >= 0 && col < MAX_COLS)) throw new GridBoundsError(`cell ${row},${col} outside the sheet`);
}

export interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** One cell as read from a host. `text` is what the user sees; `error` is a formula error such as `#REF!`. */
export interface CellInput {
  value: CellValue;
  text?: string;
  error?: string;
}

export function colToLetters(col: number): string {
  let n = col + 1;
  let s = '';
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function lettersToCol(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) n = n * 26 + (letters.toUpperCase().charCodeAt(i) - 64);
  return n - 1;
}

const LETTERS: string[] = [];
for (let i = 0; i < 256; i++) LETTERS.push(colToLetters(i));

export function toA1(row: number, col: number): string {
  return (col < 256 ? LETTERS[col] : colToLetters(col)) + (row + 1);
}

export function rectToA1(r: Rect): string {
  const a = toA1(r.top, r.left);
  return r.top === r.bottom && r.left === r.right ? a : a + ':' + toA1(r.bottom, r.right);
}

export function parseA1(a1: string): { row: number; col: number } {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(a1.trim());
  if (!m) throw new Error('Bad A1 address: ' + a1);
  const at = { row: parseInt(m[2], 10) - 1, col: lettersToCol(m[1]) };
  // XFE1 or A0 parse but do not exist: callers treat them as malformed, like any bad address.
  if (!(at.row >= 0 && at.row < MAX_ROWS && at.col < MAX_COLS)) throw new Error('A1 address outside the sheet: ' + a1);
  return at;
}

export function parseRange(ref: string): Rect {
  const [a, b] = ref.split(':');
  const p = parseA1(a);
  const q = b ? parseA1(b) : p;
  return {
    top: Math.min(p.row, q.row),
    left: Math.min(p.col, q.col),
    bottom: Math.max(p.row, q.row),
    right: Math.max(p.col, q.col),
  };
}

interface StoredCell {
  v: CellValue;
  t: string;
  e?: string;
}

/** Formats a raw value the way a spreadsheet shows it in a General cell (no trailing float noise). */
export function generalText(v: CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') {
    if (!isFinite(v)) return String(v);
    // 15 significant digits, as spreadsheets do, then drop trailing zeros.
    const s = Number(v.toPrecision(15)).toString();
    return s;
  }
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return v;
}

/** Column span of the cell key (Excel's 16,384 columns). */
const KEY_COLS = 16384;

export class Grid {
  readonly name: string;
  private rowsData: (StoredCell | undefined)[][] = [];
  private mergeList: Rect[] = [];
  /** cell key -> the merge covering it; built lazily (lookups happen for every cell read). */
  private mergeIndex: Map<number, Rect> | null = null;
  /** row -> columns with text; built lazily per row. */
  private filledCache = new Map<number, number[]>();
  private bigMerges: Rect[] = [];
  /** Some cell was set with a formula error (stays set if it is overwritten: a hint, never a wrong "no"). */
  private anyError = false;
  rowCount = 0;
  colCount = 0;

  constructor(name: string) {
    this.name = name;
  }

  setCell(row: number, col: number, cell: CellInput): void {
    // rowCount drives every scan of the sheet: a cell past Excel's size would make them run for billions of rows.
    checkBounds(row, col);
    let r = this.rowsData[row];
    if (!r) r = this.rowsData[row] = [];
    const text = cell.text !== undefined ? cell.text : cell.error ? cell.error : generalText(cell.value);
    r[col] = cell.error ? { v: cell.value, t: text, e: cell.error } : { v: cell.value, t: text };
    if (cell.error) this.anyError = true;
    this.filledCache.delete(row);
    if (row + 1 > this.rowCount) this.rowCount = row + 1;
    if (col + 1 > this.colCount) this.colCount = col + 1;
  }

  addMerge(rect: Rect): void {
    checkBounds(rect.top, rect.left);
    checkBounds(rect.bottom, rect.right);
    this.mergeList.push(rect);
    this.mergeIndex = null;
    if (rect.bottom + 1 > this.rowCount) this.rowCount = rect.bottom + 1;
    if (rect.right + 1 > this.colCount) this.colCount = rect.right + 1;
  }

  get merges(): readonly Rect[] {
    return this.mergeList;
  }

  private index(): Map<number, Rect> {
    if (this.mergeIndex) return this.mergeIndex;
    const idx = new Map<number, Rect>();
    this.bigMerges = [];
    for (const m of this.mergeList) {
      // A huge merged block (a whole pasted page) would flood the index: scan those few instead.
      if ((m.bottom - m.top + 1) * (m.right - m.left + 1) > 4096) this.bigMerges.push(m);
      else for (let r = m.top; r <= m.bottom; r++) for (let c = m.left; c <= m.right; c++) idx.set(r * KEY_COLS + c, m);
    }
    this.mergeIndex = idx;
    return idx;
  }

  /** The merged area covering (row, col), if any. */
  mergeAt(row: number, col: number): Rect | undefined {
    if (!this.mergeList.length) return undefined;
    const m = this.index().get(row * KEY_COLS + col);
    if (m || !this.bigMerges.length) return m;
    for (const b of this.bigMerges) if (row >= b.top && row <= b.bottom && col >= b.left && col <= b.right) return b;
    return undefined;
  }

  /** True when (row, col) lies inside a merged area but is not its top-left (master) cell. */
  isContinuation(row: number, col: number): boolean {
    const m = this.mergeAt(row, col);
    return !!m && (m.top !== row || m.left !== col);
  }

  /** Display text of the cell itself, as written: blank for continuation cells of a merge. */
  text(row: number, col: number): string {
    const r = this.rowsData[row];
    const c = r ? r[col] : undefined;
    if (!c) return '';
    if (this.isContinuation(row, col)) return '';
    return c.t;
  }

  /** Display text, taking merged continuation cells from their master cell. */
  effectiveText(row: number, col: number): string {
    const m = this.mergeAt(row, col);
    if (m) return this.text(m.top, m.left);
    return this.text(row, col);
  }

  /** Stored text without the merge check: for cheap scans where a continuation cell cannot matter. */
  rawText(row: number, col: number): string {
    const r = this.rowsData[row];
    const c = r ? r[col] : undefined;
    return c ? c.t : '';
  }

  value(row: number, col: number): CellValue {
    const r = this.rowsData[row];
    const c = r ? r[col] : undefined;
    return c ? c.v : null;
  }

  /** False when no cell of the sheet holds a formula error (so no lookup can find one). */
  hasErrors(): boolean {
    return this.anyError;
  }

  error(row: number, col: number): string | undefined {
    const r = this.rowsData[row];
    const c = r ? r[col] : undefined;
    return c ? c.e : undefined;
  }

  /** True when every cell of the row is blank (ignoring whitespace). */
  isBlankRow(row: number): boolean {
    return this.filledCols(row).length === 0;
  }

  /** Column indexes holding non-blank text in a row. */
  filledCols(row: number): number[] {
    const cached = this.filledCache.get(row);
    if (cached) return cached;
    const r = this.rowsData[row];
    const out: number[] = [];
    if (r) {
      for (let i = 0; i < r.length; i++) {
        const c = r[i];
        if (c && c.t.trim() !== '') out.push(i);
      }
    }
    this.filledCache.set(row, out);
    return out;
  }

  /** The rect a cell's content visually occupies: its merge, or the cell itself. */
  areaOf(row: number, col: number): Rect {
    return this.mergeAt(row, col) || { top: row, left: col, bottom: row, right: col };
  }
}
