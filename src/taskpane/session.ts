// The task pane's use cases over a SheetHost, free of React and the DOM: check (scope, profile), the findings
// grouped by table and filtered by severity, select a finding, apply its suggestion, clear the marks, and re-check
// a sheet after the user edits it. The UI renders `getState()` and calls the methods; tests drive it directly.
import { Diagnostic, Severity, severityRank } from '../core/diagnostic';
import { Grid, parseRange, rectToA1 } from '../core/grid';
import { parseGrids } from '../core/parse';
import { checkTables, CheckedTable, UnknownProfileError } from '../core/check';
import { displayName, TargetTable } from '../core/model';
import { taskpaneText as T } from '../core/i18n/taskpane';
import { HostFeatures, MarkSummary, SheetHost } from '../hosts/host';
import { Store } from './store';

export type Scope = 'sheet' | 'workbook';
export type ProfileChoice = 'auto' | 'classic' | 'core2021' | 'department';
export const PROFILE_CHOICES: readonly ProfileChoice[] = ['auto', 'classic', 'core2021', 'department'];
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

/** Quiet time after the last edit before a sheet is re-checked. */
export const EDIT_DEBOUNCE_MS = 800;
/** This many findings of one rule in one table are shown as one expandable row. */
export const COLLAPSE_MIN = 4;

export interface SeverityCounts {
  error: number;
  warning: number;
  info: number;
  total: number;
}
export type SeverityFilter = Record<Severity, boolean>;

export interface Finding {
  /** Stable within one result: sheet, cell, rule and occurrence. */
  key: string;
  sheet: string;
  /** The cell or range as the rule reported it (what 选中 selects). */
  cell: string;
  severity: Severity;
  rule: string;
  message: string;
  suggestion: string | null;
  /** The one cell 应用建议 writes; null when the suggestion does not fit one cell (a range, a split 指标值). */
  target: string | null;
  /** Index into the result's tables; -1 outside every table. */
  table: number;
}

export type FindingRow =
  | { kind: 'finding'; key: string; finding: Finding }
  | { kind: 'rule'; key: string; rule: string; title: string; severity: Severity; findings: Finding[] };

export interface FindingGroup {
  key: string;
  /** The project name; else the sheet and range of the table; else 表格之外. */
  title: string;
  /** `Sheet!A1:G18` of the table, or the sheet name for findings outside tables. */
  location: string;
  sheet: string;
  table: number;
  /** Counts of the findings shown (after the severity filter). */
  counts: SeverityCounts;
  rows: FindingRow[];
}

export interface CheckSummary {
  scope: Scope;
  profile: ProfileChoice;
  sheets: string[];
  tables: number;
  /** All findings, before the filter. */
  counts: SeverityCounts;
  marks: MarkSummary | null;
}

export interface Notice {
  kind: 'error' | 'warning' | 'success' | 'info';
  text: string;
}

export type Busy = null | 'check' | 'apply' | 'recheck' | 'clear' | 'insert' | 'template';

export interface Progress {
  label: string;
  /** 0..1 when known. */
  fraction?: number;
}

export interface SessionState {
  busy: Busy;
  progress: Progress | null;
  summary: CheckSummary | null;
  filter: SeverityFilter;
  groups: FindingGroup[];
  notice: Notice | null;
  /** The workbook holds marks (from this session or a saved one): 清除标记 is useful. */
  hasMarks: boolean;
  /** A quiet status line after an automatic re-check. */
  status: string | null;
}

export interface SessionOptions {
  debounceMs?: number;
  collapseMin?: number;
  /** Lets the browser paint between steps; tests may replace it. */
  yieldToUi?: () => Promise<void>;
}

const tick = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

export function emptyCounts(): SeverityCounts {
  return { error: 0, warning: 0, info: 0, total: 0 };
}

export function countSeverities(list: readonly { severity: Severity }[]): SeverityCounts {
  const c = emptyCounts();
  for (const f of list) {
    c[f.severity]++;
    c.total++;
  }
  return c;
}

/** The name a table is shown under: its project name, else its sheet and range. */
export function tableTitle(t: TargetTable): string {
  return displayName(t) || T.unnamedTable(t.sheet, t.range);
}

function rangeOf(ref: string) {
  try {
    return parseRange(ref.replace(/\$/g, ''));
  } catch {
    return null;
  }
}

