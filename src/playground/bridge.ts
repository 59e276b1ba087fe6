// The playground's one link to the fake hosts: the in-memory workbook, and over it either a fake Excel client at a
// chosen API level with the real Excel adapter, or the fake ET object model (WPS 表格) with the real WPS adapter.
// "Reopen" keeps the workbook (and what the add-in saved in it), as closing the file and opening it in another
// Excel, or in WPS, would.
import { createExcelHost } from '../hosts/excel';
import { createWpsHost } from '../hosts/wps';
import { SheetHost } from '../hosts/host';
import { FakeOffice, FakeWorkbook, installFakeOffice } from '../fakes/excel';
import { FakeEt, createFakeEt } from '../fakes/wps/et';
import { SheetData, ExportSheet } from './xlsx';
import { ViewSheet } from './SheetView';

/** An Excel client at an ExcelApi level, or WPS 表格. */
export type ApiLevel = '1.1' | '1.9' | '1.13' | '1.18' | 'wps';
export const API_LEVELS: ApiLevel[] = ['1.1', '1.9', '1.13', '1.18', 'wps'];

export interface Bridge {
  level: ApiLevel;
  host: SheetHost;
  /** Visible sheets, in order. */
  sheets(): (ViewSheet & ExportSheet)[];
  activeSheet(): string;
  selection(): { sheet: string; address: string } | null;
  activate(name: string): void;
  /** A click on a cell: it becomes the selection, as in Excel. */
  select(sheet: string, address: string): void;
  /** A user edit, typed as in Excel (fires the worksheet's change events). */
  edit(sheet: string, row: number, col: number, text: string): void;
  subscribe(listener: () => void): () => void;
  /** The same workbook opened by a client at another API level (the old client is closed). */
  reopen(level: ApiLevel): Bridge;
  /** Every sheet (hidden ones too) for the download. */
  exportSheets(): ExportSheet[];
}

/** The fake client and the real adapter over it. */
function client(wb: FakeWorkbook, level: ApiLevel): { host: SheetHost; close(): void } {
  if (level === 'wps') {
    const et: FakeEt = createFakeEt(wb);
    return { host: createWpsHost(et.app), close: () => et.close() };
  }
  // Its simulated Excel runs in the page: it yields like the real one, whose work happens in another process.
  const fake: FakeOffice = installFakeOffice(wb, { apiLevel: level, target: null, sliceMs: 25 });
  return { host: createExcelHost({ Excel: fake.Excel, Office: fake.Office }), close: () => fake.uninstall() };
}

function bridgeOver(wb: FakeWorkbook, level: ApiLevel): Bridge {
  const { host, close } = client(wb, level);
  const view = (visibleOnly: boolean) =>
    wb.sheets
      .filter((s) => !visibleOnly || s.visibility === 'Visible')
      .map((s) => ({
        name: s.name,
        rowCount: s.rowCount,
        colCount: s.colCount,
        merges: s.merges,
        cell: (r: number, c: number) => s.cell(r, c),
      }));
  return {
    level,
    host,
    sheets: () => view(true),
    activeSheet: () => wb.activeSheet,
    selection: () => (wb.selection ? { sheet: wb.selection.sheet, address: wb.selection.address } : null),
    activate: (name) => {
      wb.activeSheet = name;
    },
    select: (sheet, address) => wb.select(sheet, address),
    edit: (sheet, row, col, text) => {
      void wb.editCell(sheet, row, col, text);
    },
    subscribe: (listener) => wb.subscribe(() => listener()),
    reopen: (next) => {
      close();
      return bridgeOver(wb, next);
    },
    exportSheets: () => view(false),
  };
}

export function openBridge(sheets: SheetData[], level: ApiLevel): Bridge {
  return bridgeOver(FakeWorkbook.fromSheets(sheets), level);
}
