// The in-memory workbook behind the fake office-js (office.ts). It is a plain model with no Office semantics, so the
// unit tests, the bench and the browser playground (a sheet view over the same object) share it. No Node imports.
//
// Public shape (what the playground and the tests use):
//   FakeWorkbook.fromSheets(sheets: FakeSheetInit[], settings?: Record<string, string>): FakeWorkbook
//   FakeWorkbook.fromGrids(grids: Grid[]): FakeWorkbook                    (a workbook read by the .xlsx reader)
//   FakeWorkbook.fromJSON(json) / wb.toJSON()                              ("save and reopen": everything persists,
//                                                                            settings only as last saved by saveAsync)
//   wb.sheets: FakeSheet[]   each: name, id, visibility, rowCount, colCount, merges: Rect[],
//                            cell(row, col) -> { value, text, formula?, fill: '#RRGGBB' | null, pattern?, note?,
//                                                comment? (thread text, replies on new lines), error?, numberFormat? }
//   wb.sheet(name): FakeSheet | undefined
//   wb.activeSheet (get/set, a sheet name); wb.selection: { sheet, address }
//   wb.settings: Record<string, string>  the document settings store (Office.context.document.settings persists here)
//   wb.subscribe(listener: (change: FakeChange) => void): () => void   called after every change (once per sync for
//                            changes made through the API; at once for editCell/activeSheet/selection)
//   wb.editCell(sheet, row, col, value): Promise<void>   a user edit: typed like in Excel, fires worksheet.onChanged
//                            handlers registered through the fake API (when the installed API level has events)
//   wb.beginCellEdit() / wb.endCellEdit()   the user is typing in a cell (batches fail or wait, see office.ts)
//   wb.snapshot(): WorkbookSnapshot   a deep, comparable picture of sheets, cells, fills, notes, comments, merges
//   wb.insertCells(sheet, rect, n)      cells from rect.top down (in rect's columns) move down n rows, as Range.insert
//                            does: merged areas below move, those spanning the insertion point grow
// Rows and columns are 0-based, as in src/core.
import { Grid, Rect, CellValue, generalText, parseA1, toA1 } from '../../core/grid';

export type FakeValue = CellValue;

export interface FakeFill {
  /** '#RRGGBB', upper case. */
  color: string;
  /** 'Solid' unless a pattern fill ('Gray50', …). */
  pattern: string;
  patternColor?: string;
}

export interface FakeCell {
  value: FakeValue;
  /** Display text as read from a file; recomputed from value + numberFormat when the value changes. */
  text?: string;
  formula?: string;
  numberFormat?: string;
  fill?: FakeFill | null;
  /** A formula error such as '#REF!' (value is then the same string). */
  error?: string;
}

export interface FakeNote {
  content: string;
  author: string;
}

export interface FakeReply {
  id: string;
  content: string;
  author: string;
}

export interface FakeComment {
  id: string;
  content: string;
  author: string;
  replies: FakeReply[];
}

export interface FakeCellInit {
  row: number;
  col: number;
  value: FakeValue;
  text?: string;
  formula?: string;
  numberFormat?: string;
  /** '#RRGGBB' solid fill. */
  fill?: string;
  error?: string;
}

export interface FakeSheetInit {
  name: string;
  cells: FakeCellInit[];
  merges: Rect[];
  notes?: { row: number; col: number; text: string; author?: string }[];
  comments?: { row: number; col: number; text: string; author?: string; replies?: string[] }[];
  visibility?: SheetVisibility;
  protected?: boolean;
}

export type SheetVisibility = 'Visible' | 'Hidden' | 'VeryHidden';

/** What changed; the playground re-renders on any. */
export interface FakeChange {
  kinds: ('values' | 'fills' | 'notes' | 'comments' | 'sheets' | 'selection' | 'settings' | 'merges')[];
  sheets: string[];
}

export interface CellView {
  value: FakeValue;
  text: string;
  formula?: string;
  numberFormat?: string;
  /** Solid colour of the fill, null for none. */
  fill: string | null;
  pattern?: string;
  note?: string;
  /** The thread: the comment and its replies, one per line. */
  comment?: string;
  error?: string;
}

