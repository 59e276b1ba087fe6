// An in-memory fake of the WPS ET object model subset the adapter uses (src/hosts/wps/et.ts), over the same
// FakeWorkbook model as the fake office-js (src/fakes/excel/workbook.ts): cells, merges, fills and sheets live
// there, so the tests, the playground and the bench can share one workbook; ET-only formats (fonts, alignment,
// borders per edge, widths in characters, heights, page setup, page breaks) live here per sheet. No Node imports.
//
//   const et = createFakeEt(FakeWorkbook.fromGrids(grids), { addReturnsNull: true });
//   writeSheetEt(et.app, ops);          // et.app is what `window.Application` is in WPS
//   et.snapshot()                       // cells, merges, styles, borders, widths, heights, page setup (A1 keys)
//   et.calls, et.callsByMember          // every property get/set and method call through et.app = one bridge call
//   et.failOn('Range.Borders', { error }) // that member throws (on get, set or call)
//   et.dialogs                          // confirmations a real ET would have shown (DisplayAlerts = true)
//
// What it models of ET (wps-addin.md §2): 1-based Item(), parameterised properties as methods, Value2 a scalar for
// one cell and row arrays otherwise, strings typed in as Excel types them (typedEntry: "25%" → 0.25, "=x" a formula,
// a leading apostrophe keeps text), BGR colours, VBA enum numbers, Sheets.Add returning null when asked (§2.3) and
// activating the new sheet, Merge asking before it drops values unless DisplayAlerts is false. Unknown members and
// writes to read-only ones throw, so a typo in the adapter fails here instead of silently doing nothing in WPS.
import { Rect, colToLetters, lettersToCol, rectToA1, toA1 } from '../../core/grid';
import { CVERR } from '../../hosts/wps/et';
import type {
  EtApiEvent, EtApplication, EtBorder, EtBorders, EtColor, EtComment, EtComments, EtFont, EtHPageBreaks, EtInterior, EtPageSetup, EtRange,
  EtSheetChangeHandler, EtSheets, EtWindow, EtWorkbook, EtWorksheet,
} from '../../hosts/wps/et';
import { FakeSheet, FakeValue, FakeWorkbook, MAX_COLS, MAX_ROWS, ValueChangeSink, cellKey, displayText, keyCol, keyRow } from '../excel/workbook';

// ---------------------------------------------------------------------------------------------------------------
// Host behaviour the fake assumes (numbers from wps-addin.md §2.3 where measured; Excel's where not).

/** ET's default column width in characters and its measured width in points (WPS 12.1.0.28043). */
export const ET_DEFAULT_COLUMN_WIDTH = 8.47;
export const etWidthPoints = (chars: number): number => 5.625 * chars + 3.35;
/** Default row height (宋体 11) in points. */
export const ET_DEFAULT_ROW_HEIGHT = 13.5;
/** Interior.Color of a cell without fill (white), as Excel reports it. */
const NO_FILL_BGR = 0xffffff;
/** Cells one per-cell operation may touch; more is a whole-column slip in the adapter, not a real workload. */
const MAX_CELLS_PER_CALL = 200000;

export const bgrToHex = (c: EtColor): string => {
  const r = c & 0xff;
  const g = (c >> 8) & 0xff;
  const b = (c >> 16) & 0xff;
  return '#' + [r, g, b].map((x) => x.toString(16).padStart(2, '0')).join('').toUpperCase();
};
export const hexToBgr = (hex: string): EtColor => {
  const n = parseInt(hex.replace('#', ''), 16);
  return ((n >> 16) & 0xff) + ((n >> 8) & 0xff) * 256 + (n & 0xff) * 65536;
};

// ---------------------------------------------------------------------------------------------------------------
// Neutral snapshot: A1 notation throughout (cells "B3", columns "C", rows "9"), ET's own units (characters, points).

export interface EtCellStyle {
  fontName?: string;
  fontSize?: number;
  bold?: boolean;
  fontColor?: string;
  /** XlHAlign / XlVAlign numbers. */
  horizontal?: number;
  vertical?: number;
  wrap?: boolean;
}

export interface EtEdge {
  lineStyle: number;
  weight: number;
  color?: string;
}

export interface EtPageSnapshot {
  paperSize: number;
  orientation: number;
  zoom: number | false;
  fitToPagesWide: number | false;
  fitToPagesTall: number | false;
  margins: { left: number; right: number; top: number; bottom: number; header: number; footer: number };
  centerHorizontally: boolean;
  printTitleRows: string;
  /** Rows (1-based) with a manual page break above them. */
  rowBreaks: number[];
}

export interface EtSheetSnapshot {
  name: string;
  /** A1 → stored value, display text, number format other than General, formula. */
  cells: Record<string, { value: FakeValue; text: string; numberFormat?: string; formula?: string }>;
  /** "A1:G1", sorted. */
  merges: string[];
  styles: Record<string, EtCellStyle>;
  /** "h:B5" = the line along the top of B5 (the bottom of B4); "v:B5" = along its left (the right of A5). */
  borders: Record<string, EtEdge>;
  /** "#RRGGBB" by A1. */
  fills: Record<string, string>;
  /** Column letters → ET characters, only columns set. */
  columnWidths: Record<string, number>;
  /** 1-based row → points, only rows set. */
  rowHeights: Record<string, number>;
  page: EtPageSnapshot;
}

export interface EtSnapshot {
  activeSheet: string;
  sheets: EtSheetSnapshot[];
}

// ---------------------------------------------------------------------------------------------------------------

export interface FakeEtOptions {
  /** Sheets.Add returns null (reported on some builds; the new sheet is still added). */
  addReturnsNull?: boolean;
  /** Sheets.Add activates the new sheet (true, as in Excel); false to test an adapter that relies on it. */
  addActivates?: boolean;
  ScreenUpdating?: boolean;
  DisplayAlerts?: boolean;
  /** What NumberFormat reads for General: zh-CN WPS says "G/通用格式" (reported), Excel "General". */
  generalFormat?: string;
  /** SheetChange also fires for the add-in's own writes (VBA events do, unless EnableEvents is off; assumed for ET). */
  ownWriteEvents?: boolean;
  /** Workbook.ProtectStructure. */
  protectStructure?: boolean;
  /** Sheets whose ProtectContents is true. */
  protectedSheets?: string[];
  /** Application.Build. */
  build?: string;
}

/** Value2 of a cell holding a formula error: its CVErr number. */
const ERROR_CODE: Record<string, number> = {};
for (const [n, text] of Object.entries(CVERR)) ERROR_CODE[text] = Number(n);

interface Failure {
  error?: unknown;
  /** Accesses that succeed before the first failure. */
  after: number;
  /** Failures left (Infinity: every access). */
  times: number;
}

/** Marks fake objects and names their ET class for counting and failOn ("Range.Merge"). */
const ET_CLASS = Symbol('etClass');

abstract class EtObject {
  abstract readonly [ET_CLASS]: string;
  constructor(readonly _et: FakeEt) {}
}

interface SheetState {
  styles: Map<number, EtCellStyle>;
  borders: Map<string, EtEdge>;
  columnWidths: Map<number, number>;
  rowHeights: Map<number, number>;
  page: EtPageSnapshot;
  breaks: Set<number>;
}

