// Sheets for the Excel adapter tests, the bench and the playground: fixtures read by the real .xlsx reader, and big sheets made by
// stacking a fixture's tables, all as FakeWorkbook sheets.
import { Grid } from '../../core/grid';
import { FakeSheetInit, gridSheet } from './workbook';

/**
 * One sheet holding `copies` copies of a grid's rows stacked with two blank rows between copies (merges moved
 * along): fixture 000 has 15 project tables, so 67 copies make about 1,000 stacked tables.
 */
export function stackedSheet(g: Grid, copies: number, name = g.name): FakeSheetInit {
  const base = gridSheet(g);
  const height = g.rowCount + 2;
  const out: FakeSheetInit = { name, cells: [], merges: [] };
  for (let k = 0; k < copies; k++) {
    const dr = k * height;
    for (const c of base.cells) out.cells.push({ ...c, row: c.row + dr });
    for (const m of base.merges) out.merges.push({ top: m.top + dr, left: m.left, bottom: m.bottom + dr, right: m.right });
  }
  return out;
}

/** A plain data sheet: rows × cols of numbers and text, no merges. */
export function dataSheet(name: string, rows: number, cols: number): FakeSheetInit {
  const cells: FakeSheetInit['cells'] = [];
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) cells.push(c % 2 ? { row: r, col: c, value: r * cols + c } : { row: r, col: c, value: `r${r}c${c}` });
  }
  return { name, cells, merges: [] };
}
