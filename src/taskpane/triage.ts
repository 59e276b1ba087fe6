// How the 检查 list is laid out for a clerk who must finish it: one card per cell (all its messages), the worst first
// within a table, a finding that repeats in many tables shown once with its count and the tables, many findings of
// one rule in a table as one expandable row, tables with the most errors first, a search, and a line saying what to
// fix first. Pure functions over the session's findings (no React, no host).
import { CellEdit, Severity, severityRank } from '../core/diagnostic';
import { parseRange } from '../core/grid';
import { TargetTable, displayName } from '../core/model';
import { ruleShortName, taskpaneText as T } from '../core/i18n/taskpane';

/** This many findings of one rule in one table are shown as one expandable row. */
export const COLLAPSE_MIN = 4;
/** The same rule and message in this many tables is shown once, as a workbook-wide finding. */
export const REPEAT_MIN = 3;

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
  /** The one cell 应用建议 writes for a one-cell suggestion; null otherwise. */
  target: string | null;
  /** What 应用建议 writes (one cell, or every cell of a multi-cell fix); null when it cannot be applied. */
  edits: CellEdit[] | null;
  /** Index into the result's tables; -1 outside every table. */
  table: number;
}

/** Every finding about one cell, worst first. */
export interface FindingCard {
  key: string;
  sheet: string;
  /** The anchor cell (top-left of the findings' ranges). */
  cell: string;
  severity: Severity;
  findings: Finding[];
  /** Where the card is shown when it is not in its table's group: the table's title. */
  tableTitle?: string;
}

export type FindingRow =
  | { kind: 'card'; key: string; card: FindingCard }
  | { kind: 'rule'; key: string; rule: string; title: string; severity: Severity; cards: FindingCard[] };

export interface FindingGroup {
  key: string;
  kind: 'table' | 'outside' | 'repeated';
  /** The project name; else the sheet and range of the table; else 表格之外; for a repeated finding, its short name. */
  title: string;
  /** `Sheet!A1:G18` of the table, the sheet name for findings outside tables, the tables of a repeated finding. */
  location: string;
  sheet: string;
  table: number;
  /** Counts of the findings shown (after the filter and the search). */
  counts: SeverityCounts;
  rows: FindingRow[];
}

export interface Triage {
  /** What to fix first, in one sentence (null when nothing is left). */
  text: string | null;
}

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

export function anchorCell(cell: string): string {
  return cell.replace(/\$/g, '').split(':')[0];
}

function position(cell: string): [number, number] {
  try {
    const r = parseRange(anchorCell(cell));
    return [r.top, r.left];
  } catch {
    return [Number.MAX_SAFE_INTEGER, 0];
  }
}

function worst(list: readonly { severity: Severity }[]): Severity {
  let w: Severity = 'info';
  for (const x of list) if (severityRank[x.severity] < severityRank[w]) w = x.severity;
  return w;
}

/** Cards of findings on the same cell, worst first, then in cell order. */
export function toCards(list: readonly Finding[], titles?: (f: Finding) => string): FindingCard[] {
  const byCell = new Map<string, FindingCard>();
  const cards: FindingCard[] = [];
  for (const f of list) {
    const k = f.sheet + '!' + anchorCell(f.cell);
    let c = byCell.get(k);
    if (!c) {
      c = { key: 'card:' + f.key, sheet: f.sheet, cell: anchorCell(f.cell), severity: f.severity, findings: [] };
      if (titles) c.tableTitle = titles(f);
      byCell.set(k, c);
      cards.push(c);
    }
    c.findings.push(f);
  }
  const pos = new Map<FindingCard, [number, number]>();
  for (const c of cards) {
    c.findings.sort((a, b) => severityRank[a.severity] - severityRank[b.severity]);
    c.severity = worst(c.findings);
    pos.set(c, position(c.cell));
  }
  const sheetOrder = new Map<string, number>();
  for (const c of cards) if (!sheetOrder.has(c.sheet)) sheetOrder.set(c.sheet, sheetOrder.size);
  return cards.sort((a, b) => {
    const pa = pos.get(a) as [number, number];
    const pb = pos.get(b) as [number, number];
    return (
      severityRank[a.severity] - severityRank[b.severity] ||
      (sheetOrder.get(a.sheet) as number) - (sheetOrder.get(b.sheet) as number) ||
      pa[0] - pb[0] ||
      pa[1] - pb[1]
    );
  });
}

/** Many one-finding cards of one rule become one expandable row, placed where the first of them was. */
function collapseRows(groupKey: string, cards: FindingCard[], collapseMin: number): FindingRow[] {
  const byRule = new Map<string, FindingCard[]>();
  for (const c of cards) {
    if (c.findings.length !== 1) continue;
    const r = c.findings[0].rule;
    const l = byRule.get(r);
    if (l) l.push(c);
    else byRule.set(r, [c]);
  }
  const rows: FindingRow[] = [];
  const placed: Record<string, boolean> = {};
  for (const c of cards) {
    const rule = c.findings.length === 1 ? c.findings[0].rule : '';
    const same = rule ? (byRule.get(rule) as FindingCard[]) : [];
    if (same.length < collapseMin) {
      rows.push({ kind: 'card', key: c.key, card: c });
      continue;
    }
    if (placed[rule]) continue;
    placed[rule] = true;
    rows.push({ kind: 'rule', key: groupKey + '/' + rule, rule, title: T.collapsedRule(rule, same.length), severity: worst(same), cards: same });
  }
  return rows;
}

function matches(f: Finding, terms: string[], title: string): boolean {
  const hay = [f.message, f.suggestion || '', f.sheet + '!' + f.cell, title, ruleShortName(f.rule)].join('\n').toLowerCase();
  return terms.every((t) => hay.indexOf(t) >= 0);
}