function defaultPage(): EtPageSnapshot {
  // WPS zh-CN defaults: A4 portrait, 100 %, Excel's "normal" margins.
  return {
    paperSize: 9, orientation: 1, zoom: 100, fitToPagesWide: 1, fitToPagesTall: 1,
    margins: { left: 50.4, right: 50.4, top: 54, bottom: 54, header: 21.6, footer: 21.6 },
    centerHorizontally: false, printTitleRows: '', rowBreaks: [],
  };
}

/** Members whose use changes the document (for "was the screen updating while we wrote"). */
const MUTATING_METHODS = new Set(['Merge', 'UnMerge', 'Add', 'Activate', 'Select', 'Delete', 'AddComment', 'ClearComments', 'Insert']);

export class FakeEt {
  readonly app: EtApplication;
  readonly wb: FakeWorkbook;
  readonly options: Required<Omit<FakeEtOptions, 'ScreenUpdating' | 'DisplayAlerts'>>;
  /** SheetChange handlers registered through Application.ApiEvent. */
  readonly changeHandlers: EtSheetChangeHandler[] = [];
  /** Window scroll position (1-based). */
  readonly window = { ScrollRow: 1, ScrollColumn: 1 };
  calls = 0;
  callsByMember: Record<string, number> = {};
  /** Document changes made while Application.ScreenUpdating was true (slow and flickering in ET). */
  visibleChanges = 0;
  /** Confirmation dialogs ET would have shown (the fake answers OK). */
  readonly dialogs: string[] = [];
  /** @internal */
  readonly appImpl: AppImpl;
  private readonly failures = new Map<string, Failure>();
  private readonly states = new WeakMap<FakeSheet, SheetState>();
  private readonly sheetImpls = new WeakMap<FakeSheet, WorksheetImpl>();
  private readonly proxies = new WeakMap<object, object>();
  private readonly targets = new WeakMap<object, object>();

  constructor(wb: FakeWorkbook, options: FakeEtOptions = {}) {
    this.wb = wb;
    this.options = {
      addReturnsNull: !!options.addReturnsNull,
      addActivates: options.addActivates !== false,
      generalFormat: options.generalFormat || 'G/通用格式',
      ownWriteEvents: options.ownWriteEvents !== false,
      protectStructure: !!options.protectStructure,
      protectedSheets: options.protectedSheets || [],
      build: options.build || '12.1.0.16910',
    };
    this.appImpl = new AppImpl(this);
    // A user's edit in the workbook model (the playground's sheet view, tests) fires SheetChange.
    this.sink = ({ sheet, rect, byAddin }) => {
      if (!byAddin) this.fireChange(sheet, rect);
    };
    wb.valueSinks.add(this.sink);
    if (options.ScreenUpdating !== undefined) this.appImpl.ScreenUpdating = options.ScreenUpdating;
    if (options.DisplayAlerts !== undefined) this.appImpl.DisplayAlerts = options.DisplayAlerts;
    this.app = this.wrap(this.appImpl);
  }

  /** Makes `member` ("Class.Member", e.g. "Range.Borders", "Application.ScreenUpdating") throw. */
  failOn(member: string, opts: { error?: unknown; after?: number; times?: number } = {}): void {
    this.failures.set(member, { error: opts.error, after: opts.after || 0, times: opts.times === undefined ? Infinity : opts.times });
  }

  clearFailures(): void {
    this.failures.clear();
  }

  private readonly sink: ValueChangeSink;

  /** WPS closed: no more events from the workbook model to this fake's handlers. */
  close(): void {
    this.wb.valueSinks.delete(this.sink);
    this.changeHandlers.length = 0;
  }

  /** @internal SheetChange to every handler, after the current call returns (as an event loop would). */
  fireChange(sheet: FakeSheet, rect: Rect): void {
    if (!this.changeHandlers.length) return;
    const handlers = this.changeHandlers.slice();
    setTimeout(() => {
      if (this.wb.sheets.indexOf(sheet) < 0) return;
      const ws = this.wrap(this.sheetImpl(sheet));
      const target = this.wrap(new RangeImpl(this, sheet, rect));
      for (const h of handlers) h(ws, target);
    }, 0);
  }

  resetStats(): void {
    this.calls = 0;
    this.callsByMember = {};
    this.visibleChanges = 0;
    this.dialogs.length = 0;
  }

  /** @internal ET-only state of a sheet. */
  state(s: FakeSheet): SheetState {
    let st = this.states.get(s);
    if (!st) {
      st = { styles: new Map(), borders: new Map(), columnWidths: new Map(), rowHeights: new Map(), page: defaultPage(), breaks: new Set() };
      this.states.set(s, st);
    }
    return st;
  }

  /** @internal One Worksheet object per sheet, so identity holds across calls. */
  sheetImpl(s: FakeSheet): WorksheetImpl {
    let w = this.sheetImpls.get(s);
    if (!w) this.sheetImpls.set(s, (w = new WorksheetImpl(this, s)));
    return w;
  }

  snapshot(): EtSnapshot {
    return { activeSheet: this.wb.activeSheet, sheets: this.wb.sheets.map((s) => this.sheetSnapshot(s)) };
  }

  sheetSnapshot(s: FakeSheet): EtSheetSnapshot {
    const st = this.state(s);
    const cells: EtSheetSnapshot['cells'] = {};
    const fills: Record<string, string> = {};
    for (const k of [...s.cells.keys()].sort((a, b) => a - b)) {
      const c = s.cells.get(k)!;
      const a1 = toA1(keyRow(k), keyCol(k));
      if (c.fill) fills[a1] = c.fill.color;
      if (c.value === null && !c.formula && !c.numberFormat) continue;
      const out: EtSheetSnapshot['cells'][string] = { value: c.value, text: displayText(c) };
      if (c.numberFormat && c.numberFormat !== 'General') out.numberFormat = c.numberFormat;
      if (c.formula) out.formula = c.formula;
      cells[a1] = out;
    }
    const styles: Record<string, EtCellStyle> = {};
    for (const k of [...st.styles.keys()].sort((a, b) => a - b)) styles[toA1(keyRow(k), keyCol(k))] = { ...st.styles.get(k)! };
    const borders: Record<string, EtEdge> = {};
    for (const k of [...st.borders.keys()].sort()) borders[k] = { ...st.borders.get(k)! };
    const columnWidths: Record<string, number> = {};
    for (const c of [...st.columnWidths.keys()].sort((a, b) => a - b)) columnWidths[colToLetters(c)] = st.columnWidths.get(c)!;
    const rowHeights: Record<string, number> = {};
    for (const r of [...st.rowHeights.keys()].sort((a, b) => a - b)) rowHeights[String(r + 1)] = st.rowHeights.get(r)!;
    return {
      name: s.name,
      cells,
      merges: s.merges.map(rectToA1).sort(),
      styles,
      borders,
      fills,
      columnWidths,
      rowHeights,
      page: { ...st.page, margins: { ...st.page.margins }, rowBreaks: [...st.breaks].sort((a, b) => a - b).map((r) => r + 1) },
    };
  }

  // -------------------------------------------------------------------------------------------------------------
  // The bridge: every object handed to the adapter is a Proxy that counts accesses and injects failures.

