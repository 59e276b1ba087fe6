// The 指标库 tab's use cases, free of React and the DOM: the tables to add indicators to (those of the last check,
// else the active sheet's), the current one (the one holding the selected cell, or chosen), its project types and
// suggestions grouped by 二级, a debounced search over the whole library, the chosen indicators, and 插入: the marks
// come off first (their record holds cell addresses that inserted rows would shift), the sheet is read again, the
// rows are planned by the core (src/core/library/insert.ts) and inserted by the host, then the sheet is re-checked.
// A value whose template still has a placeholder ({数量}) asks for the number; without one its 指标值 is inserted
// blank (never the placeholder text), and the re-check flags that cell as empty. A type chip lists that type's
// indicators.
// Only the 指标库 tab imports this module, so a pane built without the tab carries no library.
import { Grid, parseRange } from '../core/grid';
import { parseGrids } from '../core/parse';
import { TargetTable, displayName } from '../core/model';
import { Profile, chooseProfile, findProfile, matchL1, matchL2 } from '../core/profiles';
import { TypeFit, TypeScore } from '../core/library/classify';
import { Suggestion, fillIndicators, suggest, tableHas } from '../core/library/suggest';
import { searchLibrary } from '../core/library/search';
import { indicatorsOfType } from '../core/library';
import { analyzeValue, parseNumber } from '../core/value';
import { InsertProblem, insertProblem, planIndicatorInsert } from '../core/library/insert';
import { libraryPaneText as L } from '../core/i18n/library';
import { Notice, TaskPaneSession, errorMessage, tableTitle } from './session';
import { Store } from './store';

/** Quiet time after the last keystroke before the library is searched. */
export const SEARCH_DEBOUNCE_MS = 250;
/** Suggestions shown for a table (more when its profile's required 二级 need them). */
export const SUGGEST_TOP = 12;
/** Search hits shown at most. */
export const SEARCH_LIMIT = 40;
/** Indicators of one type shown at most. */
export const TYPE_LIMIT = 60;

export interface LibraryTable {
  key: string;
  title: string;
  /** Sheet!A1:G18 */
  location: string;
  sheet: string;
  /** Why library rows cannot go into it, or null. */
  problem: InsertProblem | null;
  flat: boolean;
}

export interface LibraryItem extends Suggestion {
  /** The value still has a placeholder ({数量}, {预算数}) for the user to fill. */
  pending: boolean;
}

export interface LibraryGroup {
  key: string;
  l1: string;
  l2: string;
  items: LibraryItem[];
}

export interface LibraryResultRow {
  sheet: string;
  cell: string;
  l1: string;
  l2: string;
  l3: string;
  value: string;
  pending: boolean;
}

export interface LibraryResult {
  table: string;
  rows: LibraryResultRow[];
}

export interface LibraryState {
  loading: boolean;
  tables: LibraryTable[];
  /** Index into tables, -1 when none. */
  current: number;
  types: TypeScore[];
  /** How well the best type fits the current table's project (null before a table is read). */
  fit: TypeFit | null;
  query: string;
  /** The list shows search hits (the query is not blank), else the suggestions. */
  searching: boolean;
  groups: LibraryGroup[];
  /** Items listed (after leaving out what the table has). */
  listed: number;
  /** Ids of the chosen items, in the order chosen. */
  checked: string[];
  /** The project type whose indicators are listed (a type chip pressed), or null. */
  typeFilter: string | null;
  /** The number typed for a chosen item whose value waits for one ({数量}), by item id. */
  amounts: Record<string, string>;
  result: LibraryResult | null;
}

export interface LibrarySessionOptions {
  debounceMs?: number;
}


/** The unit shown beside a value: the one the value itself ends in (≤100000元), else the library's. */
function shownUnit(value: string, unit: string): string {
  const p = analyzeValue(value).parsed;
  return p.kind === 'quant' && p.unit ? p.unit : unit;
}

function toItem(s: Suggestion): LibraryItem {
  return { ...s, unit: shownUnit(s.value, s.unit), pending: s.missing.length > 0 };
}

const PLACEHOLDER = /\{[^{}]*\}/;

/** A number typed for {数量}: digits, with an optional decimal part (full-width digits read too). */
export function validAmount(text: string): boolean {
  const t = text.trim();
  return !t || (parseNumber(t) !== null && /^[0-9０-９.．,，]+$/.test(t));
}

/**
 * The 指标值 actually written for an item: {数量} replaced by the number typed for it; a value that still holds a
 * placeholder is written blank, so no literal {…} ever reaches the sheet.
 */
