// The host contract for the Excel adapter over the fake office-js, at each simulated client level.
import { readGrids } from '../../src/hosts/workbook/read';
import { FakeOffice, FakeSheetInit, FakeWorkbook, gridSheet, installFakeOffice, keyCol, keyRow } from '../../src/fakes/excel';
import { createExcelHost } from '../../src/hosts/excel';
import { settingsRecordStore } from '../../src/hosts/excel/record';
import { toA1 } from '../../src/core/grid';
import { ContractSubject, NeutralWorkbook, WorkbookState, describeHostContract } from './host-contract';

function state(wb: FakeWorkbook): WorkbookState {
  const out: WorkbookState = { sheets: wb.sheets.map((s) => s.name), cells: {} };
  for (const s of wb.sheets) {
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

async function workbookOf(input: NeutralWorkbook): Promise<FakeWorkbook> {
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

for (const level of ['1.1', '1.9', '1.13', '1.18']) {
  const subject = (wb: FakeWorkbook): ContractSubject => {
    let fake: FakeOffice | null = installFakeOffice(wb, { apiLevel: level, target: null });
    const host = createExcelHost({ Excel: fake.Excel as never, Office: fake.Office as never });
    return {
      host,
      state: () => state(wb),
      store: () => settingsRecordStore(fake!.Office.context.document.settings as never),
      reopen: async () => subject(FakeWorkbook.fromJSON(JSON.parse(JSON.stringify(wb.toJSON())))),
      failAfterWrites: (n) => {
        wb.failAfterWrites = n;
      },
      protect: (sheet) => {
        wb.sheet(sheet)!.protected = true;
      },
      dispose: () => {
        if (fake) fake.uninstall();
        fake = null;
      },
    };
  };
  describeHostContract(
    `Excel adapter, ExcelApi ${level}`,
    { cellText: level === '1.18' ? 'note' : level === '1.13' ? 'comment' : 'none', userComments: level >= '1.10' || level === '1.13' || level === '1.18', whiteIsNone: level === '1.1' },
    async (input) => subject(await workbookOf(input)),
  );
  void gridSheet;
}
