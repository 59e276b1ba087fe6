// The 审核 tab's use cases, free of React and the DOM (issue 9): the reviewer's name, a check of the whole
// workbook, a cursor over the findings, 确认 (kept as a remark), 忽略 (suppressed on later checks, undoable), free
// remarks on the selected cell, the per-project verdicts (proposed by core/review.ts, editable) and the 审核结论
// sheet. Every workbook change runs in the pane session's queue (`exclusive`), so it never interleaves with a check.
import { findingKey, displayDate, hash32, Ignored, Remark, ReviewPass, VerdictChoice } from '../core/record';
import { proposeVerdict, reviewFile, SeverityCounts, Verdict } from '../core/review';
import { PassDiff, ProjectChange, diffPass, makePass, projectKeys } from '../core/review-pass';
import { cellLink } from '../core/marks';
import { Diagnostic } from '../core/diagnostic';
import type { CellOp, SheetOps, StyleOp } from '../core/template/ops';
import { reviewPaneText as R, verdictLabel } from '../core/i18n/review';
import { Store } from './store';
import { Finding, TaskPaneSession, tableIndexOf, tableTitle } from './session';

/** Where the reviewer's name is remembered (the pane passes localStorage; tests a map). */
export interface NameStore {
  get(): string | null;
  set(name: string): void;
}

/** open/resolved: a confirmed finding still found / gone; note: a free remark; pending: not checked yet. */
export type RemarkStatus = 'open' | 'resolved' | 'note' | 'pending';

export interface RemarkView {
  remark: Remark;
  status: RemarkStatus;
  /** Index of the table holding the cell; -1 outside every table. */
  table: number;
}

export interface ProjectView {
  /** Index into the check's tables; -1: findings outside every table. */
  table: number;
  /** Key across passes and sessions (core/review-pass.ts projectKey; '' outside every table). */
  key: string;
  title: string;
  location: string;
  counts: SeverityCounts;
  proposed: Verdict;
  /** The reviewer's choice, else the proposal. */
  verdict: Verdict;
  /** The reviewer's choice kept in the workbook (who, when). */
  chosen: VerdictChoice | null;
  /** Compared with the last pass; null without one. */
  change: ProjectChange | null;
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
  /** The check compared with the last review pass kept in the workbook (before this session's); null: none. */
  changes: PassDiff | null;
  /** Keys (Finding.key) of findings not in the last pass. */
  newFindings: string[];
}

/** A reviewer's name as written in signatures: trimmed, at most 40 characters. */
function cleanName(name: string): string {
  return name.replace(/\s+/g, ' ').trim().slice(0, 40);
}

export class ReviewSession extends Store<ReviewState> {
  readonly pane: TaskPaneSession;
  private readonly names: NameStore;
  private readonly now: () => Date;
  /** Remarks of v1 records (no finding key) seen open in a check of this session: once the finding goes, resolved. */
  private seenOpen = new Set<string>();
  /** This session's pass: writing 审核结论 again replaces it instead of adding one. */
  private readonly passId: string;