export interface SheetSnapshot {
  name: string;
  visibility: SheetVisibility;
  cells: Record<string, FakeCell>;
  merges: string[];
  notes: Record<string, FakeNote>;
  comments: Record<string, FakeComment>;
}

export interface WorkbookSnapshot {
  sheets: SheetSnapshot[];
}

/** Excel's grid. */
export const MAX_ROWS = 1048576;
export const MAX_COLS = 16384;
const KEY = MAX_COLS;

export const cellKey = (row: number, col: number): number => row * KEY + col;
export const keyRow = (k: number): number => Math.floor(k / KEY);
export const keyCol = (k: number): number => k % KEY;

/** Normalises '#abc', '#aabbcc' and a few colour names to '#AABBCC'; undefined when not a colour. */
export function normColor(c: string): string | undefined {
  const names: Record<string, string> = {
    white: '#FFFFFF', black: '#000000', red: '#FF0000', yellow: '#FFFF00', green: '#008000', blue: '#0000FF',
    orange: '#FFA500', gray: '#808080', grey: '#808080', pink: '#FFC0CB', lightblue: '#ADD8E6', lightgreen: '#90EE90',
  };
  const s = c.trim();
  if (names[s.toLowerCase()]) return names[s.toLowerCase()];
  let m = /^#?([0-9a-f]{6})$/i.exec(s);
  if (m) return '#' + m[1].toUpperCase();
  m = /^#([0-9a-f])([0-9a-f])([0-9a-f])$/i.exec(s);
  if (m) return ('#' + m[1] + m[1] + m[2] + m[2] + m[3] + m[3]).toUpperCase();
  return undefined;
}

/** Formats a value the way a cell with this number format shows it (the few formats the fixtures use). */
export function formatValue(v: FakeValue, numberFormat?: string): string {
  if (v === null) return '';
  const nf = numberFormat || 'General';
  if (typeof v !== 'number') return generalText(v);
  if (nf === '@') return generalText(v);
  let m = /^(#,##)?0(\.(0+))?$/.exec(nf);
  if (m) {
    const s = v.toFixed(m[3] ? m[3].length : 0);
    return m[1] ? s.replace(/\B(?=(\d{3})+(?!\d))/g, ',') : s;
  }
  m = /^0(\.(0+))?%$/.exec(nf);
  if (m) return (v * 100).toFixed(m[2] ? m[2].length : 0) + '%';
  return generalText(v);
}

const ERRORS = ['#NULL!', '#DIV/0!', '#VALUE!', '#REF!', '#NAME?', '#NUM!', '#N/A', '#GETTING_DATA', '#SPILL!', '#CALC!'];

/** Excel's reading of text typed into a cell (or assigned to Range.values): numbers, percentages, booleans, formulas. */
export function typedEntry(input: FakeValue, numberFormat?: string): { value: FakeValue; formula?: string; numberFormat?: string; error?: string } {
  if (typeof input !== 'string') return { value: input };
  // A leading apostrophe makes the rest text (=100%, +5): Excel keeps it as a prefix, not as part of the value.
  if (input.charAt(0) === "'") return { value: input.length > 1 ? input.slice(1) : null };
  if (numberFormat === '@') return { value: input };
  if (input === '') return { value: null };
  if (input.startsWith('=') && input.length > 1) return { value: null, formula: input };
  const t = input.trim();
  if (/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(t)) return { value: Number(t) };
  const pm = /^([+-]?(\d+\.?\d*|\.\d+))%$/.exec(t);
  if (pm) return { value: Number(pm[1]) / 100, numberFormat: numberFormat && numberFormat !== 'General' ? undefined : '0%' };
  if (/^(true|false)$/i.test(t)) return { value: t.toUpperCase() === 'TRUE' };
  if (ERRORS.includes(t.toUpperCase())) return { value: t.toUpperCase(), error: t.toUpperCase() };
  return { value: input };
}

/** The fake's formula engine: HYPERLINK(link, name) shows its name; anything else is #NAME?. */
export function evalFormula(formula: string): { value: FakeValue; error?: string } {
  const m = /^=HYPERLINK\(\s*"((?:[^"]|"")*)"\s*(?:,\s*"((?:[^"]|"")*)"\s*)?\)$/i.exec(formula.trim());
  if (m) return { value: (m[2] !== undefined ? m[2] : m[1]).replace(/""/g, '"') };
  return { value: '#NAME?', error: '#NAME?' };
}

