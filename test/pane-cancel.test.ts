// Long work in the task pane yields and can be cancelled: a check cancelled while the cells are being marked
// (over the Excel adapter and its fake) leaves every cell as before and keeps the findings listed; detection runs
// in steps that give the host a turn every few hundred rows.
import * as path from 'path';
import { FakeOffice, FakeWorkbook, installFakeOffice } from '../src/fakes/excel';
import { createExcelHost } from '../src/hosts/excel';
import { detectSteps, detectTables } from '../src/core/detect';
import { taskpaneText as T } from '../src/core/i18n/taskpane';
import { TaskPaneSession } from '../src/taskpane/session';
import { fakeState } from './contract/fake-workbook';
import { FIXTURES, loadGrids } from './helpers/load';

let fake: FakeOffice | null = null;
afterEach(() => {
  if (fake) fake.uninstall();
  fake = null;
  jest.restoreAllMocks();
});

const MARKING_PREFIX = T.progress.markingCells(0, 0).replace(/（.*$/, '');

describe('cancel while marking', () => {
  it('takes off what was written, says so, and keeps the findings', async () => {
    const grids = await loadGrids(path.join(FIXTURES, '000_24cde7d862e1b3bb.xlsx'));
    const wb = FakeWorkbook.fromGrids(grids);
    fake = installFakeOffice(wb, { apiLevel: '1.18' });
    const before = fakeState(wb);
    // Every pause counts as a full slice, so the session yields (and sees the cancel) at each of them.
    let clock = 0;
    jest.spyOn(performance, 'now').mockImplementation(() => (clock += 1000));
    let session: TaskPaneSession | null = null;
    let yieldsWhileMarking = 0;
    const yieldToUi = async () => {
      const st = session!.getState();
      if (st.progress && st.progress.label.indexOf(MARKING_PREFIX) === 0 && ++yieldsWhileMarking === 1) session!.cancel();
    };
    session = new TaskPaneSession(createExcelHost(), { yieldToUi });
    await session.check('workbook', 'auto');
    const st = session.getState();
    expect(yieldsWhileMarking).toBe(1);
    expect(st.notice).toEqual({ kind: 'info', text: T.markCancelled });
    expect(st.hasMarks).toBe(false);
    expect(st.busy).toBeNull();
    expect(st.summary!.counts.total).toBeGreaterThan(0);
    expect(session.allFindings().length).toBe(st.summary!.counts.total);
    expect(fakeState(wb)).toEqual(before);
    // The next check marks as usual.
    yieldsWhileMarking = 5;
    await session.check('workbook', 'auto');
    expect(session.getState().hasMarks).toBe(true);
    expect(session.getState().notice).toBeNull();
  });
});

describe('detectSteps', () => {
  it('yields at least every 512 rows and ends with what detectTables finds', async () => {
    const files = require('fs').readdirSync(FIXTURES).filter((f: string) => f.endsWith('.xlsx'));
    expect(files.length).toBeGreaterThanOrEqual(6);
    let stepped = 0;
    for (const f of files) {
      for (const g of await loadGrids(path.join(FIXTURES, f))) {
        const steps = detectSteps(g);
        let s = steps.next();
        let yields = 0;
        while (!s.done) {
          yields++;
          s = steps.next();
        }
        expect(yields).toBeGreaterThanOrEqual(Math.floor(g.rowCount / 512));
        expect(s.value).toEqual(detectTables(g));
        stepped += yields;
      }
    }
    expect(stepped).toBeGreaterThan(0);
  });
});
