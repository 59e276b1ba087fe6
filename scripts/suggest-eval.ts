// How often the top suggestions are on topic, over the 94 projects of the four fixture workbooks.
//
//   npx tsx scripts/suggest-eval.ts [--existing] [--top N] [--quiet]
//
// For each project: its name, the top project types, and the top-N 三级 with their value, each marked
//   ✓ from a type judged on topic for the project (scripts/suggest-eval-labels.json, judged from the names),
//   ~ a common indicator (fits any project: 资金支付率, 满意度 …),
//   ✗ from another type.
// By default a project is treated as new (name, 资金用途 and 绩效目标 only); --existing passes its table too,
// so the indicators it already has are left out.
import * as fs from 'fs';
import * as path from 'path';
import { readGrids } from '../src/hosts/workbook/read';
import { parseGrids } from '../src/core/parse';
import { displayName } from '../src/core/model';
import { suggest } from '../src/core/library/suggest';

const FIXTURES = path.resolve(__dirname, '../test/fixtures');
const labels = JSON.parse(fs.readFileSync(path.join(__dirname, 'suggest-eval-labels.json'), 'utf8')).projects as Record<string, string[]>;

export interface InSampleFigures {
  projects: number;
  topType: number;
  /** Projects with at least 3 of the top N from a type judged on topic. */
  atLeast3: number;
  strict: number;
  shown: number;
}

/** The in-sample figures (the 94 fixture projects); prints each project unless `quiet`, the summary if `summary`. */
export async function evaluateInSample(top: number, quiet: boolean, withExisting = false, summary = true): Promise<InSampleFigures> {
  const files = fs
    .readdirSync(FIXTURES)
    .filter((f) => /^\d+_[0-9a-f]+\.xlsx$/.test(f))
    .sort();
  let projects = 0;
  let shown = 0;
  let strict = 0;
  let lenient = 0;
  let topType = 0;
  let allGood = 0;
  let atLeast3 = 0;
  let placeholders = 0;
  for (const f of files) {
    for (const t of parseGrids(await readGrids(path.join(FIXTURES, f)))) {
      const id = f.slice(0, 3) + '#' + t.no;
      const ok = (labels[id] || []).slice(1);
      const name = displayName(t);
      const res = suggest({ name, purpose: t.purpose.text, goals: t.goals.text, code: t.code.text, existing: withExisting ? t : undefined }, { top });
      const list = res.suggestions.slice(0, top);
      projects++;
      if (res.types[0] && ok.includes(res.types[0].id)) topType++;
      let good = 0;
      const lines: string[] = [];
      for (const s of list) {
        const mark = ok.includes(s.type) ? '✓' : s.type === 'common' ? '~' : '✗';
        if (mark === '✓') good++;
        if (mark !== '✗') lenient++;
        if (s.missing.length) placeholders++;
        lines.push(`    ${mark} ${s.l2.padEnd(9, '\u3000')} ${s.l3}  ${s.value}  [${s.type}]`);
      }
      strict += good;
      shown += list.length;
      if (good >= Math.min(8, list.length)) allGood++;
      if (good >= 3) atLeast3++;
      if (!quiet) {
        console.log(`${id} ${name}  →  ${res.types.slice(0, 3).map((x) => `${x.name}(${x.score})`).join('、')}   on topic ${good}/${list.length}`);
        for (const l of lines) console.log(l);
      }
    }
  }
  if (summary) {
    console.log('');
    console.log(`projects: ${projects}; suggestions shown: ${shown} (top ${top}${withExisting ? ', table\'s own indicators left out' : ''})`);
    console.log(`top type judged on topic: ${topType}/${projects} (${pct(topType, projects)})`);
    console.log(`top-${top} suggestions on topic (from a type judged on topic): ${strict}/${shown} (${pct(strict, shown)})`);
    console.log(`  counting common indicators as on topic too: ${lenient}/${shown} (${pct(lenient, shown)})`);
    console.log(`projects with at least 8 of ${top} on topic: ${allGood}/${projects}`);
    console.log(`projects with at least 3 of ${top} on topic: ${atLeast3}/${projects}`);
    console.log(`suggestions still carrying a placeholder ({数量}/{预算数}): ${placeholders}/${shown} (${pct(placeholders, shown)})`);
  }
  return { projects, topType, atLeast3, strict, shown };
}

export const pct = (n: number, d: number): string => ((100 * n) / Math.max(1, d)).toFixed(1) + '%';

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const ti = args.indexOf('--top');
  await evaluateInSample(ti >= 0 ? parseInt(args[ti + 1], 10) : 10, args.includes('--quiet'), args.includes('--existing'));
}

if (require.main === module)
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