/** Per-cell formats (by cellKey) and page setup as written through the fake API; not part of snapshot(). */
export interface FakeLayout {
  fonts: Map<number, { name?: string; size?: number; bold?: boolean }>;
  align: Map<number, { horizontal?: string; vertical?: string; wrap?: boolean }>;
  /** Border edge → "style/weight" per cell ('EdgeTop' …). */
  borders: Map<number, Record<string, string>>;
  /** Points. */
  columnWidths: Map<number, number>;
  rowHeights: Map<number, number>;
  /** PageLayout properties set (orientation, paperSize, zoom, margins…) and printTitleRows. */
  page: Record<string, unknown>;
  /** 0-based rows with a manual page break above. */
  rowBreaks: number[];
}

/** A write the fake refuses (protected sheet, injected fault); office.ts turns it into an OfficeExtension.Error. */
export class FakeWriteRefused extends Error {
  readonly code: string;
  readonly where: string;
  constructor(code: string, where: string) {
    super(code);
    this.name = 'FakeWriteRefused';
    this.code = code;
    this.where = where;
  }
}

export class FakeSheet {
  name: string;
  readonly id: string;
  visibility: SheetVisibility = 'Visible';
  /** Protected (审阅 › 保护工作表): every write to its cells fails with AccessDenied. */
  protected = false;
  readonly cells = new Map<number, FakeCell>();
  merges: Rect[] = [];
  readonly notes = new Map<number, FakeNote>();
  readonly comments = new Map<number, FakeComment>();
  /** Cell formats and page setup written through the API (fonts, alignment, borders, sizes, pageLayout). */
  readonly layout: FakeLayout = { fonts: new Map(), align: new Map(), borders: new Map(), columnWidths: new Map(), rowHeights: new Map(), page: {}, rowBreaks: [] };

  constructor(name: string, id: string) {
    this.name = name;
    this.id = id;
  }

  /** Rows up to the last one holding anything (value, format, note, comment, merge). */
  get rowCount(): number {
    const r = this.usedRect(false);
    return r ? r.bottom + 1 : 0;
  }

  get colCount(): number {
    const r = this.usedRect(false);
    return r ? r.right + 1 : 0;
  }

  cell(row: number, col: number): CellView {
    const k = cellKey(row, col);
    const c = this.cells.get(k);
    const view: CellView = { value: c ? c.value : null, text: c ? displayText(c) : '', fill: c && c.fill ? c.fill.color : null };
    if (c && c.formula) view.formula = c.formula;
    if (c && c.numberFormat) view.numberFormat = c.numberFormat;
    if (c && c.fill && c.fill.pattern !== 'Solid') view.pattern = c.fill.pattern;
    if (c && c.error) view.error = c.error;
    const n = this.notes.get(k);
    if (n) view.note = n.content;
    const t = this.comments.get(k);
    if (t) view.comment = [t.content, ...t.replies.map((r) => r.content)].join('\n');
    return view;
  }

  /** The merged area covering (row, col), if any. */
  mergeAt(row: number, col: number): Rect | undefined {
    return this.merges.find((m) => row >= m.top && row <= m.bottom && col >= m.left && col <= m.right);
  }

  /**
   * Excel's used range: the bounding box of cells with a value or a format (fill, number format), merges, notes
   * and comments; with valuesOnly, of cells with a value only. Null for an empty sheet.
   */
  usedRect(valuesOnly: boolean): Rect | null {
    let top = Infinity;
    let left = Infinity;
    let bottom = -1;
    let right = -1;
    const take = (r: number, c: number) => {
      if (r < top) top = r;
      if (r > bottom) bottom = r;
      if (c < left) left = c;
      if (c > right) right = c;
    };
    for (const [k, c] of this.cells) {
      const hasValue = c.value !== null && c.value !== '';
      if (hasValue || c.formula || (!valuesOnly && (c.fill || (c.numberFormat && c.numberFormat !== 'General')))) take(keyRow(k), keyCol(k));
    }
    if (!valuesOnly) {
      for (const m of this.merges) {
        take(m.top, m.left);
        take(m.bottom, m.right);
      }
      for (const k of this.notes.keys()) take(keyRow(k), keyCol(k));
      for (const k of this.comments.keys()) take(keyRow(k), keyCol(k));
    }
    return bottom < 0 ? null : { top, left, bottom, right };
  }

