// The JSON check report (docs/report-format.md). Its shape is a contract read by other tools:
// fields may be added, never renamed or dropped. Pure core: no Node APIs, so any host can build it.
import { z } from 'zod';
import { SeveritySchema, Diagnostic, severityRank } from './diagnostic';
import { TableKindSchema, displayName } from './model';
import { CheckedTable } from './check';
import { parseA1, parseRange, Rect } from './grid';

// Objects pass unknown keys through: the contract allows additions, and a consumer validating a report
// written by a newer ptcheck must neither fail nor silently lose the new fields.
export const ReportToolSchema = z
  .object({
    name: z.literal('ptcheck'),
    version: z.string(),
    /** The --profile value, or 'auto' when each table's profile was chosen from its 一级 names. */
    profile: z.string(),
  })
  .passthrough();

export const ReportTableSchema = z
  .object({
    sheet: z.string(),
    range: z.string(),
    kind: TableKindSchema,
    name: z.string(),
    code: z.string(),
    /** Number of indicator rows. */
    indicators: z.number().int().nonnegative(),
    /** Added: the profile this table was checked against. */
    profile: z.string().optional(),
  })
  .passthrough();

export const ReportDiagnosticSchema = z
  .object({
    sheet: z.string(),
    cell: z.string(),
    severity: SeveritySchema,
    rule: z.string(),
    message: z.string(),
    suggestion: z.string().nullable(),
    /** Added: the suggestion as per-cell writes when it spans several cells (a spend plan, a split 指标值). */
    edits: z.array(z.object({ cell: z.string(), text: z.string() })).optional(),
    /** Added: index into the file's tables[], when the finding belongs to a table. */
    table: z.number().int().nonnegative().optional(),
  })
  .passthrough();

export const ReportFileSchema = z
  .object({
    file: z.string(),
    tables: z.array(ReportTableSchema),
    diagnostics: z.array(ReportDiagnosticSchema),
    /** Chinese reason when the file could not be read or checked; null otherwise. */
    error: z.string().nullable(),
    /** Added: sheets where no target table was found, with the reason (labels looked for, labels found). */
    sheetsWithoutTables: z.array(z.object({ sheet: z.string(), reason: z.string(), message: z.string() })).optional(),
  })
  .passthrough();

export const ReportSummarySchema = z
  .object({
    files: z.number().int().nonnegative(),
    tables: z.number().int().nonnegative(),
    indicators: z.number().int().nonnegative(),
    errors: z.number().int().nonnegative(),
    warnings: z.number().int().nonnegative(),
    infos: z.number().int().nonnegative(),
    /** Added: files whose `error` is set. */
    unreadable: z.number().int().nonnegative().optional(),
  })
  .passthrough();

export const ReportSchema = z
  .object({
    tool: ReportToolSchema,
    files: z.array(ReportFileSchema),
    summary: ReportSummarySchema,
  })
  .passthrough();

export type ReportTool = z.infer<typeof ReportToolSchema>;
export type ReportTable = z.infer<typeof ReportTableSchema>;
export type ReportDiagnostic = z.infer<typeof ReportDiagnosticSchema>;
export type ReportFile = z.infer<typeof ReportFileSchema>;
export type ReportSummary = z.infer<typeof ReportSummarySchema>;
export type Report = z.infer<typeof ReportSchema>;

/** What a host knows about one input after reading and checking it. */
export interface FileResult {
  /** The path as the user named it (or as found while walking a directory). */
  file: string;
  tables: CheckedTable[];
  diagnostics: Diagnostic[];
  /** Chinese reason when the file could not be read; tables and diagnostics are then ignored. */
  error?: string | null;
  /** Sheets without a target table and why (core/parse explainUnread). */
  unread?: { sheet: string; reason: string; message: string }[];
}

export function toReportTable(c: CheckedTable): ReportTable {
  const t = c.table;
  return {
    sheet: t.sheet,
    range: t.range,
    kind: t.kind,
    name: displayName(t),
    code: t.code.text.trim(),
    indicators: t.indicators.length,
    profile: c.profile,
  };
}

export function toReportDiagnostic(d: Diagnostic): ReportDiagnostic {
  const out: ReportDiagnostic = {
    sheet: d.sheet,
    cell: d.cell,
    severity: d.severity,
    rule: d.rule,
    message: d.message,
    // Always present in the contract; the engine may leave it undefined.
    suggestion: d.suggestion === undefined || d.suggestion === null ? null : d.suggestion,
  };
  if (typeof d.table === 'number') out.table = d.table;
  if (d.edits && d.edits.length) out.edits = d.edits.map((e) => ({ cell: e.cell, text: e.text }));
  return out;
}

