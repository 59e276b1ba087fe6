// The 模板 tab's use cases, free of React and the DOM. Three sources:
// - 当前表: one table of the workbook (the one holding the selection is current);
// - 整个工作簿: every table of every sheet, one sheet per project or stacked;
// - 新项目: a form (项目名称/编码, 预算数, 资金用途, 资金支出计划, 绩效目标) plus indicators picked from the library's
//   suggestions or its search, checked by the engine as it is typed; it can be written only with no error left.
// Split rows are joined only with the user's consent. Each rendered sheet goes onto a NEW sheet (host.writeSheet
// never writes over a user's sheet), inside the pane's queue so it never interleaves with a check.
import { parseRange } from '../core/grid';
import { parseNumber } from '../core/value';
import { parseGrids } from '../core/parse';
import { TargetTable } from '../core/model';
import { Severity } from '../core/diagnostic';
import { templatePaneText as P } from '../core/i18n/template';
import { LibraryIndicator, indicatorById } from '../core/library';
import { TypeScore } from '../core/library/classify';
import { SuggestProfile, Suggestion, fillIndicators, suggest } from '../core/library/suggest';
import { searchLibrary } from '../core/library/search';
import { InsertItem } from '../core/library/insert';
import { FillOptions, Layout, ProjectForm, SheetOps, TEMPLATE_IDS, fillWorkbook, findTemplate, moveText, previewForm, previewTable } from '../core/template';
import type { WriteSkipped } from '../hosts/host';
import { TaskPaneSession, errorMessage, tableTitle } from './session';
import { Store } from './store';

export type TemplateSource = 'table' | 'workbook' | 'new';

/** The form's fields as typed (all text; the core parses and checks them). */
export interface FormFields {
  name: string;
  code: string;
  org: string;
  unit: '万元' | '元';
  /** 预算年度: fills {年度} in the picks' values (a deadline says “2027年11月底前完成”). */
  year: string;
  fiscal: string;
  other: string;
  purpose: string;
  /** One share per plan month of the template (3/6/10/12月底). */
  plan: string[];
  goals: string;
}

/** A library indicator offered for the new project; `value` is editable ({数量} waits for the user's number). */
export interface FormPick extends InsertItem {
  id: string;
  checked: boolean;
  /** The user typed the value: it no longer follows the form (budget, year) when the form changes. */
  edited: boolean;
}

export interface FormCheck {
  errors: number;
  warnings: number;
  infos: number;
  /** The errors' messages, to say why the table cannot be written yet. */
  messages: string[];
  /** The warnings' messages (they do not stop the write, but the user sees what each one is). */
  warningMessages: string[];
  /** What the checker says about the spend plan (a plan typed per quarter under 累计%), shown beside the plan. */
  planMessages: string[];
}

export interface TemplateState {
  loading: boolean;
  tables: { title: string; sheet: string }[];
  current: number;
  template: string;
  source: TemplateSource;
  layout: Layout;
  join: boolean;
  /** First rows of the first sheet to be written, as text. */
  preview: string[][];
  /** Sheets that would be written. */
  sheetCount: number;
  moves: string[];
  written: string[] | null;
  /** What the client could not write (merges below ExcelApi 1.2, print setup below 1.9, …), in the order met. */
  skipped: WriteSkipped[];
  error: string | null;
  form: FormFields;
  /** Project types the form's text suggests. */
  types: TypeScore[];
  picks: FormPick[];
  query: string;
  /** Search hits not yet picked. */
  hits: FormPick[];
  /** What keeps the form from being written (missing name, a placeholder left, a sum that does not add up). */
  formIssues: string[];
  formCheck: FormCheck | null;
}

export const PREVIEW_ROWS = 12;
export const PREVIEW_COLS = 8;
/** Suggestions offered for a new project. */
export const FORM_SUGGEST_TOP = 12;
export const FORM_SEARCH_LIMIT = 20;

export function templateOptions(): { id: string; name: string; kind: string }[] {
  return TEMPLATE_IDS.map((id) => {
    const t = findTemplate(id)!;
    return { id, name: t.name, kind: t.kind };
  });
}