  /** The stored cell, created on demand. */
  touch(row: number, col: number): FakeCell {
    const k = cellKey(row, col);
    let c = this.cells.get(k);
    if (!c) this.cells.set(k, (c = { value: null }));
    return c;
  }

  /** Drops cells that hold nothing, so snapshots compare equal after a fill is cleared. */
  prune(row: number, col: number): void {
    const k = cellKey(row, col);
    const c = this.cells.get(k);
    if (c && c.value === null && !c.formula && !c.fill && !c.numberFormat && !c.error && c.text === undefined) this.cells.delete(k);
  }
}

export function displayText(c: FakeCell): string {
  if (c.error) return c.error;
  if (c.text !== undefined) return c.text;
  return formatValue(c.value, c.numberFormat);
}

/** Listener for value edits; office.ts registers one per installed fake to dispatch worksheet.onChanged. */
export type ValueChangeSink = (e: { sheet: FakeSheet; rect: Rect; byAddin: boolean }) => void;

export interface FakeWorkbookJSON {
  v: 1;
  sheets: (SheetSnapshot & { id: string })[];
  active: string;
  selection: { sheet: string; address: string };
  settings: Record<string, string>;
  nextId: number;
}

export class FakeWorkbook {
  sheets: FakeSheet[] = [];
  settings: Record<string, string> = {};
  selection: { sheet: string; address: string } = { sheet: '', address: 'A1' };
  private active = '';
  private nextId = 1;
  private listeners = new Set<(c: FakeChange) => void>();
  private batchDepth = 0;
  private pending: FakeChange = { kinds: [], sheets: [] };
  /** @internal onChanged dispatch of the installed fakes. */
  readonly valueSinks = new Set<ValueChangeSink>();
  /** @internal Excel.run batches waiting for the user to leave cell edit mode. */
  private editWaiters: (() => void)[] = [];
  /** True while the user is typing in a cell (beginCellEdit … endCellEdit). */
  cellEditMode = false;
  /**
   * Fault injection: after this many more cell writes (values, fills, notes, comments) the next one fails with a
   * GeneralException, as a host may fail mid-way; null: never.
   */
  failAfterWrites: number | null = null;

  /** Every write to a cell goes through here: refused on a protected sheet, or when the fault counter runs out. */
  guardWrite(s: FakeSheet, where: string): void {
    if (s.protected) throw new FakeWriteRefused('AccessDenied', where);
    if (this.failAfterWrites === null) return;
    if (this.failAfterWrites <= 0) {
      this.failAfterWrites = null;
      throw new FakeWriteRefused('GeneralException', where);
    }
    this.failAfterWrites--;
  }

  static fromSheets(sheets: FakeSheetInit[], settings: Record<string, string> = {}): FakeWorkbook {
    const wb = new FakeWorkbook();
    for (const s of sheets) {
      const sh = wb.addSheet(s.name);
      if (s.visibility) sh.visibility = s.visibility;
      if (s.protected) sh.protected = true;
      for (const c of s.cells) {
        const cell: FakeCell = { value: c.error ? c.error : c.value };
        if (c.text !== undefined) cell.text = c.text;
        if (c.formula) cell.formula = c.formula;
        if (c.numberFormat) cell.numberFormat = c.numberFormat;
        if (c.error) cell.error = c.error;
        if (c.fill) {
          const color = normColor(c.fill);
          if (!color) throw new Error('bad fill colour: ' + c.fill);
          cell.fill = { color, pattern: 'Solid' };
        }
        sh.cells.set(cellKey(c.row, c.col), cell);
      }
      sh.merges = s.merges.map((m) => ({ ...m }));
      for (const n of s.notes || []) sh.notes.set(cellKey(n.row, n.col), { content: n.text, author: n.author || '用户' });
      for (const t of s.comments || []) {
        sh.comments.set(cellKey(t.row, t.col), {
          id: wb.newId('comment'),
          content: t.text,
          author: t.author || '用户',
          replies: (t.replies || []).map((r) => ({ id: wb.newId('reply'), content: r, author: t.author || '用户' })),
        });
      }
    }
    wb.settings = { ...settings };
    if (wb.sheets.length) {
      wb.active = wb.sheets[0].name;
      wb.selection = { sheet: wb.sheets[0].name, address: 'A1' };
    }
    return wb;
  }