  /** @internal */
  wrap<T extends object>(target: T): T {
    const known = this.proxies.get(target);
    if (known) return known as T;
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    const et = this;
    const handler: ProxyHandler<T> = {
      get(t, p) {
        if (typeof p === 'symbol') return Reflect.get(t, p);
        const member = (t as unknown as EtObject)[ET_CLASS] + '.' + p;
        if (!(p in t) || p.startsWith('_')) throw new TypeError(`ET fake: ${member} is not part of the modelled object model`);
        et.access(member);
        const v = Reflect.get(t, p, t);
        if (typeof v === 'function') {
          return (...args: unknown[]) => {
            if (MUTATING_METHODS.has(p)) et.noteChange();
            return et.out(v.apply(t, args.map((a) => et.unwrap(a))));
          };
        }
        return et.out(v);
      },
      set(t, p, v) {
        if (typeof p === 'symbol') return Reflect.set(t, p, v);
        const member = (t as unknown as EtObject)[ET_CLASS] + '.' + p;
        if (!(p in t) || p.startsWith('_')) throw new TypeError(`ET fake: ${member} is not part of the modelled object model`);
        et.access(member);
        if (!(t instanceof AppImpl)) et.noteChange();
        if (!Reflect.set(t, p, et.unwrap(v), t)) throw new TypeError(`ET fake: ${member} is read-only`);
        return true;
      },
    };
    const proxy = new Proxy(target, handler);
    this.proxies.set(target, proxy);
    this.targets.set(proxy, target);
    return proxy;
  }

  private access(member: string): void {
    this.calls++;
    this.callsByMember[member] = (this.callsByMember[member] || 0) + 1;
    const f = this.failures.get(member);
    if (!f) return;
    if (f.after > 0) {
      f.after--;
      return;
    }
    if (f.times <= 0) return;
    f.times--;
    throw f.error !== undefined ? f.error : new Error(`ET fake: ${member} failed`);
  }

  private noteChange(): void {
    if (this.appImpl.ScreenUpdating) this.visibleChanges++;
  }

  private out(v: unknown): unknown {
    return v instanceof EtObject ? this.wrap(v) : v;
  }

  private unwrap(v: unknown): unknown {
    return v && typeof v === 'object' ? this.targets.get(v) || v : v;
  }
}

export function createFakeEt(wb: FakeWorkbook, options: FakeEtOptions = {}): FakeEt {
  return new FakeEt(wb, options);
}

// ---------------------------------------------------------------------------------------------------------------
// The object model. Methods and accessors are the ET members; everything else is prefixed `_` (unreachable from
// the adapter through the proxy).

class AppImpl extends EtObject implements EtApplication {
  readonly [ET_CLASS] = 'Application';
  ScreenUpdating = true;
  DisplayAlerts = true;
  get ActiveWorkbook(): EtWorkbook | null {
    return this._et.wb.sheets.length ? new WorkbookImpl(this._et) : null;
  }
  get ActiveSheet(): EtWorksheet | null {
    return this.ActiveWorkbook ? this.ActiveWorkbook.ActiveSheet : null;
  }
  get Selection(): unknown {
    const wb = this._et.wb;
    const s = wb.sheet(wb.selection.sheet);
    if (!s) return null;
    return new RangeImpl(this._et, s, parseEtAddress(wb.selection.address.split(',')[0]));
  }
  get ActiveWindow(): EtWindow | null {
    return this._et.wb.sheets.length ? new WindowImpl(this._et) : null;
  }
  get ApiEvent(): EtApiEvent {
    return new ApiEventImpl(this._et);
  }
  get Build(): string {
    return this._et.options.build;
  }
}

class WindowImpl extends EtObject implements EtWindow {
  readonly [ET_CLASS] = 'Window';
  get ScrollRow(): number {
    return this._et.window.ScrollRow;
  }
  set ScrollRow(v: number) {
    if (!Number.isInteger(v) || v < 1 || v > MAX_ROWS) throw new Error('ET fake: bad ScrollRow ' + v);
    this._et.window.ScrollRow = v;
  }
  get ScrollColumn(): number {
    return this._et.window.ScrollColumn;
  }
  set ScrollColumn(v: number) {
    if (!Number.isInteger(v) || v < 1 || v > MAX_COLS) throw new Error('ET fake: bad ScrollColumn ' + v);
    this._et.window.ScrollColumn = v;
  }
}

class ApiEventImpl extends EtObject implements EtApiEvent {
  readonly [ET_CLASS] = 'ApiEvent';
  AddApiEventListener(event: 'SheetChange', handler: EtSheetChangeHandler): unknown {
    if (event !== 'SheetChange') throw new Error('ET fake: only SheetChange is modelled');
    if (typeof handler !== 'function') throw new Error('ET fake: the handler must be a function');
    this._et.changeHandlers.push(handler);
    return true;
  }
  RemoveApiEventListener(event: 'SheetChange', handler: EtSheetChangeHandler): unknown {
    const i = this._et.changeHandlers.indexOf(handler);
    if (i >= 0) this._et.changeHandlers.splice(i, 1);
    return i >= 0;
  }
}

class WorkbookImpl extends EtObject implements EtWorkbook {
  readonly [ET_CLASS] = 'Workbook';
  get Sheets(): EtSheets {
    return new SheetsImpl(this._et, 'Sheets');
  }
  get Worksheets(): EtSheets {
    return new SheetsImpl(this._et, 'Worksheets');
  }
  get ActiveSheet(): EtWorksheet | null {
    const s = this._et.wb.sheet(this._et.wb.activeSheet);
    return s ? this._et.sheetImpl(s) : null;
  }
  get ProtectStructure(): boolean {
    return this._et.options.protectStructure;
  }
}

class SheetsImpl extends EtObject implements EtSheets {
  readonly [ET_CLASS]: string;
  constructor(et: FakeEt, kind: string) {
    super(et);
    this[ET_CLASS] = kind;
  }
  get Count(): number {
    return this._et.wb.sheets.length;
  }
  Item(index: number | string): EtWorksheet {
    const wb = this._et.wb;
    const s = typeof index === 'number' ? wb.sheets[index - 1] : wb.sheet(index);
    if (!s || (typeof index === 'number' && (index < 1 || !Number.isInteger(index)))) throw new Error(`下标越界 (Sheets.Item(${JSON.stringify(index)}))`);
    return this._et.sheetImpl(s);
  }
  Add(Before?: EtWorksheet | null, After?: EtWorksheet | null, Count?: number, Type?: number): EtWorksheet | null {
    if ((Count !== undefined && Count !== 1) || Type !== undefined) throw new Error('ET fake: Sheets.Add with Count/Type is not modelled');
    const wb = this._et.wb;
    const pos = (w: EtWorksheet | null | undefined): number => {
      const i = w instanceof WorksheetImpl ? wb.sheets.indexOf(w._sheet) : -1;
      if (w && i < 0) throw new Error('ET fake: Sheets.Add needs a sheet of this workbook');
      return i;
    };
    const active = wb.sheet(wb.activeSheet);
    // VBA: after `After`, else before `Before`, else before the active sheet.
    const at = After ? pos(After) + 1 : Before ? pos(Before) : active ? wb.sheets.indexOf(active) : wb.sheets.length;
    const taken = new Set(wb.sheets.map((s) => s.name.toLowerCase()));
    let n = wb.sheets.length + 1;
    while (taken.has(('Sheet' + n).toLowerCase())) n++;
    if (this._et.options.protectStructure) throw new Error('工作簿已受保护，无法插入工作表');
    const s = wb.addSheet('Sheet' + n);
    wb.sheets.splice(wb.sheets.indexOf(s), 1);
    wb.sheets.splice(at, 0, s);
    if (this._et.options.addActivates) wb.select(s.name, 'A1');
    return this._et.options.addReturnsNull ? null : this._et.sheetImpl(s);
  }
}

