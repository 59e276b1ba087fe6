// Where chosen library indicators go in a user's table, as a row-insertion plan (src/core/rows.ts) a host carries out.
//
// Placement, in the table's own profile order (classic or core2021):
//  a. the table has the indicator's 二级 inside its 一级: after the last row of that 二级 block (the first such block
//     when the table has it twice);
//  b. it has the 一级 but not the 二级: a new 二级 block after the last 二级 block of that 一级 that comes before it in
//     the profile's order; when none does, on top of the 一级 block (the new first row then carries the 一级 name);
//  c. it lacks the 一级: a new 一级 block after the last row of the last 一级 block that comes before it in the
//     profile's order; when none does, right under the header.
// A row page-broken in two (its tail marked as a fragment) counts as one row: nothing goes between the two parts.
//
// The 一级/二级/项目名称 cells of the new rows follow what the table does in that column: merged areas are extended
// (or made, for a new block of several rows, when the table merges that column), names written on every row are
// written again, and blank continuation cells stay blank. A host that cannot read merged areas (ExcelApi < 1.13)
// reads none, so its plan writes blank continuation cells, which read as the block above exactly as merged ones do
// (and never writes into a cell Excel may have taken into a merged area it grew).
// New rows take the horizontal merges (绩效指标描述 over two columns) and formats of the row above them.
import { Grid, Rect, parseA1, toA1 } from '../grid';
import { normLabel } from '../labels';
import { IndicatorRow, TargetTable } from '../model';
import { L1Role, L2Role, Profile, chooseProfile, matchL1, matchL2 } from '../profiles';
import { InsertBlock, InsertPlan, expectFrom, finalRow } from '../rows';
import { analyzeValue } from '../value';
import { libraryPaneText } from '../i18n/library';

/** One indicator row to insert: a Suggestion (suggest.ts) fits. */
export interface InsertItem {
  id?: string;
  l1: string;
  l2: string;
  l3: string;
  /** 绩效指标描述 (the indicator's explanation). */
  desc: string;
  value: string;
  basis: string;
}

export interface PlacedItem {
  item: InsertItem;
  /** Final 0-based sheet row. */
  row: number;
  /** A1 of its 三级 cell after the insertion. */
  cell: string;
  /** 一级/二级 it was placed under (the table's own names where it joined a block). */
  l1: string;
  l2: string;
}

export interface IndicatorInsert {
  plan: InsertPlan;
  placed: PlacedItem[];
  /** Items whose 一级/二级 the table's profile does not know. */
  skipped: InsertItem[];
}

export type InsertProblem = 'department' | 'layout' | 'empty';

/** Why a table cannot take library rows; `message` is for the user. */
export class InsertPlanError extends Error {
  readonly problem: InsertProblem;
  constructor(problem: InsertProblem, message: string) {
    super(message);
    this.name = 'InsertPlanError';
    this.problem = problem;
  }
}

type Role = 'l1' | 'l2' | 'l3' | 'desc' | 'value' | 'sign' | 'num' | 'unit' | 'basis' | 'scoring' | 'project';

/** Column index by role, from the header cells the parser recorded. */
export function tableColumns(t: TargetTable): Partial<Record<Role, number>> {
  const out: Partial<Record<Role, number>> = {};
  for (const role of Object.keys(t.header)) out[role as Role] = parseA1(t.header[role]).col;
  return out;
}

/** Why the table cannot take library rows, or null when it can. */
export function insertProblem(t: TargetTable): InsertProblem | null {
  if (t.kind === 'department') return 'department';
  const c = tableColumns(t);
  if (c.l1 === undefined || c.l2 === undefined || c.l3 === undefined) return 'layout';
  if (!t.indicators.some((r) => !r.fragment)) return 'empty';
  return null;
}

const strip = (s: string) => normLabel(s).replace(/[()（）]/g, '');

interface Unit {
  first: number;
  last: number;
  row: IndicatorRow;
  l1key: string;
  l2key: string;
  r1?: L1Role;
  r2?: L2Role;
}

interface Run {
  index: number;
  key: string;
  r1?: L1Role;
  first: number;
  last: number;
  text: string;
}

