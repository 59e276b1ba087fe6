// The task pane's use cases over a SheetHost, free of React and the DOM: check (scope, profile), the findings laid
// out for triage (triage.ts), select a finding, apply its suggestion (one cell or several as one fix), clear the
// marks, and re-check a sheet after the user edits it. Long work runs in slices that yield to the host, shows
// progress and can be cancelled. The UI renders `getState()` and calls the methods; tests drive it directly.
import { CellEdit, Diagnostic, Severity } from '../core/diagnostic';
import { Grid, parseRange, rectToA1 } from '../core/grid';
import { detectSteps } from '../core/detect';
import { linkContinuations, parseRegion } from '../core/parse';
import { CheckedTable, CheckResult, UnknownProfileError, checkSteps, withFormulaErrors } from '../core/check';
import { TargetTable } from '../core/model';
import { taskpaneText as T } from '../core/i18n/taskpane';
import { HostFeatures, MarkSummary, SheetHost } from '../hosts/host';
import { MarkWriteError } from '../core/marking';
import { Store } from './store';
import {
  COLLAPSE_MIN,
  Finding,
  FindingCard,
  FindingGroup,
  FindingRow,
  SeverityCounts,
  SeverityFilter,
  anchorCell,
  cardsInOrder,
  countSeverities,
  emptyCounts,
  groupFindings,
  tableTitle,
  triage,
} from './triage';

export { COLLAPSE_MIN, countSeverities, emptyCounts, groupFindings, tableTitle };
export type { Finding, FindingCard, FindingGroup, FindingRow, SeverityCounts, SeverityFilter };

export type Scope = 'sheet' | 'workbook';
export type ProfileChoice = 'auto' | 'classic' | 'core2021' | 'department';
export const PROFILE_CHOICES: readonly ProfileChoice[] = ['auto', 'classic', 'core2021', 'department'];
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

/** Quiet time after the last edit before a sheet is re-checked. */
export const EDIT_DEBOUNCE_MS = 800;
/** Longest stretch of work between two yields to the host (Excel restarts an add-in that blocks for ~5 s). */
export const SLICE_MS = 40;

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
  /** The search over the findings (words every shown finding holds). */
  query: string;
  groups: FindingGroup[];
  /** Findings shown after the filter and the search. */
  shown: number;
  /** What to fix first, in one sentence. */
  fixFirst: string | null;
  /** The finding last selected (its card stays highlighted). */
  selected: string | null;
  notice: Notice | null;
  /** The workbook holds marks (from this session or a saved one): 清除标记 is useful. */
  hasMarks: boolean;
  /** A quiet status line after an automatic re-check. */
  status: string | null;
  /** The running check can be cancelled. */
  cancellable: boolean;
}

export interface SessionOptions {
  debounceMs?: number;
  collapseMin?: number;
  /** Lets the browser paint between steps; tests may replace it. */
  yieldToUi?: () => Promise<void>;
}

const tick = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));
const now = (): number => (typeof performance !== 'undefined' && performance.now ? performance.now() : Date.now());

class Cancelled extends Error {}

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

/** The 值 cells of split 符号·值·单位 layouts, per sheet (a one-cell suggestion there is the joined value). */
function splitValueCells(tables: readonly TargetTable[]): Set<string> {
  const out = new Set<string>();
  for (const t of tables) for (const row of t.indicators) if (row.split) out.add(t.sheet + '!' + row.split.num.cell);
  return out;
}

/**
 * The single cell a suggestion can be written to: the finding's cell, or the master of the one merged area its
 * range covers. None for ranges over several cells (e.g. a whole spend plan) and for the 值 cell of a split
 * 符号·值·单位 layout, where the suggestion is the joined value and would not fit the one cell (those come with
 * per-cell `edits`).
 */
export function suggestionTarget(d: Diagnostic, grid: Grid | undefined, tables: readonly TargetTable[], splitCells?: Set<string>): string | null {
  if (!d.suggestion) return null;
  const r = rangeOf(d.cell);
  if (!r) return null;
  const single = r.top === r.bottom && r.left === r.right;
  const m = grid ? grid.mergeAt(r.top, r.left) : undefined;
  if (!single && !(m && m.top === r.top && m.left === r.left && m.bottom === r.bottom && m.right === r.right)) return null;
  const address = rectToA1({ top: r.top, left: r.left, bottom: r.top, right: r.left });
  if ((splitCells || splitValueCells(tables)).has(d.sheet + '!' + address)) return null;
  return address;
}

