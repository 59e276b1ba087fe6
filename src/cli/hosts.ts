// The real workbook host, imported only through a dynamic import in main.ts (see CliDeps.host).
import { readGrids, WorkbookReadError } from '../hosts/workbook/read';
import { writeAnnotatedCopy } from '../hosts/workbook/annotate';
import { WorkbookHost } from './deps';

export const workbookHost: WorkbookHost = {
  readGrids,
  writeAnnotatedCopy,
  isReadError: (e: unknown) => e instanceof WorkbookReadError,
};
