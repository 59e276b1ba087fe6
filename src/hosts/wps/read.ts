// Reading sheets into Grids through ET's synchronous object model, where every property access is a cross-process
// call (≈0.2 ms, wps-addin.md §2.3 "Performance"), so the work is grouped, never per cell:
//   - the used range: UsedRange, Row, Column, Rows.Count, Columns.Count (7 calls a sheet);
//   - values: one Value2 per block of ≤ 500 rows (2 calls; a very large block froze ET for tens of seconds, §2.3),
//     normalised to rows × cols (a scalar for 1×1, possibly flat for one row or column: §2.3 "Value2 shapes");
//     formula errors arrive as CVErr numbers (CVERR), dates as serial numbers;
//   - display text: strings and booleans show as they are; a number's text depends on its format, so it is read as
//     ET shows it: one `.Text` per lone numeric cell, one NumberFormat per run of numeric cells down a column
//     (formatted here when the format is one the core's formatter knows, else `.Text` per cell); a '####' text (too
//     narrow a column) is replaced by the number itself, as in the Excel adapter;
//   - merged areas: ET has no list of them. Every cell of a merged area but its first is blank, so only a cell with a
//     blank neighbour right or below can start one, and only in a column whose block reads MergeCells ≠ false: one
//     MergeCells per column and block, then one per such cell, and MergeArea.Address for those that are merged.
import { CellValue, Grid, Rect, generalText, rectToA1 } from '../../core/grid';
import { compileFormat } from '../workbook/numfmt';
import { ReadProgress } from '../host';
import { CVERR, EtRange, EtWorksheet } from './et';

/** Rows per Value2 read. */
export const READ_BLOCK_ROWS = 500;

/** zh-CN WPS names the General format "G/通用格式" (and reads it back so). */
const GENERAL = /^(General|G\/通用格式|G\/General)$/i;

/** Value2 of a rows × cols range as rows × cols, whatever shape ET handed back (§2.3 "Value2 shapes"). */
export function normalise2D(v: unknown, rows: number, _cols: number): unknown[][] {
  if (!Array.isArray(v)) return [[v]];
  if (!v.length) return [];
  if (!Array.isArray(v[0])) {
    // A flat array: one row (1 × cols) or one column (rows × 1).
    return rows === 1 ? [v] : v.map((x) => [x]);
  }
  return v as unknown[][];
}

