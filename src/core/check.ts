// The engine's entry point: grids in, tables and findings out. Hosts call only this.
import { Grid, parseA1, parseRange } from './grid';
import { Field, TargetTable } from './model';
import { msg } from './i18n/rules';
import { Diagnostic, severityRank } from './diagnostic';
import { parseGridsExplained } from './parse';
import { NoTableExplanation } from './detect';
import { chooseProfile, findProfile } from './profiles';
import { ruleSeverity, ruleSteps } from './rules';

/** A cached formula error (#DIV/0!, #REF!…) in a table cell: one finding says so, no rule judges it as text. */
export const FORMULA_ERROR_RULE = 'cell.formula-error';

export interface CheckOptions {
  /** Force a rule profile id (classic | core2021 | department); default: chosen per table from its 一级 names. */
  profile?: string;
}

export interface CheckedTable {
  table: TargetTable;
  /** The profile the table was checked against. */
  profile: string;
}

export interface CheckResult {
  tables: CheckedTable[];
  diagnostics: Diagnostic[];
  /** Sheets without a target table and why (set by checkGrids). */
  unread?: NoTableExplanation[];
}

export class UnknownProfileError extends Error {}

function position(d: Diagnostic): [number, number] {
  try {
    const r = parseRange(d.cell);
    return [r.top, r.left];
  } catch {
    return [0, 0];
  }
}

export function checkTables(tables: TargetTable[], options: CheckOptions = {}): CheckResult {
  const steps = checkSteps(tables, options);
  let step = steps.next();
  while (!step.done) step = steps.next();
  return step.value;
}

/** checkTables one table per step (yielding the tables done), for a host that pauses between steps. */
export function* checkSteps(tables: TargetTable[], options: CheckOptions = {}): Generator<number, CheckResult, void> {
  const forced = options.profile && options.profile !== 'auto' ? findProfile(options.profile) : undefined;
  if (options.profile && options.profile !== 'auto' && !forced) throw new UnknownProfileError(options.profile);
  const withProfiles = tables.map((table) => ({ table, profile: forced || chooseProfile(table) }));
  const diagnostics: Diagnostic[] = yield* ruleSteps(withProfiles);
  return { tables: withProfiles.map((w) => ({ table: w.table, profile: w.profile.id })), diagnostics: ordered(tables, diagnostics) };
}

function ordered(tables: TargetTable[], diagnostics: Diagnostic[]): Diagnostic[] {
  const sheetOrder = new Map<string, number>();
  tables.forEach((t) => sheetOrder.has(t.sheet) || sheetOrder.set(t.sheet, sheetOrder.size));
  const keyed = diagnostics.map((d, i) => ({ d, i, pos: position(d) }));
  keyed.sort(
    (a, b) =>
      (a.d.table ?? 0) - (b.d.table ?? 0) ||
      (sheetOrder.get(a.d.sheet) ?? 0) - (sheetOrder.get(b.d.sheet) ?? 0) ||
      a.pos[0] - b.pos[0] ||
      a.pos[1] - b.pos[1] ||
      severityRank[a.d.severity] - severityRank[b.d.severity] ||
      a.i - b.i,
  );
  return keyed.map((k) => k.d);
}

export function checkGrids(grids: Grid[], options: CheckOptions = {}): CheckResult {
  const { tables, unread } = parseGridsExplained(grids);
  const res = checkTables(tables, options);
  return { ...res, diagnostics: withFormulaErrors(grids, tables, res.diagnostics), unread };
}

function tableFields(t: TargetTable): Field[] {
  const out: Field[] = [t.title, t.org, t.unit, t.code, t.name, t.purpose, t.goals];
  if (t.budget) out.push(t.budget.total, t.budget.fiscal, t.budget.other);
  for (const p of t.plan) out.push(p.label, p.value);
  for (const r of t.indicators) {
    out.push(r.l1, r.l2, r.l3, r.desc, r.value, r.basis);
    if (r.split) out.push(r.split.sign, r.split.num, r.split.unit);
    if (r.scoring) out.push(r.scoring);
  }
  return out.filter((f) => f.cell);
}

/**
 * Findings for table cells holding a cached formula error, replacing whatever the rules said about the error
 * text at those cells ("#DIV/0!" is not a malformed 指标值 the user typed; the formula is what needs fixing).
 */
export function withFormulaErrors(grids: Grid[], tables: TargetTable[], diagnostics: Diagnostic[]): Diagnostic[] {
  // Most workbooks have no error cell at all: then nothing below can be found, and parsing every field's A1 was a
  // tenth of the check of a large sheet.
  if (!grids.some((g) => g.hasErrors())) return diagnostics;
  const bySheet = new Map<string, Grid>();
  for (const g of grids) if (!bySheet.has(g.name)) bySheet.set(g.name, g);
  const found: Diagnostic[] = [];
  const errorCells = new Set<string>();
  tables.forEach((t, i) => {
    const g = bySheet.get(t.sheet);
    if (!g) return;
    for (const f of tableFields(t)) {
      const key = i + '\u0000' + f.cell;
      if (errorCells.has(key)) continue;
      const at = parseA1(f.cell);
      const error = g.error(at.row, at.col);
      if (!error) continue;
      errorCells.add(key);
      found.push({ sheet: t.sheet, cell: f.cell, severity: ruleSeverity(FORMULA_ERROR_RULE), rule: FORMULA_ERROR_RULE, message: msg.formulaError(error), suggestion: null, table: i });
    }
  });
  if (!found.length) return diagnostics;
  const kept = diagnostics.filter((d) => !errorCells.has((d.table ?? -1) + '\u0000' + d.cell));
  return ordered(tables, kept.concat(found));
}
