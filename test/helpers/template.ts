// What "the same table" and "the same finding" mean for the template round trip.
import { checkTables } from '../../src/core/check';
import { Field, TargetTable } from '../../src/core/model';

const text = (f: Field | undefined): string | null => (f && f.cell ? f.text : null);

/**
 * A parsed table without its layout: every field's text, or null where the table has no such cell (so a block the
 * source lacks must stay absent). Compared: kind (a flat list comes back as a project table), title, org, unit,
 * code, name, the three budget fields, purpose, the plan's labels and values, goals, and per indicator row: whether
 * it is a page-break tail, 一级/二级 as they apply to the row (the tail's own cell texts for a tail), 三级, 描述,
 * 指标值 (joined as the checker reads it), 依据, 评（扣）分标准. Not compared: cell addresses, sheet names, the
 * table's range and header cells, `no` when it is positional (it is compared through the title, which sets it),
 * raw 一级/二级 cell texts (merged down their groups in the template), and the 符号·值·单位 split (the project
 * templates have one 指标值 column; the department template's split is compared by its own test).
 */
export function normalise(t: TargetTable) {
  return {
    kind: t.kind === 'flat' ? 'project' : t.kind,
    title: text(t.title),
    org: text(t.org),
    unit: text(t.unit),
    code: text(t.code),
    name: text(t.name),
    budget: t.budget ? { total: text(t.budget.total), fiscal: text(t.budget.fiscal), other: text(t.budget.other) } : null,
    purpose: text(t.purpose),
    plan: t.plan.map((p) => [p.label.text, p.value.text]),
    goals: text(t.goals),
    indicators: t.indicators.map((r) => ({
      fragment: r.fragment,
      l1: r.fragment ? r.l1.text : r.effL1,
      l2: r.fragment ? r.l2.text : r.effL2,
      l3: r.l3.text,
      desc: r.desc.text,
      value: r.value.text,
      basis: r.basis.text,
      scoring: r.scoring ? r.scoring.text : '',
    })),
  };
}

/** cell → field name ("goals", "budget.total", "row3.value", "header.l1") of one table. */
export function fieldsByCell(t: TargetTable): Map<string, string> {
  const m = new Map<string, string>();
  const add = (f: { cell: string } | undefined, k: string) => {
    if (f && f.cell && !m.has(f.cell)) m.set(f.cell, k);
  };
  for (const k of ['title', 'org', 'unit', 'code', 'name', 'purpose', 'goals'] as const) add(t[k], k);
  if (t.budget) for (const k of ['total', 'fiscal', 'other'] as const) add(t.budget[k], 'budget.' + k);
  t.plan.forEach((p, i) => {
    add(p.label, `plan${i}.label`);
    add(p.value, `plan${i}.value`);
  });
  t.indicators.forEach((r, i) => {
    for (const k of ['l1', 'l2', 'l3', 'desc', 'value', 'basis'] as const) add(r[k], `row${i}.${k}`);
    if (r.split) {
      add(r.split.sign, `row${i}.value`);
      add(r.split.unit, `row${i}.value`);
    }
    if (r.scoring) add(r.scoring, `row${i}.scoring`);
  });
  for (const [role, cell] of Object.entries(t.header)) add({ cell }, 'header.' + role);
  return m;
}

/** Findings as "rule|table|field" (a range by its first cell): independent of where the table sits. */
export function findingKeys(tables: TargetTable[], profile?: string): string[] {
  const res = checkTables(tables, profile ? { profile } : {});
  const maps = tables.map(fieldsByCell);
  return res.diagnostics.map((d) => {
    const cell = d.cell.replace(/\$/g, '').split(':')[0];
    const t = d.table === undefined ? -1 : d.table;
    const field = t >= 0 ? maps[t].get(cell) || 'cell ' + cell : d.sheet + '!' + cell;
    return `${d.rule}|${t}|${field}`;
  });
}
