// What the CLI needs from the outside world, as one seam: main() uses the real workbook host and the
// process streams, tests swap in fakes (and could run before the workbook host existed).
import { Grid } from '../core/grid';
import { Diagnostic } from '../core/diagnostic';
import { CheckOptions, CheckResult } from '../core/check';

export interface WorkbookHost {
  readGrids(filePath: string): Promise<Grid[]>;
  writeAnnotatedCopy(srcPath: string, outPath: string, diagnostics: Diagnostic[]): Promise<void>;
  /** True for the reader's own failures, whose message is already a Chinese reason for the user. */
  isReadError(e: unknown): boolean;
}

export interface OutStream {
  write(chunk: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

export interface CliDeps {
  /** Loaded on demand: `--help` and `rules` should not pay for loading exceljs. */
  host: () => Promise<WorkbookHost>;
  check: (grids: Grid[], options: CheckOptions) => CheckResult;
  stdout: OutStream;
  stderr: OutStream;
  env: Record<string, string | undefined>;
  now: () => Date;
}

/** PTCHECK_DEBUG=1: the underlying error (with its stack) on stderr; otherwise users see only the Chinese reason. */
export function debug(deps: CliDeps, e: unknown): void {
  if (deps.env.PTCHECK_DEBUG === '1') deps.stderr.write(String((e as Error)?.stack || e) + '\n');
}
