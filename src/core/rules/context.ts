// What every rule sees: the table, its profile, and its indicator rows already interpreted once
// (levels matched, values parsed, measures classified), so rules stay short and run fast.
import { CellEdit, Diagnostic, Severity } from '../diagnostic';
import { Field, IndicatorRow, TargetTable } from '../model';
import { L2Match, LevelMatch, Profile, matchL1, matchL2 } from '../profiles';
import { ValueAnalysis, analyzeValue, parseAmount, toYuan } from '../value';
import { Measure, measureOf } from '../semantics';
import { normLabel } from '../labels';

export interface LogicalRow {
  src: IndicatorRow;
  l1: LevelMatch | undefined;
  l2: L2Match | undefined;
  l3: Field;
  desc: Field;
  /** The value, taken from the fragment row when a page break split the row. */
  value: Field;
  basis: Field;
  va: ValueAnalysis;
  measure: Measure;
  /** normLabel of 三级, 描述, 指标值 and 依据, once: many rules compare them, and normalising was a tenth of the rules. */
  norm: { l3: string; desc: string; value: string; basis: string };
}

export interface Emit {
  (rule: string, cell: string, message: string, suggestion?: string | null, severity?: Severity, edits?: CellEdit[]): void;
}

export interface TableContext {
  /** How many findings this context has emitted so far (lets a rule tell whether a sub-check spoke). */
  emitted(): number;
  table: TargetTable;
  tableIndex: number;
  profile: Profile;
  rows: LogicalRow[];
  /** Rows of the parts that continue this table on later sheets (checked with it for coverage and counts). */
  continuation: LogicalRow[];
  /** 预算数 in yuan, when it reads as a number. */
  budgetYuan: number | null;
  budgetYear: number | null;
  emit: Emit;
}

/** A per-table check; ids, severities and descriptions live in the catalogue (rules/index.ts). */
export type TableCheck = (ctx: TableContext) => void;

/** A check across all tables of a workbook. */
export type WorkbookCheck = (ctxs: TableContext[]) => void;

export function budgetYearOf(t: TargetTable): number | null {
  const code = t.code.text.trim();
  const m = /^\d{6}(\d{2})[A-Z]/.exec(code);
  if (m) return 2000 + parseInt(m[1], 10);
  // The title names the year when anything does; in the text, past years ("对2019年建成的…") come before
  // the budget year, so take the latest.
  const t1 = /(20\d{2})\s*年/.exec(t.title.text);
  if (t1) return parseInt(t1[1], 10);
  const years = (t.goals.text + ' ' + t.purpose.text).match(/20\d{2}(?=\s*年)/g);
  return years ? Math.max(...years.map((y) => parseInt(y, 10))) : null;
}

export function budgetYuanOf(t: TargetTable): number | null {
  if (!t.budget) return null;
  const n = parseAmount(t.budget.total.text, t.unit.text || '万元');
  if (n === null) return null;
  return toYuan(n, t.unit.text || '万元');
}

// Real workbooks repeat the same values and names thousands of times: interpret each text once.
const MEMO_LIMIT = 50000;
const vaMemo = new Map<string, ValueAnalysis>();
const measureMemo = new Map<string, Measure>();
function memo<T>(m: Map<string, T>, key: string, make: () => T): T {
  let v = m.get(key);
  if (v === undefined) {
    if (m.size > MEMO_LIMIT) m.clear();
    v = make();
    m.set(key, v);
  }
  return v;
}

export function buildRows(t: TargetTable, profile: Profile): LogicalRow[] {
  const out: LogicalRow[] = [];
  const ind = t.indicators;
  for (let i = 0; i < ind.length; i++) {
    const r = ind[i];
    if (r.fragment) continue;
    let value = r.value;
    let basis = r.basis;
    const next = ind[i + 1];
    if (next && next.fragment && !r.value.text.trim()) {
      value = next.l1;
      if (!basis.text.trim()) basis = next.l2;
    }
    const l1 = matchL1(profile, r.effL1);
    const l2 = matchL2(profile, r.effL2, l1 && l1.role);
    out.push({
      src: r,
      l1,
      l2,
      l3: r.l3,
      desc: r.desc,
      value,
      basis,
      va: memo(vaMemo, value.text, () => analyzeValue(value.text)),
      measure: memo(measureMemo, r.l3.text + '\u0000' + r.desc.text, () => measureOf(r.l3.text, r.desc.text)),
      norm: { l3: normLabel(r.l3.text), desc: normLabel(r.desc.text), value: normLabel(value.text), basis: normLabel(basis.text) },
    });
  }
  return out;
}

/**
 * A joined 指标值 suggestion written back into a split layout's 符号 · 值 · 单位 cells (only those that change); none
 * when the suggestion is not a plain quantity (it would not divide into the three cells).
 */
export function splitEdits(split: NonNullable<IndicatorRow['split']>, suggestion: string): CellEdit[] | undefined {
  const p = analyzeValue(suggestion).parsed;
  if (p.kind !== 'quant') return undefined;
  const want: [Field, string][] = [
    [split.sign, p.cmp || ''],
    [split.num, p.numText],
    [split.unit, p.unit],
  ];
  if (want.some(([f]) => !f.cell)) return undefined;
  const edits = want.filter(([f, text]) => f.text.trim() !== text).map(([f, text]) => ({ cell: f.cell, text }));
  return edits.length ? edits : undefined;
}

export function makeContext(
  t: TargetTable,
  tableIndex: number,
  profile: Profile,
  sink: Diagnostic[],
  defaults: Record<string, Severity>,
): TableContext {
  let count = 0;
  let splitAt: Map<string, NonNullable<IndicatorRow['split']>> | null = null;
  const emit: Emit = (rule, cell, message, suggestion, severity, edits) => {
    count++;
    if (!edits && suggestion && cell) {
      if (!splitAt) {
        splitAt = new Map();
        for (const row of t.indicators) if (row.split) splitAt.set(row.split.num.cell, row.split);
      }
      const split = splitAt.get(cell);
      if (split) edits = splitEdits(split, suggestion);
    }
    const d: Diagnostic = {
      sheet: t.sheet,
      cell: cell || t.header.l3 || t.range.split(':')[0],
      severity: severity || defaults[rule] || 'warning',
      rule,
      message,
      suggestion: suggestion === undefined ? null : suggestion,
      table: tableIndex,
    };
    if (edits && edits.length) d.edits = edits;
    sink.push(d);
  };
  return {
    table: t,
    tableIndex,
    profile,
    rows: buildRows(t, profile),
    continuation: [],
    budgetYuan: budgetYuanOf(t),
    budgetYear: budgetYearOf(t),
    emit,
    emitted: () => count,
  };
}