function cellOrder(cell: string): { row: number; col: number } {
  try {
    const r = parseRange(cell);
    return { row: r.top, col: r.left };
  } catch {
    return { row: Number.MAX_SAFE_INTEGER, col: Number.MAX_SAFE_INTEGER };
  }
}

/** Sheet order of first appearance, then row, column and severity: reading order for a reviewer. */
function sortDiagnostics(diags: ReportDiagnostic[], sheetOrder: string[]): ReportDiagnostic[] {
  const sheetIdx = (s: string) => {
    const i = sheetOrder.indexOf(s);
    return i < 0 ? sheetOrder.length : i;
  };
  return diags
    .map((d, i) => ({ d, i, p: cellOrder(d.cell) }))
    .sort(
      (a, b) =>
        sheetIdx(a.d.sheet) - sheetIdx(b.d.sheet) ||
        a.p.row - b.p.row ||
        a.p.col - b.p.col ||
        severityRank[a.d.severity] - severityRank[b.d.severity] ||
        a.i - b.i,
    )
    .map((x) => x.d);
}

/** One file entry; drops the parsed tables so a long run keeps only this small summary in memory. */
export function toReportFile(r: FileResult): ReportFile {
  if (r.error) return { file: r.file, tables: [], diagnostics: [], error: r.error };
  const tables = r.tables.map(toReportTable);
  const sheets: string[] = [];
  for (const t of tables) if (sheets.indexOf(t.sheet) < 0) sheets.push(t.sheet);
  for (const d of r.diagnostics) if (sheets.indexOf(d.sheet) < 0) sheets.push(d.sheet);
  const out: ReportFile = {
    file: r.file,
    tables,
    diagnostics: sortDiagnostics(r.diagnostics.map(toReportDiagnostic), sheets),
    error: null,
  };
  if (r.unread && r.unread.length) out.sheetsWithoutTables = r.unread.map((u) => ({ sheet: u.sheet, reason: u.reason, message: u.message }));
  return out;
}

export function summarize(files: ReportFile[]): ReportSummary {
  const s: ReportSummary = { files: files.length, tables: 0, indicators: 0, errors: 0, warnings: 0, infos: 0, unreadable: 0 };
  for (const f of files) {
    if (f.error) s.unreadable = (s.unreadable || 0) + 1;
    s.tables += f.tables.length;
    for (const t of f.tables) s.indicators += t.indicators;
    for (const d of f.diagnostics) {
      if (d.severity === 'error') s.errors++;
      else if (d.severity === 'warning') s.warnings++;
      else s.infos++;
    }
  }
  return s;
}

/** The whole document from file entries already converted (the CLI converts each file as it goes). */
export function buildReport(tool: { version: string; profile?: string }, files: ReportFile[]): Report {
  return {
    tool: { name: 'ptcheck', version: tool.version, profile: tool.profile || 'auto' },
    files,
    summary: summarize(files),
  };
}

/** Convenience for hosts that hold all results at once. */
export function buildReportFromResults(tool: { version: string; profile?: string }, results: FileResult[]): Report {
  return buildReport(tool, results.map(toReportFile));
}

/** report-format.md: 2 if a file could not be read (wins), 1 if any error-level finding, else 0. */
export function reportExitCode(report: Report): 0 | 1 | 2 {
  if (report.files.some((f) => !!f.error)) return 2;
  return report.files.some((f) => f.diagnostics.some((d) => d.severity === 'error')) ? 1 : 0;
}

/**
 * The table (index into `tables`) a finding belongs to: the engine's own index when it gives one,
 * else the table on the same sheet whose range holds the finding's first cell; -1 for none.
 */
export function tableIndexOf(d: ReportDiagnostic, tables: ReportTable[]): number {
  if (typeof d.table === 'number' && d.table >= 0 && d.table < tables.length && tables[d.table].sheet === d.sheet) return d.table;
  let p: { row: number; col: number };
  try {
    p = parseA1(d.cell.split(':')[0]);
  } catch {
    return -1;
  }
  for (let i = 0; i < tables.length; i++) {
    const t = tables[i];
    if (t.sheet !== d.sheet) continue;
    let r: Rect;
    try {
      r = parseRange(t.range);
    } catch {
      continue;
    }
    if (p.row >= r.top && p.row <= r.bottom && p.col >= r.left && p.col <= r.right) return i;
  }
  return -1;
}
