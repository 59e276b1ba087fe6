// Merged areas for hosts that cannot report them (Excel before ExcelApi 1.13). The engine reads most tables the
// same without merges (blank cells under an 一级 name already count as that name), except where a label spans two
// rows of the printed form: "预算规模及资金用途" (amounts on its first row, the purpose text on the second) and
// "资金支出计划" (months, then shares). There a blank cell under the label, in a row that carries values to the
// label's right, is read as the label's merged continuation. Pure: only Grid in, rectangles out.
import { Grid, Rect } from './grid';
import { metaLabel, MetaLabel } from './labels';

/** Labels whose printed form spans two rows. */
const TWO_ROW_LABELS: ReadonlySet<MetaLabel> = new Set<MetaLabel>(['budgetBlock', 'plan']);

/** The merges a reader without merged-area support should assume (none where the grid already has merges). */
export function inferMerges(grid: Grid): Rect[] {
  if (grid.merges.length) return [];
  const out: Rect[] = [];
  for (let r = 0; r + 1 < grid.rowCount; r++) {
    for (const c of grid.filledCols(r)) {
      const label = metaLabel(grid.rawText(r, c));
      if (!label || !TWO_ROW_LABELS.has(label)) continue;
      if (grid.rawText(r + 1, c).trim() !== '') continue;
      // The row below must continue the block: values right of the label, and no label of its own there.
      const right = grid.filledCols(r + 1).filter((x) => x > c);
      if (!right.length || metaLabel(grid.rawText(r + 1, right[0]))) continue;
      out.push({ top: r, left: c, bottom: r + 1, right: c });
    }
  }
  return out;
}

/** Adds the inferred merges to the grid; returns how many were added. */
export function addInferredMerges(grid: Grid): number {
  const merges = inferMerges(grid);
  for (const m of merges) grid.addMerge(m);
  return merges.length;
}