/** The table a finding belongs to: its `table` index when given, else the table whose range holds its cell. */
export function tableIndexOf(d: Diagnostic, tables: readonly TargetTable[]): number {
  if (typeof d.table === 'number' && d.table >= 0 && d.table < tables.length && tables[d.table].sheet === d.sheet) return d.table;
  const at = rangeOf(d.cell.split(':')[0]);
  if (!at) return -1;
  for (let i = 0; i < tables.length; i++) {
    const t = tables[i];
    if (t.sheet !== d.sheet) continue;
    const r = rangeOf(t.range);
    if (r && at.top >= r.top && at.top <= r.bottom && at.left >= r.left && at.left <= r.right) return i;
  }
  return -1;
}

/**
 * The single cell a suggestion can be written to: the finding's cell, or the master of the one merged area its
 * range covers. None for ranges over several cells (e.g. a whole spend plan) and for the 值 cell of a split
 * 符号·值·单位 layout, where the suggestion is the joined value and would not fit the one cell.
 */
export function suggestionTarget(d: Diagnostic, grid: Grid | undefined, tables: readonly TargetTable[]): string | null {
  if (!d.suggestion) return null;
  const r = rangeOf(d.cell);
  if (!r) return null;
  const single = r.top === r.bottom && r.left === r.right;
  const m = grid ? grid.mergeAt(r.top, r.left) : undefined;
  if (!single && !(m && m.top === r.top && m.left === r.left && m.bottom === r.bottom && m.right === r.right)) return null;
  const address = rectToA1({ top: r.top, left: r.left, bottom: r.top, right: r.left });
  for (const t of tables) {
    if (t.sheet !== d.sheet) continue;
    for (const row of t.indicators) if (row.split && row.split.num.cell === address) return null;
  }
  return address;
}

/** Findings of a check result, in the result's order, with stable keys and apply targets. */
export function toFindings(diagnostics: readonly Diagnostic[], tables: readonly TargetTable[], grids: readonly Grid[]): Finding[] {
  const gridOf = new Map<string, Grid>();
  for (const g of grids) gridOf.set(g.name, g);
  const seen = new Map<string, number>();
  return diagnostics.map((d) => {
    const base = d.sheet + '!' + d.cell + '#' + d.rule;
    const n = seen.get(base) || 0;
    seen.set(base, n + 1);
    return {
      key: n ? base + '#' + n : base,
      sheet: d.sheet,
      cell: d.cell,
      severity: d.severity,
      rule: d.rule,
      message: d.message,
      suggestion: d.suggestion || null,
      target: suggestionTarget(d, gridOf.get(d.sheet), tables),
      table: tableIndexOf(d, tables),
    };
  });
}

/**
 * Findings grouped by table (in table order, then one group per sheet for findings outside every table), filtered
 * by severity; within a table, `collapseMin` or more findings of one rule become one expandable row.
 */
export function groupFindings(
  findings: readonly Finding[],
  tables: readonly TargetTable[],
  filter: SeverityFilter,
  collapseMin = COLLAPSE_MIN,
): FindingGroup[] {
  const shown = findings.filter((f) => filter[f.severity]);
  const byTable = new Map<number, Finding[]>();
  const outside = new Map<string, Finding[]>();
  for (const f of shown) {
    if (f.table >= 0) {
      const l = byTable.get(f.table);
      if (l) l.push(f);
      else byTable.set(f.table, [f]);
    } else {
      const l = outside.get(f.sheet);
      if (l) l.push(f);
      else outside.set(f.sheet, [f]);
    }
  }
  const groups: FindingGroup[] = [];
  const tableKeys: number[] = [];
  byTable.forEach((_v, k) => tableKeys.push(k));
  tableKeys.sort((a, b) => a - b);
  for (const i of tableKeys) {
    const t = tables[i];
    const list = byTable.get(i) as Finding[];
    groups.push({
      key: 'table:' + i,
      title: tableTitle(t),
      location: t.sheet + '!' + t.range,
      sheet: t.sheet,
      table: i,
      counts: countSeverities(list),
      rows: collapseRows('table:' + i, list, collapseMin),
    });
  }
  const manySheets = outside.size > 1;
  outside.forEach((list, sheet) => {
    groups.push({
      key: 'outside:' + sheet,
      title: manySheets ? T.outsideTablesOf(sheet) : T.outsideTables,
      location: sheet,
      sheet,
      table: -1,
      counts: countSeverities(list),
      rows: collapseRows('outside:' + sheet, list, collapseMin),
    });
  });
  return groups;
}

