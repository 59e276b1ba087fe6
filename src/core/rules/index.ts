// The rule set: per-table rules by family, then the workbook-wide ones. The catalogue lists every id.
import { Diagnostic, Severity } from '../diagnostic';
import { columnMessage, ruleDescriptions, workbookMessage } from '../i18n/rules';
import { TargetTable } from '../model';
import { Profile } from '../profiles';
import { RuleInfo, ruleCatalogue } from './catalogue';
import { TableContext, makeContext } from './context';
import { headerRules, notChecked } from './header';
import { hierarchyRules } from './hierarchy';
import { boilerplate, textRules } from './text';
import { valueRules } from './values';

/** Default severity of every rule id (a rule may raise or lower it for a specific case). */
const SEVERITY: Record<string, Severity> = {
  'header.required': 'error', 'header.code': 'warning', 'money.sum': 'error', 'money.number': 'error',
  'plan.range': 'error', 'plan.monotonic': 'error', 'plan.reach-100': 'error', 'plan.quarterly': 'warning', 'plan.blank': 'info',
  'goal.blank': 'error', 'goal.placeholder': 'error', 'goal.xref': 'warning',
  'hierarchy.l1': 'error', 'hierarchy.l2': 'error', 'hierarchy.alias': 'info',
  'coverage.output': 'error', 'coverage.benefit': 'error', 'coverage.cost': 'warning', 'coverage.qqt': 'warning', 'coverage.satisfaction': 'warning',
  'indicator.empty': 'error', 'indicator.level-name': 'error', 'indicator.is-value': 'warning', 'indicator.placeholder': 'error',
  'indicator.duplicate': 'warning', 'indicator.misfiled': 'warning', 'indicator.length': 'warning', 'indicator.outcome': 'warning', 'indicator.count': 'warning',
  'value.empty': 'error', 'value.malformed': 'error', 'value.placeholder': 'error', 'value.unit-word': 'warning', 'value.fullwidth': 'info',
  'value.unit-missing': 'error', 'value.unit-mismatch': 'error', 'value.percent-range': 'error', 'value.direction': 'warning', 'value.trivial': 'warning',
  'value.qual-long': 'info', 'value.qual-quantity': 'warning', 'value.uniform': 'warning',
  'satisfaction.form': 'error', 'satisfaction.floor': 'warning', 'satisfaction.100': 'warning',
  'time.form': 'error', 'time.year': 'warning', 'cost.money': 'warning', 'cost.cap': 'error', 'cost.unit': 'warning',
  'basis.empty': 'error', 'basis.unclear': 'warning', 'desc.empty': 'warning', 'desc.repeats-name': 'warning',
  'text.whitespace': 'info', 'text.foreign-subject': 'warning', 'layout.split-row': 'error', 'workbook.boilerplate': 'warning',
  'cell.formula-error': 'error',
  'value.ambiguous': 'warning', 'value.pct-not-rate': 'warning', 'weight.sum': 'warning', 'table.not-checked': 'info',
};

const PROFILES: Record<string, string[]> = { 'coverage.cost': ['classic', 'core2021'], 'plan.monotonic': ['classic', 'core2021'] };

if (!ruleCatalogue.length) {
  for (const id of Object.keys(SEVERITY)) {
    const info: RuleInfo = { id, severity: SEVERITY[id], profiles: PROFILES[id] || ['*'], description: ruleDescriptions[id] || id };
    ruleCatalogue.push(info);
  }
}

const CONTEXTS_PER_STEP = 64;

const tableRules = [...headerRules, ...hierarchyRules, ...valueRules, ...textRules];

export function runRules(tables: { table: TargetTable; profile: Profile }[]): Diagnostic[] {
  const steps = ruleSteps(tables);
  let step = steps.next();
  while (!step.done) step = steps.next();
  return step.value;
}

/**
 * The same rules one table per step (yielding the number of tables done), then the workbook-wide ones: a host that
 * must stay responsive (the task pane) can pause between steps.
 */