  /** A workbook holding what a Grid holds (values, display text, formula errors, merges). */
  static fromGrids(grids: readonly Grid[]): FakeWorkbook {
    return FakeWorkbook.fromSheets(grids.map(gridSheet));
  }

  static fromJSON(json: FakeWorkbookJSON): FakeWorkbook {
    const data: FakeWorkbookJSON = JSON.parse(JSON.stringify(json));
    const wb = new FakeWorkbook();
    for (const s of data.sheets) {
      const sh = new FakeSheet(s.name, s.id);
      sh.visibility = s.visibility;
      for (const [a, c] of Object.entries(s.cells)) {
        const p = parseA1(a);
        sh.cells.set(cellKey(p.row, p.col), c);
      }
      sh.merges = s.merges.map(parseRect);
      for (const [a, n] of Object.entries(s.notes)) {
        const p = parseA1(a);
        sh.notes.set(cellKey(p.row, p.col), n);
      }
      for (const [a, t] of Object.entries(s.comments)) {
        const p = parseA1(a);
        sh.comments.set(cellKey(p.row, p.col), t);
      }
      wb.sheets.push(sh);
    }
    wb.active = data.active;
    wb.selection = data.selection;
    wb.settings = data.settings;
    wb.nextId = data.nextId;
    return wb;
  }

  toJSON(): FakeWorkbookJSON {
    return {
      v: 1,
      sheets: this.snapshot().sheets.map((s, i) => ({ ...s, id: this.sheets[i].id })),
      active: this.active,
      selection: { ...this.selection },
      settings: { ...this.settings },
      nextId: this.nextId,
    };
  }