const BAD_NAME = /[[\]:*?/\\]/;

class WorksheetImpl extends EtObject implements EtWorksheet {
  readonly [ET_CLASS] = 'Worksheet';
  constructor(et: FakeEt, readonly _sheet: FakeSheet) {
    super(et);
  }
  get Name(): string {
    return this._sheet.name;
  }
  set Name(v: string) {
    const wb = this._et.wb;
    const old = this._sheet.name;
    if (typeof v !== 'string' || !v.length || Array.from(v).length > 31 || BAD_NAME.test(v) || /^'|'$/.test(v)) throw new Error(`工作表名称无效：${v}`);
    if (wb.sheets.some((s) => s !== this._sheet && s.name.toLowerCase() === v.toLowerCase())) throw new Error(`工作表名称已被占用：${v}`);
    const wasActive = wb.activeSheet === old;
    const sel = wb.selection;
    this._sheet.name = v;
    if (wasActive) wb.select(v, sel.sheet === old ? sel.address : 'A1');
    else if (sel.sheet === old) sel.sheet = v;
    wb.changed('sheets', v);
  }
  get Index(): number {
    return this._et.wb.sheets.indexOf(this._sheet) + 1;
  }
  Range(address: string): EtRange {
    const areas = parseEtAreas(address);
    return new RangeImpl(this._et, this._sheet, areas[0], areas);
  }
  Activate(): void {
    if (this._sheet.visibility !== 'Visible') throw new Error('Worksheet 类的 Activate 方法无效（工作表已隐藏）');
    this._et.wb.activeSheet = this._sheet.name;
  }
  get Visible(): number {
    return this._sheet.visibility === 'Visible' ? -1 : this._sheet.visibility === 'Hidden' ? 0 : 2;
  }
  set Visible(v: number) {
    const vis = v === -1 || (v as unknown) === true ? 'Visible' : v === 0 || (v as unknown) === false ? 'Hidden' : v === 2 ? 'VeryHidden' : null;
    if (!vis) throw new Error('ET fake: bad Visible ' + v);
    const wb = this._et.wb;
    if (vis !== 'Visible' && wb.sheets.filter((s) => s.visibility === 'Visible' && s !== this._sheet).length === 0) throw new Error('工作簿中至少要有一张可见的工作表');
    this._sheet.visibility = vis;
    if (vis !== 'Visible' && wb.activeSheet === this._sheet.name) {
      const next = wb.sheets.find((s) => s.visibility === 'Visible')!;
      wb.select(next.name, 'A1');
    }
    wb.changed('sheets', this._sheet.name);
  }
  Delete(): void {
    const wb = this._et.wb;
    if (this._et.options.protectStructure) throw new Error('工作簿已受保护，无法删除工作表');
    if (wb.sheets.filter((s) => s.visibility === 'Visible' && s !== this._sheet).length === 0) throw new Error('工作簿中至少要有一张可见的工作表');
    if (this._et.appImpl.DisplayAlerts) this._et.dialogs.push(`Delete ${this._sheet.name}: 要删除此工作表吗？`);
    wb.deleteSheet(this._sheet);
  }
  get UsedRange(): EtRange {
    const r = this._sheet.usedRect(false);
    return new RangeImpl(this._et, this._sheet, r || { top: 0, left: 0, bottom: 0, right: 0 });
  }
  get Comments(): EtComments {
    return new CommentsImpl(this._et, this._sheet);
  }
  get ProtectContents(): boolean {
    const n = this._sheet.name.toLowerCase();
    return this._sheet.protected || this._et.options.protectedSheets.some((p) => p.toLowerCase() === n);
  }
  get PageSetup(): EtPageSetup {
    return new PageSetupImpl(this._et, this._et.state(this._sheet).page);
  }
  get HPageBreaks(): EtHPageBreaks {
    return new HPageBreaksImpl(this._et, this._sheet);
  }
}

/** "A1", "$A$1:$C$3", "A:C", "1:3" → a rectangle (whole columns and rows span the sheet). */
/** VBA refuses a Range address longer than this (assumed for ET). */
export const MAX_ADDRESS_CHARS = 255;

/** "A1:B2,D4" → its areas. */
export function parseEtAreas(address: string): Rect[] {
  if (address.length > MAX_ADDRESS_CHARS) throw new Error('无效的单元格引用（地址超过 255 个字符）');
  return address.split(',').map(parseEtAddress);
}

export function parseEtAddress(address: string): Rect {
  const a = address.trim().toUpperCase();
  if (a.includes(',')) throw new Error('ET fake: multi-area addresses are only modelled for Range(): ' + address);
  let m = /^\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?$/.exec(a);
  let r: Rect | undefined;
  if (m) {
    const p = { row: Number(m[2]) - 1, col: lettersToCol(m[1]) };
    const q = m[3] ? { row: Number(m[4]) - 1, col: lettersToCol(m[3]) } : p;
    r = { top: Math.min(p.row, q.row), left: Math.min(p.col, q.col), bottom: Math.max(p.row, q.row), right: Math.max(p.col, q.col) };
  } else if ((m = /^\$?([A-Z]{1,3}):\$?([A-Z]{1,3})$/.exec(a))) {
    const [l, rr] = [lettersToCol(m[1]), lettersToCol(m[2])].sort((x, y) => x - y);
    r = { top: 0, left: l, bottom: MAX_ROWS - 1, right: rr };
  } else if ((m = /^\$?(\d+):\$?(\d+)$/.exec(a))) {
    const [t, b] = [Number(m[1]) - 1, Number(m[2]) - 1].sort((x, y) => x - y);
    r = { top: t, left: 0, bottom: b, right: MAX_COLS - 1 };
  }
  if (!r || r.top < 0 || r.left < 0 || r.bottom >= MAX_ROWS || r.right >= MAX_COLS) throw new Error('无效的单元格引用：' + address);
  return r;
}

/** Per-cell iteration with a guard against whole-sheet slips. */
function eachCell(r: Rect, f: (row: number, col: number) => void): void {
  if ((r.bottom - r.top + 1) * (r.right - r.left + 1) > MAX_CELLS_PER_CALL) throw new Error('ET fake: too many cells for one per-cell operation: ' + rectToA1(r));
  for (let row = r.top; row <= r.bottom; row++) for (let col = r.left; col <= r.right; col++) f(row, col);
}

/** The one value all cells share, or null (VBA's answer for a mixed range). */
function uniform<T>(r: Rect, get: (row: number, col: number) => T): T | null {
  let first = true;
  let v: T | null = null;
  let same = true;
  eachCell(r, (row, col) => {
    const x = get(row, col);
    if (first) {
      v = x;
      first = false;
    } else if (x !== v) same = false;
  });
  return same ? v : null;
}

const overlaps = (a: Rect, b: Rect) => !(a.right < b.left || a.left > b.right || a.bottom < b.top || a.top > b.bottom);