function emptyForm(): FormFields {
  return { name: '', code: '', org: '', unit: '万元', year: String(new Date().getFullYear()), fiscal: '', other: '', purpose: '', plan: ['', '', '', ''], goals: '' };
}

function toPick(s: Suggestion): FormPick {
  // Offered, not chosen: the user ticks what fits the project (and fills its numbers).
  return { id: s.id, l1: s.l1, l2: s.l2, l3: s.l3, desc: s.desc, value: s.value, basis: s.basis, checked: false, edited: false };
}

export class TemplateSession extends Store<TemplateState> {
  readonly pane: TaskPaneSession;
  private tables: TargetTable[] = [];
  /** Sheets this tab wrote: not sources for the next fill. */
  private ownSheets = new Set<string>();

  constructor(pane: TaskPaneSession) {
    super({
      loading: false,
      tables: [],
      current: -1,
      template: 'hebei',
      source: 'table',
      layout: 'per-sheet',
      join: false,
      preview: [],
      sheetCount: 0,
      moves: [],
      written: null,
      skipped: [],
      error: null,
      form: emptyForm(),
      types: [],
      picks: [],
      query: '',
      hits: [],
      formIssues: [],
      formCheck: null,
    });
    this.pane = pane;
  }

  /** Called each time the tab is shown: the workbook may have changed since. */
  activate(): Promise<void> {
    return this.reload();
  }

  /** Reads every sheet (but the ones this tab wrote) and makes the table holding the selection current. */
  async reload(): Promise<void> {
    this.set({ loading: true, error: null });
    try {
      const host = this.pane.host;
      const names = (await host.sheetNames()).filter((n) => !this.ownSheets.has(n));
      const active = await host.activeSheet();
      this.tables = parseGrids(await host.readSheets(names));
      const sel = await host.selection();
      const where = sel ? sel.sheet : active;
      let current = this.tables.findIndex((t) => t.sheet === where);
      if (current < 0) current = this.tables.length ? 0 : -1;
      if (sel) {
        const cell = parseRange(sel.address.split(':')[0]);
        const at = this.tables.findIndex((t) => {
          if (t.sheet !== sel.sheet) return false;
          const r = parseRange(t.range);
          return cell.top >= r.top && cell.top <= r.bottom && cell.left >= r.left && cell.left <= r.right;
        });
        if (at >= 0) current = at;
      }
      const sheets = new Set(this.tables.map((t) => t.sheet));
      const title = (t: TargetTable) => (sheets.size > 1 ? P.tableOnSheet(tableTitle(t), t.sheet) : tableTitle(t));
      this.set({ loading: false, tables: this.tables.map((t) => ({ title: title(t), sheet: t.sheet })), current });
    } catch (e) {
      this.set({ loading: false, error: errorMessage('template', e) });
    }
    this.refresh();
  }

  setTemplate(id: string): void {
    this.set({ template: id, written: null });
    this.refillPicks();
    this.refresh();
  }
  setSource(source: TemplateSource): void {
    // A new project is a project table: the 部门整体 template cannot take the form.
    const tpl = findTemplate(this.state.template);
    const template = source === 'new' && (!tpl || tpl.kind !== 'project') ? 'hebei' : this.state.template;
    this.set({ source, template, written: null });
    this.refresh();
  }
  setLayout(layout: Layout): void {
    this.set({ layout, written: null });
    this.refresh();
  }
  setTable(i: number): void {
    this.set({ current: i, written: null });
    this.refresh();
  }
  setJoin(join: boolean): void {
    this.set({ join, written: null });
    this.refresh();
  }

  // ---- the new-project form

  setField<K extends keyof FormFields>(key: K, value: FormFields[K]): void {
    this.set({ form: { ...this.state.form, [key]: value }, written: null });
    this.refillPicks();
    this.refresh();
  }