  constructor(pane: TaskPaneSession, names: NameStore, options: { now?: () => Date } = {}) {
    super({ reviewer: cleanName(names.get() || ''), checked: false, findings: [], cursor: -1, confirmed: [], ignored: [], remarks: [], projects: [], summarySheet: null, changes: null, newFindings: [] });
    this.pane = pane;
    this.names = names;
    this.now = options.now || (() => new Date());
    this.passId = hash32(String(this.now().getTime()) + '|' + Math.random());
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
      await this.pane.host.addRemark({ sheet: f.sheet, cell: f.cell.split(':')[0], text: f.message, author: this.state.reviewer, date: this.now(), finding: findingKey(f) });
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

  /**
   * The reviewer changes a project's verdict (the proposal is only a starting point): kept in the workbook with who
   * and when, it stays on later checks and sessions until changed again.
   */
  setVerdict(table: number, verdict: Verdict): Promise<void> {
    const p = this.state.projects.find((x) => x.table === table);
    if (!p || !this.needName()) return Promise.resolve();
    this.set({ projects: this.state.projects.map((x) => (x === p ? { ...x, verdict } : x)) });
    return this.write('verdict', async () => {
      const choice: VerdictChoice = { verdict, by: this.state.reviewer, date: displayDate(this.now()) };
      await this.pane.host.updateReview({ kind: 'verdict', project: p.key, choice });
      await this.refresh();
      return null;
    });
  }

  /** Back to the proposed verdict: the reviewer's choice is taken out of the workbook's record. */
  resetVerdict(table: number): Promise<void> {
    const p = this.state.projects.find((x) => x.table === table);
    if (!p || !p.chosen) return Promise.resolve();
    this.set({ projects: this.state.projects.map((x) => (x === p ? { ...x, verdict: p.proposed, chosen: null } : x)) });
    return this.write('verdict', async () => {
      await this.pane.host.updateReview({ kind: 'verdict', project: p.key, choice: null });
      await this.refresh();
      return null;
    });
  }

  /** Writes the 审核结论 sheet: per project the verdict and counts, then every remark; A4, header rows repeated. */
  writeSummary(): Promise<void> {
    if (!this.needName()) return Promise.resolve();
    return this.write('summary', async () => {
      const now = this.now();
      const sheets = await this.pane.host.sheetNames();
      const exists = (s: string) => sheets.some((n) => n.toLowerCase() === s.toLowerCase());
      const res = await this.pane.host.writeSheet(summaryOps(this.state, displayDate(now), exists));
      // The pass is kept once 审核结论 is written: the next pass (another session) is compared with it.
      await this.pane.host.updateReview({ kind: 'pass', pass: this.snapshot(now) });
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

  private snapshot(now: Date): ReviewPass {
    const byTable = new Map<number, string[]>();
    for (const f of this.state.findings) {
      const l = byTable.get(f.table >= 0 ? f.table : -1) || [];
      l.push(findingKey(f));
      byTable.set(f.table >= 0 ? f.table : -1, l);
    }
    return makePass(this.passId, now, displayDate(now), this.state.reviewer, this.state.projects.map((p) => ({ key: p.key, title: p.title, verdict: p.verdict, findings: byTable.get(p.table) || [] })));
  }

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
    const found = all.map((f) => findingKey(f));
    const foundSet = new Set(found);
    const findings = all.filter((f, i) => !hidden.has(found[i]));
    const tables = this.pane.checkedTables().map((t) => t.table);
    const summary = this.pane.getState().summary;
    const covered = new Set(summary ? summary.sheets : []);
    const remarks: RemarkView[] = review.remarks.map((remark) => {
      let status: RemarkStatus;
      if (remark.finding) status = !covered.has(remark.sheet) ? 'pending' : foundSet.has(remark.finding) ? 'open' : 'resolved';
      else {
        // A v1 remark has no key: a confirmed one carries its finding's message.
        const open = all.some((f) => f.sheet === remark.sheet && f.cell.replace(/\$/g, '').split(':')[0] === remark.cell && f.message === remark.text);
        if (open) this.seenOpen.add(remark.id);
        status = open ? 'open' : this.seenOpen.has(remark.id) ? 'resolved' : 'note';
      }
      return { remark, status, table: tableIndexOf({ sheet: remark.sheet, cell: remark.cell } as Diagnostic, tables) };
    });
    const file = reviewFile(tables.length, findings, (f) => f.table);
    const keys = projectKeys(tables.map((t) => ({ sheet: t.sheet, code: t.code.text, name: tableTitle(t) })));
    const project = (table: number, key: string, title: string, location: string, counts: SeverityCounts, proposed: Verdict): ProjectView => {
      const chosen = review.verdicts[key] || null;
      return { table, key, title, location, counts, proposed, verdict: chosen ? chosen.verdict : proposed, chosen, change: null };
    };
    const projects: ProjectView[] = file.projects.map((p) =>
      project(p.table, keys[p.table], tableTitle(tables[p.table]), `${tables[p.table].sheet}!${tables[p.table].range}`, p.counts, p.verdict),
    );
    if (file.outside.error || file.outside.warning || file.outside.info) projects.push(project(-1, '', R.outside, '', file.outside, proposeVerdict(file.outside)));

    // What changed since the last pass of another session (this session's own pass is the one being made).
    const earlier = review.passes.filter((p) => p.id !== this.passId);
    const last = earlier.length ? earlier[earlier.length - 1] : null;
    const shownKeys = (table: number) => findings.filter((f) => (f.table >= 0 ? f.table : -1) === table).map((f) => findingKey(f));
    const changes = summary ? diffPass(last, projects.map((p) => ({ key: p.key, findings: shownKeys(p.table) })), found) : null;
    let newFindings: string[] = [];
    if (changes && last) {
      changes.projects.forEach((c, i) => (projects[i].change = c));
      const before = new Set<string>();
      for (const p of last.projects) for (const k of p.f) before.add(k);
      newFindings = findings.filter((f) => !before.has(hash32(findingKey(f)))).map((f) => f.key);
    }
    const prev = this.current();
    let cursor = prev ? findings.findIndex((f) => f.key === prev.key) : -1;
    if (cursor < 0) cursor = findings.length ? Math.min(Math.max(this.state.cursor, 0), findings.length - 1) : -1;
    this.set({ findings, cursor, ignored: review.ignored, remarks, projects, changes, newFindings });
  }
}

function toDiagnostic(f: Finding): Diagnostic {
  return { sheet: f.sheet, cell: f.cell, severity: f.severity, rule: f.rule, message: f.message, suggestion: f.suggestion || undefined, table: f.table >= 0 ? f.table : undefined } as Diagnostic;
}

/** The 与上次审核相比 text of a project. */
export function changeText(c: ProjectChange): string {
  if (c.isNew) return R.newProject;
  const line = c.added || c.resolved || c.ignored ? R.changeLine(c.added, c.resolved, c.open, c.ignored) : R.unchanged(c.open);
  return c.lastVerdict ? `${line}；${R.lastVerdict(verdictLabel[c.lastVerdict])}` : line;
}

/**
 * The 审核结论 sheet as template ops (text cells; each remark's 单元格 a link to its cell where the sheet exists; the
 * host writes them without changing any user sheet). With an earlier pass, a line comparing with it overall and a
 * 与上次审核相比 column per project.
 */
export function summaryOps(state: ReviewState, date: string, sheetExists: (sheet: string) => boolean = () => false): SheetOps {
  const S = R.sheet;
  const ch = state.changes;
  const rows: string[][] = [[S.title], [S.reviewer(state.reviewer, date)]];
  if (ch) rows.push([S.compareTotal(R.changesTitle(ch.last.by, ch.last.date), R.changeLine(ch.total.added, ch.total.resolved, ch.total.open, ch.total.ignored))]);
  const header = rows.length;
  rows.push(ch ? S.projectHeader.concat(S.compareHeader) : S.projectHeader.slice());
  state.projects.forEach((p, i) => {
    const row = [String(i + 1), p.title, p.location, verdictLabel[p.verdict], verdictLabel[p.proposed], String(p.counts.error), String(p.counts.warning), String(p.counts.info)];
    if (ch) row.push(p.change ? changeText(p.change) : '');
    rows.push(row);
  });
  rows.push([], [S.remarksTitle], S.remarkHeader.slice());
  if (!state.remarks.length) rows.push([S.noRemarks]);
  const links = new Map<number, string>();
  state.remarks.forEach((r, i) => {
    const link = cellLink(r.remark.sheet, r.remark.cell, sheetExists);
    if (link.charAt(0) === '=') links.set(rows.length, link);
    rows.push([String(i + 1), r.remark.sheet, r.remark.cell, r.remark.text, r.remark.author, r.remark.date, R.remarkStatus[r.status]]);
  });
  const cells: CellOp[] = [];
  rows.forEach((row, r) =>
    row.forEach((text, c) => {
      const op: CellOp = { row: r, col: c, value: text, text };
      const link = c === 2 ? links.get(r) : undefined;
      if (link) op.formula = link;
      cells.push(op);
    }),
  );
  const font = { name: '宋体', size: 11, bold: false, charset: 134 };
  const wide = (ch ? S.projectHeader.length + 1 : S.projectHeader.length) - 1;
  const wrapped = { font, horizontal: 'left' as const, vertical: 'top' as const, wrap: true };
  return {
    name: S.name,
    font: { name: '宋体', fallbacks: ['SimSun'] },
    columns: ch ? [6, 30, 18, 12, 12, 8, 8, 8, 36] : [6, 30, 18, 12, 12, 8, 8, 8],
    rowHeights: [],
    cells,
    merges: [{ top: 0, left: 0, bottom: 0, right: wide }].concat(ch ? [{ top: 2, left: 0, bottom: 2, right: wide }] : []),
    styles: ([
      { rect: { top: 0, left: 0, bottom: 0, right: wide }, style: { font: { ...font, size: 16, bold: true }, horizontal: 'center', vertical: 'middle', wrap: false } },
      { rect: { top: header, left: 0, bottom: header, right: wide }, style: { font: { ...font, bold: true }, horizontal: 'center', vertical: 'middle', wrap: true } },
    ] as StyleOp[]).concat(ch && state.projects.length ? [{ rect: { top: header + 1, left: wide, bottom: header + state.projects.length, right: wide }, style: wrapped }] : []),
    borders: [{ rect: { top: header, left: 0, bottom: header + state.projects.length, right: wide }, edges: 'all', weight: 'thin' }],
    print: {
      paper: 'A4',
      paperSize: 9,
      orientation: 'landscape',
      fitToWidth: 1,
      fitToHeight: 0,
      margins: { left: 0.7, right: 0.7, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 },
      horizontalCentered: true,
      titleRows: { first: header, last: header },
      rowBreaks: [],
    },
    tables: [],
  };
}