class RangeImpl extends EtObject implements EtRange {
  readonly [ET_CLASS] = 'Range';
  readonly _areas: Rect[];
  constructor(et: FakeEt, readonly _sheet: FakeSheet, readonly _rect: Rect, areas?: Rect[]) {
    super(et);
    this._areas = areas || [_rect];
  }
  /** Members other than Interior and Address work on one rectangle (as far as the adapter uses them). */
  _one(member: string): void {
    if (this._areas.length > 1) throw new Error(`ET fake: Range.${member} on a multi-area range is not modelled`);
  }
  get Row(): number {
    return this._rect.top + 1;
  }
  get Column(): number {
    return this._rect.left + 1;
  }
  get Rows(): { Count: number } {
    this._one('Rows');
    return new CountImpl(this._et, 'Rows', this._rect.bottom - this._rect.top + 1);
  }
  get Columns(): { Count: number } {
    this._one('Columns');
    return new CountImpl(this._et, 'Columns', this._rect.right - this._rect.left + 1);
  }
  Address(RowAbsolute?: boolean, ColumnAbsolute?: boolean): string {
    const abs = (a1: string) => {
      const m = /^([A-Z]+)(\d+)$/.exec(a1)!;
      return (ColumnAbsolute === false ? '' : '$') + m[1] + (RowAbsolute === false ? '' : '$') + m[2];
    };
    return this._areas
      .map((r) => {
        const a = abs(toA1(r.top, r.left));
        return r.top === r.bottom && r.left === r.right ? a : a + ':' + abs(toA1(r.bottom, r.right));
      })
      .join(',');
  }
  get Worksheet(): EtWorksheet {
    return this._et.sheetImpl(this._sheet);
  }
  get Text(): string | null {
    this._one('Text');
    const s = this._sheet;
    return uniform(this._rect, (r, c) => {
      const cell = s.cells.get(cellKey(r, c));
      return cell ? displayText(cell) : '';
    });
  }
  get MergeArea(): EtRange {
    this._one('MergeArea');
    const m = this._sheet.mergeAt(this._rect.top, this._rect.left);
    const single = this._rect.top === this._rect.bottom && this._rect.left === this._rect.right;
    // VBA: a multi-cell range not inside one merged area is its own MergeArea.
    if (m && (single || (this._rect.top >= m.top && this._rect.bottom <= m.bottom && this._rect.left >= m.left && this._rect.right <= m.right))) {
      return new RangeImpl(this._et, this._sheet, { ...m });
    }
    return this;
  }
  get Comment(): EtComment | null {
    this._one('Comment');
    const k = cellKey(this._rect.top, this._rect.left);
    return this._sheet.notes.has(k) ? new CommentImpl(this._et, this._sheet, this._rect.top, this._rect.left) : null;
  }
  ClearComments(): void {
    const s = this._sheet;
    this._et.wb.guardWrite(s, 'Range.ClearComments');
    for (const a of this._areas) eachCell(a, (r, c) => s.notes.delete(cellKey(r, c)));
    this._et.wb.changed('notes', s.name);
  }
  AddComment(Text: string): EtComment {
    this._one('AddComment');
    if (typeof Text !== 'string') throw new Error('ET fake: AddComment takes a string');
    const k = cellKey(this._rect.top, this._rect.left);
    if (this._sheet.notes.has(k)) throw new Error('AddComment 方法无效（单元格已有批注）');
    this._et.wb.guardWrite(this._sheet, 'Range.AddComment');
    this._sheet.notes.set(k, { content: Text, author: 'WPS' });
    this._et.wb.changed('notes', this._sheet.name);
    return new CommentImpl(this._et, this._sheet, this._rect.top, this._rect.left);
  }
  Insert(Shift?: number, CopyOrigin?: number): unknown {
    this._one('Insert');
    const { top, left, bottom, right } = this._rect;
    if (left !== 0 || right !== MAX_COLS - 1) throw new Error('ET fake: only whole rows are inserted ("5:7")');
    if (Shift !== undefined && Shift !== -4121) throw new Error('ET fake: rows shift down (xlShiftDown)');
    const n = bottom - top + 1;
    const wb = this._et.wb;
    const s = this._sheet;
    try {
      wb.insertCells(s, this._rect, n);
    } catch (e) {
      throw new Error(String((e as Error).message) === 'merge' ? '无法对合并单元格执行此操作' : '插入行会把非空单元格移出工作表');
    }
    // xlFormatFromLeftOrAbove (the default): the new rows take the fills and number formats of the row above.
    if (top > 0 && CopyOrigin !== 1) {
      wb.batch(() => {
        for (const [k, c] of [...s.cells]) {
          if (keyRow(k) !== top - 1 || (!c.fill && !c.numberFormat)) continue;
          for (let r = top; r <= bottom; r++) {
            if (c.fill) wb.setFill(s, r, keyCol(k), { ...c.fill });
            if (c.numberFormat) wb.setNumberFormat(s, r, keyCol(k), c.numberFormat);
          }
        }
      });
    }
    return true;
  }
  _style(row: number, col: number): EtCellStyle {
    const st = this._et.state(this._sheet).styles;
    const k = cellKey(row, col);
    let s = st.get(k);
    if (!s) st.set(k, (s = {}));
    return s;
  }
  _styleValue<K extends keyof EtCellStyle>(key: K): Exclude<EtCellStyle[K], undefined> | null {
    const st = this._et.state(this._sheet).styles;
    const v = uniform(this._rect, (r, c) => (st.get(cellKey(r, c)) || {})[key]);
    return v === undefined || v === null ? null : (v as Exclude<EtCellStyle[K], undefined>);
  }
  _setStyle<K extends keyof EtCellStyle>(key: K, v: EtCellStyle[K]): void {
    eachCell(this._rect, (r, c) => (this._style(r, c)[key] = v));
  }

