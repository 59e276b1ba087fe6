// What goes into a template: from a parsed table (every text exactly as written, except the fixes the user
// accepted and, with consent, rows joined across a page break), or from the from-scratch form.
import { Field, TargetTable } from '../model';
import { moneyUnitOf } from '../labels';
import { findProfile, matchL1, matchL2 } from '../profiles';
import { PLACEHOLDER_RE, parseNumber } from '../value';
import { templateText as TT } from '../i18n/template';
import { Move, convertProfile } from './convert';
import { FieldKey, FilledRow, FilledTable, FormIndicatorSchema, ProjectForm, ProjectFormSchema, Template } from './schema';
import { fieldText } from './render';

/** A suggestion the user accepted (应用建议): the cell's new text. `sheet` defaults to the table's own sheet. */
export interface AcceptedFix {
  sheet?: string;
  cell: string;
  text: string;
}

/** What a fill did to a table, for the report (`noteText` words it). */
export type FillNote =
  | { kind: 'split-kept'; count: number }
  | { kind: 'split-joined'; count: number }
  | { kind: 'split-not-joined'; l3: string }
  | { kind: 'fix-applied'; cell: string; from: string; to: string }
  | { kind: 'fix-unmatched'; cell: string }
  | { kind: 'completed'; fields: string[] }
  | { kind: 'unit-assumed' }
  | { kind: 'profile'; from: string; to: string; moves: Move[] }
  | { kind: 'kind-mismatch'; wanted: string; used: string };

export interface FillTableOptions {
  /** Join rows split by a page break into the row above (the user's consent); default: keep them as written. */
  joinSplitRows?: boolean;
  /** Accepted suggestions, applied before anything else. */
  fixes?: AcceptedFix[];
}

const has = (f: Field | undefined): boolean => !!f && f.cell !== '';
const textIf = (f: Field | undefined): string | undefined => (has(f) ? f!.text : undefined);

/** Every field of a parsed table with its cell, for applying fixes by address. */
function cellFields(t: TargetTable): { field: Field; onSet?: (text: string) => void }[] {
  const out: { field: Field; onSet?: (text: string) => void }[] = [];
  const add = (field: Field | undefined, onSet?: (text: string) => void) => field && field.cell && out.push({ field, onSet });
  add(t.title);
  add(t.org);
  // The 单位 cell reads "单位：万元" while the field holds "万元".
  add(t.unit, (text) => (t.unit.text = moneyUnitOf(text) || text));
  add(t.code);
  add(t.name);
  if (t.budget) [t.budget.total, t.budget.fiscal, t.budget.other].forEach((f) => add(f));
  add(t.purpose);
  for (const p of t.plan) {
    add(p.label);
    add(p.value);
  }
  add(t.goals);
  for (const r of t.indicators) {
    [r.l1, r.l2, r.l3, r.desc, r.basis, r.scoring].forEach((f) => add(f));
    // A fix of 指标值 is for the whole value (split layouts point at the 值 cell): the parts are re-split later.
    add(r.value, () => delete r.split);
    if (r.split) {
      const split = r.split;
      const rejoin = () => {
        const s = split.sign.text.trim() === '文字描述' ? '' : split.sign.text;
        r.value = { text: s + split.num.text + split.unit.text, cell: r.value.cell };
      };
      add(split.sign, rejoin);
      add(split.unit, rejoin);
    }
  }
  return out;
}

function applyFixes(t: TargetTable, fixes: AcceptedFix[], notes: FillNote[]): TargetTable {
  if (!fixes.length) return t;
  const copy: TargetTable = JSON.parse(JSON.stringify(t));
  const fields = cellFields(copy);
  for (const fix of fixes) {
    if (fix.sheet !== undefined && fix.sheet !== t.sheet) continue;
    const cell = fix.cell.replace(/\$/g, '').split(':')[0].toUpperCase();
    const hit = fields.find((f) => f.field.cell === cell);
    if (!hit) {
      notes.push({ kind: 'fix-unmatched', cell });
      continue;
    }
    const from = hit.field.text;
    hit.field.text = fix.text;
    if (hit.onSet) hit.onSet(fix.text);
    notes.push({ kind: 'fix-applied', cell, from, to: fix.text });
  }
  return copy;
}

function rowOf(r: TargetTable['indicators'][number]): FilledRow {
  if (r.fragment) {
    const row: FilledRow = { l1: r.l1.text, l2: r.l2.text, l3: r.l3.text, desc: r.desc.text, value: r.value.text, basis: r.basis.text, fragment: true };
    if (r.scoring) row.scoring = r.scoring.text;
    return row;
  }
  const row: FilledRow = { l1: r.effL1, l2: r.effL2, l3: r.l3.text, desc: r.desc.text, value: r.value.text, basis: r.basis.text };
  if (r.split) row.split = { sign: r.split.sign.text, num: r.split.num.text, unit: r.split.unit.text };
  if (r.scoring) row.scoring = r.scoring.text;
  return row;
}