/** Findings of a check result, in the result's order, with stable keys and what 应用建议 writes. */
export function toFindings(diagnostics: readonly Diagnostic[], tables: readonly TargetTable[], grids: readonly Grid[]): Finding[] {
  const steps = findingSteps(diagnostics, tables, grids);
  let s = steps.next();
  while (!s.done) s = steps.next();
  return s.value;
}

/** Diagnostics turned into findings between two steps of findingSteps. */
const FINDINGS_PER_STEP = 500;

/** toFindings in steps (yielding the count done), for the pane: ten thousand findings took a blocking 100 ms. */
export function* findingSteps(diagnostics: readonly Diagnostic[], tables: readonly TargetTable[], grids: readonly Grid[]): Generator<number, Finding[], void> {
  const gridOf = new Map<string, Grid>();
  for (const g of grids) gridOf.set(g.name, g);
  const splitCells = splitValueCells(tables);
  const seen = new Map<string, number>();
  const out: Finding[] = [];
  for (const d of diagnostics) {
    if (out.length % FINDINGS_PER_STEP === FINDINGS_PER_STEP - 1) yield out.length;
    out.push(toFinding(d));
  }
  return out;

  function toFinding(d: Diagnostic): Finding {
    const base = d.sheet + '!' + d.cell + '#' + d.rule;
    const n = seen.get(base) || 0;
    seen.set(base, n + 1);
    const target = suggestionTarget(d, gridOf.get(d.sheet), tables, splitCells);
    const edits: CellEdit[] | null =
      d.edits && d.edits.length && d.suggestion ? d.edits.map((e) => ({ cell: e.cell, text: e.text })) : target && d.suggestion ? [{ cell: target, text: d.suggestion }] : null;
    return {
      key: n ? base + '#' + n : base,
      sheet: d.sheet,
      cell: d.cell,
      severity: d.severity,
      rule: d.rule,
      message: d.message,
      suggestion: d.suggestion || null,
      target: edits && edits.length === 1 ? edits[0].cell : null,
      edits,
      table: tableIndexOf(d, tables),
    };
  }
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
  return findings.filter((f) => f.sheet === sheet && anchorCell(f.cell) === target);
}

export class TaskPaneSession extends Store<SessionState> {
  readonly host: SheetHost;
  private readonly debounceMs: number;
  private readonly collapseMin: number;
  private readonly yieldToUi: () => Promise<void>;

  private grids: Grid[] = [];
  /** Parsed tables per sheet name, so a re-check after an edit parses only the sheet that changed. */
  private parsed = new Map<string, { grid: Grid; tables: TargetTable[] }>();
  private tables: CheckedTable[] = [];
  private diagnostics: Diagnostic[] = [];
  private findings: Finding[] = [];
  private last: { scope: Scope; profile: ProfileChoice } | null = null;

  private queue: Promise<void> = Promise.resolve();
  private editSubscription: Promise<(() => void) | null> | null = null;
  private watching = false;
  private pending: string[] = [];
  private timer: ReturnType<typeof setTimeout> | null = null;
  private cancelRequested = false;
  private sliceStart = 0;