  get Value2(): unknown {
    this._one('Value2');
    const s = this._sheet;
    const rows: FakeValue[][] = [];
    const { top, left, bottom, right } = this._rect;
    if ((bottom - top + 1) * (right - left + 1) > MAX_CELLS_PER_CALL) throw new Error('ET fake: Value2 of a too large range');
    for (let r = top; r <= bottom; r++) {
      const row: FakeValue[] = [];
      for (let c = left; c <= right; c++) {
        const cell = s.cells.get(cellKey(r, c));
        row.push(!cell ? null : cell.error ? (ERROR_CODE[cell.error] !== undefined ? ERROR_CODE[cell.error] : cell.error) : cell.value === '' ? null : cell.value);
      }
      rows.push(row);
    }
    return rows.length === 1 && rows[0].length === 1 ? rows[0][0] : rows;
  }
  set Value2(v: unknown) {
    this._one('Value2');
    const { top, left, bottom, right } = this._rect;
    const h = bottom - top + 1;
    const w = right - left + 1;
    const ok = (x: unknown): x is FakeValue => x === null || x === undefined || typeof x === 'string' || typeof x === 'number' || typeof x === 'boolean';
    let grid: unknown[][];
    if (!Array.isArray(v)) grid = Array.from({ length: h }, () => new Array(w).fill(v));
    else if (h === 1 && !v.some(Array.isArray)) grid = [v];
    else grid = v as unknown[][];
    // ET pads a short array with #N/A and drops extra values; the fake refuses both so a shape slip shows.
    if (grid.length !== h || grid.some((row) => !Array.isArray(row) || row.length !== w)) throw new Error(`ET fake: Value2 array is not ${h}×${w} for ${rectToA1(this._rect)}`);
    const wb = this._et.wb;
    wb.batch(() => {
      grid.forEach((row, i) =>
        row.forEach((x, j) => {
          if (!ok(x)) throw new Error('ET fake: Value2 takes strings, numbers, booleans or null');
          wb.writeValue(this._sheet, top + i, left + j, x === undefined ? null : x, 'values');
        }),
      );
    });
    if (this._et.options.ownWriteEvents) this._et.fireChange(this._sheet, this._rect);
  }
  get NumberFormat(): string | null {
    this._one('NumberFormat');
    const general = this._et.options.generalFormat;
    return uniform(this._rect, (r, c) => {
      const nf = (this._sheet.cells.get(cellKey(r, c)) || { numberFormat: undefined }).numberFormat;
      return !nf || nf === 'General' ? general : nf;
    });
  }
  set NumberFormat(v: string | null) {
    if (typeof v !== 'string') throw new Error('ET fake: NumberFormat takes one string');
    this._one('NumberFormat');
    if (v === this._et.options.generalFormat) v = 'General';
    const wb = this._et.wb;
    wb.batch(() => eachCell(this._rect, (r, c) => wb.setNumberFormat(this._sheet, r, c, v)));
  }
  get MergeCells(): boolean | null {
    const merges = this._sheet.merges;
    return uniform(this._rect, (r, c) => merges.some((m) => r >= m.top && r <= m.bottom && c >= m.left && c <= m.right));
  }
  Merge(Across?: boolean): void {
    const { top, left, bottom, right } = this._rect;
    if (Across) {
      for (let r = top; r <= bottom; r++) new RangeImpl(this._et, this._sheet, { top: r, left, bottom: r, right }).Merge();
      return;
    }
    const s = this._sheet;
    // A merge overlapping merged areas takes them in whole (Excel and, assumed, ET grow the area; not verified).
    let area: Rect = { ...this._rect };
    for (let grew = true; grew; ) {
      grew = false;
      for (const m of s.merges) {
        if (!overlaps(m, area)) continue;
        const u = { top: Math.min(area.top, m.top), left: Math.min(area.left, m.left), bottom: Math.max(area.bottom, m.bottom), right: Math.max(area.right, m.right) };
        if (u.top !== area.top || u.left !== area.left || u.bottom !== area.bottom || u.right !== area.right) {
          area = u;
          grew = true;
        }
      }
    }
    if (area.top === area.bottom && area.left === area.right) return;
    // Only the first value (reading order) survives; with more than one, ET asks first unless DisplayAlerts is off.
    const filled: [number, number][] = [];
    eachCell(area, (r, c) => {
      const cell = s.cells.get(cellKey(r, c));
      if (cell && (cell.value !== null || cell.formula)) filled.push([r, c]);
    });
    if (filled.length > 1 && this._et.appImpl.DisplayAlerts) this._et.dialogs.push(`Merge ${rectToA1(area)}: 合并单元格时，仅保留左上角的值，而放弃其他值。`);
    const wb = this._et.wb;
    wb.batch(() => {
      if (filled.length && (filled[0][0] !== area.top || filled[0][1] !== area.left)) {
        const keep = s.cells.get(cellKey(filled[0][0], filled[0][1]))!;
        const master = s.touch(area.top, area.left);
        master.value = keep.value;
        if (keep.formula) master.formula = keep.formula;
      }
      for (const [r, c] of filled) if (r !== area.top || c !== area.left) wb.writeValue(s, r, c, null, 'values');
      s.merges = s.merges.filter((m) => !overlaps(m, area));
      s.merges.push(area);
      wb.changed('merges', s.name);
    });
  }
  UnMerge(): void {
    const s = this._sheet;
    s.merges = s.merges.filter((m) => !overlaps(m, this._rect));
    this._et.wb.changed('merges', s.name);
  }
  get Font(): EtFont {
    return new FontImpl(this._et, this);
  }
  get HorizontalAlignment(): number | null {
    return this._styleValue('horizontal');
  }
  set HorizontalAlignment(v: number | null) {
    if (v !== -4131 && v !== -4108 && v !== -4152 && v !== 1 && v !== 7 && v !== -4130 && v !== 5) throw new Error('ET fake: bad HorizontalAlignment ' + v);
    this._setStyle('horizontal', v);
  }
  get VerticalAlignment(): number | null {
    return this._styleValue('vertical');
  }
  set VerticalAlignment(v: number | null) {
    if (v !== -4160 && v !== -4108 && v !== -4107 && v !== -4130 && v !== -4117) throw new Error('ET fake: bad VerticalAlignment ' + v);
    this._setStyle('vertical', v);
  }
  get WrapText(): boolean | null {
    return this._styleValue('wrap');
  }
  set WrapText(v: boolean | null) {
    if (typeof v !== 'boolean') throw new Error('ET fake: WrapText takes a boolean');
    this._setStyle('wrap', v);
  }
  get Borders(): EtBorders {
    return new BordersImpl(this._et, this);
  }
  get Interior(): EtInterior {
    return new InteriorImpl(this._et, this);
  }
  get ColumnWidth(): number | null {
    const w = this._et.state(this._sheet).columnWidths;
    let v: number | null = null;
    for (let c = this._rect.left; c <= this._rect.right; c++) {
      const x = w.has(c) ? w.get(c)! : ET_DEFAULT_COLUMN_WIDTH;
      if (c === this._rect.left) v = x;
      else if (x !== v) return null;
    }
    return v;
  }
  set ColumnWidth(v: number | null) {
    if (typeof v !== 'number' || !(v >= 0 && v <= 255)) throw new Error('列宽必须介于 0 到 255 之间：' + v);
    const w = this._et.state(this._sheet).columnWidths;
    for (let c = this._rect.left; c <= this._rect.right; c++) w.set(c, v);
  }
  get Width(): number {
    const w = this._et.state(this._sheet).columnWidths;
    let pt = 0;
    for (let c = this._rect.left; c <= this._rect.right; c++) pt += etWidthPoints(w.has(c) ? w.get(c)! : ET_DEFAULT_COLUMN_WIDTH);
    return pt;
  }
  get RowHeight(): number | null {
    const h = this._et.state(this._sheet).rowHeights;
    let v: number | null = null;
    for (let r = this._rect.top; r <= Math.min(this._rect.bottom, this._rect.top + MAX_CELLS_PER_CALL); r++) {
      const x = h.has(r) ? h.get(r)! : ET_DEFAULT_ROW_HEIGHT;
      if (r === this._rect.top) v = x;
      else if (x !== v) return null;
    }
    return v;
  }
  set RowHeight(v: number | null) {
    if (typeof v !== 'number' || !(v >= 0 && v <= 409)) throw new Error('行高必须介于 0 到 409 之间：' + v);
    if (this._rect.bottom - this._rect.top >= MAX_CELLS_PER_CALL) throw new Error('ET fake: RowHeight on too many rows');
    const h = this._et.state(this._sheet).rowHeights;
    for (let r = this._rect.top; r <= this._rect.bottom; r++) h.set(r, v);
  }
  Select(): void {
    const wb = this._et.wb;
    // VBA: "Range 类的 Select 方法无效" unless the range's sheet is the active one.
    if (wb.activeSheet !== this._sheet.name) throw new Error('Range 类的 Select 方法无效（工作表未激活）');
    wb.select(this._sheet.name, rectToA1(this._rect));
  }
}