  /**
   * Values the user has not typed follow the form: a pick made before the budget was filled still says
   * “≤{预算数}{单位}”, and is filled once the budget is there; placement follows the template's framework.
   */
  private refillPicks(): void {
    const picks = this.state.picks;
    const open = picks.filter((p) => !p.edited);
    if (!open.length) return;
    const inds = open.map((p) => indicatorById(p.id)).filter((i): i is LibraryIndicator => !!i);
    const fresh = new Map(fillIndicators(this.project(), inds, { profile: this.profile() }).map((s) => [s.id, s]));
    this.set({
      picks: picks.map((p) => {
        const f = !p.edited && fresh.get(p.id);
        return f ? { ...p, l1: f.l1, l2: f.l2, value: f.value } : p;
      }),
    });
  }
  setPlan(i: number, value: string): void {
    const plan = this.state.form.plan.slice();
    plan[i] = value;
    this.setField('plan', plan);
  }

  private profile(): SuggestProfile {
    const t = findTemplate(this.state.template);
    return t && t.profile === 'core2021' ? 'core2021' : 'classic';
  }

  private project() {
    const f = this.state.form;
    const fiscal = parseNumber(f.fiscal) || 0;
    const other = parseNumber(f.other) || 0;
    const year = /^(19|20)\d\d$/.test(f.year.trim()) ? Number(f.year.trim()) : undefined;
    return { name: f.name, purpose: f.purpose, goals: f.goals, code: f.code, unit: f.unit, year, budget: fiscal + other > 0 ? fiscal + other : undefined };
  }

  /** Suggestions for the project as the form describes it; the user's own picks (and their values) stay. */
  suggestPicks(): void {
    const res = suggest(this.project(), { top: FORM_SUGGEST_TOP, profile: this.profile() });
    const kept = this.state.picks.filter((p) => p.checked);
    const have = new Set(kept.map((p) => p.id));
    const picks = kept.concat(res.suggestions.filter((s) => !have.has(s.id)).map(toPick));
    this.set({ picks, types: res.types.slice(0, 3), written: null });
    this.refresh();
  }

  togglePick(id: string, checked: boolean): void {
    this.set({ picks: this.state.picks.map((p) => (p.id === id ? { ...p, checked } : p)), written: null });
    this.refresh();
  }

  setPickValue(id: string, value: string): void {
    this.set({ picks: this.state.picks.map((p) => (p.id === id ? { ...p, value, edited: true } : p)), written: null });
    this.refresh();
  }

  /** Searches the whole library; hits already picked are left out. */
  search(query: string): void {
    const q = query.trim();
    if (!q) {
      this.set({ query, hits: [] });
      return;
    }
    const have = new Set(this.state.picks.map((p) => p.id));
    const inds: LibraryIndicator[] = searchLibrary(q, { limit: FORM_SEARCH_LIMIT }).filter((i) => !have.has(i.id));
    this.set({ query, hits: fillIndicators(this.project(), inds, { profile: this.profile() }).map(toPick) });
  }

  addHit(id: string): void {
    const hit = this.state.hits.find((h) => h.id === id);
    if (!hit) return;
    this.set({ picks: this.state.picks.concat([{ ...hit, checked: true }]), hits: this.state.hits.filter((h) => h.id !== id), written: null });
    this.refresh();
  }

  formInput(): ProjectForm {
    const f = this.state.form;
    return {
      name: f.name,
      code: f.code,
      org: f.org,
      unit: f.unit,
      budget: { fiscal: f.fiscal, other: f.other },
      purpose: f.purpose,
      plan: f.plan,
      goals: f.goals,
      indicators: this.state.picks.filter((p) => p.checked).map((p) => ({ l1: p.l1, l2: p.l2, l3: p.l3, desc: p.desc, value: p.value, basis: p.basis })),
    };
  }

  /** 预算数 as the form makes it (财政 + 其他), or null while neither is a number. */
  budgetTotal(): number | null {
    const b = this.project().budget;
    return b === undefined ? null : Math.round(b * 10000) / 10000;
  }

  /** The form can be written: a project template, nothing missing, and the checker finds no error. */
  canWriteForm(): boolean {
    const s = this.state;
    return s.source === 'new' && !!s.formCheck && s.formIssues.length === 0 && s.formCheck.errors === 0;
  }