function collapseRows(groupKey: string, list: Finding[], collapseMin: number): FindingRow[] {
  const byRule = new Map<string, Finding[]>();
  for (const f of list) {
    const l = byRule.get(f.rule);
    if (l) l.push(f);
    else byRule.set(f.rule, [f]);
  }
  const rows: FindingRow[] = [];
  const placed: Record<string, boolean> = {};
  for (const f of list) {
    const same = byRule.get(f.rule) as Finding[];
    if (same.length < collapseMin) {
      rows.push({ kind: 'finding', key: f.key, finding: f });
      continue;
    }
    if (placed[f.rule]) continue;
    placed[f.rule] = true;
    let worst: Severity = same[0].severity;
    for (const x of same) if (severityRank[x.severity] < severityRank[worst]) worst = x.severity;
    rows.push({ kind: 'rule', key: groupKey + '/' + f.rule, rule: f.rule, title: T.collapsedRule(f.rule, same.length), severity: worst, findings: same });
  }
  return rows;
}

export type Operation = keyof typeof T.errors.ops;

const HAN = /[\u3400-\u9fff]/;

/**
 * A Chinese message for a MessageBar. Host adapters throw errors whose `message` is already Chinese and meant for
 * the user: those are shown as they are. Anything else gets a generic message naming the operation and the detail.
 */
export function errorMessage(op: Operation, e: unknown): string {
  if (e instanceof UnknownProfileError) return T.errors.unknownProfile(e.message);
  const obj = e && typeof e === 'object' ? (e as { message?: unknown; code?: unknown; name?: unknown }) : null;
  const message = typeof e === 'string' ? e : obj && typeof obj.message === 'string' ? obj.message : '';
  if (HAN.test(message)) return message;
  const code = obj && typeof obj.code === 'string' ? obj.code : obj && typeof obj.name === 'string' && obj.name !== 'Error' ? obj.name : '';
  let detail = [code, message].filter(Boolean).join(': ');
  if (!detail) {
    try {
      detail = String(e);
    } catch {
      detail = typeof e;
    }
  }
  return T.errors.generic(T.errors.ops[op], detail);
}


/** What an exclusive operation (a tab that changes the workbook) may do inside the pane's queue. */
export interface ExclusiveContext {
  /** Shows a progress line. */
  progress(label: string): void;
  /**
   * Takes every mark off the workbook (their record holds cell addresses, which inserting rows would make wrong) and
   * stops re-marking on edits. Returns the cells restored (0 when there were no marks).
   */
  clearMarks(): Promise<number>;
  /** Reads the sheet again, checks it (with the other sheets of the last check) and marks the findings. */
  recheck(sheet: string): Promise<void>;
}

/** Which findings sit on the same cell as `target` (the anchor of their range). */
function onCell(findings: readonly Finding[], sheet: string, target: string): Finding[] {
  return findings.filter((f) => f.sheet === sheet && f.cell.replace(/\$/g, '').split(':')[0] === target);
}

export class TaskPaneSession extends Store<SessionState> {
  readonly host: SheetHost;
  private readonly debounceMs: number;
  private readonly collapseMin: number;
  private readonly yieldToUi: () => Promise<void>;

  private grids: Grid[] = [];
  private tables: CheckedTable[] = [];
  private diagnostics: Diagnostic[] = [];
  private findings: Finding[] = [];
  private last: { scope: Scope; profile: ProfileChoice } | null = null;

  private queue: Promise<void> = Promise.resolve();
  private editSubscription: Promise<(() => void) | null> | null = null;
  private watching = false;
  private pending: string[] = [];
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(host: SheetHost, options: SessionOptions = {}) {
    super({
      busy: null,
      progress: null,
      summary: null,
      filter: { error: true, warning: true, info: true },
      groups: [],
      notice: null,
      hasMarks: false,
      status: null,
    });
    this.host = host;
    this.debounceMs = options.debounceMs !== undefined ? options.debounceMs : EDIT_DEBOUNCE_MS;
    this.collapseMin = options.collapseMin || COLLAPSE_MIN;
    this.yieldToUi = options.yieldToUi || tick;
  }

  features(): HostFeatures {
    return this.host.features();
  }

