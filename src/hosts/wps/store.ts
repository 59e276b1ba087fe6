// Where the marks record (src/core/record.ts) lives in WPS: a very hidden sheet of the workbook itself.
//
// Why not the alternatives (measured with the fake ET's call counter, test/wps-adapter.test.ts "record store"):
//   - Application.PluginStorage is per add-in and not persisted (et-jsapi-declare: "不会持久化"): the record would
//     be gone after WPS restarts, and 清除标记 after reopen could not restore anything.
//   - Custom document properties persist, but VBA (and so, assumed, ET) limits a text property to 255 characters:
//     a record of a 1,000-table sheet (≈ 200 KB) would take ≈ 800 properties, each Add or Delete a bridge call or
//     two, and the file's 属性 dialog fills with them.
//   - A very hidden sheet (Visible = xlSheetVeryHidden: not listed under 取消隐藏, saved in .xlsx and .et) holds
//     30,000 characters per cell (ET's cell limit is 32,767), so any record is one Value2 write and one read.
// The layout is the CLI's (src/hosts/workbook/marks.ts: RECORD_SHEET, keys in column A, values in B), so a copy
// annotated by `ptcheck` can be cleared in WPS and the other way round. Values are written with a leading apostrophe,
// so ET keeps them as text (a part of the JSON could read as a number). The sheet is deleted with the last key.
import { RecordStore } from '../../core/record';
import { RECORD_SHEET } from '../workbook/marks';
import { EtWorkbook, EtWorksheet, XL } from './et';
import { normalise2D } from './read';
import { addNamedSheet } from './write';

export const STORE_SHEET = RECORD_SHEET;
/** The largest value written to one cell. */
export const STORE_PART_CHARS = 30000;

export class EtSheetStore implements RecordStore {
  private values: Map<string, string> | null = null;
  /** Rows the sheet holds now. */
  private rows = 0;

  constructor(private readonly workbook: () => EtWorkbook) {}

  private sheet(): EtWorksheet | null {
    try {
      return this.workbook().Sheets.Item(STORE_SHEET);
    } catch {
      return null;
    }
  }

  private load(): Map<string, string> {
    if (this.values) return this.values;
    const map = new Map<string, string>();
    const ws = this.sheet();
    this.rows = 0;
    if (ws) {
      const used = ws.UsedRange;
      const n = used.Row - 1 + used.Rows.Count;
      this.rows = n;
      for (const [k, v] of normalise2D(ws.Range(`A1:B${n}`).Value2, n, 2)) {
        if (typeof k === 'string' && k) map.set(k, v === null || v === undefined ? '' : String(v));
      }
    }
    this.values = map;
    return map;
  }

  /** Forgets what was read (the user, or another page of the add-in, may have changed the workbook since). */
  reset(): void {
    this.values = null;
  }

  get(key: string): unknown {
    return this.load().get(key);
  }

  set(key: string, value: string): void {
    this.load().set(key, value);
  }

  remove(key: string): void {
    this.load().delete(key);
  }

  async save(): Promise<void> {
    const values = this.load();
    const wb = this.workbook();
    let ws = this.sheet();
    if (!values.size) {
      if (ws) ws.Delete();
      this.rows = 0;
      return;
    }
    if (!ws) {
      const active = wb.ActiveSheet;
      ws = addNamedSheet(wb, STORE_SHEET).ws;
      ws.Visible = XL.sheetVeryHidden;
      // Adding a sheet activates it: back to the user's sheet.
      if (active) active.Activate();
      this.rows = 0;
    }
    const rows: string[][] = [];
    for (const [k, v] of values) rows.push(["'" + k, "'" + v]);
    if (this.rows > rows.length) ws.Range(`A${rows.length + 1}:B${this.rows}`).Value2 = null;
    ws.Range(`A1:B${rows.length}`).Value2 = rows;
    this.rows = rows.length;
  }
}
