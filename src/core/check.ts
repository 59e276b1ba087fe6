// The engine's entry point: grids in, tables and findings out. Hosts call only this.
import { Grid, parseRange } from './grid';
import { TargetTable } from './model';
import { Diagnostic, severityRank } from './diagnostic';
import { parseGrids } from './parse';
import { chooseProfile, findProfile } from './profiles';
import { ruleSteps } from './rules';

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
  return { tables: withProfiles.map((w) => ({ table: w.table, profile: w.profile.id })), diagnostics: keyed.map((k) => k.d) };
}

export function checkGrids(grids: Grid[], options: CheckOptions = {}): CheckResult {
  return checkTables(parseGrids(grids), options);
}