export function* ruleSteps(tables: { table: TargetTable; profile: Profile }[]): Generator<number, Diagnostic[], void> {
  const out: Diagnostic[] = [];
  // Contexts and the workbook-wide passes in steps too: on 1,000 tables each is tens of milliseconds.
  const ctxs: TableContext[] = [];
  for (let i = 0; i < tables.length; i++) {
    ctxs.push(makeContext(tables[i].table, i, tables[i].profile, out, SEVERITY));
    if (i % CONTEXTS_PER_STEP === CONTEXTS_PER_STEP - 1) yield 0;
  }
  for (const c of ctxs) {
    const root = c.table.continues;
    if (root !== undefined && ctxs[root]) ctxs[root].continuation.push(...c.rows);
  }
  for (let i = 0; i < ctxs.length; i++) {
    for (const rule of tableRules) rule(ctxs[i]);
    yield i + 1;
  }
  boilerplate(ctxs);
  yield ctxs.length;
  notChecked(ctxs);
  yield ctxs.length;
  const collapsed = collapseColumns(out, ctxs);
  yield ctxs.length;
  return collapseWorkbook(collapsed);
}

/** Hints that say the same of every table of a workbook (效果指标 is a regional alias): said once, with the count. */
const WORKBOOK_RULES = ['hierarchy.alias'];

function collapseWorkbook(list: Diagnostic[]): Diagnostic[] {
  const groups = new Map<string, Diagnostic[]>();
  for (const d of list) {
    if (WORKBOOK_RULES.indexOf(d.rule) < 0) continue;
    const k = d.rule + '\u0000' + d.message;
    let g = groups.get(k);
    if (!g) groups.set(k, (g = []));
    g.push(d);
  }
  const drop = new Set<Diagnostic>();
  const replace = new Map<Diagnostic, Diagnostic>();
  for (const g of groups.values()) {
    if (new Set(g.map((d) => d.table)).size < 3) continue;
    const cells = g.map((d) => d.sheet + '!' + d.cell);
    const listed = cells.slice(0, MAX_LISTED).join('、') + (cells.length > MAX_LISTED ? '等' : '');
    replace.set(g[0], { ...g[0], message: workbookMessage(g[0].message, g.length, listed) });
    for (const d of g.slice(1)) drop.add(d);
  }
  if (!drop.size) return list;
  return list.filter((d) => !drop.has(d)).map((d) => replace.get(d) || d);
}

/** Findings that describe a column rather than a cell when they hold on most of its rows. */
const COLUMN_RULES: Record<string, 'desc' | 'basis' | 'value'> = {
  'desc.repeats-name': 'desc', 'desc.empty': 'desc', 'basis.empty': 'basis', 'basis.unclear': 'basis', 'value.fullwidth': 'value',
};
const MAX_LISTED = 12;

/**
 * A finding that holds for (nearly) a whole column is one finding on the column's header, with the count and the
 * cells in its message, instead of a mark on every cell: the cells a clerk must fix one by one stay visible.
 */
function collapseColumns(list: Diagnostic[], ctxs: TableContext[]): Diagnostic[] {
  const groups = new Map<string, Diagnostic[]>();
  for (const d of list) {
    if (!COLUMN_RULES[d.rule] || d.table === undefined) continue;
    const k = d.table + '\u0000' + d.rule;
    let g = groups.get(k);
    if (!g) groups.set(k, (g = []));
    g.push(d);
  }
  const replaced = new Map<Diagnostic, Diagnostic | null>();
  for (const g of groups.values()) {
    const ctx = ctxs[g[0].table!];
    const rows = ctx.rows.filter((r) => r.l3.text.trim()).length;
    const header = ctx.table.header[COLUMN_RULES[g[0].rule]] || (COLUMN_RULES[g[0].rule] === 'value' ? ctx.table.header.num : undefined);
    if (!header || g.length < 3 || g.length < rows * 0.6) continue;
    const cells = g.map((d) => d.cell);
    const listed = cells.slice(0, MAX_LISTED).join('、') + (cells.length > MAX_LISTED ? '等' : '');
    const one: Diagnostic = { ...g[0], cell: header, message: columnMessage(g[0].rule, g.length, rows, listed), suggestion: null };
    g.forEach((d, i) => replaced.set(d, i === 0 ? one : null));
  }
  if (!replaced.size) return list;
  const out: Diagnostic[] = [];
  for (const d of list) {
    const r = replaced.get(d);
    if (r === undefined) out.push(d);
    else if (r) out.push(r);
  }
  return out;
}

export { ruleCatalogue };

export function ruleSeverity(id: string): Severity {
  return SEVERITY[id];
}
