// Between the classic framework (成本指标 a 二级 under 产出指标) and core2021 (成本指标 an 一级 of its own, first,
// with 经济/社会/生态环境成本指标 under it). Only the cost rows move; every text stays as written.
import { findProfile, matchL1, matchL2, Profile } from '../profiles';
import { FilledRow, FilledTable } from './schema';

export type ProjectProfileId = 'classic' | 'core2021';

export interface Move {
  /** Row index in the table before the move. */
  from: number;
  /** Row index in the converted table. */
  to: number;
  l3: string;
  was: { l1: string; l2: string };
  now: { l1: string; l2: string };
}

const profile = (id: string): Profile => {
  const p = findProfile(id);
  if (!p) throw new Error('unknown profile ' + id);
  return p;
};

/** The profile a filled table's 一级/二级 names belong to (as chooseProfile does for parsed tables). */
export function profileOf(t: FilledTable): 'classic' | 'core2021' | 'department' {
  if (t.kind === 'department') return 'department';
  const core = profile('core2021');
  for (const r of t.indicators) {
    if (r.fragment) continue;
    const l1 = matchL1(core, r.l1);
    if (l1 && l1.role === 'cost') return 'core2021';
    const l2 = matchL2(core, r.l2);
    if (l2 && (l2.role === 'econCost' || l2.role === 'socialCost' || l2.role === 'ecoCost')) return 'core2021';
  }
  return 'classic';
}

/** Rows with the page-break tails that follow them: they move together. */
function units(rows: FilledRow[]): { rows: FilledRow[]; first: number }[] {
  const out: { rows: FilledRow[]; first: number }[] = [];
  rows.forEach((r, i) => {
    if (r.fragment && out.length) out[out.length - 1].rows.push(r);
    else out.push({ rows: [r], first: i });
  });
  return out;
}

function childName(p: Profile, l1Role: string, l2Role: string): { l1: string; l2: string } {
  const level = p.levels.find((l) => l.role === l1Role)!;
  return { l1: level.name, l2: level.children.find((c) => c.role === l2Role)!.name };
}

/**
 * classic → core2021: every row filed under the 二级 成本指标 becomes 成本指标 / 经济成本指标, moved to the top.
 * core2021 → classic: every row under the 一级 成本指标 becomes <产出 as the table writes it> / 成本指标, placed after
 * the last 产出 row. Department tables and tables already in the target profile come back unchanged.
 */
export function convertProfile(t: FilledTable, to: ProjectProfileId): { table: FilledTable; from: string; moves: Move[] } {
  const from = profileOf(t);
  if (from === 'department' || from === to) return { table: t, from, moves: [] };
  const src = profile(from);
  const dst = profile(to);
  const all = units(t.indicators);
  const moved: typeof all = [];
  const kept: typeof all = [];
  const target: { l1: string; l2: string }[] = [];
  let outputName = '';
  for (const u of all) {
    const head = u.rows[0];
    const l1 = head.fragment ? undefined : matchL1(src, head.l1);
    const l2 = head.fragment ? undefined : matchL2(src, head.l2, l1 && l1.role);
    if (l1 && l1.role === 'output' && !outputName) outputName = head.l1;
    const isCost = to === 'core2021' ? !!l2 && l2.role === 'cost' : (!!l1 && l1.role === 'cost') || (!!l2 && /Cost$/.test(l2.role));
    if (isCost) moved.push(u);
    else kept.push(u);
  }
  const dstCost = to === 'core2021' ? childName(dst, 'cost', 'econCost') : childName(dst, 'output', 'cost');
  if (to === 'classic' && outputName) dstCost.l1 = outputName;
  for (let i = 0; i < moved.length; i++) target.push(dstCost);

  let order: typeof all;
  if (to === 'core2021') order = [...moved, ...kept];
  else {
    // After the last 产出 row, where classic tables keep 成本指标 (after 数量/质量/时效).
    let at = 0;
    kept.forEach((u, i) => {
      const l1 = u.rows[0].fragment ? undefined : matchL1(src, u.rows[0].l1);
      if (l1 && l1.role === 'output') at = i + 1;
    });
    order = [...kept.slice(0, at), ...moved, ...kept.slice(at)];
  }
  const movedSet = new Set(moved);
  const rows: FilledRow[] = [];
  const moves: Move[] = [];
  for (const u of order) {
    const k = moved.indexOf(u);
    u.rows.forEach((r, j) => {
      if (j === 0 && movedSet.has(u)) {
        moves.push({ from: u.first, to: rows.length, l3: r.l3, was: { l1: r.l1, l2: r.l2 }, now: target[k] });
        rows.push({ ...r, l1: target[k].l1, l2: target[k].l2 });
      } else rows.push(r);
    });
  }
  return { table: { ...t, indicators: rows }, from, moves };
}