export function valueToInsert(it: LibraryItem, amount: string | undefined): string {
  let v = it.value;
  const a = (amount || '').trim();
  if (a && validAmount(a)) v = v.replace(/\{数量\}/g, String(parseNumber(a)));
  return PLACEHOLDER.test(v) ? '' : v;
}

/** Items grouped by 一级/二级, in the profile's order (unknown names last, as met). */
export function groupItems(items: readonly LibraryItem[], profile: Profile): LibraryGroup[] {
  const groups: LibraryGroup[] = [];
  const byKey = new Map<string, LibraryGroup>();
  for (const it of items) {
    const key = it.l1 + '/' + it.l2;
    let g = byKey.get(key);
    if (!g) {
      g = { key, l1: it.l1, l2: it.l2, items: [] };
      byKey.set(key, g);
      groups.push(g);
    }
    g.items.push(it);
  }
  const rank = (g: LibraryGroup): number => {
    const m1 = matchL1(profile, g.l1);
    if (!m1) return 9999;
    const i1 = profile.levels.findIndex((l) => l.role === m1.role);
    const m2 = matchL2(profile, g.l2, m1.role);
    const i2 = m2 ? profile.levels[i1].children.findIndex((c) => c.role === m2.role) : 99;
    return i1 * 100 + i2;
  };
  return groups
    .map((g, i) => ({ g, i, r: rank(g) }))
    .sort((a, b) => a.r - b.r || a.i - b.i)
    .map((x) => x.g);
}

const tableKey = (t: TargetTable, i: number) => t.sheet + '!' + t.header.l3 + '#' + i;

export class LibrarySession extends Store<LibraryState> {
  readonly pane: TaskPaneSession;
  private readonly debounceMs: number;
  private tables: TargetTable[] = [];
  /** The pane's tables these came from (null: read by this tab). */
  private source: readonly unknown[] | null = null;
  private chosen = new Map<string, LibraryItem>();
  private suggestions: LibraryItem[] = [];
  private suggestedFor: TargetTable | null = null;
  private types: TypeScore[] = [];
  private fit: TypeFit | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private activated = false;
  private unsubscribe: () => void;

  constructor(pane: TaskPaneSession, options: LibrarySessionOptions = {}) {
    super({
      loading: false,
      tables: [],
      current: -1,
      types: [],
      fit: null,
      query: '',
      searching: false,
      groups: [],
      listed: 0,
      checked: [],
      typeFilter: null,
      amounts: {},
      result: null,
    });
    this.pane = pane;
    this.debounceMs = options.debounceMs !== undefined ? options.debounceMs : SEARCH_DEBOUNCE_MS;
    // A new check result brings new tables (and new rows in them): follow it once the tab has been opened.
    this.unsubscribe = pane.subscribe(() => {
      if (this.activated && !this.closed && this.pane.checkedTables() !== this.source && this.pane.checkedTables().length) this.takePaneTables();
    });
  }

  /** The current table, if any. */
  currentTable(): TargetTable | undefined {
    return this.state.current >= 0 ? this.tables[this.state.current] : undefined;
  }

  /** The item listed or chosen under this id. */
  item(id: string): LibraryItem | undefined {
    return this.chosen.get(id) || this.listedItems().find((x) => x.id === id);
  }

  /**
   * The tab is shown: the first time, its tables are found (the last check's, else the active sheet's) and the one
   * holding the selected cell becomes current.
   */
  async activate(): Promise<void> {
    if (this.activated) return;
    this.activated = true;
    if (this.pane.checkedTables().length) this.takePaneTables();
    else await this.readActiveSheet();
    await this.useSelection(true);
  }

  /** Makes the table holding the selected cell current (reading its sheet when no known table is there). */
  async useSelection(quiet = false): Promise<void> {
    let sel: { sheet: string; address: string } | null = null;
    try {
      sel = await this.pane.host.selection();
    } catch (e) {
      if (!quiet) this.pane.showNotice({ kind: 'error', text: errorMessage('library', e) });
      return;
    }
    if (!sel) return;
    let at = this.tableAt(sel.sheet, sel.address);
    if (at < 0 && !this.tables.some((t) => t.sheet === sel!.sheet)) {
      await this.readSheet(sel.sheet, true);
      at = this.tableAt(sel.sheet, sel.address);
    }
    if (at >= 0 && at !== this.state.current) this.setTable(at);
  }

  setTable(index: number): void {
    if (index < 0 || index >= this.tables.length) return;
    this.chosen.clear();
    this.set({ current: index, checked: [], amounts: {}, result: null });
    this.refreshList();
  }

