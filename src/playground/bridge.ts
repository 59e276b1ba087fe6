// The playground's one link to the fake office-js: the in-memory workbook, a fake Excel client at a chosen API
// level, and the real Excel adapter over it. "Reopen at another level" keeps the workbook (and what the add-in
// saved in its settings), as closing and reopening the file in another Excel would.
import { createExcelHost } from '../hosts/excel';
import { SheetHost } from '../hosts/host';
import { FakeOffice, FakeWorkbook, installFakeOffice } from '../fakes/excel';
import { SheetData, ExportSheet } from './xlsx';
import { ViewSheet } from './SheetView';

export type ApiLevel = '1.1' | '1.9' | '1.13' | '1.18';
export const API_LEVELS: ApiLevel[] = ['1.1', '1.9', '1.13', '1.18'];

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

function bridgeOver(wb: FakeWorkbook, level: ApiLevel): Bridge {
  const fake: FakeOffice = installFakeOffice(wb, { apiLevel: level, target: null });
  const host = createExcelHost({ Excel: fake.Excel, Office: fake.Office });
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
      fake.uninstall();
      return bridgeOver(wb, next);
    },
    exportSheets: () => view(false),
  };
}

export function openBridge(sheets: SheetData[], level: ApiLevel): Bridge {
  return bridgeOver(FakeWorkbook.fromSheets(sheets), level);
}