  /** All findings of the last check (unfiltered), in sheet order. */
  allFindings(): readonly Finding[] {
    return this.findings;
  }

  /** The tables of the last check. */
  checkedTables(): readonly CheckedTable[] {
    return this.tables;
  }

  findingByKey(key: string): Finding | undefined {
    for (const f of this.findings) if (f.key === key) return f;
    return undefined;
  }

  /** Looks for marks left by an earlier check, so 清除标记 is offered. */
  init(): Promise<void> {
    return this.enqueue(async () => {
      try {
        const has = await this.host.hasMarks();
        if (has) this.set({ hasMarks: true, notice: this.state.notice || { kind: 'info', text: T.existingMarks } });
      } catch (e) {
        this.set({ notice: { kind: 'error', text: errorMessage('start', e) } });
      }
    });
  }

  /** Reads the sheets in scope, checks them, marks the findings in the workbook and keeps the result. */
  check(scope: Scope, profile: ProfileChoice = 'auto'): Promise<void> {
    return this.enqueue(async () => {
      this.stopTimer();
      this.set({ busy: 'check', progress: { label: T.progress.start }, notice: null, status: null });
      try {
        const names = scope === 'sheet' ? [await this.host.activeSheet()] : await this.host.sheetNames();
        await this.yieldToUi();
        const grids = await this.host.readSheets(names, (p) =>
          this.set({ progress: { label: T.progress.reading(p.sheet, p.done, p.total), fraction: p.total ? (0.6 * p.done) / p.total : 0 } }),
        );
        await this.yieldToUi();
        await this.evaluate(grids, profile);
        this.last = { scope, profile };
        const summary: CheckSummary = {
          scope,
          profile,
          sheets: grids.map((g) => g.name),
          tables: this.tables.length,
          counts: countSeverities(this.findings),
          marks: null,
        };
        // Show the findings before marking: on a large workbook marking is the slow part.
        this.set({
          summary,
          groups: this.regroup(),
          progress: { label: T.progress.marking, fraction: 0.9 },
          notice: this.tables.length ? null : { kind: 'warning', text: T.noTables },
        });
        await this.yieldToUi();
        try {
          await this.mark();
        } catch (e) {
          this.set({ notice: { kind: 'error', text: errorMessage('mark', e) } });
        }
        this.watching = true;
        this.watchEdits();
      } catch (e) {
        this.set({ notice: { kind: 'error', text: errorMessage('check', e) } });
      } finally {
        this.set({ busy: null, progress: null });
      }
    });
  }

  /** Shows or hides one severity. */
  setFilter(severity: Severity, shown: boolean): void {
    if (this.state.filter[severity] === shown) return;
    const filter = { ...this.state.filter, [severity]: shown } as SeverityFilter;
    this.state = { ...this.state, filter };
    this.set({ groups: this.regroup() });
  }

  dismissNotice(): void {
    if (this.state.notice) this.set({ notice: null });
  }

  /** Activates the finding's sheet and selects its cell or range. Not queued: it changes nothing. */
  async select(key: string): Promise<void> {
    const f = this.findingByKey(key);
    if (!f) return;
    try {
      await this.host.select(f.sheet, f.cell.replace(/\$/g, ''));
    } catch (e) {
      this.set({ notice: { kind: 'error', text: errorMessage('select', e) } });
    }
  }

  /**
   * Writes the finding's suggestion into exactly its cell (the one call that changes a user's value), then reads
   * that sheet again, re-checks, re-marks and reports what changed.
   */
  applySuggestion(key: string): Promise<void> {
    return this.enqueue(async () => {
      const f = this.findingByKey(key);
      if (!f || f.suggestion === null) {
        this.set({ notice: { kind: 'warning', text: T.staleFinding } });
        return;
      }
      if (!f.target) {
        this.set({ notice: { kind: 'warning', text: T.suggestionManual } });
        return;
      }
      const target = f.target;
      const text = f.suggestion;
      const cellRef = f.sheet + '!' + target;
      this.set({ busy: 'apply', progress: { label: T.progress.applying(cellRef) }, notice: null, status: null });
      try {
        await this.host.writeValue(f.sheet, target, text);
      } catch (e) {
        this.set({ busy: null, progress: null, notice: { kind: 'error', text: errorMessage('apply', e) } });
        return;
      }
      const before = this.findings.filter((x) => x.sheet === f.sheet).length;
      try {
        this.set({ progress: { label: T.progress.rechecking(f.sheet) } });
        await this.recheck([f.sheet]);
        const after = this.findings.filter((x) => x.sheet === f.sheet).length;
        const remaining = onCell(this.findings, f.sheet, target).length;
        this.set({
          notice: {
            kind: 'success',
            text:
              T.applied(cellRef, text) +
              T.afterApply(f.sheet, before, after) +
              (remaining ? T.cellRemaining(remaining) : T.cellResolved),
          },
        });
      } catch (e) {
        this.set({ notice: { kind: 'error', text: T.applied(cellRef, text) + errorMessage('recheck', e) } });
      } finally {
        this.set({ busy: null, progress: null });
      }
    });
  }

