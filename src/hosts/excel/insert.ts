/// <reference types="office-js" />
// Inserting whole rows from a plan (src/core/rows.ts), in 2 context.sync calls whatever its size:
//   1. the plan's `expect` cells are read; if the sheet no longer holds them (the user typed or inserted rows since the
//      plan was read), nothing is changed;
//   2. the blocks' whole rows are inserted bottom-up (Range.insert "Down" on "r1:r2", ExcelApi 1.1), each block's cells
//      written with one `values` assignment, the formats of the row above copied (Range.copyFrom "Formats", 1.9), and
//      the merged areas unmerged and merged at their new size (Range.unmerge/merge, 1.2).
// Values are typed by the core's one policy (planInput in core/template/ops.ts): a plain number as that number, any
// other text with a leading apostrophe, which Excel keeps as a prefix: "=100%", the 符号 "=" or "2023年12月" show and
// hold the text as given.
import { rectToA1 } from '../../core/grid';
import { libraryPaneText } from '../../core/i18n/library';
import { InsertPlan, expectMismatch, newRows, finalRow, rowsInserted, valueSpan } from '../../core/rows';
import { ExcelHostError } from './errors';
import { planInput } from '../../core/template/ops';

export interface InsertCaps {
  /** Range.merge / unmerge (ExcelApi 1.2). */
  merge: boolean;
  /** Range.copyFrom (ExcelApi 1.9). */
  copyFormats: boolean;
}

/** What the plan writes, as the addresses Excel's change events name (the add-in's own writes, not the user's). */
export function insertAddresses(plan: InsertPlan): string[] {
  const out: string[] = [];
  for (const b of plan.blocks) {
    out.push(`${b.after + 2}:${b.after + 1 + b.values.length}`);
    const span = valueSpan(b.values);
    const { first, count } = newRows(plan, b);
    if (span) out.push(rectToA1({ top: first, left: plan.left + span[0], bottom: first + count - 1, right: plan.left + span[1] }));
  }
  return out;
}

export async function insertRowsIn(context: Excel.RequestContext, sheet: string, plan: InsertPlan, caps: InsertCaps): Promise<{ inserted: number }> {
  const ws = context.workbook.worksheets.getItem(sheet);
  const e = plan.expect;
  const width = e.values.length ? e.values[0].length : 0;
  let check: Excel.Range | null = null;
  if (e.values.length && width) {
    check = ws.getRange(rectToA1({ top: e.top, left: e.left, bottom: e.top + e.values.length - 1, right: e.left + width - 1 }));
    check.load('values');
  }
  await context.sync(); // 1: the sheet as it is now
  if (check) {
    const values = check.values;
    const bad = expectMismatch(plan, (row, col) => {
      const v = values[row - e.top][col - e.left];
      return v === null || v === undefined ? '' : String(v);
    });
    if (bad) throw new ExcelHostError('SheetChanged', libraryPaneText.sheetChanged);
  }

  // Bottom-up: each insertion leaves the rows above it, and so the next block's row number, where they were.
  for (const b of plan.blocks) ws.getRange(`${b.after + 2}:${b.after + 1 + b.values.length}`).insert('Down');
  for (const b of plan.blocks) {
    const span = valueSpan(b.values);
    if (!span) continue;
    const { first, count } = newRows(plan, b);
    const range = ws.getRange(rectToA1({ top: first, left: plan.left + span[0], bottom: first + count - 1, right: plan.left + span[1] }));
    range.values = b.values.map((line) => line.slice(span[0], span[1] + 1).map(planInput));
  }
  if (caps.copyFormats) {
    for (const b of plan.blocks) {
      const { first, count } = newRows(plan, b);
      const from = finalRow(plan, b.formatRow);
      for (const [c0, c1] of b.formatCols) {
        const target = ws.getRange(rectToA1({ top: first, left: c0, bottom: first + count - 1, right: c1 }));
        target.copyFrom(ws.getRange(rectToA1({ top: from, left: c0, bottom: from, right: c1 })), 'Formats');
      }
    }
  }
  if (caps.merge) {
    for (const m of plan.merges) {
      const range = ws.getRange(rectToA1(m));
      range.unmerge();
      range.merge(false);
    }
  }
  await context.sync(); // 2: rows, cells, formats, merged areas
  return { inserted: rowsInserted(plan) };
}
