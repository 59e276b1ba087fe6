// An in-memory SheetHost over Grids: for the task pane's unit and UI tests and the screenshot harness. It records
// every call, can be told to fail the next call of a method, and simulates user edits. Not part of any bundle.
import { Diagnostic } from '../../core/diagnostic';
import { CellValue, Grid, parseA1 } from '../../core/grid';
import { planMarks } from '../../core/marks';
import { InsertPlan, applyInsertPlan, cellString, expectMismatch, rowsInserted } from '../../core/rows';
import { libraryPaneText } from '../../core/i18n/library';
import { ClearOptions, HostFeatures, MarkSummary, ReadProgress, RemarkInput, SheetHost, WriteSheetResult } from '../../hosts/host';
import { Ignored, Remark, ReviewChange, ReviewRecord, applyReviewChange, displayDate, emptyReview, findingKey } from '../../core/record';
import { freeSheetName } from '../../core/marks';
import { SheetOps, opsToGrids } from '../../core/template/ops';

export const FINDINGS_SHEET = '审核意见';

export interface MemoryHostOptions {
  features?: Partial<HostFeatures>;
  /** The active sheet (default: the first). */
  active?: string;
  /** Delay of every call, to see progress in a browser. */
  delayMs?: number;
  /** Leave out onUserEdit, as a client without change events does. */
  noEditEvents?: boolean;
}

export interface HostCall {
  method: string;
  args: unknown[];
}

/** A copy of a grid through its public API (cells, display text, errors, merges). */
export function cloneGrid(g: Grid, name = g.name): Grid {
  const out = new Grid(name);
  for (let r = 0; r < g.rowCount; r++)
    for (let c = 0; c < g.colCount; c++) {
      const value = g.value(r, c);
      const text = g.rawText(r, c);
      const error = g.error(r, c);
      if (value !== null || text !== '' || error) out.setCell(r, c, error ? { value, text, error } : { value, text });
    }
  for (const m of g.merges) out.addMerge({ ...m });
  return out;
}

export interface GridJson {
  name: string;
  /** [row, col, value, text] of every non-empty cell. */
  cells: [number, number, CellValue, string][];
  merges: [number, number, number, number][];
}

export function gridToJson(g: Grid): GridJson {
  const cells: GridJson['cells'] = [];
  for (let r = 0; r < g.rowCount; r++)
    for (let c = 0; c < g.colCount; c++) {
      const v = g.value(r, c);
      const t = g.rawText(r, c);
      if (v !== null || t !== '') cells.push([r, c, v, t]);
    }
  return { name: g.name, cells, merges: g.merges.map((m) => [m.top, m.left, m.bottom, m.right] as [number, number, number, number]) };
}

export function gridFromJson(j: GridJson): Grid {
  const g = new Grid(j.name);
  for (const [r, c, value, text] of j.cells) g.setCell(r, c, { value, text });
  for (const [top, left, bottom, right] of j.merges) g.addMerge({ top, left, bottom, right });
  return g;
}

export class MemoryHost implements SheetHost {
  readonly sheets = new Map<string, Grid>();
  readonly calls: HostCall[] = [];
  readonly writes: { sheet: string; address: string; text: string }[] = [];
  readonly selections: { sheet: string; address: string }[] = [];
  /** Row insertions done, with their plans. */
  readonly inserts: { sheet: string; plan: InsertPlan }[] = [];
  active: string;
  /** The selected range on the active sheet (select() moves it). */
  selected: { sheet: string; address: string } | null = null;
  /** Findings marked by the last applyMarks (null when no marks). */
  marked: readonly Diagnostic[] | null = null;
  markedCells = 0;
  /** Remarks and ignored findings (kept as the core's review record would keep them). */
  review: ReviewRecord = emptyReview();
  private readonly feats: HostFeatures;
  private readonly delayMs: number;
  private failures = new Map<string, unknown>();
  private handlers: ((sheet: string, address: string) => void)[] = [];
  onUserEdit?: SheetHost['onUserEdit'];