  /** Restores every marked cell and removes the findings sheet. The findings stay listed; edits stop re-marking. */
  clearMarks(): Promise<void> {
    return this.enqueue(async () => {
      this.stopTimer();
      this.watching = false;
      this.set({ busy: 'clear', progress: { label: T.progress.clearing }, notice: null, status: null });
      try {
        const r = await this.host.clearMarks();
        const summary = this.state.summary ? { ...this.state.summary, marks: null } : null;
        this.set({ hasMarks: false, summary, notice: { kind: 'success', text: T.cleared(r.cells) } });
      } catch (e) {
        this.set({ notice: { kind: 'error', text: errorMessage('clear', e) } });
      } finally {
        this.set({ busy: null, progress: null });
      }
    });
  }

  /** Shows a message above the tabs (for the other tabs). */
  showNotice(notice: Notice | null): void {
    this.set({ notice });
  }

  /**
   * Runs `op` alone in the pane's queue, never interleaved with a check, an apply or a re-check, with `busy` and the
   * progress label shown; the notice it returns is shown, a failure becomes a Chinese message naming `operation`.
   */
  exclusive(busy: Exclude<Busy, null>, label: string, operation: Operation, op: (ctx: ExclusiveContext) => Promise<Notice | null>): Promise<void> {
    return this.enqueue(async () => {
      this.stopTimer();
      this.set({ busy, progress: { label }, notice: null, status: null });
      const ctx: ExclusiveContext = {
        progress: (l) => this.set({ progress: { label: l } }),
        clearMarks: () => this.clearMarksInside(),
        recheck: (sheet) => this.refreshSheet(sheet),
      };
      try {
        const notice = await op(ctx);
        if (notice) this.set({ notice });
      } catch (e) {
        this.set({ notice: { kind: 'error', text: errorMessage(operation, e) } });
      } finally {
        this.set({ busy: null, progress: null });
      }
    });
  }

  /** Resolves when every queued operation (including a re-check started by an edit) has finished. */
  idle(): Promise<void> {
    return this.queue;
  }

  /** Stops listening for edits and drops pending work. */
  dispose(): void {
    this.close();
    this.stopTimer();
    const sub = this.editSubscription;
    this.editSubscription = null;
    if (sub)
      sub.then(
        (off) => off && off(),
        () => undefined,
      );
  }

  // ---- internals

  /** Runs operations one after another, so a re-check never interleaves with a check or an apply. */
  private enqueue(op: () => Promise<void>): Promise<void> {
    const run = this.queue.then(() => (this.closed ? undefined : op()));
    this.queue = run.then(
      () => undefined,
      () => undefined,
    );
    return run;
  }

  private regroup(): FindingGroup[] {
    return groupFindings(
      this.findings,
      this.tables.map((t) => t.table),
      this.state.filter,
      this.collapseMin,
    );
  }

  /** Parses each grid (yielding between sheets) and runs the rules over all tables. */
  private async evaluate(grids: Grid[], profile: ProfileChoice): Promise<void> {
    const tables: TargetTable[] = [];
    const total = grids.length;
    for (let i = 0; i < grids.length; i++) {
      this.set({ progress: { label: T.progress.parsing(grids[i].name), fraction: 0.6 + (0.2 * i) / Math.max(total, 1) } });
      await this.yieldToUi();
      const found = parseGrids([grids[i]]);
      for (const t of found) tables.push(t);
    }
    this.set({ progress: { label: T.progress.checking, fraction: 0.8 } });
    await this.yieldToUi();
    const result = checkTables(tables, { profile });
    this.grids = grids;
    this.tables = result.tables;
    this.diagnostics = result.diagnostics;
    this.findings = toFindings(result.diagnostics, tables, grids);
  }

