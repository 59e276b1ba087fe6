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

/**
 * The parts of an A1 address, $ signs allowed, with no cap on its letters or digits: each caller applies its own
 * (a cell of the sheet here, a merge past XFD told from a malformed one in the reader). Null when it is not letters
 * then digits. By hand, not a regular expression: this runs for every finding's cell and both corners of every merge.
 */
export function scanA1(a1: string): { letters: number; digits: number; row: number; col: number } | null {
  const s = a1.trim();
  let k = s.charCodeAt(0) === 0x24 ? 1 : 0;
  const from = k;
  let col = 0;
  for (; k < s.length; k++) {
    const c = s.charCodeAt(k) | 32;
    if (c < 0x61 || c > 0x7a) break;
    col = col * 26 + (c - 0x60);
  }
  const letters = k - from;
  if (s.charCodeAt(k) === 0x24) k++;
  const start = k;
  let row = 0;
  for (; k < s.length; k++) {
    const c = s.charCodeAt(k);
    if (c < 0x30 || c > 0x39) return null;
    row = row * 10 + (c - 0x30);
  }
  if (letters === 0 || k === start) return null;
  return { letters, digits: k - start, row: row - 1, col: col - 1 };
}

/** A cell of the sheet, as /^\$?([A-Za-z]{1,3})\$?(\d+)$/ within Excel's bounds; throws on anything else. */
export function parseA1(a1: string): { row: number; col: number } {
  const p = scanA1(a1);
  if (!p || p.letters > 3) throw new Error('Bad A1 address: ' + a1);
  // XFE1 or A0 parse but do not exist: callers treat them as malformed, like any bad address.
  if (!(p.row >= 0 && p.row < MAX_ROWS && p.col < MAX_COLS)) throw new Error('A1 address outside the sheet: ' + a1);
  return { row: p.row, col: p.col };
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

/** Merges a row may list before it gets a column map (a scan of a long list for every cell read is quadratic). */
const ROW_LIST_MAX = 8;
/** A merge covering more cells than this is looked for among the few big ones, not indexed cell by cell. */
const BIG_MERGE_CELLS = 4096;

/** The merges crossing one row: a short list (the usual few) or, for a row crossed by many, column -> merge. */
type RowMerges = Rect[] | Map<number, Rect>;

export class Grid {
  readonly name: string;
  private rowsData: (StoredCell | undefined)[][] = [];
  private mergeList: Rect[] = [];
  /** row -> the merges crossing it; built lazily (lookups happen for every cell read, most rows have none). */
  private mergeIndex: (RowMerges | undefined)[] | null = null;
  /** row -> columns with text; built lazily per row. */
  private filledCache: (number[] | undefined)[] = [];
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
    if (row < this.filledCache.length) this.filledCache[row] = undefined;
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

  private index(): (RowMerges | undefined)[] {
    if (this.mergeIndex) return this.mergeIndex;
    const rows: (Rect[] | undefined)[] = [];
    this.bigMerges = [];
    for (const m of this.mergeList) {
      // A huge merged block (a whole pasted page) would flood the index: scan those few instead.
      if ((m.bottom - m.top + 1) * (m.right - m.left + 1) > BIG_MERGE_CELLS) this.bigMerges.push(m);
      else for (let r = m.top; r <= m.bottom; r++) (rows[r] || (rows[r] = [])).push(m);
    }
    const idx: (RowMerges | undefined)[] = rows;
    rows.forEach((list, r) => {
      if (!list || list.length <= ROW_LIST_MAX) return;
      // Later merges win where merges overlap, as in the lists' backward scan.
      const byCol = new Map<number, Rect>();
      for (const m of list) for (let c = m.left; c <= m.right; c++) byCol.set(c, m);
      idx[r] = byCol;
    });
    this.mergeIndex = idx;
    return idx;
  }

  /** The merged area covering (row, col), if any. */
  mergeAt(row: number, col: number): Rect | undefined {
    if (!this.mergeList.length) return undefined;
    const at = this.index()[row];
    if (at !== undefined) {
      if (Array.isArray(at)) {
        for (let i = at.length - 1; i >= 0; i--) {
          const m = at[i];
          if (col >= m.left && col <= m.right) return m;
        }
      } else {
        const m = at.get(col);
        if (m) return m;
      }
    }
    if (!this.bigMerges.length) return undefined;
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
    const cached = this.filledCache[row];
    if (cached) return cached;
    const r = this.rowsData[row];
    const out: number[] = [];
    if (r) {
      for (let i = 0; i < r.length; i++) {
        const c = r[i];
        if (c && c.t.trim() !== '') out.push(i);
      }
    }
    this.filledCache[row] = out;
    return out;
  }

  /** The rect a cell's content visually occupies: its merge, or the cell itself. */
  areaOf(row: number, col: number): Rect {
    return this.mergeAt(row, col) || { top: row, left: col, bottom: row, right: col };
  }
}