  sheet(name: string): FakeSheet | undefined {
    const n = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === n);
  }

  get activeSheet(): string {
    return this.active;
  }

  set activeSheet(name: string) {
    const s = this.sheet(name);
    if (!s) throw new Error('no sheet ' + name);
    this.active = s.name;
    this.changed('selection', s.name);
  }

  select(sheet: string, address: string): void {
    const s = this.sheet(sheet);
    if (!s) throw new Error('no sheet ' + sheet);
    this.active = s.name;
    this.selection = { sheet: s.name, address };
    this.changed('selection', s.name);
  }

  subscribe(listener: (c: FakeChange) => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  /** A user typing `value` into a cell and pressing Enter. Resolves after the onChanged handlers ran. */
  async editCell(sheet: string, row: number, col: number, value: FakeValue): Promise<void> {
    const s = this.sheet(sheet);
    if (!s) throw new Error('no sheet ' + sheet);
    this.writeValue(s, row, col, value, 'values');
    this.emitValueChange(s, { top: row, left: col, bottom: row, right: col }, false);
    // Event handlers run asynchronously, as they do in Excel; give them a turn.
    await new Promise((r) => setTimeout(r, 0));
  }

  beginCellEdit(): void {
    this.cellEditMode = true;
  }

  endCellEdit(): void {
    this.cellEditMode = false;
    const w = this.editWaiters;
    this.editWaiters = [];
    for (const f of w) f();
  }

  /** @internal Resolves when the user is not editing a cell. */
  whenNotEditing(): Promise<void> {
    if (!this.cellEditMode) return Promise.resolve();
    return new Promise((r) => this.editWaiters.push(r));
  }

  snapshot(): WorkbookSnapshot {
    return {
      sheets: this.sheets.map((s) => {
        const cells: Record<string, FakeCell> = {};
        const keys = [...s.cells.keys()].sort((a, b) => a - b);
        for (const k of keys) {
          const c = s.cells.get(k)!;
          const copy: FakeCell = JSON.parse(JSON.stringify(c));
          if (copy.fill === null) delete copy.fill;
          if (copy.value === null && !copy.formula && !copy.fill && !copy.numberFormat && !copy.error && copy.text === undefined) continue;
          cells[toA1(keyRow(k), keyCol(k))] = copy;
        }
        const notes: Record<string, FakeNote> = {};
        for (const k of [...s.notes.keys()].sort((a, b) => a - b)) notes[toA1(keyRow(k), keyCol(k))] = { ...s.notes.get(k)! };
        const comments: Record<string, FakeComment> = {};
        for (const k of [...s.comments.keys()].sort((a, b) => a - b)) comments[toA1(keyRow(k), keyCol(k))] = JSON.parse(JSON.stringify(s.comments.get(k)));
        return {
          name: s.name,
          visibility: s.visibility,
          cells,
          merges: s.merges.map(rectText).sort(),
          notes,
          comments,
        };
      }),
    };
  }

  // ---------------------------------------------------------------------------------------------------------
  // Mutations used by office.ts (and the playground, if it edits directly). All notify subscribers.

  newId(kind: 'sheet' | 'comment' | 'reply'): string {
    const n = this.nextId++;
    const hex = n.toString(16).toUpperCase().padStart(8, '0');
    if (kind === 'sheet') return `{${hex}-0001-0000-0000-000000000000}`;
    return `{${hex}-${kind === 'comment' ? 'C0C0' : 'AEAE'}-4000-8000-000000000000}`;
  }

  addSheet(name: string): FakeSheet {
    const s = new FakeSheet(name, this.newId('sheet'));
    this.sheets.push(s);
    if (!this.active) {
      this.active = name;
      this.selection = { sheet: name, address: 'A1' };
    }
    this.changed('sheets', name);
    return s;
  }

  deleteSheet(s: FakeSheet): void {
    const i = this.sheets.indexOf(s);
    if (i < 0) return;
    this.sheets.splice(i, 1);
    if (this.active === s.name) {
      const next = this.sheets[Math.min(i, this.sheets.length - 1)];
      this.active = next ? next.name : '';
      this.selection = { sheet: this.active, address: 'A1' };
    }
    this.changed('sheets', s.name);
  }

  /** Writes a value (typed) or a formula; `how` says which Range property carried it. */
  writeValue(s: FakeSheet, row: number, col: number, input: FakeValue, how: 'values' | 'formulas'): void {
    this.guardWrite(s, 'Range.values');
    const c = s.touch(row, col);
    const e = typedEntry(input, c.numberFormat);
    delete c.text;
    delete c.error;
    delete c.formula;
    if (e.formula) {
      const r = evalFormula(e.formula);
      c.formula = e.formula;
      c.value = r.value;
      if (r.error) c.error = r.error;
    } else {
      c.value = e.value;
      if (e.error) c.error = e.error;
      if (e.numberFormat && (!c.numberFormat || c.numberFormat === 'General')) c.numberFormat = e.numberFormat;
    }
    void how;
    s.prune(row, col);
    this.changed('values', s.name);
  }

  /**
   * Inserts `n` blank rows at rect.top within rect's columns (all columns for whole rows): cells, notes and comments
   * at or below move down; merged areas below move, those spanning the insertion point (top < rect.top ≤ bottom)
   * grow, as in Excel. Throws 'merge' when a merged area crosses the columns' edge below the insertion point, and
   * 'full' when content would be pushed off the sheet (Excel refuses both).
   */
  insertCells(s: FakeSheet, rect: Rect, n: number): void {
    const inCols = (c: number) => c >= rect.left && c <= rect.right;
    const moves = (k: number) => keyRow(k) >= rect.top && inCols(keyCol(k));
    const keys = [...s.cells.keys(), ...s.notes.keys(), ...s.comments.keys()];
    if (keys.some((k) => moves(k) && keyRow(k) + n >= MAX_ROWS)) throw new Error('full');
    for (const m of s.merges) {
      const crosses = m.left < rect.left || m.right > rect.right;
      const touches = !(m.right < rect.left || m.left > rect.right) && m.bottom >= rect.top;
      if (crosses && touches) throw new Error('merge');
      if (m.bottom + n >= MAX_ROWS && touches) throw new Error('full');
    }
    const shift = <T>(map: Map<number, T>) => {
      const moved: [number, T][] = [];
      for (const [k, v] of map) if (moves(k)) moved.push([k, v]);
      for (const [k] of moved) map.delete(k);
      for (const [k, v] of moved) map.set(cellKey(keyRow(k) + n, keyCol(k)), v);
    };
    shift(s.cells);
    shift(s.notes);
    shift(s.comments);
    s.merges = s.merges.map((m) => {
      if (m.right < rect.left || m.left > rect.right) return m;
      if (m.top >= rect.top) return { top: m.top + n, left: m.left, bottom: m.bottom + n, right: m.right };
      if (m.bottom >= rect.top) return { top: m.top, left: m.left, bottom: m.bottom + n, right: m.right };
      return m;
    });
    this.changed('values', s.name);
    this.changed('merges', s.name);
  }

  setNumberFormat(s: FakeSheet, row: number, col: number, nf: string): void {
    const c = s.touch(row, col);
    if (nf === 'General') delete c.numberFormat;
    else c.numberFormat = nf;
    delete c.text;
    s.prune(row, col);
    this.changed('values', s.name);
  }

  setFill(s: FakeSheet, row: number, col: number, fill: FakeFill | null): void {
    this.guardWrite(s, 'RangeFill');
    const c = s.touch(row, col);
    if (fill) c.fill = { ...fill };
    else delete c.fill;
    s.prune(row, col);
    this.changed('fills', s.name);
  }

  /** @internal */
  emitValueChange(sheet: FakeSheet, rect: Rect, byAddin: boolean): void {
    for (const sink of this.valueSinks) sink({ sheet, rect, byAddin });
  }

  /** Groups the notifications of many mutations (one sync) into one. */
  batch<T>(f: () => T): T {
    this.batchDepth++;
    try {
      return f();
    } finally {
      this.batchDepth--;
      if (!this.batchDepth) this.flush();
    }
  }

  /** batch() over work that yields to the event loop part-way (the notifications still come once, at the end). */
  async batchAsync<T>(f: () => Promise<T>): Promise<T> {
    this.batchDepth++;
    try {
      return await f();
    } finally {
      this.batchDepth--;
      if (!this.batchDepth) this.flush();
    }
  }

  changed(kind: FakeChange['kinds'][number], sheet?: string): void {
    if (!this.pending.kinds.includes(kind)) this.pending.kinds.push(kind);
    if (sheet !== undefined && !this.pending.sheets.includes(sheet)) this.pending.sheets.push(sheet);
    if (!this.batchDepth) this.flush();
  }

  private flush(): void {
    if (!this.pending.kinds.length) return;
    const c = this.pending;
    this.pending = { kinds: [], sheets: [] };
    for (const l of [...this.listeners]) l(c);
  }
}

function rectText(r: Rect): string {
  const a = toA1(r.top, r.left);
  return r.top === r.bottom && r.left === r.right ? a : a + ':' + toA1(r.bottom, r.right);
}

function parseRect(s: string): Rect {
  const [a, b] = s.split(':');
  const p = parseA1(a);
  const q = b ? parseA1(b) : p;
  return { top: p.row, left: p.col, bottom: q.row, right: q.col };
}

/** One sheet's init data from a Grid: every stored cell (value, display text, error) and every merge. */
export function gridSheet(g: Grid): FakeSheetInit {
  const cells: FakeCellInit[] = [];
  for (let r = 0; r < g.rowCount; r++) {
    for (let c = 0; c < g.colCount; c++) {
      const v = g.value(r, c);
      const t = g.rawText(r, c);
      const e = g.error(r, c);
      if (v === null && t === '' && !e) continue;
      const cell: FakeCellInit = { row: r, col: c, value: v };
      if (e) cell.error = e;
      else if (t !== generalText(v)) cell.text = t;
      cells.push(cell);
    }
  }
  return { name: g.name, cells, merges: g.merges.map((m) => ({ ...m })) };
}