class FontImpl extends EtObject implements EtFont {
  readonly [ET_CLASS] = 'Font';
  constructor(et: FakeEt, readonly _range: RangeImpl) {
    super(et);
  }
  get Name(): string | null {
    return this._range._styleValue('fontName');
  }
  set Name(v: string | null) {
    if (typeof v !== 'string' || !v) throw new Error('ET fake: Font.Name takes a name');
    this._range._setStyle('fontName', v);
  }
  get Size(): number | null {
    return this._range._styleValue('fontSize');
  }
  set Size(v: number | null) {
    if (typeof v !== 'number' || !(v >= 1 && v <= 409)) throw new Error('ET fake: bad Font.Size ' + v);
    this._range._setStyle('fontSize', v);
  }
  get Bold(): boolean | null {
    return this._range._styleValue('bold');
  }
  set Bold(v: boolean | null) {
    if (typeof v !== 'boolean') throw new Error('ET fake: Font.Bold takes a boolean');
    this._range._setStyle('bold', v);
  }
  get Color(): EtColor | null {
    const hex = this._range._styleValue('fontColor');
    return hex ? hexToBgr(hex) : null;
  }
  set Color(v: EtColor | null) {
    if (typeof v !== 'number' || v < 0 || v > 0xffffff) throw new Error('ET fake: bad Font.Color ' + v);
    this._range._setStyle('fontColor', bgrToHex(v));
  }
}

const BORDER_INDEXES = [5, 6, 7, 8, 9, 10, 11, 12];

class BordersImpl extends EtObject implements EtBorders {
  readonly [ET_CLASS] = 'Borders';
  constructor(et: FakeEt, readonly _range: RangeImpl) {
    super(et);
  }
  Item(index: number): EtBorder {
    if (!BORDER_INDEXES.includes(index)) throw new Error('ET fake: bad Borders.Item index ' + index);
    if (index === 5 || index === 6) throw new Error('ET fake: diagonal borders are not modelled');
    return new BorderImpl(this._et, this._range, index);
  }
}

class BorderImpl extends EtObject implements EtBorder {
  readonly [ET_CLASS] = 'Border';
  constructor(et: FakeEt, readonly _range: RangeImpl, readonly _index: number) {
    super(et);
  }
  /** The line segments this edge index covers on the range: "h:A5" (top of A5), "v:A5" (left of A5). */
  _segments(): string[] {
    const { top, left, bottom, right } = this._range._rect;
    const out: string[] = [];
    const h = (r: number, c: number) => out.push('h:' + toA1(r, c));
    const v = (r: number, c: number) => out.push('v:' + toA1(r, c));
    switch (this._index) {
      case 7:
        for (let r = top; r <= bottom; r++) v(r, left);
        break;
      case 10:
        for (let r = top; r <= bottom; r++) v(r, right + 1);
        break;
      case 8:
        for (let c = left; c <= right; c++) h(top, c);
        break;
      case 9:
        for (let c = left; c <= right; c++) h(bottom + 1, c);
        break;
      case 11:
        // Excel refuses inside lines a range does not have (error 1004); assumed the same in ET.
        if (right === left) throw new Error('无法设置 Border 类的属性（区域没有内部竖线）');
        for (let r = top; r <= bottom; r++) for (let c = left + 1; c <= right; c++) v(r, c);
        break;
      case 12:
        if (bottom === top) throw new Error('无法设置 Border 类的属性（区域没有内部横线）');
        for (let r = top + 1; r <= bottom; r++) for (let c = left; c <= right; c++) h(r, c);
        break;
    }
    if (out.length > MAX_CELLS_PER_CALL) throw new Error('ET fake: too many border segments');
    return out;
  }
  _get<K extends keyof EtEdge>(key: K): EtEdge[K] | null | undefined {
    const b = this._et.state(this._range._sheet).borders;
    const segs = this._segments();
    let v: EtEdge[K] | null | undefined = undefined;
    segs.forEach((k, i) => {
      const e = b.get(k);
      const x = e ? e[key] : undefined;
      if (i === 0) v = x;
      else if (x !== v) v = null;
    });
    return v;
  }
  _set(f: (e: EtEdge | undefined) => EtEdge | undefined): void {
    const b = this._et.state(this._range._sheet).borders;
    for (const k of this._segments()) {
      const e = f(b.get(k));
      if (e) b.set(k, e);
      else b.delete(k);
    }
  }
  get LineStyle(): number | null {
    const v = this._get('lineStyle');
    return v === undefined ? -4142 : v;
  }
  set LineStyle(v: number | null) {
    if (v !== 1 && v !== -4142 && v !== -4115 && v !== 4 && v !== 5 && v !== -4118 && v !== -4119 && v !== 13) throw new Error('ET fake: bad LineStyle ' + v);
    this._set((e) => (v === -4142 ? undefined : { ...(e || { weight: 2 }), lineStyle: v }));
  }
  get Weight(): number | null {
    const v = this._get('weight');
    return v === undefined ? 2 : v;
  }
  set Weight(v: number | null) {
    if (v !== 1 && v !== 2 && v !== -4138 && v !== 4) throw new Error('ET fake: bad Weight ' + v);
    this._set((e) => ({ ...(e || { lineStyle: 1 }), weight: v }));
  }
  get Color(): EtColor | null {
    const v = this._get('color');
    return v === undefined ? 0 : v === null ? null : hexToBgr(v);
  }
  set Color(v: EtColor | null) {
    if (typeof v !== 'number' || v < 0 || v > 0xffffff) throw new Error('ET fake: bad Border.Color ' + v);
    this._set((e) => ({ ...(e || { lineStyle: 1, weight: 2 }), color: bgrToHex(v) }));
  }
}

class InteriorImpl extends EtObject implements EtInterior {
  readonly [ET_CLASS] = 'Interior';
  constructor(et: FakeEt, readonly _range: RangeImpl) {
    super(et);
  }
  /** One value over every area (null when they differ). */
  _uniform<T>(get: (row: number, col: number) => T): T | null {
    const vals = this._range._areas.map((a) => uniform(a, get));
    return vals.every((v) => v !== null && v === vals[0]) ? vals[0] : null;
  }
  _each(f: (row: number, col: number) => void): void {
    const wb = this._et.wb;
    wb.batch(() => this._range._areas.forEach((a) => eachCell(a, f)));
  }
  get Color(): EtColor | null {
    const s = this._range._sheet;
    return this._uniform((r, c) => {
      const cell = s.cells.get(cellKey(r, c));
      return cell && cell.fill ? hexToBgr(cell.fill.color) : NO_FILL_BGR;
    });
  }
  set Color(v: EtColor | null) {
    if (typeof v !== 'number' || v < 0 || v > 0xffffff) throw new Error('ET fake: bad Interior.Color ' + v);
    const wb = this._et.wb;
    const s = this._range._sheet;
    this._each((r, c) => wb.setFill(s, r, c, { color: bgrToHex(v), pattern: 'Solid' }));
  }
  get ColorIndex(): number | null {
    const s = this._range._sheet;
    // Only "no fill" is modelled; any colour reads as a palette index the fake does not know (null, like mixed).
    return this._uniform((r, c) => {
      const cell = s.cells.get(cellKey(r, c));
      return cell && cell.fill ? null : -4142;
    });
  }
  set ColorIndex(v: number | null) {
    if (v !== -4142) throw new Error('ET fake: only ColorIndex = xlNone (-4142) is modelled');
    const wb = this._et.wb;
    const s = this._range._sheet;
    this._each((r, c) => wb.setFill(s, r, c, null));
  }
}