  constructor(grids: readonly Grid[], options: MemoryHostOptions = {}) {
    for (const g of grids) this.sheets.set(g.name, cloneGrid(g));
    this.active = options.active || (grids[0] ? grids[0].name : 'Sheet1');
    this.delayMs = options.delayMs || 0;
    this.feats = {
      host: 'excel',
      apiLevel: '1.18',
      mergedAreas: true,
      cellText: 'note',
      multiArea: true,
      changeEvents: !options.noEditEvents,
      ...options.features,
    };
    if (!options.noEditEvents)
      this.onUserEdit = async (handler) => {
        await this.enter('onUserEdit', []);
        this.handlers.push(handler);
        return () => {
          this.handlers = this.handlers.filter((h) => h !== handler);
        };
      };
  }

  /** The next call of `method` rejects with `error`. */
  failNext(method: keyof SheetHost, error: unknown): void {
    this.failures.set(method, error);
  }

  /** A user's edit: sets the cell and tells the listeners. */
  userEdit(sheet: string, address: string, text: string): void {
    this.setText(sheet, address, text);
    for (const h of this.handlers.slice()) h(sheet, address);
  }

  text(sheet: string, address: string): string {
    const g = this.sheets.get(sheet);
    if (!g) return '';
    const p = parseA1(address);
    return g.text(p.row, p.col);
  }

  /** The sheet's grid as it is now (a copy). */
  gridOf(name: string): Grid {
    const g = this.sheets.get(name);
    if (!g) throw new Error(`找不到工作表“${name}”。`);
    return cloneGrid(g);
  }

  /** Every sheet as plain data, to compare before and after. */
  snapshot(): Record<string, GridJson> {
    const out: Record<string, GridJson> = {};
    this.sheets.forEach((g, name) => (out[name] = gridToJson(g)));
    return out;
  }

  callsOf(method: string): HostCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  listenerCount(): number {
    return this.handlers.length;
  }

  features(): HostFeatures {
    return this.feats;
  }

  async sheetNames(): Promise<string[]> {
    await this.enter('sheetNames', []);
    const names: string[] = [];
    this.sheets.forEach((_g, n) => names.push(n));
    if (this.marked) names.push(FINDINGS_SHEET);
    return names;
  }

  async activeSheet(): Promise<string> {
    await this.enter('activeSheet', []);
    return this.active;
  }

  async readSheets(names: string[], onProgress?: (p: ReadProgress) => void): Promise<Grid[]> {
    await this.enter('readSheets', [names.slice()]);
    const wanted = names.filter((n) => n !== FINDINGS_SHEET);
    const out: Grid[] = [];
    for (let i = 0; i < wanted.length; i++) {
      const g = this.sheets.get(wanted[i]);
      if (!g) throw new Error(`找不到工作表“${wanted[i]}”。`);
      out.push(cloneGrid(g));
      if (onProgress) onProgress({ sheet: wanted[i], done: i + 1, total: wanted.length });
    }
    return out;
  }

  async applyMarks(diagnostics: readonly Diagnostic[], grids: readonly Grid[], options?: { sheets?: readonly string[] }): Promise<MarkSummary> {
    await this.enter('applyMarks', options ? [diagnostics.length, options] : [diagnostics.length]);
    const bySheet = new Map<string, Grid>();
    for (const g of grids) bySheet.set(g.name, g);
    const marks = planMarks(diagnostics, (s, r, c) => {
      const g = bySheet.get(s);
      return g ? g.mergeAt(r, c) : undefined;
    });
    this.marked = diagnostics.slice();
    this.markedCells = marks.length;
    return { cells: marks.length, findingsSheet: FINDINGS_SHEET };
  }

  async clearMarks(options?: ClearOptions): Promise<{ cells: number }> {
    await this.enter('clearMarks', options ? [options] : []);
    const cells = this.markedCells;
    this.marked = null;
    this.markedCells = 0;
    const keep = new Set((options && options.keepRemarks) || []);
    this.review = { ...this.review, remarks: this.review.remarks.filter((r) => keep.has(r.id)) };
    return { cells };
  }

