// One input file, start to finish: read, check, compare with last year, review, annotated copy. Runs in a worker
// thread (pool.ts) or in the main thread; either way it never throws: every failure is the file's `error`.
import { Grid, parseRange } from '../core/grid';
import { Diagnostic } from '../core/diagnostic';
import { CheckOptions, CheckResult } from '../core/check';
import { ReportFile, tableIndexOf, toReportFile } from '../core/report';
import { MarkWriteError } from '../core/marking';
import { RecordError } from '../core/record';
import { reviewFile } from '../core/review';
import { BaselineIndex, ProjectSnapshot, compareWithBaseline, snapshotOf } from '../core/baseline';
import { cliText } from '../core/i18n/cli';
import { WorkbookHost } from './deps';
import { fsReason, writeReason } from './inputs';
import { claim, removeQuietly } from './outputs';

export interface Job {
  /** Position in the run: results are reported in this order. */
  index: number;
  abs: string;
  display: string;
  /** Known before reading (not found, not a regular file…): the file's error. */
  knownError?: string;
  /**
   * Write the annotated copy to this hidden temporary path (tempName: created exclusively here); the main thread
   * gives it its final name, or removes it when the file fails or runs out of time.
   */
  annotateTo?: string;
  /** Only read and parse: the projects' snapshots for --baseline. */
  snapshot?: boolean;
}

export interface JobOptions {
  profile?: string;
  /** Last year's projects (--baseline). */
  baseline?: ProjectSnapshot[];
  debug?: boolean;
}

export interface Outcome {
  index: number;
  entry: ReportFile;
  /** The annotated copy's temporary file, or why none was written (Chinese). */
  annotate?: { ok: true; tmp: string } | { ok: false; reason: string };
  snapshots?: ProjectSnapshot[];
  /** --baseline: tables of this file with no last-year match. */
  unmatched?: number;
  /** Wall time of this file, ms. */
  ms: number;
  /** PTCHECK_DEBUG=1: the underlying error, for stderr. */
  debug?: string;
}

export interface JobContext {
  host: WorkbookHost;
  check: (grids: Grid[], options: CheckOptions) => CheckResult;
  options: JobOptions;
}

const VALUE_MAX = 200;

function cellValue(grids: Map<string, Grid>, sheet: string, cell: string): string | undefined {
  const g = grids.get(sheet);
  if (!g) return undefined;
  try {
    const r = parseRange(cell.replace(/\$/g, ''));
    const t = g.effectiveText(r.top, r.left);
    return t.length > VALUE_MAX ? t.slice(0, VALUE_MAX) + '…' : t;
  } catch {
    return undefined;
  }
}

const stackOf = (e: unknown) => String((e as Error)?.stack || e);

export async function runJob(job: Job, ctx: JobContext): Promise<Outcome> {
  const t0 = Date.now();
  const done = (o: Omit<Outcome, 'index' | 'ms'>): Outcome => ({ index: job.index, ms: Date.now() - t0, ...o });
  const failed = (error: string, e?: unknown): Outcome =>
    done({
      entry: { file: job.display, tables: [], diagnostics: [], error, verdict: null },
      ...(job.annotateTo ? { annotate: { ok: false, reason: error } } : {}),
      ...(e !== undefined && ctx.options.debug ? { debug: stackOf(e) } : {}),
    });
  if (job.knownError) return failed(job.knownError);

  let grids: Grid[];
  try {
    grids = await ctx.host.readGrids(job.abs);
  } catch (e) {
    // The reader's own errors carry a Chinese reason; anything else (zip or XML parser) does not.
    return failed(ctx.host.isReadError(e) ? (e as Error).message : fsReason(e, cliText.unreadableWorkbook), e);
  }
  let res: CheckResult;
  try {
    res = ctx.check(grids, ctx.options.profile ? { profile: ctx.options.profile } : {});
  } catch (e) {
    return failed(cliText.checkFailed, e);
  }
  if (job.snapshot) {
    return done({ entry: { file: job.display, tables: [], diagnostics: [], error: null }, snapshots: res.tables.map((c) => snapshotOf(c.table, job.display)) });
  }

  let diagnostics: Diagnostic[] = res.diagnostics;
  let unmatched: number | undefined;
  if (ctx.options.baseline) {
    // A fresh index per file: each last-year project pairs with at most one table of this file.
    const index = new BaselineIndex(ctx.options.baseline);
    unmatched = 0;
    const extra: Diagnostic[] = [];
    res.tables.forEach((c, i) => {
      const last = index.match(c.table);
      if (last) extra.push(...compareWithBaseline(c.table, i, last));
      else unmatched!++;
    });
    if (extra.length) diagnostics = diagnostics.concat(extra);
  }

  const entry = toReportFile({ file: job.display, tables: res.tables, diagnostics, error: null, unread: res.unread });
  const bySheet = new Map(grids.map((g) => [g.name, g]));
  for (const d of entry.diagnostics) {
    const v = cellValue(bySheet, d.sheet, d.cell);
    if (v !== undefined) d.value = v;
  }
  const review = reviewFile(entry.tables.length, entry.diagnostics, (d) => tableIndexOf(d, entry.tables));
  review.projects.forEach((p) => {
    entry.tables[p.table].verdict = p.verdict;
    entry.tables[p.table].counts = p.counts;
  });
  entry.verdict = review.verdict;
  entry.counts = review.counts;

  let annotate: Outcome['annotate'];
  let debug: string | undefined;
  if (job.annotateTo) {
    const tmp = job.annotateTo;
    try {
      claim(tmp);
      await ctx.host.writeAnnotatedCopy(job.abs, tmp, diagnostics);
      annotate = { ok: true, tmp };
    } catch (e) {
      removeQuietly(tmp);
      // A read failure of the copy's loader is a read problem; anything else happened while writing.
      // The mark mechanism's own refusals (a protected sheet, a damaged record) already say why, in Chinese.
      const own = e instanceof MarkWriteError || e instanceof RecordError;
      annotate = { ok: false, reason: ctx.host.isReadError(e) || own ? (e as Error).message : writeReason(e, cliText.internalError) };
      if (ctx.options.debug) debug = stackOf(e);
    }
  }
  return done({ entry, annotate, unmatched, ...(debug ? { debug } : {}) });
}
