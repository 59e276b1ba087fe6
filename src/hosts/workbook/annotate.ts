// Writes a reviewer's copy of a workbook: flagged cells filled by severity with a note listing the findings,
// plus a findings sheet (审核意见) linking to every cell — through the core's one mark mechanism
// (src/core/marking.ts), over the workbook's own package (patch.ts) where it has the plain shape, else over ExcelJS
// (marks.ts), so the copy carries the same marks, note placement, findings-sheet
// name and rows as the task pane writes, and a record that restores it. The source file is never written to.
import type ExcelJS from 'exceljs';
import { Diagnostic } from '../../core/diagnostic';
import { readErrorText } from '../../core/i18n/host';
import * as fs from 'fs';
import { applyMarks, MarkSummary, MarkWriteError } from '../../core/marking';
import { checkWorkbookFile, openPackage, WorkbookReadError } from './read';
import { PatchedWorkbook, PatchUnsupported } from './patch';
import { loadWithMerges } from './exceljs-load';
import { exceljsMarkBackend } from './marks';
import { saveWorkbook, writeAtomically } from './save';

export async function writeAnnotatedCopy(srcPath: string, outPath: string, diagnostics: Diagnostic[], options: { patch?: boolean } = {}): Promise<void> {
  // The patcher reads under the reader's limits and keys nothing by workbook text; ExcelJS gets the file only after
  // the reader's checks and Chinese reasons (a DTD, a sheet named __proto__).
  const patched = options.patch === false ? null : await patchedCopy(srcPath, diagnostics);
  if (patched) return writeAtomically(outPath, (tmp) => fs.promises.writeFile(tmp, patched));
  await checkWorkbookFile(srcPath);
  const wb = await loadWorkbook(srcPath);
  await markWorkbook(wb, diagnostics);
  await saveWorkbook(wb, outPath);
}

/**
 * The copy as bytes, written by patching the package (patch.ts), or null when the workbook is not in the shape the
 * patcher edits (then ExcelJS writes it). The mechanism's own refusals (a protected sheet) are thrown as they are.
 */
export async function patchedCopy(srcPath: string, diagnostics: readonly Diagnostic[]): Promise<Buffer | null> {
  const pkg = await openPackage(srcPath);
  try {
    const wb = await PatchedWorkbook.open(pkg);
    await wb.prepare();
    await applyMarks(wb.backend(), diagnostics, { mergeAt: wb.mergeAt });
    return await wb.toBuffer();
  } catch (e) {
    if (e instanceof PatchUnsupported || (e instanceof MarkWriteError && e.original instanceof PatchUnsupported)) return null;
    if (e instanceof WorkbookReadError || e instanceof MarkWriteError) throw e;
    // Anything else is a gap of the patcher: ExcelJS writes the copy instead.
    if (process.env.PTCHECK_DEBUG) process.stderr.write(`patch: ${String((e as Error)?.stack || e)}\n`);
    return null;
  } finally {
    await pkg.close();
  }
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
  // Loaded on first use: most copies are patched (patch.ts) and a worker need not load ExcelJS at all.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { Workbook } = require('exceljs') as typeof ExcelJS;
  const wb = new Workbook();
  try {
    await loadWithMerges(wb, () => wb.xlsx.readFile(srcPath));
  } catch (e) {
    // ExcelJS's own text is English ("malformed character entity"): the user gets the Chinese reason only.
    throw new WorkbookReadError(readErrorText.corrupt(readErrorText.reason.unreadable) + (e instanceof Error && process.env.PTCHECK_DEBUG ? ` [${e.message}]` : ''));
  }
  return wb;
}