interface Seg {
  index: number;
  run: Run;
  r2?: L2Role;
  first: number;
  last: number;
  text: string;
}

/** Indicator rows as units (a fragment belongs to the row above), grouped into 一级 runs and 二级 segments. */
function structure(t: TargetTable, profile: Profile): { units: Unit[]; runs: Run[]; segs: Seg[] } {
  const units: Unit[] = [];
  for (const row of t.indicators) {
    if (row.fragment && units.length) {
      units[units.length - 1].last = row.row;
      continue;
    }
    const l1 = matchL1(profile, row.effL1);
    const l2 = matchL2(profile, row.effL2, l1 && l1.role);
    const l1key = strip(row.effL1);
    units.push({ first: row.row, last: row.row, row, l1key, l2key: l1key + '/' + strip(row.effL2), r1: l1 && l1.role, r2: l2 && l2.role });
  }
  const runs: Run[] = [];
  const segs: Seg[] = [];
  let run: Run | undefined;
  let seg: Seg | undefined;
  const runOf: Run[] = [];
  for (const u of units) {
    if (!run || run.key !== u.l1key) {
      run = { index: runs.length, key: u.l1key, r1: u.r1, first: u.first, last: u.last, text: u.row.effL1.trim() };
      runs.push(run);
      seg = undefined;
    } else run.last = u.last;
    runOf.push(run);
    if (!seg || seg.run !== run || strip(seg.text) !== strip(u.row.effL2)) {
      seg = { index: segs.length, run, r2: u.r2, first: u.first, last: u.last, text: u.row.effL2.trim() };
      segs.push(seg);
    } else seg.last = u.last;
  }
  return { units, runs, segs };
}

type Convention = 'merged' | 'repeat' | 'blank';

/** How the table writes a level column: merged areas, the name on every row, or the name once and blanks below. */
function convention(g: Grid, units: Unit[], col: number, group: (u: Unit) => string): Convention | undefined {
  let cont = 0;
  let withText = 0;
  for (let i = 0; i < units.length; i++) {
    const u = units[i];
    const m = g.mergeAt(u.first, col);
    if (m && m.bottom > m.top) return 'merged';
    if (i > 0 && group(units[i - 1]) === group(u)) {
      cont++;
      if (g.text(u.first, col).trim()) withText++;
    }
  }
  if (!cont) return undefined;
  return withText * 2 > cont ? 'repeat' : 'blank';
}

/** A planned new row before the plan's coordinates exist. */
interface Pending {
  item: InsertItem;
  order: number;
  anchor: number;
  /** 0: joins a 二级 block ending at the anchor; 1: new 二级 in the 一级 ending there; 2: new 一级; 3: new 二级 on top of
   *  the 一级 starting right below. */
  kind: 0 | 1 | 2 | 3;
  r1: L1Role;
  r2: L2Role;
  i1: number;
  i2: number;
  run?: Run;
  seg?: Seg;
  // Filled in once the rows are ordered.
  l1Group: string;
  l2Group: string;
  finalRow: number;
}

interface Group {
  /** Existing rows (original coordinates), if the group is an existing run/segment/table. */
  first?: number;
  last?: number;
  /** The group's name as the table writes it, or the profile's name for a new group. */
  text: string;
  newRows: number[];
}

