// The 审核 tab's use cases, free of React and the DOM (issue 9): the reviewer's name, a check of the whole
// workbook, a cursor over the findings, 确认 (kept as a remark), 忽略 (suppressed on later checks, undoable), free
// remarks on the selected cell, the per-project verdicts (proposed by core/review.ts, editable) and the 审核结论
// sheet. Every workbook change runs in the pane session's queue (`exclusive`), so it never interleaves with a check.
import { findingKey, displayDate, Ignored, Remark } from '../core/record';
import { proposeVerdict, reviewFile, SeverityCounts, Verdict } from '../core/review';
import { Diagnostic } from '../core/diagnostic';
import type { CellOp, SheetOps } from '../core/template/ops';
import { reviewPaneText as R, verdictLabel } from '../core/i18n/review';
import { Store } from './store';
import { Finding, TaskPaneSession, tableIndexOf, tableTitle } from './session';

/** Where the reviewer's name is remembered (the pane passes localStorage; tests a map). */
export interface NameStore {
  get(): string | null;
  set(name: string): void;
}

export type RemarkStatus = 'open' | 'resolved' | 'note';

export interface RemarkView {
  remark: Remark;
  status: RemarkStatus;
  /** Index of the table holding the cell; -1 outside every table. */
  table: number;
}

export interface ProjectView {
  /** Index into the check's tables; -1: findings outside every table. */
  table: number;
  title: string;
  location: string;
  counts: SeverityCounts;
  proposed: Verdict;
  /** The reviewer's choice, else the proposal. */
  verdict: Verdict;
}

export interface ReviewState {
  reviewer: string;
  checked: boolean;
  /** Findings of the last check not ignored, in sheet order. */
  findings: Finding[];
  /** Index into `findings` of the one shown; -1 when there is none. */
  cursor: number;
  /** Keys of findings confirmed as remarks in this session. */
  confirmed: string[];
  ignored: Ignored[];
  remarks: RemarkView[];
  projects: ProjectView[];
  /** Name of the summary sheet last written. */
  summarySheet: string | null;
}

/** A reviewer's name as written in signatures: trimmed, at most 40 characters. */
function cleanName(name: string): string {
  return name.replace(/\s+/g, ' ').trim().slice(0, 40);
}

export class ReviewSession extends Store<ReviewState> {
  readonly pane: TaskPaneSession;
  private readonly names: NameStore;
  private readonly now: () => Date;
  private overrides = new Map<number, Verdict>();
  /** Remarks seen open (their finding present) in a check of this session: once the finding goes, resolved. */
  private seenOpen = new Set<string>();

  constructor(pane: TaskPaneSession, names: NameStore, options: { now?: () => Date } = {}) {
    super({ reviewer: cleanName(names.get() || ''), checked: false, findings: [], cursor: -1, confirmed: [], ignored: [], remarks: [], projects: [], summarySheet: null });
    this.pane = pane;
    this.names = names;
    this.now = options.now || (() => new Date());
  }

  setReviewer(name: string): void {
    const reviewer = cleanName(name);
    this.names.set(reviewer);
    this.set({ reviewer });
  }

  /** Reads the remarks and ignored findings kept in the workbook (a reopened, returned workbook shows them). */
  load(): Promise<void> {
    return this.write('remark', async () => {
      await this.refresh();
      return null;
    });
  }

  /** Checks the whole workbook (the pane's check: marks and 审核意见 included) and walks its findings from the top. */
  async check(): Promise<void> {
    await this.pane.check('workbook');
    await this.load();
    this.set({ checked: true, cursor: this.state.findings.length ? 0 : -1 });
  }

  current(): Finding | null {
    const { findings, cursor } = this.state;
    return cursor >= 0 && cursor < findings.length ? findings[cursor] : null;
  }

  /** Moves the cursor (clamped) and selects the finding's cell in the sheet. */
  async move(delta: number): Promise<void> {
    const n = this.state.findings.length;
    if (!n) return;
    const cursor = Math.max(0, Math.min(n - 1, (this.state.cursor < 0 ? 0 : this.state.cursor) + delta));
    this.set({ cursor });
    await this.pane.select(this.state.findings[cursor].key);
  }