  async addRemark(input: RemarkInput): Promise<Remark> {
    await this.enter('addRemark', [input]);
    const r: Remark = { id: String(this.review.remarks.length + 1), sheet: input.sheet, cell: input.cell, text: input.text, author: input.author, date: displayDate(input.date || new Date()) };
    if (input.finding) r.finding = input.finding;
    this.review = { ...this.review, remarks: [...this.review.remarks, r] };
    return r;
  }

  async removeRemark(id: string): Promise<void> {
    await this.enter('removeRemark', [id]);
    this.review = { ...this.review, remarks: this.review.remarks.filter((r) => r.id !== id) };
  }

  async ignoreFinding(d: Diagnostic, by: string): Promise<Ignored> {
    await this.enter('ignoreFinding', [d, by]);
    const entry: Ignored = { key: findingKey(d), finding: { ...d, suggestion: d.suggestion || null }, by, date: displayDate(new Date()) };
    this.review = { ...this.review, ignored: [...this.review.ignored, entry] };
    return entry;
  }

  async unignoreFinding(key: string): Promise<void> {
    await this.enter('unignoreFinding', [key]);
    this.review = { ...this.review, ignored: this.review.ignored.filter((x) => x.key !== key) };
  }

  async reviewState(): Promise<ReviewRecord> {
    await this.enter('reviewState', []);
    return this.review;
  }

  async updateReview(change: ReviewChange): Promise<ReviewRecord> {
    await this.enter('updateReview', [change.kind]);
    this.review = applyReviewChange(this.review, change);
    return this.review;
  }

  async hasMarks(): Promise<boolean> {
    await this.enter('hasMarks', []);
    return this.marked !== null;
  }

  async select(sheet: string, address: string): Promise<void> {
    await this.enter('select', [sheet, address]);
    this.active = sheet;
    this.selections.push({ sheet, address });
    this.selected = { sheet, address };
  }

  async selection(): Promise<{ sheet: string; address: string } | null> {
    await this.enter('selection', []);
    return this.selected ? { ...this.selected } : { sheet: this.active, address: 'A1' };
  }

  async insertRows(sheet: string, plan: InsertPlan): Promise<{ inserted: number }> {
    await this.enter('insertRows', [sheet, plan]);
    const g = this.sheets.get(sheet);
    if (!g) throw new Error(`找不到工作表“${sheet}”。`);
    if (expectMismatch(plan, (r, c) => cellString(g, r, c))) throw new Error(libraryPaneText.sheetChanged);
    // Merged areas are kept only where the host says it can merge (ExcelApi 1.2+ in the features it imitates).
    const merge = this.feats.host !== 'excel' || this.feats.apiLevel !== '1.1';
    this.sheets.set(sheet, applyInsertPlan(g, merge ? plan : { ...plan, merges: [] }));
    this.inserts.push({ sheet, plan });
    return { inserted: rowsInserted(plan) };
  }

  /** Sheets added by writeSheet, in order. */
  readonly written: { sheet: string; ops: SheetOps }[] = [];

  async writeSheet(ops: SheetOps): Promise<WriteSheetResult> {
    await this.enter('writeSheet', [ops.name]);
    const name = freeSheetName(ops.name, Array.from(this.sheets.keys()));
    this.sheets.set(name, cloneGrid(opsToGrids({ sheets: [ops] })[0], name));
    this.active = name;
    this.written.push({ sheet: name, ops });
    return { sheet: name };
  }

  async writeValue(sheet: string, address: string, text: string): Promise<void> {
    await this.enter('writeValue', [sheet, address, text]);
    this.setText(sheet, address, text);
    this.writes.push({ sheet, address, text });
  }

  private setText(sheet: string, address: string, text: string): void {
    const g = this.sheets.get(sheet);
    if (!g) throw new Error(`找不到工作表“${sheet}”。`);
    const p = parseA1(address);
    g.setCell(p.row, p.col, { value: text, text });
  }

  private async enter(method: string, args: unknown[]): Promise<void> {
    this.calls.push({ method, args });
    if (this.delayMs) await new Promise((r) => setTimeout(r, this.delayMs));
    if (this.failures.has(method)) {
      const e = this.failures.get(method);
      this.failures.delete(method);
      throw e;
    }
  }
}