/**
 * Joins each page-break tail into the row above, the way the checker reads it: the tail's 一级 cell is the
 * value, its 二级 cell the 依据 (when the row above has none). A tail whose text would be lost stays as written.
 */
export function joinSplitRows(rows: FilledRow[]): { rows: FilledRow[]; joined: number; notJoined: string[] } {
  const out: FilledRow[] = [];
  let joined = 0;
  const notJoined: string[] = [];
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    const next = rows[i + 1];
    if (!row.fragment && next && next.fragment && !row.value.trim()) {
      if (row.basis.trim() && next.l2.trim()) {
        notJoined.push(row.l3.trim());
        out.push(row);
        continue;
      }
      const merged: FilledRow = { ...row, value: next.l1, basis: row.basis.trim() ? row.basis : next.l2 };
      delete merged.split;
      out.push(merged);
      joined++;
      i++;
      continue;
    }
    out.push(row);
  }
  return { rows: out, joined, notJoined };
}

/**
 * A parsed table as template content: every text as written (fields the table lacks stay undefined, so the
 * template leaves their blocks out), 一级/二级 as they apply to each row, split rows kept unless joining.
 */
export function fillFromTable(source: TargetTable, opts: FillTableOptions = {}): { table: FilledTable; notes: FillNote[] } {
  const notes: FillNote[] = [];
  const t = applyFixes(source, opts.fixes || [], notes);
  const table: FilledTable = {
    kind: t.kind === 'department' ? 'department' : 'project',
    title: textIf(t.title),
    org: textIf(t.org),
    unit: textIf(t.unit),
    code: textIf(t.code),
    name: textIf(t.name),
    budget: t.budget ? { total: textIf(t.budget.total), fiscal: textIf(t.budget.fiscal), other: textIf(t.budget.other) } : undefined,
    purpose: textIf(t.purpose),
    plan: t.plan.length ? t.plan.map((p) => ({ label: p.label.text, value: p.value.text })) : undefined,
    goals: textIf(t.goals),
    indicators: t.indicators.map(rowOf),
  };
  const fragments = table.indicators.filter((r) => r.fragment).length;
  if (fragments) {
    if (opts.joinSplitRows) {
      const j = joinSplitRows(table.indicators);
      table.indicators = j.rows;
      if (j.joined) notes.push({ kind: 'split-joined', count: j.joined });
      for (const l3 of j.notJoined) notes.push({ kind: 'split-not-joined', l3 });
      const left = j.rows.filter((r) => r.fragment).length;
      if (left) notes.push({ kind: 'split-kept', count: left });
    } else {
      notes.push({ kind: 'split-kept', count: fragments });
    }
  }
  return { table: stripUndefined(table), notes };
}

/** JSON-equal tables whether or not an absent field was spelt out as undefined. */
function stripUndefined<T extends object>(o: T): T {
  for (const k of Object.keys(o) as (keyof T)[]) {
    const v = o[k];
    if (v === undefined) delete o[k];
    else if (v && typeof v === 'object' && !Array.isArray(v)) stripUndefined(v as unknown as object);
  }
  return o;
}

/** "{no}.{name}绩效目标表" filled in (a function replacement: a name may contain "$&"). */
function makeTitle(tpl: Template, no: number, name: string): string {
  return tpl.titleFormat.replace('{no}', () => String(no)).replace('{name}', () => name);
}

/** The fields and blocks a template can show. */
function templateFields(tpl: Template): { fields: Set<FieldKey>; plan: boolean } {
  const fields = new Set<FieldKey>();
  let plan = false;
  for (const b of tpl.blocks) {
    if (b.plan) plan = true;
    for (const row of b.rows) for (const c of row) if ('field' in c) fields.add(c.field);
  }
  return { fields, plan };
}

/**
 * Every block of the template, blank where the table has nothing, for the user to fill in: a title from the
 * project name, the plan months, 单位 (万元 unless known). The checker then points at each blank.
 */
export function completeTable(t: FilledTable, tpl: Template, no: number): { table: FilledTable; notes: FillNote[] } {
  const out: FilledTable = JSON.parse(JSON.stringify(t));
  const { fields, plan } = templateFields(tpl);
  const added: string[] = [];
  const notes: FillNote[] = [];
  const name = t.name && t.name.trim() ? t.name.trim() : t.org && t.org.trim() ? t.org.trim() : TT.untitled;
  for (const k of fields) {
    if (fieldText(out, k) !== undefined) continue;
    if (k.startsWith('budget.')) {
      out.budget = out.budget || {};
      out.budget[k.slice(7) as 'total' | 'fiscal' | 'other'] = '';
      if (added.indexOf(TT.fieldNames.budget) < 0) added.push(TT.fieldNames.budget);
      continue;
    }
    const key = k as Exclude<FieldKey, 'budget.total' | 'budget.fiscal' | 'budget.other'>;
    if (key === 'title') out.title = makeTitle(tpl, no, name);
    else if (key === 'unit') {
      out.unit = tpl.defaultUnit;
      notes.push({ kind: 'unit-assumed' });
    } else out[key] = '';
    added.push(TT.fieldNames[key]);
  }
  if (plan && (!out.plan || !out.plan.length)) {
    out.plan = tpl.planMonths.map((label) => ({ label, value: '' }));
    added.push(TT.fieldNames.plan);
  }
  if (added.length) notes.unshift({ kind: 'completed', fields: added });
  return { table: out, notes };
}