export interface GroupOptions {
  collapseMin?: number;
  repeatMin?: number;
  /** Words every shown finding holds (in its message, suggestion, cell, table or rule name). */
  query?: string;
}

/**
 * Findings grouped for the list: workbook-wide repeats once, then one group per table (most errors first, then most
 * warnings, then table order), then one per sheet for findings outside every table; filtered by severity and search.
 */
export function groupFindings(
  findings: readonly Finding[],
  tables: readonly TargetTable[],
  filter: SeverityFilter,
  options: GroupOptions | number = {},
): FindingGroup[] {
  const opts: GroupOptions = typeof options === 'number' ? { collapseMin: options } : options;
  const collapseMin = opts.collapseMin || COLLAPSE_MIN;
  const repeatMin = opts.repeatMin || REPEAT_MIN;
  const titles = tables.map(tableTitle);
  const titleOf = (f: Finding) => (f.table >= 0 && f.table < titles.length ? titles[f.table] : f.sheet);
  const terms = (opts.query || '')
    .toLowerCase()
    .split(/[\s\u3000]+/)
    .filter(Boolean);
  const shown = findings.filter((f) => filter[f.severity] && (!terms.length || matches(f, terms, titleOf(f))));

  // The same rule and message in many tables: one workbook-wide group.
  const tablesOf = new Map<string, Set<number>>();
  const sig = (f: Finding) => f.rule + '\u0000' + f.message;
  for (const f of shown) {
    if (f.table < 0) continue;
    const s = tablesOf.get(sig(f));
    if (s) s.add(f.table);
    else tablesOf.set(sig(f), new Set([f.table]));
  }
  const repeated = new Map<string, Finding[]>();
  const byTable = new Map<number, Finding[]>();
  const outside = new Map<string, Finding[]>();
  const push = <K>(m: Map<K, Finding[]>, k: K, f: Finding) => {
    const l = m.get(k);
    if (l) l.push(f);
    else m.set(k, [f]);
  };
  for (const f of shown) {
    const s = tablesOf.get(sig(f));
    if (f.table >= 0 && s && s.size >= repeatMin) push(repeated, sig(f), f);
    else if (f.table >= 0) push(byTable, f.table, f);
    else push(outside, f.sheet, f);
  }

  const groups: FindingGroup[] = [];
  repeated.forEach((list, key) => {
    const inTables: number[] = [];
    const seen = new Set<number>();
    for (const f of list)
      if (!seen.has(f.table)) {
        seen.add(f.table);
        inTables.push(f.table);
      }
    groups.push({
      key: 'repeated:' + key,
      kind: 'repeated',
      title: T.repeatedTitle(ruleShortName(list[0].rule), list[0].message),
      location: T.repeatedIn(inTables.length, inTables.map((i) => titles[i])),
      sheet: list[0].sheet,
      table: -1,
      counts: countSeverities(list),
      rows: toCards(list, titleOf).map((c) => ({ kind: 'card' as const, key: c.key, card: c })),
    });
  });
  byTable.forEach((list, i) => {
    const t = tables[i];
    groups.push({
      key: 'table:' + i,
      kind: 'table',
      title: titles[i],
      location: t.sheet + '!' + t.range,
      sheet: t.sheet,
      table: i,
      counts: countSeverities(list),
      rows: collapseRows('table:' + i, toCards(list), collapseMin),
    });
  });
  const manySheets = outside.size > 1;
  outside.forEach((list, sheet) => {
    groups.push({
      key: 'outside:' + sheet,
      kind: 'outside',
      title: manySheets ? T.outsideTablesOf(sheet) : T.outsideTables,
      location: sheet,
      sheet,
      table: -1,
      counts: countSeverities(list),
      rows: collapseRows('outside:' + sheet, toCards(list), collapseMin),
    });
  });
  const kindRank = { repeated: 0, table: 1, outside: 2 };
  const index = new Map<FindingGroup, number>();
  groups.forEach((g, i) => index.set(g, g.kind === 'table' ? g.table : i));
  return groups.sort(
    (a, b) =>
      b.counts.error - a.counts.error ||
      b.counts.warning - a.counts.warning ||
      kindRank[a.kind] - kindRank[b.kind] ||
      (index.get(a) as number) - (index.get(b) as number),
  );
}

/** What to fix first: the errors, and the table holding most of them (else the same for warnings). */
export function triage(findings: readonly Finding[], tables: readonly TargetTable[]): Triage {
  for (const sev of ['error', 'warning'] as Severity[]) {
    const list = findings.filter((f) => f.severity === sev);
    if (!list.length) continue;
    const per = new Map<number, number>();
    for (const f of list) if (f.table >= 0) per.set(f.table, (per.get(f.table) || 0) + 1);
    let top = -1;
    per.forEach((n, i) => {
      if (top < 0 || n > (per.get(top) as number)) top = i;
    });
    const name = top >= 0 && tables[top] ? tableTitle(tables[top]) : null;
    return { text: T.fixFirst(sev, list.length, name, top >= 0 ? (per.get(top) as number) : 0, per.size) };
  }
  return { text: null };
}

/** The cards in the order the list shows them (groups, rows, cards of expandable rows). */
export function cardsInOrder(groups: readonly FindingGroup[]): { card: FindingCard; group: string; row: string | null }[] {
  const out: { card: FindingCard; group: string; row: string | null }[] = [];
  for (const g of groups)
    for (const r of g.rows) {
      if (r.kind === 'card') out.push({ card: r.card, group: g.key, row: null });
      else for (const c of r.cards) out.push({ card: c, group: g.key, row: r.key });
    }
  return out;
}