  /**
   * Marks the current findings (the host restores the marks of the earlier check first). Only the sheets read are
   * re-marked: the other sheets keep their marks and findings-sheet rows. A check that read no table marks nothing,
   * so it never wipes marks or reports "未发现问题" for tables it did not read. Throws host errors.
   */
  private async mark(): Promise<void> {
    if (!this.tables.length) return;
    this.set({ progress: { label: T.progress.marking, fraction: 0.9 } });
    const marks = await this.host.applyMarks(this.diagnostics, this.grids, { sheets: this.grids.map((g) => g.name) });
    const summary = this.state.summary ? { ...this.state.summary, marks } : null;
    this.set({ summary, hasMarks: true });
  }

  /** After the user's edits: re-reads the sheets the last check covered. */
  private async recheck(sheets: string[]): Promise<void> {
    if (!this.last) return;
    const wanted = sheets.filter((s) => this.grids.some((g) => g.name === s));
    if (wanted.length) await this.reread(wanted);
  }

  /**
   * Reads these sheets again, re-checks the whole result with them (so cross-table rules stay right) and re-marks.
   * A sheet the last check did not cover is added; one that came back missing (renamed or deleted) drops out.
   */
  private async reread(sheets: string[]): Promise<void> {
    const profile: ProfileChoice = this.last ? this.last.profile : 'auto';
    const fresh = await this.host.readSheets(sheets);
    await this.yieldToUi();
    const byName = new Map<string, Grid>();
    for (const g of fresh) byName.set(g.name, g);
    const grids: Grid[] = [];
    for (const g of this.grids) {
      if (sheets.indexOf(g.name) < 0) grids.push(g);
      else if (byName.has(g.name)) {
        grids.push(byName.get(g.name) as Grid);
        byName.delete(g.name);
      }
    }
    byName.forEach((g) => grids.push(g));
    await this.evaluate(grids, profile);
    if (!this.last) this.last = { scope: 'sheet', profile };
    const summary: CheckSummary = {
      ...(this.state.summary || { scope: this.last.scope, profile, marks: null }),
      sheets: grids.map((g) => g.name),
      tables: this.tables.length,
      counts: countSeverities(this.findings),
    };
    this.set({ summary, groups: this.regroup() });
    await this.yieldToUi();
    await this.mark();
  }

  private async clearMarksInside(): Promise<number> {
    this.watching = false;
    this.stopTimer();
    if (!(await this.host.hasMarks())) return 0;
    this.set({ progress: { label: T.progress.clearing } });
    const r = await this.host.clearMarks();
    const summary = this.state.summary ? { ...this.state.summary, marks: null } : null;
    this.set({ hasMarks: false, summary });
    return r.cells;
  }

  /** After the add-in changed a sheet (rows inserted): re-check it, added to the result if new, and watch edits again. */
  private async refreshSheet(sheet: string): Promise<void> {
    await this.reread([sheet]);
    this.watching = true;
    this.watchEdits();
  }

  private watchEdits(): void {
    if (this.editSubscription || !this.host.onUserEdit) return;
    this.editSubscription = this.host.onUserEdit((sheet) => this.onEdit(sheet)).then(
      (off) => {
        if (this.closed) {
          off();
          return null;
        }
        return off;
      },
      () => null,
    );
  }

  private onEdit(sheet: string): void {
    if (this.closed || !this.watching || !this.grids.some((g) => g.name === sheet)) return;
    if (this.pending.indexOf(sheet) < 0) this.pending.push(sheet);
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      const sheets = this.pending;
      this.pending = [];
      void this.enqueue(async () => {
        if (!this.watching) return;
        this.set({ busy: 'recheck', progress: { label: T.progress.rechecking(sheets.join('、')) } });
        try {
          await this.recheck(sheets);
          this.set({ status: T.autoRechecked(sheets.join('、')) });
        } catch (e) {
          this.set({ notice: { kind: 'error', text: errorMessage('recheck', e) } });
        } finally {
          this.set({ busy: null, progress: null });
        }
      });
    }, this.debounceMs);
  }

  /** Cancels a pending re-check and forgets the edited sheets. */
  private stopTimer(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    this.pending = [];
  }
}