// ---------------------------------------------------------------------------------------------------------
// From scratch.

export interface FormResult {
  table: FilledTable;
  /** What the user still has to fix (Chinese); the table is made anyway so the pane can preview it. */
  issues: string[];
}

function decimals(s: string): number {
  const i = s.indexOf('.');
  return i < 0 ? 0 : s.length - i - 1;
}

/** Sorts rows into the profile's order of 一级 and 二级 (成本指标 first under core2021); unknown ones last. */
export function sortByProfile(rows: FilledRow[], profileId: string): FilledRow[] {
  const profile = findProfile(profileId);
  if (!profile) return rows.slice();
  const rank = (r: FilledRow): [number, number] => {
    const l1 = matchL1(profile, r.l1);
    const l1i = l1 ? profile.levels.findIndex((l) => l.role === l1.role) : profile.levels.length;
    const level = l1 ? profile.levels[l1i] : undefined;
    const l2 = matchL2(profile, r.l2, l1 && l1.role);
    const l2i = level && l2 ? level.children.findIndex((c) => c.role === l2.role) : 99;
    return [l1i, l2i < 0 ? 99 : l2i];
  };
  return rows
    .map((r, i) => ({ r, i, k: rank(r) }))
    .sort((a, b) => a.k[0] - b.k[0] || a.k[1] - b.k[1] || a.i - b.i)
    .map((x) => x.r);
}

/**
 * A new project table from the form: title "{no}.{name}绩效目标表", the budget (预算数 computed from 财政资金 +
 * 其他资金 when left blank), the plan by the template's months, the indicators (library picks with their
 * templates filled) in the profile's order.
 */
export function fillFromForm(input: ProjectForm, tpl: Template): FormResult {
  const form = ProjectFormSchema.parse(input);
  const F = TT.form;
  const issues: string[] = [];
  if (!form.name) issues.push(F.nameRequired);

  const b = { ...form.budget };
  for (const k of ['total', 'fiscal', 'other'] as const) {
    if (b[k] && parseNumber(b[k]) === null) issues.push(F.budgetNotNumber(F.budgetLabels[k], b[k]));
  }
  const fiscal = b.fiscal ? parseNumber(b.fiscal) : 0;
  const other = b.other ? parseNumber(b.other) : 0;
  if (!b.total && (b.fiscal || b.other) && fiscal !== null && other !== null) {
    b.total = (fiscal + other).toFixed(Math.max(decimals(b.fiscal), decimals(b.other)));
  } else if (b.total && (b.fiscal || b.other) && fiscal !== null && other !== null) {
    const total = parseNumber(b.total);
    if (total !== null && Math.abs(total - fiscal - other) > 0.005) issues.push(F.budgetSum(b.total, String(Math.round((fiscal + other) * 100) / 100)));
  }

  const plan = tpl.planMonths.map((label, i) => ({ label, value: form.plan[i] || '' }));
  for (const p of plan) if (p.value && !/^\d+(\.\d+)?\s*[%％]$/.test(p.value)) issues.push(F.planNotPercent(p.label, p.value));

  const rows: FilledRow[] = [];
  form.indicators.forEach((i, k) => {
    const ind = FormIndicatorSchema.parse(i);
    if (!ind.l1 && !ind.l2 && !ind.l3 && !ind.value) return; // an empty line of the form
    if (!ind.l1 || !ind.l2 || !ind.l3) issues.push(F.indicatorIncomplete(k + 1));
    if (PLACEHOLDER_RE.test(ind.value)) issues.push(F.placeholder(ind.l3, ind.value));
    rows.push({ l1: ind.l1, l2: ind.l2, l3: ind.l3, desc: ind.desc, value: ind.value, basis: ind.basis });
  });
  if (!rows.length) issues.push(F.noIndicators);

  const table: FilledTable = {
    kind: 'project',
    title: makeTitle(tpl, form.no, form.name || TT.untitled),
    org: form.org,
    unit: form.unit,
    code: form.code,
    name: form.name,
    budget: { total: b.total, fiscal: b.fiscal, other: b.other },
    purpose: form.purpose,
    plan: tpl.kind === 'project' && plan.length ? plan : undefined,
    goals: form.goals,
    indicators: [],
  };
  // Picks placed for the other framework (成本指标 as 一级 or as 二级) are moved to the template's.
  const placed = tpl.profile === 'classic' || tpl.profile === 'core2021' ? convertProfile({ kind: 'project', indicators: rows }, tpl.profile).table.indicators : rows;
  table.indicators = sortByProfile(placed, tpl.profile);
  return { table: stripUndefined(table), issues };
}
