// The host contract for the WPS adapter over the fake ET (on the same in-memory workbook model as the fake office-js).
// ET's legacy comments are the host's notes; there are no separate threads, so no users' comments.
import { FakeWorkbook } from '../../src/fakes/excel';
import { FakeEt, createFakeEt } from '../../src/fakes/wps/et';
import { createWpsHost } from '../../src/hosts/wps';
import { EtSheetStore, STORE_SHEET } from '../../src/hosts/wps/store';
import { RecordStore } from '../../src/core/record';
import { ContractSubject, describeHostContract } from './host-contract';
import { fakeState, fakeWorkbookOf } from './fake-workbook';

const isStore = (name: string) => name.toLowerCase() === STORE_SHEET.toLowerCase();

function subject(wb: FakeWorkbook): ContractSubject {
  let et: FakeEt | null = createFakeEt(wb);
  const app = et.app;
  // The contract's injected faults hit the user's cells; the record store (here a very hidden sheet, in Excel the
  // document settings) is not one of them. A failing store is tested in test/wps-adapter.test.ts.
  const guard = wb.guardWrite.bind(wb);
  wb.guardWrite = (sheet, where) => (isStore(sheet.name) ? undefined : guard(sheet, where));
  /** The contract damages the record through this store: each change goes into the workbook at once, as in Excel. */
  const store = (): RecordStore => {
    const st = new EtSheetStore(() => app.ActiveWorkbook!);
    return {
      get: (k) => st.get(k),
      set: (k, v) => {
        st.set(k, v);
        void st.save();
      },
      remove: (k) => {
        st.remove(k);
        void st.save();
      },
      save: () => st.save(),
    };
  };
  return {
    host: createWpsHost(app),
    // The record's very hidden sheet is not something the user sees.
    state: () => fakeState(wb, isStore),
    store,
    reopen: async () => subject(FakeWorkbook.fromJSON(JSON.parse(JSON.stringify(wb.toJSON())))),
    failAfterWrites: (n) => {
      wb.failAfterWrites = n;
    },
    protect: (sheet) => {
      wb.sheet(sheet)!.protected = true;
    },
    dispose: () => {
      if (et) et.close();
      et = null;
    },
  };
}

describeHostContract('WPS adapter over the fake ET', { cellText: 'note', userComments: false, whiteIsNone: false }, async (input) => subject(await fakeWorkbookOf(input)));
