// Issue 11 through the real Excel adapter over the fake office-js: with scope 当前工作表 a check of one sheet
// replaces that sheet's marks only (the other sheets keep theirs and their rows in 审核意见), and a check started on
// the findings sheet itself checks the sheets its findings are about, never wipes marks or writes "未发现问题".
import * as path from 'path';
import { FakeWorkbook, installFakeOffice, FakeOffice, keyCol, keyRow } from '../src/fakes/excel';
import { createExcelHost } from '../src/hosts/excel';
import { annotateText } from '../src/core/i18n/host';
import { TaskPaneSession } from '../src/taskpane/session';
import { FIXTURES, loadGrids } from './helpers/load';

let fake: FakeOffice | null = null;
afterEach(() => {
  if (fake) fake.uninstall();
  fake = null;
});

/** Every filled or noted cell of a sheet: "A1" → fill + note. */
function marksOf(wb: FakeWorkbook, sheet: string): Record<string, string> {
  const s = wb.sheet(sheet)!;
  const out: Record<string, string> = {};
  for (const k of new Set([...s.cells.keys(), ...s.notes.keys()])) {
    const v = s.cell(keyRow(k), keyCol(k));
    if (v.fill || v.note) out[keyRow(k) + ':' + keyCol(k)] = `${v.fill}|${v.note}`;
  }
  return out;
}

function findingsColumn(wb: FakeWorkbook): string[] {
  const f = wb.sheet(annotateText.sheetName)!;
  const out: string[] = [];
  for (let r = 1; r < f.rowCount; r++) out.push(f.cell(r, 1).text + '|' + f.cell(r, 5).text);
  return out;
}

it('per-sheet checks keep the other sheets\' marks and findings rows; a check on 审核意见 changes nothing', async () => {
  const grids = await loadGrids(path.join(FIXTURES, '004_d64ddf90eec77ce7.per-sheet.xlsx'));
  const wb = FakeWorkbook.fromGrids(grids);
  fake = installFakeOffice(wb, { apiLevel: '1.18' });
  const session = new TaskPaneSession(createExcelHost(), { yieldToUi: () => Promise.resolve() });
  const [first, second] = grids.map((g) => g.name);

  await session.check('workbook');
  const firstMarks = marksOf(wb, first);
  expect(Object.keys(firstMarks).length).toBeGreaterThan(0);
  const firstRows = findingsColumn(wb).filter((r) => r.startsWith(first + '|'));
  expect(firstRows.length).toBeGreaterThan(0);

  wb.activeSheet = second;
  await session.check('sheet');
  expect(session.getState().notice).toBeNull();
  expect(marksOf(wb, first)).toEqual(firstMarks);
  expect(findingsColumn(wb).filter((r) => r.startsWith(first + '|'))).toEqual(firstRows);
  expect(findingsColumn(wb).some((r) => r.startsWith(second + '|'))).toBe(true);

  // Started on the findings sheet: the pane checks the sheets the findings are about (and says so); nothing is
  // wiped, no "未发现问题", and the marks come out as they were.
  const before = wb.snapshot();
  wb.activeSheet = annotateText.sheetName;
  await session.check('sheet');
  expect(session.getState().summary!.tables).toBe(12);
  expect(session.getState().notice!.kind).toBe('info');
  expect(marksOf(wb, first)).toEqual(firstMarks);
  expect(findingsColumn(wb).filter((r) => r.startsWith(first + '|'))).toEqual(firstRows);
  expect(wb.snapshot()).toEqual(before);
  expect(findingsColumn(wb).some((r) => r.includes(annotateText.noFindings))).toBe(false);
});