/** Range.Rows / Range.Columns: only their Count is modelled (each access is a bridge call, as in ET). */
class CountImpl extends EtObject {
  readonly [ET_CLASS]: string;
  constructor(et: FakeEt, kind: string, readonly _count: number) {
    super(et);
    this[ET_CLASS] = kind;
  }
  get Count(): number {
    return this._count;
  }
}

class CommentImpl extends EtObject implements EtComment {
  readonly [ET_CLASS] = 'Comment';
  constructor(et: FakeEt, readonly _sheet: FakeSheet, readonly _row: number, readonly _col: number) {
    super(et);
  }
  _note() {
    const n = this._sheet.notes.get(cellKey(this._row, this._col));
    if (!n) throw new Error('ET fake: the comment was deleted');
    return n;
  }
  Text(text?: string): string {
    const n = this._note();
    if (text !== undefined) {
      if (typeof text !== 'string') throw new Error('ET fake: Comment.Text takes a string');
      this._et.wb.guardWrite(this._sheet, 'Comment.Text');
      n.content = text;
      this._et.wb.changed('notes', this._sheet.name);
    }
    return n.content;
  }
  get Author(): string {
    return this._note().author;
  }
  Delete(): void {
    this._note();
    this._et.wb.guardWrite(this._sheet, 'Comment.Delete');
    this._sheet.notes.delete(cellKey(this._row, this._col));
    this._et.wb.changed('notes', this._sheet.name);
  }
  get Parent(): EtRange {
    return new RangeImpl(this._et, this._sheet, { top: this._row, left: this._col, bottom: this._row, right: this._col });
  }
}

class CommentsImpl extends EtObject implements EtComments {
  readonly [ET_CLASS] = 'Comments';
  constructor(et: FakeEt, readonly _sheet: FakeSheet) {
    super(et);
  }
  /** Reading order (by row, then column), as ET lists them (assumed). */
  _keys(): number[] {
    return [...this._sheet.notes.keys()].sort((a, b) => a - b);
  }
  get Count(): number {
    return this._sheet.notes.size;
  }
  Item(index: number): EtComment {
    const k = this._keys()[index - 1];
    if (k === undefined || !Number.isInteger(index)) throw new Error(`下标越界 (Comments.Item(${index}))`);
    return new CommentImpl(this._et, this._sheet, keyRow(k), keyCol(k));
  }
}

class PageSetupImpl extends EtObject implements EtPageSetup {
  readonly [ET_CLASS] = 'PageSetup';
  constructor(et: FakeEt, readonly _page: EtPageSnapshot) {
    super(et);
  }
  get PaperSize(): number {
    return this._page.paperSize;
  }
  set PaperSize(v: number) {
    if (!Number.isInteger(v) || v < 1 || v > 118) throw new Error('ET fake: bad PaperSize ' + v);
    this._page.paperSize = v;
  }
  get Orientation(): number {
    return this._page.orientation;
  }
  set Orientation(v: number) {
    if (v !== 1 && v !== 2) throw new Error('ET fake: bad Orientation ' + v);
    this._page.orientation = v;
  }
  get Zoom(): number | false {
    return this._page.zoom;
  }
  set Zoom(v: number | false) {
    if (v !== false && !(typeof v === 'number' && v >= 10 && v <= 400)) throw new Error('Zoom 必须介于 10 到 400 之间，或为 False：' + v);
    this._page.zoom = v;
  }
  /** VBA: a whole number of pages ≥ 1, or False; 0 is refused (assumed as in Excel). */
  static _pages(v: number | false, what: string): number | false {
    if (v !== false && !(typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= 32767)) throw new Error(`ET fake: bad ${what} ${v}`);
    return v;
  }
  get FitToPagesWide(): number | false {
    return this._page.fitToPagesWide;
  }
  set FitToPagesWide(v: number | false) {
    this._page.fitToPagesWide = PageSetupImpl._pages(v, 'FitToPagesWide');
  }
  get FitToPagesTall(): number | false {
    return this._page.fitToPagesTall;
  }
  set FitToPagesTall(v: number | false) {
    this._page.fitToPagesTall = PageSetupImpl._pages(v, 'FitToPagesTall');
  }
  static _margin(v: number): number {
    if (typeof v !== 'number' || !(v >= 0 && v < 1000)) throw new Error('ET fake: bad margin ' + v);
    return v;
  }
  get LeftMargin(): number {
    return this._page.margins.left;
  }
  set LeftMargin(v: number) {
    this._page.margins.left = PageSetupImpl._margin(v);
  }
  get RightMargin(): number {
    return this._page.margins.right;
  }
  set RightMargin(v: number) {
    this._page.margins.right = PageSetupImpl._margin(v);
  }
  get TopMargin(): number {
    return this._page.margins.top;
  }
  set TopMargin(v: number) {
    this._page.margins.top = PageSetupImpl._margin(v);
  }
  get BottomMargin(): number {
    return this._page.margins.bottom;
  }
  set BottomMargin(v: number) {
    this._page.margins.bottom = PageSetupImpl._margin(v);
  }
  get HeaderMargin(): number {
    return this._page.margins.header;
  }
  set HeaderMargin(v: number) {
    this._page.margins.header = PageSetupImpl._margin(v);
  }
  get FooterMargin(): number {
    return this._page.margins.footer;
  }
  set FooterMargin(v: number) {
    this._page.margins.footer = PageSetupImpl._margin(v);
  }
  get CenterHorizontally(): boolean {
    return this._page.centerHorizontally;
  }
  set CenterHorizontally(v: boolean) {
    if (typeof v !== 'boolean') throw new Error('ET fake: CenterHorizontally takes a boolean');
    this._page.centerHorizontally = v;
  }
  get PrintTitleRows(): string {
    return this._page.printTitleRows;
  }
  set PrintTitleRows(v: string) {
    const m = /^\$(\d+):\$(\d+)$/.exec(v);
    if (v !== '' && !(m && Number(m[1]) >= 1 && Number(m[1]) <= Number(m[2]))) throw new Error('ET fake: PrintTitleRows takes "$a:$b": ' + v);
    this._page.printTitleRows = v;
  }
}

class HPageBreaksImpl extends EtObject implements EtHPageBreaks {
  readonly [ET_CLASS] = 'HPageBreaks';
  constructor(et: FakeEt, readonly _sheet: FakeSheet) {
    super(et);
  }
  get Count(): number {
    return this._et.state(this._sheet).breaks.size;
  }
  Add(Before: EtRange): unknown {
    if (!(Before instanceof RangeImpl) || Before._sheet !== this._sheet) throw new Error('ET fake: HPageBreaks.Add needs a range of this sheet');
    if (Before._rect.top === 0) throw new Error('ET fake: no page break above the first row');
    this._et.state(this._sheet).breaks.add(Before._rect.top);
    return undefined;
  }
}