  /** 确认: the finding stays as the reviewer's remark on its cell (signed, dated, a row of 审核意见). */
  confirm(): Promise<void> {
    const f = this.current();
    if (!f || !this.needName()) return Promise.resolve();
    return this.write('remark', async () => {
      const r = await this.pane.host.addRemark({ sheet: f.sheet, cell: f.cell.split(':')[0], text: f.message, author: this.state.reviewer, date: this.now() });
      this.seenOpen.add(r.id);
      this.set({ confirmed: this.state.confirmed.concat(f.key) });
      await this.refresh();
      return { kind: 'success', text: R.confirmed };
    });
  }

  /** 忽略: a false alarm or accepted; hidden now and on later checks, kept in the workbook with who and when. */
  ignore(): Promise<void> {
    const f = this.current();
    if (!f || !this.needName()) return Promise.resolve();
    return this.write('ignore', async () => {
      await this.pane.host.ignoreFinding(toDiagnostic(f), this.state.reviewer);
      await this.refresh();
      return { kind: 'success', text: R.ignoredDone };
    });
  }

  unignore(key: string): Promise<void> {
    return this.write('unignore', async () => {
      await this.pane.host.unignoreFinding(key);
      await this.refresh();
      return { kind: 'success', text: R.unignoredDone };
    });
  }

  /** A free-text remark of the reviewer's own on the selected cell (its top-left cell for a range). */
  remarkOnSelection(text: string): Promise<void> {
    if (!this.needName()) return Promise.resolve();
    return this.write('remark', async () => {
      const sel = await this.pane.host.selection();
      if (!sel) return { kind: 'warning', text: R.remarkNoSelection };
      const r = await this.pane.host.addRemark({ sheet: sel.sheet, cell: sel.address.split(':')[0], text, author: this.state.reviewer, date: this.now() });
      await this.refresh();
      return { kind: 'success', text: R.remarkAdded(r.sheet, r.cell) };
    });
  }

  removeRemark(id: string): Promise<void> {
    return this.write('remove', async () => {
      await this.pane.host.removeRemark(id);
      await this.refresh();
      return null;
    });
  }

  /** The reviewer changes a project's verdict (the proposal is only a starting point). */
  setVerdict(table: number, verdict: Verdict): void {
    this.overrides.set(table, verdict);
    this.set({ projects: this.state.projects.map((p) => (p.table === table ? { ...p, verdict } : p)) });
  }

  /** Writes the 审核结论 sheet: per project the verdict and counts, then every remark; A4, header rows repeated. */
  writeSummary(): Promise<void> {
    if (!this.needName()) return Promise.resolve();
    return this.write('summary', async () => {
      const res = await this.pane.host.writeSheet(summaryOps(this.state, displayDate(this.now())));
      this.set({ summarySheet: res.sheet });
      return { kind: 'success', text: R.summaryWritten(res.sheet) };
    });
  }

  /** Clears every mark; with `keepRemarks` the reviewer's remarks stay in their cells and on 审核意见. */
  clear(keepRemarks: boolean): Promise<void> {
    return this.write('clear', async () => {
      const ids = keepRemarks ? this.state.remarks.map((r) => r.remark.id) : [];
      const r = await this.pane.host.clearMarks({ keepRemarks: ids });
      await this.refresh();
      return { kind: 'success', text: R.cleared(r.cells) };
    });
  }

  // ---- internals

  private needName(): boolean {
    if (this.state.reviewer) return true;
    this.pane.showNotice({ kind: 'warning', text: R.reviewerMissing });
    return false;
  }

  /** Runs a workbook change alone in the pane's queue; its failure becomes a Chinese notice. */
  private write(op: keyof typeof R.ops, run: () => Promise<{ kind: 'success' | 'warning'; text: string } | null>): Promise<void> {
    const busy = op === 'clear' ? 'clear' : op === 'summary' ? 'template' : 'apply';
    return this.pane.exclusive(busy, R.ops[op] + '…', 'mark', run);
  }