  /** Lists the indicators of one project type (a chip pressed), or the suggestions again (null, or the same type). */
  setTypeFilter(type: string | null): void {
    const next = type === this.state.typeFilter ? null : type;
    this.set({ typeFilter: next });
    this.refreshList();
  }

  /** The number for a chosen item whose value waits for one. */
  setAmount(id: string, text: string): void {
    this.set({ amounts: { ...this.state.amounts, [id]: text } });
  }

  /** Every number typed is a number (blank is allowed: that value is inserted blank). */
  amountsValid(): boolean {
    return this.state.checked.every((id) => validAmount(this.state.amounts[id] || ''));
  }

  /** Type-ahead: the search runs once typing pauses. */
  setQuery(query: string): void {
    this.set({ query });
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      this.refreshList();
    }, this.debounceMs);
  }

  /** Runs a pending search now (tests, Enter in the box). */
  flushSearch(): void {
    if (this.timer === null) return;
    clearTimeout(this.timer);
    this.timer = null;
    this.refreshList();
  }

  toggle(id: string, on: boolean): void {
    const it = this.item(id);
    if (!it) return;
    if (on) this.chosen.set(id, it);
    else this.chosen.delete(id);
    this.set({ checked: Array.from(this.chosen.keys()) });
  }

  clearChecked(): void {
    this.chosen.clear();
    this.set({ checked: [] });
  }

  /** Inserts the chosen indicators into the current table, then re-checks its sheet. */
  insert(): Promise<void> {
    const t = this.currentTable();
    const amounts = this.state.amounts;
    const items = Array.from(this.chosen.values()).map((it) => ({ ...it, value: valueToInsert(it, amounts[it.id]) }));
    if (!t || !items.length) {
      this.pane.showNotice({ kind: 'warning', text: L.nothingChosen });
      return Promise.resolve();
    }
    const title = tableTitle(t);
    return this.pane.exclusive('insert', L.progress.reading(t.sheet), 'insert', async (x) => {
      // Planned from a fresh read (marks change no value), so a refusal leaves the marks where they are.
      const grids = await this.pane.host.readSheets([t.sheet]);
      const grid = grids[0];
      const fresh = grid ? findSame(parseGrids([grid]), t) : undefined;
      if (!grid || !fresh) throw new Error(L.tableGone);
      const { plan, placed, skipped } = planIndicatorInsert(grid, fresh, items);
      const rows: LibraryResultRow[] = placed.map((p) => {
        const it = p.item as LibraryItem;
        return { sheet: t.sheet, cell: p.cell, l1: p.l1, l2: p.l2, l3: it.l3, value: it.value, pending: !it.value };
      });
      let cleared = 0;
      if (plan.blocks.length) {
        cleared = await x.clearMarks();
        x.progress(L.progress.inserting(placed.length));
        try {
          await this.pane.host.insertRows(t.sheet, plan);
        } catch (e) {
          // Nothing was inserted: put the marks taken off back before saying so.
          if (cleared) await x.recheck(t.sheet).catch(() => undefined);
          throw e;
        }
      }
      this.chosen.clear();
      this.set({ checked: [], amounts: {}, result: { table: title, rows } });
      if (placed.length) {
        // Show the first new row.
        const top = rows.map((r) => r.cell).sort((a, b) => parseRange(a).top - parseRange(b).top)[0];
        try {
          await this.pane.host.select(t.sheet, top);
        } catch {
          // Selecting is a courtesy.
        }
      }
      let recheckError: unknown = null;
      x.progress(L.progress.rechecking(t.sheet));
      try {
        await x.recheck(t.sheet);
      } catch (e) {
        recheckError = e;
      }
      if (placed.length) this.followInserted(t.sheet, placed[0].cell);
      const pending = rows.filter((r) => r.pending).length;
      const text = [
        placed.length ? L.inserted(placed.length, title) : '',
        cleared ? L.marksCleared : '',
        pending ? L.pendingLeft(pending) : '',
        skipped.length ? L.skipped(skipped.length) : '',
        recheckError ? errorMessage('recheck', recheckError) : '',
      ]
        .filter(Boolean)
        .join('');
      const notice: Notice = { kind: recheckError ? 'error' : placed.length ? 'success' : 'warning', text };
      return notice;
    });
  }

  dispose(): void {
    this.close();
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    this.unsubscribe();
  }

  // ---- internals

  private listedItems(): LibraryItem[] {
    const out: LibraryItem[] = [];
    for (const g of this.state.groups) for (const it of g.items) out.push(it);
    return out;
  }

  private tableAt(sheet: string, address: string): number {
    let cell: { top: number; left: number };
    try {
      cell = parseRange(address.split(':')[0]);
    } catch {
      return -1;
    }
    return this.tables.findIndex((t) => {
      if (t.sheet !== sheet) return false;
      const r = parseRange(t.range);
      return cell.top >= r.top && cell.top <= r.bottom && cell.left >= r.left && cell.left <= r.right;
    });
  }

  /** The tables of the pane's last check; the current one stays current when it is still there. */
  private takePaneTables(): void {
    const checked = this.pane.checkedTables();
    this.source = checked;
    this.setTables(checked.map((c) => c.table));
  }

  private async readActiveSheet(): Promise<void> {
    try {
      const sheet = await this.pane.host.activeSheet();
      await this.readSheet(sheet, false);
    } catch (e) {
      this.set({ loading: false });
      this.pane.showNotice({ kind: 'error', text: errorMessage('library', e) });
    }
  }

  /** Parses one sheet's tables; `add` keeps the tables already known (those of other sheets). */
  private async readSheet(sheet: string, add: boolean): Promise<void> {
    this.set({ loading: true });
    try {
      const grids: Grid[] = await this.pane.host.readSheets([sheet]);
      const found = parseGrids(grids);
      this.source = null;
      this.setTables(add ? this.tables.filter((t) => t.sheet !== sheet).concat(found) : found);
    } catch (e) {
      this.pane.showNotice({ kind: 'error', text: errorMessage('library', e) });
    } finally {
      this.set({ loading: false });
    }
  }

  private setTables(tables: TargetTable[]): void {
    const before = this.currentTable();
    this.tables = tables;
    const list: LibraryTable[] = tables.map((t, i) => ({
      key: tableKey(t, i),
      title: tableTitle(t),
      location: t.sheet + '!' + t.range,
      sheet: t.sheet,
      problem: insertProblem(t),
      flat: t.kind === 'flat',
    }));
    let current = before ? tables.findIndex((t) => t.sheet === before.sheet && displayName(t) === displayName(before)) : -1;
    if (current < 0) current = list.findIndex((x) => !x.problem);
    if (current < 0) current = tables.length ? 0 : -1;
    this.set({ tables: list, current });
    this.refreshList();
  }

  /** After an insertion: the table holding the first new row is current. */
  private followInserted(sheet: string, cell: string): void {
    const at = this.tableAt(sheet, cell);
    if (at >= 0 && at !== this.state.current) this.set({ current: at });
    this.refreshList();
  }

  /** Types and suggestions of the current table, or the search hits for the query. */
  private refreshList(): void {
    const t = this.currentTable();
    const query = this.state.query.trim();
    if (!t || t.kind === 'department') {
      this.suggestions = [];
      this.set({ types: [], fit: null, groups: [], listed: 0, searching: !!query });
      return;
    }
    const chosen = chooseProfile(t);
    const profile = chosen.kind === 'project' ? chosen : (findProfile('classic') as Profile);
    if (this.suggestedFor !== t) {
      const res = suggest({ name: '', existing: t }, { top: SUGGEST_TOP });
      this.suggestedFor = t;
      this.types = res.types;
      this.fit = res.fit;
      this.suggestions = res.suggestions.map(toItem);
    }
    let items = this.suggestions;
    const type = this.state.typeFilter;
    if (query || type) {
      const has = tableHas(t);
      let hits = query ? searchLibrary(query, { limit: type ? 1000 : SEARCH_LIMIT }) : indicatorsOfType(type as string);
      if (query && type) hits = hits.filter((ind) => ind.types.indexOf(type) >= 0);
      hits = hits.filter((ind) => !has(ind)).slice(0, type ? TYPE_LIMIT : SEARCH_LIMIT);
      items = fillIndicators({ name: '', existing: t }, hits).map(toItem);
    }
    this.set({ types: this.types, fit: this.fit, groups: groupItems(items, profile), listed: items.length, searching: !!query || !!type });
  }
}

/** The table in a fresh read that is `t`: same sheet and header cell, else the same name. */
function findSame(found: TargetTable[], t: TargetTable): TargetTable | undefined {
  const same = found.filter((f) => f.sheet === t.sheet);
  return same.find((f) => f.header.l3 === t.header.l3 && displayName(f) === displayName(t)) || same.find((f) => displayName(f) === displayName(t) && !!displayName(t));
}
