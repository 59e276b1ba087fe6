// A finding about one cell (or a small range) of a table.
import { z } from 'zod';

export const SeveritySchema = z.enum(['error', 'warning', 'info']);
export type Severity = z.infer<typeof SeveritySchema>;

export const CellEditSchema = z.object({ cell: z.string(), text: z.string() });
export type CellEdit = z.infer<typeof CellEditSchema>;

export const DiagnosticSchema = z.object({
  sheet: z.string(),
  /** A1 address (or a range such as B7:E7). */
  cell: z.string(),
  severity: SeveritySchema,
  /** Stable id `family.name`. */
  rule: z.string(),
  message: z.string(),
  /** Corrected cell text where one is clear. */
  suggestion: z.string().nullable().optional(),
  /**
   * The suggestion as per-cell writes, when it spans several cells (a whole spend plan, the 符号 · 值 · 单位 cells of
   * a split layout); `suggestion` stays the joined text. Applying a fix writes these, in order, as one change.
   */
  edits: z.array(CellEditSchema).optional(),
  /** Index of the table in the file's table list (not part of the printed contract's required fields). */
  table: z.number().int().optional(),
});
export type Diagnostic = z.infer<typeof DiagnosticSchema>;

export const severityRank: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
