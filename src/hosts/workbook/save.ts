// Saving an ExcelJS workbook: written beside the target and renamed, so a failure never leaves half a workbook
// under the final name (and never a broken copy over a file the user already had there).
import * as fs from 'fs';
import * as path from 'path';
import type ExcelJS from 'exceljs';

export async function saveWorkbook(wb: ExcelJS.Workbook, outPath: string): Promise<void> {
  const tmp = path.join(path.dirname(outPath), `.${path.basename(outPath)}.${process.pid}.tmp`);
  try {
    await wb.xlsx.writeFile(tmp);
    await fs.promises.rename(tmp, outPath);
  } catch (e) {
    await fs.promises.rm(tmp, { force: true });
    throw e;
  }
}
