// Precision by rule, from a reviewer's judgement of every finding on a fixture (would it be sent back?).
// Judgements: test/fixtures/oos/judgements.json (out of sample) and test/fixtures/judgements.in-sample.json.
//   npx tsx scripts/precision.ts            tables for both sets
//   npx tsx scripts/precision.ts --draft F  prints the findings of fixture F not yet judged, as judgement stubs
import * as fs from 'fs';
import * as path from 'path';
import { loadGrids, FIXTURES } from '../test/helpers/load';
import { checkGrids } from '../src/core/check';
import { Diagnostic } from '../src/core/diagnostic';

export type Verdict = 'right' | 'wrong' | 'unjudgeable';
export interface Judgement {
  table: number;
  rule: string;
  cell: string;
  verdict: Verdict;
  reason: string;
}
export interface JudgementFile {
  /** Fixture path relative to test/fixtures → one judgement per finding. */
  fixtures: Record<string, Judgement[]>;
  /** What a reviewer would send back that the checker did not say (or said only in aggregate). */
  misses: { fixture: string; cell: string; what: string; now?: string }[];
  /** The same fixtures judged before the rules were changed on them (a static record: the honest held-out figure). */
  beforeRuleChanges?: { commit: string; note: string; findings: Judgement[]; misses: string[] };
}

export const JUDGEMENT_FILES = {
  'out-of-sample': path.join(FIXTURES, 'oos', 'judgements.json'),
  'in-sample': path.join(FIXTURES, 'judgements.in-sample.json'),
};

const keyOf = (x: { table?: number; rule: string; cell: string }) => (x.table ?? -1) + '|' + x.rule + '|' + x.cell;

export interface RuleTally {
  rule: string;
  severity: string;
  findings: number;
  right: number;
  wrong: number;
  unjudgeable: number;
  unjudged: number;
  /** right/wrong by the severity each finding had (a rule may raise or lower its default). */
  bySeverity: Record<string, { right: number; wrong: number }>;
}

export async function tally(file: JudgementFile): Promise<{ rules: RuleTally[]; stale: string[] }> {
  const byRule = new Map<string, RuleTally>();
  const stale: string[] = [];
  for (const [fixture, list] of Object.entries(file.fixtures)) {
    const res = checkGrids(await loadGrids(path.join(FIXTURES, fixture)));
    const judged = new Map(list.map((j) => [keyOf(j), j]));
    const seen = new Set<string>();
    for (const d of res.diagnostics) {
      const k = keyOf(d);
      seen.add(k);
      let t = byRule.get(d.rule);
      if (!t) byRule.set(d.rule, (t = { rule: d.rule, severity: d.severity, findings: 0, right: 0, wrong: 0, unjudgeable: 0, unjudged: 0, bySeverity: {} }));
      t.findings++;
      if (t.severity !== d.severity && t.severity.indexOf(d.severity) < 0) t.severity += '/' + d.severity;
      const j = judged.get(k);
      if (!j) t.unjudged++;
      else {
        t[j.verdict]++;
        const s = (t.bySeverity[d.severity] = t.bySeverity[d.severity] || { right: 0, wrong: 0 });
        if (j.verdict === 'right') s.right++;
        if (j.verdict === 'wrong') s.wrong++;
      }
    }
    for (const j of list) if (!seen.has(keyOf(j))) stale.push(fixture + ' ' + keyOf(j) + ' (' + j.verdict + ')');
  }
  return { rules: [...byRule.values()].sort((a, b) => a.rule.localeCompare(b.rule)), stale };
}

const pct = (a: number, b: number) => (b ? ((100 * a) / b).toFixed(0) + '%' : '-');

function print(name: string, rules: RuleTally[], stale: string[]): void {
  console.log(`\n## ${name}\nrule | severity | findings | right | wrong | unjudgeable | unjudged | precision`);
  const sum = { findings: 0, right: 0, wrong: 0, unjudgeable: 0, unjudged: 0 };
  const bySev: Record<string, { right: number; wrong: number }> = {};
  for (const t of rules) {
    console.log([t.rule, t.severity, t.findings, t.right, t.wrong, t.unjudgeable, t.unjudged, pct(t.right, t.right + t.wrong)].join(' | '));
    for (const k of Object.keys(sum) as (keyof typeof sum)[]) sum[k] += t[k];
    for (const [sev, x] of Object.entries(t.bySeverity)) {
      const s = (bySev[sev] = bySev[sev] || { right: 0, wrong: 0 });
      s.right += x.right;
      s.wrong += x.wrong;
    }
  }
  console.log(['all', '', sum.findings, sum.right, sum.wrong, sum.unjudgeable, sum.unjudged, pct(sum.right, sum.right + sum.wrong)].join(' | '));
  for (const [sev, s] of Object.entries(bySev)) console.log(`${sev}: ${pct(s.right, s.right + s.wrong)} (${s.right}/${s.right + s.wrong})`);
  if (stale.length) console.log('judged findings no longer produced:\n  ' + stale.join('\n  '));
}

async function draft(fixture: string): Promise<void> {
  const res = checkGrids(await loadGrids(path.join(FIXTURES, fixture)));
  const known = new Set<string>();
  for (const f of Object.values(JUDGEMENT_FILES)) {
    if (!fs.existsSync(f)) continue;
    const j = JSON.parse(fs.readFileSync(f, 'utf8')) as JudgementFile;
    for (const x of j.fixtures[fixture] || []) known.add(keyOf(x));
  }
  const stubs = res.diagnostics.filter((d) => !known.has(keyOf(d))).map((d: Diagnostic) => ({ table: d.table, rule: d.rule, cell: d.cell, verdict: '?', reason: d.message }));
  console.log(JSON.stringify(stubs, null, 1));
}

if (require.main === module) {
  (async () => {
    const i = process.argv.indexOf('--draft');
    if (i > 0) return draft(process.argv[i + 1]);
    for (const [name, f] of Object.entries(JUDGEMENT_FILES)) {
      if (!fs.existsSync(f)) continue;
      const file = JSON.parse(fs.readFileSync(f, 'utf8')) as JudgementFile;
      const { rules, stale } = await tally(file);
      print(name, rules, stale);
      console.log(`misses recorded: ${file.misses.filter((m) => !m.now).length} open, ${file.misses.filter((m) => m.now).length} fixed`);
      const b = file.beforeRuleChanges;
      if (b) {
        const byRule = new Map<string, RuleTally>();
        for (const j of b.findings) {
          let t = byRule.get(j.rule);
          if (!t) byRule.set(j.rule, (t = { rule: j.rule, severity: '', findings: 0, right: 0, wrong: 0, unjudgeable: 0, unjudged: 0, bySeverity: {} }));
          t.findings++;
          t[j.verdict]++;
        }
        print(`${name}, before the rules were changed on these fixtures (commit ${b.commit}, recorded)`, [...byRule.values()], []);
      }
    }
  })();
}
