// Where the record of what the add-in changed lives in WPS: a very hidden sheet of the workbook itself.
//
// Why not the alternatives (measured with the fake ET's call counter, test/wps-adapter.test.ts "record store"):
//   - Application.PluginStorage is per add-in and not persisted (et-jsapi-declare: "不会持久化"): the record would
//     be gone after WPS restarts, and 清除标记 after reopen could not restore anything.
//   - Custom document properties persist, but VBA (and so, assumed, ET) limits a text property to 255 characters:
//     a record of a 1,000-table sheet (≈ 200 KB) would take ≈ 800 properties, each Add or Delete a bridge call or
//     two, and the file's 属性 dialog fills with them.
//   - A very hidden sheet (Visible = xlSheetVeryHidden: not listed under 取消隐藏, saved in .xlsx and .et) holds
//     30,000 characters per cell (ET's cell limit is 32,767), so any record is one Value2 write: 8–12 calls to
//     save, 6–8 to load, whatever its size.
// The sheet holds key/value rows (A: key, B: value as JSON text, each written with a leading apostrophe so ET keeps
// it as text) and is deleted when the record is removed, so 清除标记 leaves no trace.
//
// It is the Office settings store's shape (get / set / remove / saveAsync), so the record's packing over keys is the
// one the Excel adapter uses (src/hosts/excel/record.ts): one format, two places to keep it.
import type { SettingsStore } from '../excel/record';
import { EtWorkbook, EtWorksheet, XL } from './et';
import { addNamedSheet } from './write';
import { normalise2D } from './read';

/** Name of the very hidden sheet (a user is unlikely to pick it; a sheet of that name that is not ours is left alone). */
export const STORE_SHEET = 'ptcheck_record';
/** Marks the sheet as ours in A1 (key column), so a user's sheet of the same name is never read or deleted. */
const STORE_TAG = 'ptcheck.store';

export class EtSheetStore {
  private values: Map<string, unknown> | null = null;
  private rows = 0;

  constructor(private readonly workbook: () => EtWorkbook) {}

  /** The store's sheet, or null when the workbook has none (or one of that name the add-in did not write). */
  private sheet(): EtWorksheet | null {
    let ws: EtWorksheet;
    try {
      ws = this.workbook().Sheets.Item(STORE_SHEET);
    } catch {
      return null;
    }
    return ws && ws.Range('A1').Value2 === STORE_TAG ? ws : null;
  }

  private load(): Map<string, unknown> {
    if (this.values) return this.values;
    const map = new Map<string, unknown>();
    const ws = this.sheet();
    this.rows = 0;
    if (ws) {
      const n = ws.UsedRange.Rows.Count;
      this.rows = n;
      if (n > 1) {
        for (const [k, v] of normalise2D(ws.Range(`A2:B${n}`).Value2, n - 1, 2)) {
          if (typeof k !== 'string' || typeof v !== 'string') continue;
          try {
            map.set(k, JSON.parse(v));
          } catch {
            // A damaged value reads as absent; the record's own check reports it.
          }
        }
      }
    }
    this.values = map;
    return map;
  }

  /** Forgets what was read (another page or the user may have changed the workbook since). */
  reset(): void {
    this.values = null;
  }

  get(name: string): unknown {
    const v = this.load().get(name);
    return v === undefined ? null : v;
  }

  set(name: string, value: unknown): void {
    this.load().set(name, value);
  }

  remove(name: string): void {
    this.load().delete(name);
  }

  /** Writes the values into the workbook (the callback style of Office.Settings.saveAsync). */
  saveAsync(a?: unknown, b?: unknown): void {
    const callback = (typeof a === 'function' ? a : b) as ((r: { status: string; error?: unknown }) => void) | undefined;
    try {
      this.flush();
      if (callback) callback({ status: 'succeeded' });
    } catch (e) {
      if (callback) callback({ status: 'failed', error: e });
    }
  }

  /** The store as the record's code expects it (Office.Settings' shape). */
  settings(): SettingsStore {
    return this as unknown as SettingsStore;
  }

  private flush(): void {
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
    const rows: string[][] = [[STORE_TAG, '']];
    for (const [k, v] of values) rows.push(["'" + k, "'" + JSON.stringify(v)]);
    if (this.rows > rows.length) ws.Range(`A${rows.length + 1}:B${this.rows}`).Value2 = null;
    ws.Range(`A1:B${rows.length}`).Value2 = rows;
    this.rows = rows.length;
  }
}
