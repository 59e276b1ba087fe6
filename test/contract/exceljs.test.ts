// The host contract for the ExcelJS host (the CLI's annotated copy): the core mechanism over an ExcelJS workbook,
// cells read back through the CLI's own .xlsx reader, save and reopen through ExcelJS.
import ExcelJS from 'exceljs';
import { Diagnostic } from '../../src/core/diagnostic';
import { Grid, toA1 } from '../../src/core/grid';
import * as marking from '../../src/core/marking';
import { MarkBackend } from '../../src/core/mark-backend';
import { peekRecord } from '../../src/core/record';
import { cellNoteText, loadWithMerges } from '../../src/hosts/workbook/exceljs-load';
import { RECORD_SHEET, exceljsFillKey, exceljsMarkBackend, sheetRecordStore } from '../../src/hosts/workbook/marks';
import { readGridsFromBuffer } from '../../src/hosts/workbook/read';
import { addSheet } from '../../src/hosts/workbook/fill';
import { ContractHost, ContractSubject, NeutralWorkbook, WorkbookState, describeHostContract } from './host-contract';

async function load(buf: ExcelJS.Buffer | Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await loadWithMerges(wb, () => wb.xlsx.load(buf as ExcelJS.Buffer));
  return wb;
}

async function workbookOf(input: NeutralWorkbook): Promise<ExcelJS.Workbook> {
  if ('file' in input) {
    const wb = new ExcelJS.Workbook();
    await loadWithMerges(wb, () => wb.xlsx.readFile(input.file));
    return wb;
  }
  const wb = new ExcelJS.Workbook();
  for (const s of input.sheets) {
    const ws = wb.addWorksheet(s.name);
    for (const c of s.cells) {
      const cell = ws.getCell(c.row + 1, c.col + 1);
      cell.value = c.value;
      if (c.fill) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF' + c.fill.slice(1) } };
    }
    for (const m of s.merges) ws.mergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
    for (const n of s.notes || []) ws.getCell(n.row + 1, n.col + 1).note = n.text;
  }
  // As a file would come: saved and loaded once.
  return load(await wb.xlsx.writeBuffer());
}

function state(wb: ExcelJS.Workbook): WorkbookState {
  const out: WorkbookState = { sheets: wb.worksheets.filter((w) => w.name !== RECORD_SHEET).map((w) => w.name), cells: {} };
  for (const ws of wb.worksheets) {
    if (ws.name === RECORD_SHEET) continue;
    const cells: WorkbookState['cells'][string] = {};
    ws.eachRow({ includeEmpty: true }, (row, r) => {
      row.eachCell({ includeEmpty: true }, (cell, c) => {
        let v = cell.value as unknown;
        if (v && typeof v === 'object' && 'result' in (v as object)) v = (v as { result: unknown }).result;
        const value = v === undefined || v === null || v === '' ? null : (v as string | number);
        const key = exceljsFillKey(cell.fill);
        const fill = key === '' ? null : key;
        const note = cell.note !== undefined && cell.note !== null ? cellNoteText(cell.note) : null;
        if (value === null && fill === null && note === null) return;
        cells[toA1(r - 1, c - 1)] = { value, fill, note, comment: null };
      });
    });
    out.cells[ws.name] = cells;
  }
  return out;
}

/** Counts cell writes and fails the one after `left`, as a disk or library might mid-way. */
function faulty(b: MarkBackend, budget: { left: number | null }): MarkBackend {
  const spend = (n: number) => {
    if (budget.left === null) return;
    if (budget.left < n) {
      budget.left = null;
      throw new Error('injected write failure');
    }
    budget.left -= n;
  };
  return {
    ...b,
    setFill(sheet, rects, key) {
      for (const r of rects) spend((r.bottom - r.top + 1) * (r.right - r.left + 1));
      b.setFill(sheet, rects, key);
    },
    addNote(sheet, a, t) {
      spend(1);
      b.addNote(sheet, a, t);
    },
    setNoteText(sheet, a, t) {
      spend(1);
      b.setNoteText(sheet, a, t);
    },
    deleteNote(sheet, a) {
      spend(1);
      b.deleteNote(sheet, a);
    },
    addFindingsSheet(name, rows) {
      spend(1);
      return b.addFindingsSheet(name, rows);
    },
  };
}

function subject(wb: ExcelJS.Workbook): ContractSubject {
  const budget: { left: number | null } = { left: null };
  const backend = () => faulty(exceljsMarkBackend(wb), budget);
  const own = () => {
    const rec = peekRecord(sheetRecordStore(wb));
    return rec && rec.findings ? rec.findings.name : '';
  };
  const host: ContractHost = {
    async sheetNames() {
      return wb.worksheets.map((w) => w.name).filter((n) => n !== RECORD_SHEET && n !== own());
    },
    async readSheets(names: string[]): Promise<Grid[]> {
      const grids = await readGridsFromBuffer(Buffer.from(await wb.xlsx.writeBuffer()));
      return grids.filter((g) => names.includes(g.name) && g.name !== own());
    },
    applyMarks(diagnostics: readonly Diagnostic[], grids: readonly Grid[], options = {}) {
      const mergeAt = (sheet: string, row: number, col: number) => grids.find((g) => g.name === sheet)?.mergeAt(row, col);
      return marking.applyMarks(backend(), diagnostics, { ...options, mergeAt });
    },
    clearMarks: (options) => marking.clearMarks(backend(), options),
    hasMarks: async () => marking.hasMarks(backend()),
    addRemark: (input) => marking.addRemark(backend(), input),
    removeRemark: (id) => marking.removeRemark(backend(), id),
    ignoreFinding: (d, by) => marking.ignoreFinding(backend(), d, by),
    unignoreFinding: (key) => marking.unignoreFinding(backend(), key),
    reviewState: async () => marking.reviewState(backend()),
    updateReview: (change) => marking.updateReview(backend(), change),
    // The CLI writes templates with ExcelJS (ptcheck fill); it inserts no library rows.
    writeSheet: async (ops) => ({ sheet: addSheet(wb, ops).name }),
  };
  return {
    host,
    state: () => state(wb),
    store: () => sheetRecordStore(wb),
    reopen: async () => subject(await load(await wb.xlsx.writeBuffer())),
    failAfterWrites: (n) => {
      budget.left = n;
    },
    protect: (sheet) => {
      (wb.getWorksheet(sheet) as unknown as { sheetProtection: unknown }).sheetProtection = { sheet: true };
    },
  };
}

describeHostContract('ExcelJS host (CLI annotated copy)', { cellText: 'note', userComments: false, whiteIsNone: false }, async (input) => subject(await workbookOf(input)));
