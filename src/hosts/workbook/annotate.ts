// Writes a reviewer's copy of a workbook: flagged cells filled by severity with a note listing the findings,
// plus a findings sheet (审核意见) linking to every cell — through the core's one mark mechanism
// (src/core/marking.ts) over ExcelJS (marks.ts), so the copy carries the same marks, note placement, findings-sheet
// name and rows as the task pane writes, and a record that restores it. The source file is never written to.
import ExcelJS from 'exceljs';
import { Diagnostic } from '../../core/diagnostic';
import { readErrorText } from '../../core/i18n/host';
import { applyMarks, MarkSummary } from '../../core/marking';
import { checkWorkbookFile, WorkbookReadError } from './read';
import { loadWithMerges } from './exceljs-load';
import { exceljsMarkBackend } from './marks';
import { saveWorkbook } from './save';

export async function writeAnnotatedCopy(srcPath: string, outPath: string, diagnostics: Diagnostic[]): Promise<void> {
  // Same checks and Chinese reasons as reading, before ExcelJS sees the file.
  await checkWorkbookFile(srcPath);
  const wb = await loadWorkbook(srcPath);
  await markWorkbook(wb, diagnostics);
  await saveWorkbook(wb, outPath);
}

/** Marks an ExcelJS workbook in memory (the marks of an earlier run of the copy are restored first). */
export function markWorkbook(wb: ExcelJS.Workbook, diagnostics: readonly Diagnostic[]): Promise<MarkSummary> {
  // A finding inside a merged area is shown on its master cell, as the pane hosts do.
  const mergeAt = (sheet: string, row: number, col: number) => {
    const ws = wb.getWorksheet(sheet);
    if (!ws) return undefined;
    const master = ws.getCell(row + 1, col + 1).master;
    const r = Number(master.row) - 1;
    const c = Number(master.col) - 1;
    return r === row && c === col ? undefined : { top: r, left: c, bottom: r, right: c };
  };
  return applyMarks(exceljsMarkBackend(wb), diagnostics, { mergeAt });
}

/** Full ExcelJS load: the copy must keep everything ExcelJS can keep. */
async function loadWorkbook(srcPath: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  try {
    await loadWithMerges(wb, () => wb.xlsx.readFile(srcPath));
  } catch (e) {
    // ExcelJS's own text is English ("malformed character entity"): the user gets the Chinese reason only.
    throw new WorkbookReadError(readErrorText.corrupt(readErrorText.reason.unreadable) + (e instanceof Error && process.env.PTCHECK_DEBUG ? ` [${e.message}]` : ''));
  }
  return wb;
}