  /** Recomputes the visible findings, remarks and projects from the pane's last check and the workbook's record. */
  private async refresh(): Promise<void> {
    const review = await this.pane.host.reviewState();
    const hidden = new Set(review.ignored.map((x) => x.key));
    const all = this.pane.allFindings();
    const findings = all.filter((f) => !hidden.has(findingKey(f)));
    const tables = this.pane.checkedTables().map((t) => t.table);
    const remarks: RemarkView[] = review.remarks.map((remark) => {
      const open = all.some((f) => f.sheet === remark.sheet && f.cell.replace(/\$/g, '').split(':')[0] === remark.cell && f.message === remark.text);
      if (open) this.seenOpen.add(remark.id);
      const status: RemarkStatus = open ? 'open' : this.seenOpen.has(remark.id) ? 'resolved' : 'note';
      return { remark, status, table: tableIndexOf({ sheet: remark.sheet, cell: remark.cell } as Diagnostic, tables) };
    });
    const file = reviewFile(tables.length, findings, (f) => f.table);
    const projects: ProjectView[] = file.projects.map((p) => ({
      table: p.table,
      title: tableTitle(tables[p.table]),
      location: `${tables[p.table].sheet}!${tables[p.table].range}`,
      counts: p.counts,
      proposed: p.verdict,
      verdict: this.overrides.get(p.table) || p.verdict,
    }));
    if (file.outside.error || file.outside.warning || file.outside.info) {
      const proposed = proposeVerdict(file.outside);
      projects.push({ table: -1, title: R.outside, location: '', counts: file.outside, proposed, verdict: this.overrides.get(-1) || proposed });
    }
    const prev = this.current();
    let cursor = prev ? findings.findIndex((f) => f.key === prev.key) : -1;
    if (cursor < 0) cursor = findings.length ? Math.min(Math.max(this.state.cursor, 0), findings.length - 1) : -1;
    this.set({ findings, cursor, ignored: review.ignored, remarks, projects });
  }
}

function toDiagnostic(f: Finding): Diagnostic {
  return { sheet: f.sheet, cell: f.cell, severity: f.severity, rule: f.rule, message: f.message, suggestion: f.suggestion || undefined, table: f.table >= 0 ? f.table : undefined } as Diagnostic;
}

/** The 审核结论 sheet as template ops (text cells only; the host writes them without changing any user sheet). */
export function summaryOps(state: ReviewState, date: string): SheetOps {
  const S = R.sheet;
  const rows: string[][] = [[S.title], [S.reviewer(state.reviewer, date)], S.projectHeader.slice()];
  state.projects.forEach((p, i) => {
    rows.push([String(i + 1), p.title, p.location, verdictLabel[p.verdict], verdictLabel[p.proposed], String(p.counts.error), String(p.counts.warning), String(p.counts.info)]);
  });
  rows.push([], [S.remarksTitle], S.remarkHeader.slice());
  if (!state.remarks.length) rows.push([S.noRemarks]);
  state.remarks.forEach((r, i) => {
    rows.push([String(i + 1), r.remark.sheet, r.remark.cell, r.remark.text, r.remark.author, r.remark.date, R.remarkStatus[r.status]]);
  });
  const cells: CellOp[] = [];
  rows.forEach((row, r) => row.forEach((text, c) => cells.push({ row: r, col: c, value: text, text })));
  const font = { name: '宋体', size: 11, bold: false, charset: 134 };
  const wide = S.projectHeader.length - 1;
  return {
    name: S.name,
    font: { name: '宋体', fallbacks: ['SimSun'] },
    columns: [6, 30, 18, 12, 12, 8, 8, 8],
    rowHeights: [],
    cells,
    merges: [{ top: 0, left: 0, bottom: 0, right: wide }],
    styles: [
      { rect: { top: 0, left: 0, bottom: 0, right: wide }, style: { font: { ...font, size: 16, bold: true }, horizontal: 'center', vertical: 'middle', wrap: false } },
      { rect: { top: 2, left: 0, bottom: 2, right: wide }, style: { font: { ...font, bold: true }, horizontal: 'center', vertical: 'middle', wrap: true } },
    ],
    borders: [{ rect: { top: 2, left: 0, bottom: 2 + state.projects.length, right: wide }, edges: 'all', weight: 'thin' }],
    print: {
      paper: 'A4',
      paperSize: 9,
      orientation: 'landscape',
      fitToWidth: 1,
      fitToHeight: 0,
      margins: { left: 0.7, right: 0.7, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 },
      horizontalCentered: true,
      titleRows: { first: 2, last: 2 },
      rowBreaks: [],
    },
    tables: [],
  };
}
