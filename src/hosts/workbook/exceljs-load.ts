// ExcelJS helpers shared by the Node host and the browser playground. Loading a workbook with ExcelJS without its quadratic merge registration: `Worksheet.mergeCells` compares each
// new merge with every earlier one (≈48 s for 19,000 merges). The model's merge list is taken away before
// ExcelJS applies it, then applied one merge at a time against an empty index. No Node APIs: the browser
// playground loads workbooks with it too.
import type ExcelJS from 'exceljs';

/**
 * Runs `load` (wb.xlsx.readFile or wb.xlsx.load) with the merge fix. Returns each worksheet's merge refs
 * ("A1:B3"), keyed by worksheet id, as the file listed them.
 */
export async function loadWithMerges(wb: ExcelJS.Workbook, load: () => Promise<unknown>): Promise<Map<number, string[]>> {
  type SheetModel = { id: number; mergeCells?: string[] };
  const xlsx = wb.xlsx as unknown as { reconcile(model: { worksheets: SheetModel[] }, options: unknown): void };
  const reconcile = xlsx.reconcile.bind(xlsx);
  const merges = new Map<number, string[]>();
  xlsx.reconcile = (model, options) => {
    reconcile(model, options);
    for (const ws of model.worksheets) {
      merges.set(ws.id, ws.mergeCells || []);
      ws.mergeCells = [];
    }
  };
  await load();
  for (const ws of wb.worksheets) {
    const refs = merges.get(ws.id);
    if (!refs || !refs.length) continue;
    const sheet = ws as unknown as { _merges: Record<string, unknown> };
    const all: Record<string, unknown> = {};
    for (const ref of refs) {
      sheet._merges = {};
      try {
        ws.mergeCellsWithoutStyle(ref);
      } catch {
        continue; // a malformed ref: skip that merge, keep the sheet
      }
      Object.assign(all, sheet._merges);
    }
    sheet._merges = all;
  }
  return merges;
}

/** A cell note's plain text (ExcelJS gives a string or rich-text runs). */
export function cellNoteText(note: ExcelJS.Cell['note'] | undefined): string {
  if (!note) return '';
  if (typeof note === 'string') return note;
  return (note.texts || []).map((t) => t.text).join('');
}