  // ---- rendering and writing

  private options(): FillOptions {
    return { template: this.state.template, joinSplitRows: this.state.join, layout: this.state.layout };
  }

  /** The sheets to write, the indicators the template moved, and for the form what stops it. */
  private render(): { sheets: SheetOps[]; moves: string[]; formIssues: string[]; formCheck: FormCheck | null } {
    const s = this.state;
    const moves: string[] = [];
    const none = { sheets: [] as SheetOps[], moves, formIssues: [] as string[], formCheck: null };
    const take = (notes: { kind: string; moves?: Parameters<typeof moveText>[0][] }[]) => {
      for (const n of notes) if (n.kind === 'profile' && n.moves) for (const m of n.moves) moves.push(moveText(m));
    };
    if (s.source === 'new') {
      const tpl = findTemplate(s.template);
      if (!tpl || tpl.kind !== 'project') return { ...none, formIssues: [P.form.needsProjectTemplate] };
      const p = previewForm(this.formInput(), s.template);
      const count = (sev: Severity) => p.check.diagnostics.filter((d) => d.severity === sev).length;
      // A placeholder left in a value is already named above, indicator by indicator.
      const messages = p.check.diagnostics.filter((d) => d.severity === 'error' && d.rule !== 'value.placeholder').map((d) => d.message);
      const warningMessages = p.check.diagnostics.filter((d) => d.severity === 'warning').map((d) => d.message);
      const planMessages = p.check.diagnostics.filter((d) => d.rule.indexOf('plan.') === 0 && d.severity !== 'info').map((d) => d.message);
      return {
        sheets: [p.ops],
        moves,
        formIssues: p.issues,
        formCheck: { errors: count('error'), warnings: count('warning'), infos: count('info'), messages, warningMessages, planMessages },
      };
    }
    if (s.source === 'table') {
      const t = this.tables[s.current];
      if (!t) return none;
      const { item, ops } = previewTable(t, s.current, this.options());
      take(item.notes);
      return { ...none, sheets: [ops] };
    }
    if (!this.tables.length) return none;
    const r = fillWorkbook(this.tables, this.options());
    for (const it of r.items) take(it.notes);
    return { ...none, sheets: r.ops.sheets };
  }

  private refresh(): void {
    try {
      const { sheets, moves, formIssues, formCheck } = this.render();
      const preview: string[][] = [];
      const first = sheets[0];
      if (first) {
        const width = Math.min(first.columns.length || 1, PREVIEW_COLS);
        for (let r = 0; r < PREVIEW_ROWS; r++) preview.push(new Array(width).fill(''));
        for (const c of first.cells) if (c.row < PREVIEW_ROWS && c.col < width) preview[c.row][c.col] = c.text;
      }
      this.set({ preview, sheetCount: sheets.length, moves, formIssues, formCheck, error: null });
    } catch (e) {
      this.set({ preview: [], sheetCount: 0, moves: [], formIssues: [], formCheck: null, error: errorMessage('template', e) });
    }
  }

  /** Writes each rendered sheet onto a new sheet, in the pane's queue; reports their names. */
  write(): Promise<void> {
    if (this.state.source === 'new' && !this.canWriteForm()) return Promise.resolve();
    const { sheets } = this.render();
    if (!sheets.length) return Promise.resolve();
    return this.pane.exclusive('template', P.writing(sheets.length), 'template', async (x) => {
      const names: string[] = [];
      const skipped: WriteSkipped[] = [];
      try {
        for (let i = 0; i < sheets.length; i++) {
          if (sheets.length > 1) x.progress(P.writingSheet(i + 1, sheets.length));
          const res = await this.pane.host.writeSheet(sheets[i]);
          names.push(res.sheet);
          this.ownSheets.add(res.sheet);
          for (const k of res.skipped || []) if (skipped.indexOf(k) < 0) skipped.push(k);
        }
      } finally {
        // What was written before a failure is reported too: those sheets are in the workbook now.
        this.set({ written: names.length ? names : null, skipped, error: null });
      }
      return null;
    });
  }
}
