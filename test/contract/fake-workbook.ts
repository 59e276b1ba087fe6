// The neutral workbook of the host contract as the fakes' in-memory workbook (shared by the Excel adapter over the
// fake office-js and the WPS adapter over the fake ET, which sit on the same model), and what the user sees in it.
import { readGrids } from '../../src/hosts/workbook/read';
import { FakeSheetInit, FakeWorkbook, keyCol, keyRow } from '../../src/fakes/excel';
import { toA1 } from '../../src/core/grid';
import { NeutralWorkbook, WorkbookState } from './host-contract';

/** Sheets the host keeps for itself and the user never sees (a very hidden record sheet) are left out. */
export function fakeState(wb: FakeWorkbook, hidden: (name: string) => boolean = () => false): WorkbookState {
  const sheets = wb.sheets.filter((s) => !hidden(s.name));
  const out: WorkbookState = { sheets: sheets.map((s) => s.name), cells: {} };
  for (const s of sheets) {
    const cells: WorkbookState['cells'][string] = {};
    const keys = new Set<number>([...s.cells.keys(), ...s.notes.keys(), ...s.comments.keys()]);
    for (const k of keys) {
      const v = s.cell(keyRow(k), keyCol(k));
      const fill = v.fill === null ? null : v.pattern ? `${v.fill}/${v.pattern}` : v.fill;
      if (v.value === null && fill === null && v.note === undefined && v.comment === undefined) continue;
      cells[toA1(keyRow(k), keyCol(k))] = { value: v.value === '' ? null : (v.value as string | number | null), fill, note: v.note ?? null, comment: v.comment ?? null };
    }
    out.cells[s.name] = cells;
  }
  return out;
}

export async function fakeWorkbookOf(input: NeutralWorkbook): Promise<FakeWorkbook> {
  if ('file' in input) return FakeWorkbook.fromGrids(await readGrids(input.file));
  const sheets: FakeSheetInit[] = input.sheets.map((s) => ({
    name: s.name,
    cells: s.cells.map((c) => ({ row: c.row, col: c.col, value: c.value, fill: c.fill })),
    merges: s.merges,
    notes: (s.notes || []).map((n) => ({ ...n, author: '张三' })),
    comments: (s.comments || []).map((n) => ({ ...n, author: '李四' })),
  }));
  return FakeWorkbook.fromSheets(sheets);
}
