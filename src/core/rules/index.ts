// The rule set: per-table rules by family, then the workbook-wide ones. The catalogue lists every id.
import { Diagnostic, Severity } from '../diagnostic';
import { ruleDescriptions } from '../i18n/rules';
import { TargetTable } from '../model';
import { Profile } from '../profiles';
import { RuleInfo, ruleCatalogue } from './catalogue';
import { TableContext, makeContext } from './context';
import { headerRules } from './header';
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
};

const PROFILES: Record<string, string[]> = { 'coverage.cost': ['classic', 'core2021'], 'plan.monotonic': ['classic', 'core2021'] };

if (!ruleCatalogue.length) {
  for (const id of Object.keys(SEVERITY)) {
    const info: RuleInfo = { id, severity: SEVERITY[id], profiles: PROFILES[id] || ['*'], description: ruleDescriptions[id] || id };
    ruleCatalogue.push(info);
  }
}

const tableRules = [...headerRules, ...hierarchyRules, ...valueRules, ...textRules];

export function runRules(tables: { table: TargetTable; profile: Profile }[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  const ctxs: TableContext[] = tables.map((t, i) => makeContext(t.table, i, t.profile, out, SEVERITY));
  for (const ctx of ctxs) for (const rule of tableRules) rule(ctx);
  boilerplate(ctxs);
  return out;
}

export { ruleCatalogue };

export function ruleSeverity(id: string): Severity {
  return SEVERITY[id];
}