/** "A1:C4" (what Address(false, false) gives) → a rectangle. */
export function etAddressRect(address: string): Rect {
  const a = address.replace(/\$/g, '').split(',')[0];
  const [p, q] = a.split(':');
  const parse = (x: string) => {
    const m = /^([A-Za-z]+)(\d+)$/.exec(x);
    if (!m) throw new Error('bad address ' + address);
    let col = 0;
    for (const ch of m[1].toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
    return { row: Number(m[2]) - 1, col: col - 1 };
  };
  const s = parse(p);
  const e = q ? parse(q) : s;
  return { top: Math.min(s.row, e.row), left: Math.min(s.col, e.col), bottom: Math.max(s.row, e.row), right: Math.max(s.col, e.col) };
}

const cellA1 = (row: number, col: number) => rectToA1({ top: row, left: col, bottom: row, right: col });

/** A number as ET would show it in a cell of this format, or null when the core's formatter does not know it. */
function formatter(nf: string | null): ((v: number) => string) | null {
  if (nf === null) return null;
  if (GENERAL.test(nf)) return (v) => generalText(v);
  const f = compileFormat(nf);
  return f ? (v) => f(v, false) : null;
}

/** Reads one sheet's used range into a Grid. */
export function readSheetEt(ws: EtWorksheet, name: string): Grid {
  const grid = new Grid(name);
  const used = ws.UsedRange;
  const top = used.Row - 1;
  const left = used.Column - 1;
  const rows = used.Rows.Count;
  const cols = used.Columns.Count;
  /** Blank cells, by used-range row. */
  const blank: Uint8Array[] = [];
  const numbers: { row: number; col: number; v: number }[] = [];
  const values: CellValue[][] = [];
  for (let b = 0; b < rows; b += READ_BLOCK_ROWS) {
    const n = Math.min(READ_BLOCK_ROWS, rows - b);
    const rect = { top: top + b, left, bottom: top + b + n - 1, right: left + cols - 1 };
    const block = normalise2D(ws.Range(rectToA1(rect)).Value2, n, cols);
    for (let i = 0; i < n; i++) {
      const line = block[i] || [];
      const bl = (blank[b + i] = new Uint8Array(cols));
      const vals: CellValue[] = (values[b + i] = new Array(cols).fill(null));
      for (let j = 0; j < cols; j++) {
        const v = line[j];
        const row = top + b + i;
        const col = left + j;
        if (v === null || v === undefined || v === '') {
          bl[j] = 1;
          continue;
        }
        if (typeof v === 'number' && CVERR[v] !== undefined) {
          grid.setCell(row, col, { value: null, error: CVERR[v] });
        } else if (typeof v === 'number') {
          vals[j] = v;
          numbers.push({ row, col, v });
        } else if (typeof v === 'boolean') {
          grid.setCell(row, col, { value: v, text: v ? 'TRUE' : 'FALSE' });
        } else {
          // Text (including numbers stored as text) stays text, as shown.
          grid.setCell(row, col, { value: String(v), text: String(v) });
        }
      }
    }
  }
  readNumberTexts(ws, grid, numbers);
  for (const m of readMerges(ws, top, left, rows, cols, blank)) grid.addMerge(m);
  return grid;
}

/** Display text of the numeric cells: per lone cell `.Text`, per run down a column one NumberFormat. */
function readNumberTexts(ws: EtWorksheet, grid: Grid, numbers: { row: number; col: number; v: number }[]): void {
  const byCol = new Map<number, { row: number; col: number; v: number }[]>();
  for (const n of numbers) {
    let l = byCol.get(n.col);
    if (!l) byCol.set(n.col, (l = []));
    l.push(n);
  }
  const set = (n: { row: number; col: number; v: number }, text: string | null) => {
    const t = text === null || /^#+$/.test(text) ? generalText(n.v) : text;
    grid.setCell(n.row, n.col, { value: n.v, text: t });
  };
  const textOf = (n: { row: number; col: number }) => ws.Range(cellA1(n.row, n.col)).Text;
  for (const list of byCol.values()) {
    list.sort((a, b) => a.row - b.row);
    for (let i = 0; i < list.length; ) {
      let j = i;
      while (j + 1 < list.length && list[j + 1].row === list[j].row + 1) j++;
      const run = list.slice(i, j + 1);
      if (run.length === 1) set(run[0], textOf(run[0]));
      else {
        const rect = { top: run[0].row, left: run[0].col, bottom: run[run.length - 1].row, right: run[0].col };
        const f = formatter(ws.Range(rectToA1(rect)).NumberFormat);
        for (const n of run) set(n, f ? f(n.v) : textOf(n));
      }
      i = j + 1;
    }
  }
}

/** The merged areas of a used range (0-based sheet rectangles), found from its blank cells (see the header). */
function readMerges(ws: EtWorksheet, top: number, left: number, rows: number, cols: number, blank: Uint8Array[]): Rect[] {
  const isBlank = (r: number, c: number) => r >= rows || c >= cols || blank[r][c] === 1;
  /** Per block, per column: may hold merged cells (MergeCells true or mixed). */
  const flags: Uint8Array[] = [];
  for (let b = 0; b < rows; b += READ_BLOCK_ROWS) {
    const n = Math.min(READ_BLOCK_ROWS, rows - b);
    const f = new Uint8Array(cols);
    for (let c = 0; c < cols; c++) {
      let any = false;
      for (let r = b; r < b + n && !any; r++) if (blank[r][c] || (c + 1 < cols && blank[r][c + 1]) || (r + 1 < rows && blank[r + 1][c])) any = true;
      if (!any) continue;
      const rect = { top: top + b, left: left + c, bottom: top + b + n - 1, right: left + c };
      f[c] = ws.Range(rectToA1(rect)).MergeCells === false ? 0 : 1;
    }
    flags.push(f);
  }
  const flagged = (r: number, c: number) => r < rows && c < cols && flags[Math.floor(r / READ_BLOCK_ROWS)][c] === 1;
  const covered = new Set<number>();
  const key = (r: number, c: number) => r * cols + c;
  const out: Rect[] = [];
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      if (!flagged(r, c) || covered.has(key(r, c))) continue;
      const right = c + 1 < cols && isBlank(r, c + 1) && flagged(r, c + 1);
      const below = r + 1 < rows && isBlank(r + 1, c) && flagged(r + 1, c);
      if (!right && !below) continue;
      const range: EtRange = ws.Range(cellA1(top + r, left + c));
      if (range.MergeCells !== true) continue;
      const m = etAddressRect(range.MergeArea.Address(false, false));
      if (m.top === m.bottom && m.left === m.right) continue;
      out.push(m);
      for (let rr = Math.max(m.top - top, 0); rr <= Math.min(m.bottom - top, rows - 1); rr++)
        for (let cc = Math.max(m.left - left, 0); cc <= Math.min(m.right - left, cols - 1); cc++) covered.add(key(rr, cc));
    }
  }
  return out;
}

export function readSheetsEt(sheet: (name: string) => EtWorksheet, names: readonly string[], onProgress?: (p: ReadProgress) => void): Grid[] {
  return names.map((name, i) => {
    const g = readSheetEt(sheet(name), name);
    if (onProgress) onProgress({ sheet: name, done: i + 1, total: names.length });
    return g;
  });
}
