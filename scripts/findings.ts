// Dev aid: `npx tsx scripts/findings.ts 002_f394b5ba38f6b2c8.xlsx [rule-prefix|all]` prints findings per rule for a fixture.
import { loadGrids, FIXTURES } from '../test/helpers/load';
import { checkGrids } from '../src/core/check';
(async () => {
  const res = checkGrids(await loadGrids(FIXTURES + '/' + process.argv[2]));
  const counts: Record<string, number> = {};
  for (const d of res.diagnostics) counts[d.rule + ' ' + d.severity] = (counts[d.rule + ' ' + d.severity] || 0) + 1;
  console.log(res.tables.length, 'tables', res.diagnostics.length, 'findings');
  console.log(Object.entries(counts).sort((a, b) => b[1] - a[1]).map(([k, v]) => v + ' ' + k).join('\n'));
  const only = process.argv[3];
  if (only) for (const d of res.diagnostics) if (only === 'all' || d.rule.startsWith(only)) console.log(d.table, d.cell, d.severity, d.rule, d.message, d.suggestion ? '→ ' + d.suggestion : '');
})();
