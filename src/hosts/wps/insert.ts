// Inserting whole rows from a plan (src/core/rows.ts) through ET: the WPS twin of src/hosts/excel/insert.ts.
//   1. the plan's `expect` cells are read (one Value2); if the sheet no longer holds them, nothing is changed;
//   2. per block, bottom-up: Range("r1:r2").Insert(xlShiftDown, xlFormatFromLeftOrAbove) — the new rows take the
//      formats of the row above, as the Excel adapter's copyFrom does — then the block's cells in one Value2 (typed by
//      the core's one policy, planInput: a plain number as that number, other text kept as text), then the merged
//      areas unmerged and merged at their new size (DisplayAlerts off: Merge asks before dropping values).
// ET has no rollback: a failure after the first insertion says so (the user can undo with Ctrl+Z).
import { rectToA1 } from '../../core/grid';
import { libraryPaneText } from '../../core/i18n/library';
import { WpsStep, wpsStepText, wpsText } from '../../core/i18n/wps';
import { InsertPlan, expectMismatch, newRows, rowsInserted, valueSpan } from '../../core/rows';
import { planInput } from '../../core/template/ops';
import { EtApplication, EtWorksheet, XL } from './et';
import { WpsHostError, etErrorDetail } from './errors';
import { quiet } from './marks';
import { normalise2D } from './read';

/** The rectangles the plan writes values into (final rows): the add-in's own writes, not the user's. */
export function insertWriteRects(plan: InsertPlan): string[] {
  const out: string[] = [];
  for (const b of plan.blocks) {
    const span = valueSpan(b.values);
    const { first, count } = newRows(plan, b);
    if (span) out.push(rectToA1({ top: first, left: plan.left + span[0], bottom: first + count - 1, right: plan.left + span[1] }));
  }
  return out;
}

export async function insertRowsEt(app: EtApplication, ws: EtWorksheet, plan: InsertPlan): Promise<{ inserted: number }> {
  let step: WpsStep = 'read';
  let changed = false;
  try {
    const e = plan.expect;
    const width = e.values.length ? e.values[0].length : 0;
    if (e.values.length && width) {
      const rect = { top: e.top, left: e.left, bottom: e.top + e.values.length - 1, right: e.left + width - 1 };
      const values = normalise2D(ws.Range(rectToA1(rect)).Value2, e.values.length, width);
      const bad = expectMismatch(plan, (row, col) => {
        const v = values[row - e.top][col - e.left];
        return v === null || v === undefined ? '' : String(v);
      });
      if (bad) throw new WpsHostError('insert', libraryPaneText.sheetChanged);
    }
    if (ws.ProtectContents) throw new WpsHostError('insert', wpsText.protectedSheet(ws.Name));
    await quiet(app, async () => {
      step = 'insert';
      // Bottom-up: each insertion leaves the rows above it, and so the next block's row number, where they were.
      for (const b of plan.blocks) {
        ws.Range(`${b.after + 2}:${b.after + 1 + b.values.length}`).Insert(XL.shiftDown, XL.formatFromLeftOrAbove);
        changed = true;
      }
      step = 'values';
      for (const b of plan.blocks) {
        const span = valueSpan(b.values);
        if (!span) continue;
        const { first, count } = newRows(plan, b);
        const rect = { top: first, left: plan.left + span[0], bottom: first + count - 1, right: plan.left + span[1] };
        ws.Range(rectToA1(rect)).Value2 = b.values.map((line) => line.slice(span[0], span[1] + 1).map(planInput));
      }
      step = 'merges';
      for (const m of plan.merges) {
        const range = ws.Range(rectToA1(m));
        range.UnMerge();
        range.Merge();
      }
    });
    return { inserted: rowsInserted(plan) };
  } catch (err) {
    if (err instanceof WpsHostError) throw err;
    const detail = etErrorDetail(err);
    const text = changed ? wpsText.insertFailed(wpsStepText[step], detail) : wpsText.failed(wpsStepText[step], detail);
    throw new WpsHostError(step, text, err);
  }
}
