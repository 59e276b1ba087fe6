// The host contract for the Excel adapter over the fake office-js, at each simulated client level.
import { FakeOffice, FakeWorkbook, installFakeOffice } from '../../src/fakes/excel';
import { createExcelHost } from '../../src/hosts/excel';
import { settingsRecordStore } from '../../src/hosts/excel/record';
import { ContractSubject, describeHostContract } from './host-contract';
import { fakeState, fakeWorkbookOf } from './fake-workbook';

for (const level of ['1.1', '1.9', '1.13', '1.18']) {
  const subject = (wb: FakeWorkbook): ContractSubject => {
    let fake: FakeOffice | null = installFakeOffice(wb, { apiLevel: level, target: null });
    const host = createExcelHost({ Excel: fake.Excel as never, Office: fake.Office as never });
    return {
      host,
      state: () => fakeState(wb),
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
    async (input) => subject(await fakeWorkbookOf(input)),
  );
}