  constructor(host: SheetHost, options: SessionOptions = {}) {
    super({
      busy: null,
      progress: null,
      summary: null,
      filter: { error: true, warning: true, info: true },
      query: '',
      groups: [],
      shown: 0,
      fixFirst: null,
      selected: null,
      notice: null,
      hasMarks: false,
      status: null,
      cancellable: false,
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

  /**
   * Reads the sheets in scope, checks them, marks the findings in the workbook and keeps the result. A check of
   * one sheet replaces that sheet's findings and keeps the other sheets' (their marks stay). Started on the
   * findings sheet it checks what the findings are about; on a sheet with no table it says so and changes nothing.
   */
  check(scope: Scope, profile: ProfileChoice = 'auto'): Promise<void> {
    return this.enqueue(async () => {
      this.stopTimer();
      this.cancelRequested = false;
      this.set({ busy: 'check', progress: { label: T.progress.start }, notice: null, status: null, cancellable: true });
      let info: Notice | null = null;
      try {
        let names = scope === 'sheet' ? [await this.host.activeSheet()] : await this.host.sheetNames();
        await this.pause(true);
        const onRead = (p: { sheet: string; done: number; total: number }) =>
          this.set({ progress: { label: T.progress.reading(p.sheet, p.done, p.total), fraction: p.total ? (0.5 * p.done) / p.total : 0 } });
        const pause = () => this.pause();
        let grids = await this.host.readSheets(names, onRead, pause);
        let effective: Scope = scope;
        if (scope === 'sheet' && !grids.length) {
          // The active sheet is one the add-in wrote (审核意见): check what its findings are about.
          const active = names[0];
          const before = this.grids.map((g) => g.name);
          names = before.length ? before : await this.host.sheetNames();
          if (!before.length) effective = 'workbook';
          info = { kind: 'info', text: T.findingsSheetActive(active, before.length ? T.findingsSheetWhat(before) : T.findingsSheetWorkbook) };
          grids = await this.host.readSheets(names, onRead, pause);
        }
        await this.pause(true);
        const merged = effective === 'sheet' && this.last ? this.keepOthers(grids) : grids;
        const result = await this.evaluateSliced(merged, profile, grids);
        const fresh = result.tables.filter((t) => grids.some((g) => g.name === t.table.sheet)).length;
        if (!fresh) {
          // No table where the user asked: say so, and leave the earlier result and every mark as they are.
          const text =
            effective === 'sheet' && this.last
              ? T.sheetNoTables(grids.length ? grids[0].name : names[0])
              : T.noTables + (this.state.hasMarks ? T.noTablesKept : '');
          this.set({ notice: { kind: 'warning', text } });
          return;
        }
        await this.commit(merged, result);
        await this.pause();
        this.last = { scope: effective, profile };
        const summary: CheckSummary = {
          scope: effective,
          profile,
          sheets: merged.map((g) => g.name),
          tables: this.tables.length,
          counts: countSeverities(this.findings),
          marks: null,
        };
        // Show the findings before marking: on a large workbook marking is the slow part.
        // Cancelling now stops the marking: what was written is taken off again, the findings stay listed.
        this.set({ summary, selected: null, ...this.regroup(), progress: { label: T.progress.marking, fraction: 0.9 }, notice: info });
        try {
          await this.pause(true);
          // A check of one sheet replaces that sheet's marks only.
          await this.mark(effective === 'sheet' && merged.length > grids.length ? grids.map((g) => g.name) : undefined);
        } catch (e) {
          if (e instanceof Cancelled || (e instanceof MarkWriteError && e.original instanceof Cancelled && e.rolledBack)) {
            const has = await this.host.hasMarks().catch(() => false);
            this.set({ notice: { kind: 'info', text: T.markCancelled }, hasMarks: has });
          } else this.set({ notice: { kind: 'error', text: errorMessage('mark', e) } });
        }
        this.watching = true;
        this.watchEdits();
      } catch (e) {
        if (e instanceof Cancelled) this.set({ notice: { kind: 'info', text: T.cancelled } });
        else this.set({ notice: { kind: 'error', text: errorMessage('check', e) } });
      } finally {
        this.set({ busy: null, progress: null, cancellable: false });
      }
    });
  }

  /** Stops the running check at its next pause; nothing of it is kept or marked. */
  cancel(): void {
    if (this.state.cancellable) this.cancelRequested = true;
  }

  /** Shows or hides one severity. */
  setFilter(severity: Severity, shown: boolean): void {
    if (this.state.filter[severity] === shown) return;
    const filter = { ...this.state.filter, [severity]: shown } as SeverityFilter;
    this.state = { ...this.state, filter };
    this.set(this.regroup());
  }

  /** Searches the findings (message, suggestion, cell, table, rule name). */
  setQuery(query: string): void {
    if (this.state.query === query) return;
    this.state = { ...this.state, query };
    this.set(this.regroup());
  }

  dismissNotice(): void {
    if (this.state.notice) this.set({ notice: null });
  }

  /** Activates the finding's sheet and selects its cell or range. Not queued: it changes nothing. */
  async select(key: string): Promise<void> {
    const f = this.findingByKey(key);
    if (!f) return;
    this.set({ selected: key });
    try {
      await this.host.select(f.sheet, f.cell.replace(/\$/g, ''));
    } catch (e) {
      this.set({ notice: { kind: 'error', text: errorMessage('select', e) } });
    }
  }

  /** The next card holding an error after the selected one (in list order, wrapping), or null. */
  nextError(): { card: FindingCard; group: string; row: string | null } | null {
    const order = cardsInOrder(this.state.groups).filter((x) => x.card.findings.some((f) => f.severity === 'error'));
    if (!order.length) return null;
    const sel = this.state.selected;
    const at = sel ? order.findIndex((x) => x.card.findings.some((f) => f.key === sel)) : -1;
    return order[(at + 1) % order.length];
  }

  /**
   * Writes the finding's suggestion (one cell, or every cell of a multi-cell fix, as one change), then reads that
   * sheet again, re-checks and re-marks, and reports what changed in the table.
   */
  applySuggestion(key: string): Promise<void> {
    return this.enqueue(async () => {
      const f = this.findingByKey(key);
      if (!f || f.suggestion === null) {
        this.set({ notice: { kind: 'warning', text: T.staleFinding } });
        return;
      }
      if (!f.edits || !f.edits.length) {
        this.set({ notice: { kind: 'warning', text: T.suggestionManual } });
        return;
      }
      const edits = f.edits;
      const where = f.sheet + '!' + (edits.length === 1 ? edits[0].cell : f.cell);
      this.set({ busy: 'apply', progress: { label: T.progress.applying(where) }, notice: null, status: null });
      const done: CellEdit[] = [];
      try {
        for (const e of edits) {
          await this.host.writeValue(f.sheet, e.cell, e.text);
          done.push(e);
        }
      } catch (e) {
        const partly = done.length ? T.appliedMany(f.sheet, done.map((x) => T.previewEdit(x.cell, x.text))) : '';
        this.set({ busy: null, progress: null, notice: { kind: 'error', text: partly + errorMessage('apply', e) } });
        if (done.length) await this.recheck([f.sheet]).catch(() => undefined);
        return;
      }
      const said = edits.length === 1 ? T.applied(where, edits[0].text) : T.appliedMany(f.sheet, edits.map((x) => T.previewEdit(x.cell, x.text)));
      const tableOf = (list: readonly Finding[]) => list.filter((x) => x.sheet === f.sheet && (f.table < 0 || x.table === f.table)).length;
      const before = tableOf(this.findings);
      const title = f.table >= 0 && this.tables[f.table] ? tableTitle(this.tables[f.table].table) : f.sheet;
      try {
        this.set({ progress: { label: T.progress.rechecking(f.sheet) } });
        await this.recheck([f.sheet]);
        const same = f.table >= 0 ? this.findings.filter((x) => x.sheet === f.sheet && x.table === f.table) : this.findings;
        const after = f.table >= 0 ? same.length : tableOf(this.findings);
        const remaining = onCell(this.findings, f.sheet, edits[0].cell).length;
        this.set({
          notice: {
            kind: 'success',
            text:
              said +
              (f.table >= 0 ? T.recheckedTable(title, before, after) : T.afterApply(f.sheet, before, after)) +
              (remaining ? T.cellRemaining(remaining) : T.cellResolved),
          },
        });
      } catch (e) {
        this.set({ notice: { kind: 'error', text: said + errorMessage('recheck', e) } });
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
        const r = await this.host.clearMarks({ pause: () => this.pause() });
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

  /** Yields to the host when the current slice of work has run long enough (always when `force`). */
  private async pause(force = false): Promise<void> {
    if (!force && now() - this.sliceStart < SLICE_MS) return;
    await this.yieldToUi();
    this.sliceStart = now();
    if (this.cancelRequested && this.state.cancellable) {
      this.cancelRequested = false;
      throw new Cancelled();
    }
  }

  private regroup(): Pick<SessionState, 'groups' | 'shown' | 'fixFirst'> {
    const tables = this.tables.map((t) => t.table);
    const groups = groupFindings(this.findings, tables, this.state.filter, { collapseMin: this.collapseMin, query: this.state.query });
    return { groups, shown: groups.reduce((n, g) => n + g.counts.total, 0), fixFirst: triage(this.findings, tables).text };
  }

  /** The grids of the last result for the other sheets, with these fresh ones in their place (or added). */
  private keepOthers(fresh: Grid[]): Grid[] {
    const byName = new Map<string, Grid>();
    for (const g of fresh) byName.set(g.name, g);
    const out: Grid[] = [];
    for (const g of this.grids) {
      const f = byName.get(g.name);
      if (f) {
        out.push(f);
        byName.delete(g.name);
      } else out.push(g);
    }
    byName.forEach((g) => out.push(g));
    return out;
  }

  /**
   * Parses the grids (only those in `changed`, or not parsed before; yielding between tables) and runs the rules
   * over all their tables in slices. Nothing is kept until `commit`, so a cancelled check leaves the last result.
   */
  private async evaluateSliced(grids: Grid[], profile: ProfileChoice, changed: Grid[]): Promise<CheckResult & { parsed: Map<string, { grid: Grid; tables: TargetTable[] }> }> {
    const parsed = new Map<string, { grid: Grid; tables: TargetTable[] }>();
    const tables: TargetTable[] = [];
    for (let i = 0; i < grids.length; i++) {
      const g = grids[i];
      const known = this.parsed.get(g.name);
      let list: TargetTable[];
      if (known && known.grid === g && changed.indexOf(g) < 0) list = known.tables;
      else {
        this.set({ progress: { label: T.progress.parsing(g.name), fraction: 0.5 + (0.15 * i) / Math.max(grids.length, 1) } });
        await this.pause(true);
        const detect = detectSteps(g);
        let found = detect.next();
        while (!found.done) {
          await this.pause();
          found = detect.next();
        }
        const regions = found.value;
        list = [];
        for (let k = 0; k < regions.length; k++) {
          list.push(parseRegion(g, regions[k], k));
          await this.pause();
        }
      }
      parsed.set(g.name, { grid: g, tables: list });
      for (const t of list) tables.push(t);
    }
    linkContinuations(tables);
    this.set({ progress: { label: T.progress.checking, fraction: 0.65 } });
    await this.pause(true);
    const steps = checkSteps(tables, { profile });
    let step = steps.next();
    while (!step.done) {
      if (now() - this.sliceStart >= SLICE_MS) {
        this.set({ progress: { label: T.progress.checking, fraction: 0.65 + (0.2 * step.value) / Math.max(tables.length, 1) } });
        await this.pause();
      }
      step = steps.next();
    }
    await this.pause();
    return { ...step.value, diagnostics: withFormulaErrors(grids, tables, step.value.diagnostics), parsed };
  }

  /** Keeps a result as the current one. */
  private async commit(grids: Grid[], result: CheckResult & { parsed: Map<string, { grid: Grid; tables: TargetTable[] }> }): Promise<void> {
    const steps = findingSteps(
      result.diagnostics,
      result.tables.map((t) => t.table),
      grids,
    );
    let step = steps.next();
    while (!step.done) {
      // A cancel here keeps the last result whole: nothing below has run yet.
      await this.pause();
      step = steps.next();
    }
    this.grids = grids;
    this.parsed = result.parsed;
    this.tables = result.tables;
    this.diagnostics = result.diagnostics;
    this.findings = step.value;
  }

  /**
   * Marks the current findings (the host restores the marks of the earlier check first). Only the sheets read are
   * re-marked (`sheets`, else every sheet of the result): the other sheets keep their marks and findings-sheet rows.
   * A result without tables marks nothing, so it never wipes marks or reports "未发现问题" for tables it did not
   * read. Throws host errors.
   */
  private async mark(sheets?: string[]): Promise<void> {
    if (!this.tables.length) return;
    this.set({ progress: { label: T.progress.marking, fraction: 0.9 } });
    const scope = sheets || this.grids.map((g) => g.name);
    const marks = await this.host.applyMarks(
      this.diagnostics.filter((d) => scope.indexOf(d.sheet) >= 0),
      this.grids.filter((g) => scope.indexOf(g.name) >= 0),
      {
        sheets: scope,
        pause: () => this.pause(),
        onProgress: (done, total) => this.set({ progress: { label: T.progress.markingCells(done, total), fraction: 0.9 + (0.1 * done) / Math.max(total, 1) } }),
      },
    );
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
   * Reads these sheets again, re-checks the whole result with them (only they are parsed again; cross-table rules
   * stay right) and re-marks. A sheet the last check did not cover is added; one that came back missing (renamed
   * or deleted) drops out.
   */
  private async reread(sheets: string[]): Promise<void> {
    const profile: ProfileChoice = this.last ? this.last.profile : 'auto';
    const fresh = await this.host.readSheets(sheets, undefined, () => this.pause());
    await this.pause(true);
    const grids = this.keepOthers(fresh).filter((g) => sheets.indexOf(g.name) < 0 || fresh.indexOf(g) >= 0);
    const result = await this.evaluateSliced(grids, profile, fresh);
    await this.commit(grids, result);
    await this.pause();
    if (!this.last) this.last = { scope: 'sheet', profile };
    const summary: CheckSummary = {
      ...(this.state.summary || { scope: this.last.scope, profile, marks: null }),
      sheets: grids.map((g) => g.name),
      tables: this.tables.length,
      counts: countSeverities(this.findings),
    };
    const selected = this.state.selected && this.findingByKey(this.state.selected) ? this.state.selected : null;
    this.set({ summary, selected, ...this.regroup() });
    await this.pause(true);
    await this.mark(grids.length > fresh.length ? fresh.map((g) => g.name) : undefined);
  }

  private async clearMarksInside(): Promise<number> {
    this.watching = false;
    this.stopTimer();
    if (!(await this.host.hasMarks())) return 0;
    this.set({ progress: { label: T.progress.clearing } });
    const r = await this.host.clearMarks({ pause: () => this.pause() });
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
        // A success message about the sheet before the edit no longer describes it.
        const stale = this.state.notice && this.state.notice.kind === 'success' ? { notice: null } : {};
        this.set({ busy: 'recheck', progress: { label: T.progress.rechecking(sheets.join('、')) }, ...stale });
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