/** The 符号 · 值 · 单位 parts of a value, for tables that split it. */
export function splitValue(value: string, textMarker: string): { sign: string; num: string; unit: string } {
  const v = value.trim();
  const m = /^([≥≤><=]?)(\d+(?:\.\d+)?|\{[^{}]{1,8}\})(.*)$/.exec(v);
  const quant = !!m && (/^\{/.test(m[2]) || analyzeValue(v).parsed.kind === 'quant');
  if (m && quant) return { sign: m[1], num: m[2], unit: m[3] };
  return { sign: textMarker, num: v, unit: '' };
}

/**
 * The insertion plan for `items` (filled library indicators) in table `t` as read into grid `g` (the table's sheet,
 * merged areas included where the host can read them). Throws InsertPlanError when the table cannot take them.
 */
export function planIndicatorInsert(g: Grid, t: TargetTable, items: readonly InsertItem[], profileIn?: Profile): IndicatorInsert {
  const problem = insertProblem(t);
  if (problem) throw new InsertPlanError(problem, libraryPaneText.unsupported[problem]);
  const profile = profileIn || chooseProfile(t);
  const cols = tableColumns(t);
  const c1 = cols.l1 as number;
  const c2 = cols.l2 as number;
  const headerRow = parseA1(t.header.l3).row;
  const tableRect = (() => {
    const r = t.range.split(':');
    const a = parseA1(r[0]);
    const b = parseA1(r[1] || r[0]);
    return { top: a.row, left: a.col, bottom: b.row, right: b.col };
  })();
  const left = tableRect.left;
  let right = tableRect.right;
  for (const k of Object.keys(cols)) right = Math.max(right, cols[k as Role] as number);
  const { units, runs, segs } = structure(t, profile);

  const l1Index = (r: L1Role) => profile.levels.findIndex((l) => l.role === r);
  const l2Index = (r1: L1Role, r2: L2Role) => {
    const level = profile.levels.find((l) => l.role === r1);
    return level ? level.children.findIndex((c) => c.role === r2) : -1;
  };
  const l1Name = (r: L1Role) => (profile.levels.find((l) => l.role === r) as Profile['levels'][number]).name;
  const l2Name = (r1: L1Role, r2: L2Role) => {
    const level = profile.levels.find((l) => l.role === r1) as Profile['levels'][number];
    const c = level.children.find((x) => x.role === r2);
    return c ? c.name : '';
  };

  // 1. Where each item goes.
  const pending: Pending[] = [];
  const skipped: InsertItem[] = [];
  const top = units[0].first - 1;
  items.forEach((item, order) => {
    const m1 = matchL1(profile, item.l1);
    const m2 = m1 ? matchL2(profile, item.l2, m1.role) : undefined;
    if (!m1 || !m2 || m2.parent !== m1.role) {
      skipped.push(item);
      return;
    }
    const r1 = m1.role;
    const r2 = m2.role;
    const i1 = l1Index(r1);
    const i2 = l2Index(r1, r2);
    const base = { item, order, r1, r2, i1, i2, l1Group: '', l2Group: '', finalRow: -1 };
    const seg = segs.find((s) => s.run.r1 === r1 && s.r2 === r2);
    if (seg) {
      pending.push({ ...base, anchor: seg.last, kind: 0, run: seg.run, seg });
      return;
    }
    const run = runs.find((r) => r.r1 === r1);
    if (run) {
      let prev: Seg | undefined;
      for (const s of segs) if (s.run === run && s.r2 !== undefined && l2Index(r1, s.r2) < i2) prev = s;
      if (prev) pending.push({ ...base, anchor: prev.last, kind: 1, run });
      else pending.push({ ...base, anchor: run.first - 1, kind: 3, run });
      return;
    }
    let prevRun: Run | undefined;
    for (const r of runs) if (r.r1 !== undefined && l1Index(r.r1) < i1) prevRun = r;
    pending.push({ ...base, anchor: prevRun ? prevRun.last : top, kind: 2 });
  });
  if (!pending.length) {
    return { plan: { sheet: t.sheet, left, blocks: [], merges: [], expect: expectFrom(g, { top: headerRow, left, bottom: tableRect.bottom, right }) }, placed: [], skipped };
  }

  // 2. Rows in table order within each anchor; the 一级/二级 group each new row belongs to.
  const anchors = Array.from(new Set(pending.map((p) => p.anchor))).sort((a, b) => b - a);
  const byAnchor = new Map<number, Pending[]>();
  for (const a of anchors) {
    const list = pending.filter((p) => p.anchor === a);
    list.sort(
      (x, y) =>
        x.kind - y.kind ||
        (x.kind === 2 ? x.i1 - y.i1 : 0) ||
        (x.kind !== 0 ? x.i2 - y.i2 : 0) ||
        (x.kind === 0 && x.seg && y.seg ? x.seg.index - y.seg.index : 0) ||
        x.order - y.order,
    );
    byAnchor.set(a, list);
  }
  for (const a of anchors) {
    for (const p of byAnchor.get(a) as Pending[]) {
      p.l1Group = p.run ? 'run:' + p.run.index : 'new:' + a + ':' + p.r1;
      p.l2Group = p.seg ? 'seg:' + p.seg.index : 'newseg:' + p.l1Group + ':' + p.r2;
    }
  }

  // 3. Blocks and final rows (values after).
  const width = right - left + 1;
  const blocks: InsertBlock[] = anchors.map((a) => {
    const list = byAnchor.get(a) as Pending[];
    const formatRow = a >= units[0].first ? a : units[0].first;
    return { after: a, values: list.map(() => new Array<string>(width).fill('')), formatRow, formatCols: [] };
  });
  const plan: InsertPlan = { sheet: t.sheet, left, blocks, merges: [], expect: expectFrom(g, { top: headerRow, left, bottom: tableRect.bottom, right }) };
  blocks.forEach((b) => {
    const first = finalRow(plan, b.after) + 1;
    (byAnchor.get(b.after) as Pending[]).forEach((p, i) => (p.finalRow = first + i));
  });

  // 4. Level columns: groups, their names and merged areas.
  const l1Conv: Convention = convention(g, units, c1, (u) => u.l1key) || 'blank';
  // A table with one row per 二级 shows no habit of its own: merge like its 一级 column, else write the name (a new
  // row joining a 二级 always goes after that 二级's last row, never inside a merged area Excel would grow).
  const l2Conv: Convention = convention(g, units, c2, (u) => u.l2key) || (l1Conv === 'merged' ? 'merged' : 'repeat');
  const groupCols: { col: number; conv: Convention; groups: Map<string, Group>; key: (p: Pending) => string }[] = [];
  const l1Groups = new Map<string, Group>();
  const l2Groups = new Map<string, Group>();
  for (const p of pending) {
    let g1 = l1Groups.get(p.l1Group);
    if (!g1) l1Groups.set(p.l1Group, (g1 = p.run ? { first: p.run.first, last: p.run.last, text: p.run.text, newRows: [] } : { text: l1Name(p.r1), newRows: [] }));
    g1.newRows.push(p.finalRow);
    let g2 = l2Groups.get(p.l2Group);
    if (!g2) l2Groups.set(p.l2Group, (g2 = p.seg ? { first: p.seg.first, last: p.seg.last, text: p.seg.text, newRows: [] } : { text: l2Name(p.r1, p.r2), newRows: [] }));
    g2.newRows.push(p.finalRow);
  }
  groupCols.push({ col: c1, conv: l1Conv, groups: l1Groups, key: (p) => p.l1Group });
  groupCols.push({ col: c2, conv: l2Conv, groups: l2Groups, key: (p) => p.l2Group });
  if (cols.project !== undefined) {
    // A flat list: the project is one group over the whole table.
    const pc = cols.project;
    const proj: Group = { first: units[0].first, last: units[units.length - 1].last, text: g.effectiveText(units[0].first, pc).trim(), newRows: pending.map((p) => p.finalRow) };
    const conv = convention(g, units, pc, () => 'p') || 'repeat';
    groupCols.push({ col: pc, conv, groups: new Map([['p', proj]]), key: () => 'p' });
  }

  const set = (p: Pending, col: number, text: string) => {
    const b = blocks.findIndex((x) => x.after === p.anchor);
    const i = (byAnchor.get(p.anchor) as Pending[]).indexOf(p);
    blocks[b].values[i][col - left] = text;
  };

  // Original rows by final row, to see what a merged area would cover.
  const originalOf = new Map<number, number>();
  for (let r = headerRow; r <= tableRect.bottom + 1; r++) originalOf.set(finalRow(plan, r), r);
  /** A merged area may only swallow blank cells and copies of the group's own name: never a value a page break
   *  left in the level column, nor another merged area. */
  const safeMerge = (rect: Rect, text: string, own: Rect | undefined): boolean => {
    for (let fr = rect.top; fr <= rect.bottom; fr++) {
      const r = originalOf.get(fr);
      if (r === undefined) continue;
      for (let c = rect.left; c <= rect.right; c++) {
        const m = g.mergeAt(r, c);
        if (m && (!own || m.top !== own.top || m.left !== own.left || m.bottom !== own.bottom || m.right !== own.right)) return false;
        const v = g.rawText(r, c).trim();
        if (v && (fr !== rect.top || c !== rect.left) && strip(v) !== strip(text)) return false;
      }
    }
    return true;
  };

  const merges: Rect[] = [];
  for (const gc of groupCols) {
    gc.groups.forEach((grp, key) => {
      const existingTop = grp.first !== undefined ? finalRow(plan, grp.first) : Infinity;
      const firstNew = Math.min(...grp.newRows);
      for (const p of pending) {
        if (gc.key(p) !== key) continue;
        const isFirst = p.finalRow === firstNew && firstNew < existingTop;
        if (isFirst || gc.conv === 'repeat') set(p, gc.col, grp.text);
      }
      if (gc.conv !== 'merged') return;
      let topRow = Math.min(existingTop, firstNew);
      let bottomRow = Math.max(grp.last !== undefined ? finalRow(plan, grp.last) : -1, Math.max(...grp.newRows));
      let mLeft = gc.col;
      let mRight = gc.col;
      let own: Rect | undefined;
      if (grp.first !== undefined) {
        const m = g.mergeAt(grp.first, gc.col);
        if (m && m.bottom > m.top) {
          own = m;
          topRow = Math.min(topRow, finalRow(plan, m.top));
          bottomRow = Math.max(bottomRow, finalRow(plan, m.bottom));
          mLeft = m.left;
          mRight = m.right;
        }
      }
      const rect = { top: topRow, left: mLeft, bottom: bottomRow, right: mRight };
      // Where it is not safe the new cells stay blank (continuation, as the parser reads them).
      if (bottomRow > topRow && safeMerge(rect, grp.text, own)) merges.push(rect);
    });
  }

  // 5. The indicator's own cells.
  const textMarker = t.indicators.some((r) => r.split && r.split.sign.text.trim() === '文字描述') ? '文字描述' : '';
  for (const p of pending) {
    const it = p.item;
    if (cols.l3 !== undefined) set(p, cols.l3, it.l3);
    if (cols.desc !== undefined) set(p, cols.desc, it.desc);
    if (cols.num !== undefined) {
      const parts = splitValue(it.value, textMarker);
      if (cols.sign !== undefined) set(p, cols.sign, parts.sign);
      else parts.num = parts.sign === '文字描述' ? parts.num : parts.sign + parts.num;
      set(p, cols.num, parts.num);
      if (cols.unit !== undefined) set(p, cols.unit, parts.unit);
      else if (parts.unit) set(p, cols.num, parts.num + parts.unit);
    } else if (cols.value !== undefined) set(p, cols.value, it.value);
    if (cols.basis !== undefined) set(p, cols.basis, it.basis);
  }

  // 6. Formats and the row's own horizontal merges (绩效指标描述 over two columns), from the row above.
  const levelCols = groupCols.map((x) => x.col);
  const touchesLevel = (m: Rect) => levelCols.some((c) => c >= m.left && c <= m.right);
  for (const b of blocks) {
    const spans: [number, number][] = [];
    for (let c = left; c <= right; c++) {
      const m = g.mergeAt(b.formatRow, c);
      const skip = levelCols.indexOf(c) >= 0 || (!!m && m.bottom > m.top);
      if (skip) continue;
      if (spans.length && spans[spans.length - 1][1] === c - 1) spans[spans.length - 1][1] = c;
      else spans.push([c, c]);
    }
    b.formatCols = spans;
    const first = finalRow(plan, b.after) + 1;
    for (const m of g.merges) {
      if (m.top !== b.formatRow || m.bottom !== b.formatRow || m.left < left || m.right > right || touchesLevel(m)) continue;
      for (let i = 0; i < b.values.length; i++) merges.push({ top: first + i, left: m.left, bottom: first + i, right: m.right });
    }
  }
  plan.merges = merges.sort((a, b) => a.top - b.top || a.left - b.left);

  const placed: PlacedItem[] = pending
    .slice()
    .sort((a, b) => a.order - b.order)
    .map((p) => ({
      item: p.item,
      row: p.finalRow,
      cell: toA1(p.finalRow, cols.l3 as number),
      l1: p.run ? p.run.text : l1Name(p.r1),
      l2: p.seg ? p.seg.text : l2Name(p.r1, p.r2),
    }));
  return { plan, placed, skipped };
}
