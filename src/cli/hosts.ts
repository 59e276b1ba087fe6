// The real workbook host, imported only through a dynamic import in main.ts (see CliDeps.host).
// The annotating half loads ExcelJS, so it is loaded on first use: a check without --out never pays for it.
import { readGrids, WorkbookReadError } from '../hosts/workbook/read';
import { WorkbookHost } from './deps';

export const workbookHost: WorkbookHost = {
  readGrids,
  writeAnnotatedCopy: async (src, out, diagnostics) => (await import('../hosts/workbook/annotate')).writeAnnotatedCopy(src, out, diagnostics),
  isReadError: (e: unknown) => e instanceof WorkbookReadError,
};
