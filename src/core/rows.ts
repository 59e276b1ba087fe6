// Inserting whole rows into a sheet: the plan a host carries out (SheetHost.insertRows) and the same plan applied to
// a Grid, which is what the sheet should look like afterwards (the in-memory host and the tests use it). Rows are
// inserted as whole sheet rows, shifting everything below down: nothing is overwritten. Pure: Grid in, Grid out.
import { CellValue, Grid, Rect } from './grid';

export interface InsertBlock {
  /** 0-based sheet row, before any insertion, after which the new rows go. */
  after: number;
  /** The new rows' cells from column `left` of the plan; '' leaves a cell blank. */
  values: string[][];
  /** Row (before insertion) whose formats the new rows take, where the host can copy formats. */
  formatRow: number;
  /** Column spans [first, last] to copy formats of (cells in merged 一级/二级 columns are left out). */
  formatCols: [number, number][];
}

export interface InsertPlan {
  sheet: string;
  /** First column of every block's values. */
  left: number;
  /** Blocks ordered bottom-up (largest `after` first), no two with the same `after`: each insertion leaves the
   *  rows above it where they were, so every `after` stays valid while the blocks are applied in order. */
  blocks: InsertBlock[];
  /** Merged areas after the insertion (final rows), each replacing the merged areas it overlaps. Hosts that cannot
   *  merge leave them out; the rows then read as blank continuation cells. */
  merges: Rect[];
  /** Cells as they were when the plan was made (values as strings, '' for blank): a host refuses the plan when
   *  the sheet no longer matches, instead of inserting rows in the wrong place. */
  expect: { top: number; left: number; values: string[][] };
}

/** Rows inserted above (or at) an original row, i.e. how far the row moves down. */
export function shiftOf(plan: InsertPlan, row: number): number {
  let n = 0;
  for (const b of plan.blocks) if (b.after < row) n += b.values.length;
  return n;
}

/** Where an original row ends up. */
export function finalRow(plan: InsertPlan, row: number): number {
  return row + shiftOf(plan, row);
}

/** Final rows of each block's new rows, in the plan's block order. */
export function newRows(plan: InsertPlan, block: InsertBlock): { first: number; count: number } {
  return { first: finalRow(plan, block.after) + 1, count: block.values.length };
}

export function rowsInserted(plan: InsertPlan): number {
  let n = 0;
  for (const b of plan.blocks) n += b.values.length;
  return n;
}

/** A cell's content as the plan's `expect` holds it. */
export function cellString(g: Grid, row: number, col: number): string {
  const e = g.error(row, col);
  if (e) return e;
  const v = g.value(row, col);
  return v === null || v === undefined ? '' : String(v);
}

/** The rectangle of `expect` as read from a grid. */
export function expectFrom(g: Grid, rect: Rect): InsertPlan['expect'] {
  const values: string[][] = [];
  for (let r = rect.top; r <= rect.bottom; r++) {
    const line: string[] = [];
    for (let c = rect.left; c <= rect.right; c++) line.push(cellString(g, r, c));
    values.push(line);
  }
  return { top: rect.top, left: rect.left, values };
}

/** The first cell where the grid differs from the plan's `expect`, or null. */
export function expectMismatch(plan: InsertPlan, read: (row: number, col: number) => string): { row: number; col: number } | null {
  const e = plan.expect;
  for (let i = 0; i < e.values.length; i++)
    for (let j = 0; j < e.values[i].length; j++) {
      const row = e.top + i;
      const col = e.left + j;
      if (read(row, col).trim() !== e.values[i][j].trim()) return { row, col };
    }
  return null;
}

/**
 * Where a merged area ends up when `n` whole rows are inserted at row `at` (the first new row): below, it moves down;
 * spanning the insertion point (top < at ≤ bottom), it grows; above, it stays. Excel behaves this way.
 */
export function shiftMerge(m: Rect, at: number, n: number): Rect {
  if (m.top >= at) return { top: m.top + n, left: m.left, bottom: m.bottom + n, right: m.right };
  if (m.bottom >= at) return { top: m.top, left: m.left, bottom: m.bottom + n, right: m.right };
  return m;
}

const overlaps = (a: Rect, b: Rect) => !(a.bottom < b.top || a.top > b.bottom || a.right < b.left || a.left > b.right);

/** The sheet after the plan: rows shifted, new rows written, merged areas grown and made. A new Grid. */
export function applyInsertPlan(g: Grid, plan: InsertPlan): Grid {
  // Old rows first, shifted.
  const cells: { row: number; col: number; value: CellValue; text: string; error?: string }[] = [];
  for (let r = 0; r < g.rowCount; r++)
    for (let c = 0; c < g.colCount; c++) {
      const value = g.value(r, c);
      const text = g.rawText(r, c);
      const error = g.error(r, c);
      if (value === null && text === '' && !error) continue;
      cells.push({ row: finalRow(plan, r), col: c, value, text, error });
    }
  let merges: Rect[] = g.merges.map((m) => ({ ...m }));
  for (const b of plan.blocks) merges = merges.map((m) => shiftMerge(m, b.after + 1, b.values.length));
  for (const b of plan.blocks) {
    const { first } = newRows(plan, b);
    b.values.forEach((line, i) =>
      line.forEach((v, j) => {
        if (v !== '') cells.push({ row: first + i, col: plan.left + j, value: v, text: v });
      }),
    );
  }
  // Merging keeps the top-left value only, as spreadsheets do.
  const hidden = new Set<string>();
  for (const m of plan.merges) {
    merges = merges.filter((x) => !overlaps(x, m));
    merges.push({ ...m });
    for (let r = m.top; r <= m.bottom; r++) for (let c = m.left; c <= m.right; c++) if (r !== m.top || c !== m.left) hidden.add(r + ':' + c);
  }
  const out = new Grid(g.name);
  // Later writes win (new rows are written after the shifted old ones).
  const last = new Map<string, number>();
  cells.forEach((c, i) => last.set(c.row + ':' + c.col, i));
  cells.forEach((c, i) => {
    const k = c.row + ':' + c.col;
    if (last.get(k) !== i || hidden.has(k)) return;
    out.setCell(c.row, c.col, c.error ? { value: c.value, text: c.text, error: c.error } : { value: c.value, text: c.text });
  });
  for (const m of merges) out.addMerge(m);
  return out;
}

/** The columns an InsertPlan block writes (relative to the plan's left): from the first to the last non-blank one. */
export function valueSpan(values: string[][]): [number, number] | null {
  let lo = Infinity;
  let hi = -1;
  for (const line of values)
    line.forEach((v, j) => {
      if (v === '') return;
      if (j < lo) lo = j;
      if (j > hi) hi = j;
    });
  return hi < 0 ? null : [lo, hi];
}
