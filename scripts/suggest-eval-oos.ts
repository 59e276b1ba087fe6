// The suggester out of sample: the frozen set of 204 real project names from other provinces' published budgets
// (scripts/suggest-eval-oos.json, labelled once before tuning), next to the in-sample figure of suggest-eval.ts.
//
//   npx tsx scripts/suggest-eval-oos.ts [--top N] [--quiet] [--misses] [--dev]
//
// Tuning discipline: only the odd-numbered projects (the "dev" half, --dev prints only those) may be looked at one by
// one while tuning; the even-numbered half is held out and only ever read as the aggregate figure printed here.
// Per project: the top types, then the top-N suggestions marked ✓ (from a type labelled on topic), ~ (common) or ✗.
// Reported: top-1 type on topic, and the share of projects with at least 3 of the top N on topic (common ones not
// counted). --misses prints only the projects under 3.
import * as fs from 'fs';
import * as path from 'path';
import { suggest } from '../src/core/library/suggest';
import { evaluateInSample, pct } from './suggest-eval';

interface OosProject {
  id: string;
  name: string;
  purpose: string;
  source: string;
  types: string[];
}

const set = JSON.parse(fs.readFileSync(path.join(__dirname, 'suggest-eval-oos.json'), 'utf8')) as { projects: OosProject[] };

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const quiet = args.includes('--quiet');
  const missesOnly = args.includes('--misses');
  const devOnly = args.includes('--dev');
  const half = { dev: { n: 0, top: 0, ok: 0 }, held: { n: 0, top: 0, ok: 0 } };
  const ti = args.indexOf('--top');
  const top = ti >= 0 ? parseInt(args[ti + 1], 10) : 10;
  let topType = 0;
  let atLeast3 = 0;
  let strict = 0;
  let shown = 0;
  let noFit = 0;
  let noFitOk = 0;
  for (const p of set.projects) {
    const res = suggest({ name: p.name, purpose: p.purpose }, { top });
    const list = res.suggestions.slice(0, top);
    const good = list.filter((s) => p.types.includes(s.type)).length;
    const first = res.types[0];
    if (first && p.types.includes(first.id)) topType++;
    if (good >= 3) atLeast3++;
    strict += good;
    shown += list.length;
    const fit = (res as { fit?: { good: boolean } }).fit;
    if (fit && !fit.good) {
      noFit++;
      if (good >= 3) noFitOk++;
    }
    const h = parseInt(p.id.slice(4), 10) % 2 ? half.dev : half.held;
    h.n++;
    if (first && p.types.includes(first.id)) h.top++;
    if (good >= 3) h.ok++;
    if (quiet || (missesOnly && good >= 3) || (devOnly && h !== half.dev)) continue;
    const types = res.types.slice(0, 3).map((t) => `${t.id}(${t.score})`).join(' ');
    console.log(`${p.id} ${p.name}  [${p.types.join(',')}]  →  ${types}${fit && !fit.good ? '  (no good fit)' : ''}   on topic ${good}/${list.length}`);
    for (const s of list) console.log(`    ${p.types.includes(s.type) ? '✓' : s.type === 'common' ? '~' : '✗'} ${s.l3}  ${s.value}  [${s.type}]`);
  }
  const n = set.projects.length;
  const ins = await evaluateInSample(top, true, false, false);
  console.log('');
  console.log(`out of sample (${n} projects, scripts/suggest-eval-oos.json, frozen labels):`);
  console.log(`  top type on topic: ${topType}/${n} (${pct(topType, n)})`);
  console.log(`  projects with at least 3 of ${top} suggestions on topic: ${atLeast3}/${n} (${pct(atLeast3, n)})`);
  console.log(`  suggestions on topic: ${strict}/${shown} (${pct(strict, shown)})`);
  if (noFit) console.log(`  reported as no good fit: ${noFit} (of which ${noFitOk} still have at least 3 on topic)`);
  for (const [label, h] of [['dev half (odd ids, looked at while tuning)', half.dev], ['held-out half (even ids, never looked at)', half.held]] as const)
    console.log(`  ${label}: top type ${h.top}/${h.n} (${pct(h.top, h.n)}), at least 3 of ${top} ${h.ok}/${h.n} (${pct(h.ok, h.n)})`);
  console.log(`in sample (${ins.projects} fixture projects, scripts/suggest-eval-labels.json):`);
  console.log(`  top type on topic: ${ins.topType}/${ins.projects} (${pct(ins.topType, ins.projects)})`);
  console.log(`  projects with at least 3 of ${top} suggestions on topic: ${ins.atLeast3}/${ins.projects} (${pct(ins.atLeast3, ins.projects)})`);
  console.log(`  suggestions on topic: ${ins.strict}/${ins.shown} (${pct(ins.strict, ins.shown)})`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
