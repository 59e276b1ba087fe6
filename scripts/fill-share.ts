// Noise on the sheet: the share of each table's cells that 检查 fills (cells with a mark / visible table cells),
// on every fixture, in-sample and out-of-sample. Marks are planned as the hosts plan them (core planMarks).
//   npx tsx scripts/fill-share.ts [--json]
import * as fs from 'fs';
import * as path from 'path';
import { loadGrids, FIXTURES } from '../test/helpers/load';
import { checkGrids } from '../src/core/check';
import { planMarks } from '../src/core/marks';
import { parseRange } from '../src/core/grid';

export interface FillRow {
  fixture: string;
  tables: number;
  cells: number;
  filled: number;
  /** Largest share of one table's cells filled. */
  worst: number;
}

export async function fillShare(file: string): Promise<FillRow> {
  const grids = await loadGrids(file);
  const byName = new Map(grids.map((g) => [g.name, g]));
  const res = checkGrids(grids);
  const marks = planMarks(res.diagnostics, (s, r, c) => byName.get(s)?.mergeAt(r, c));
  let cells = 0;
  let filled = 0;
  let worst = 0;
  for (const { table } of res.tables) {
    const g = byName.get(table.sheet)!;
    const rect = parseRange(table.range);
    let n = 0;
    for (let r = rect.top; r <= rect.bottom; r++) for (let c = rect.left; c <= rect.right; c++) if (!g.isContinuation(r, c)) n++;
    const f = marks.filter((m) => m.sheet === table.sheet && m.row >= rect.top && m.row <= rect.bottom && m.col >= rect.left && m.col <= rect.right).length;
    cells += n;
    filled += f;
    if (n) worst = Math.max(worst, f / n);
  }
  return { fixture: path.relative(FIXTURES, file), tables: res.tables.length, cells, filled, worst };
}

export function fixtureFiles(): string[] {
  const ins = fs.readdirSync(FIXTURES).filter((f) => f.endsWith('.xlsx')).sort().map((f) => path.join(FIXTURES, f));
  const oosDir = path.join(FIXTURES, 'oos');
  const oos = fs.existsSync(oosDir) ? fs.readdirSync(oosDir).filter((f) => f.endsWith('.xlsx')).sort().map((f) => path.join(oosDir, f)) : [];
  return [...ins, ...oos];
}

if (require.main === module) {
  (async () => {
    const rows: FillRow[] = [];
    for (const f of fixtureFiles()) rows.push(await fillShare(f));
    if (process.argv.includes('--json')) {
      console.log(JSON.stringify(rows, null, 1));
      return;
    }
    const pct = (x: number) => (100 * x).toFixed(1) + '%';
    console.log('fixture | tables | table cells | filled | share | worst table');
    for (const r of rows) console.log([r.fixture, r.tables, r.cells, r.filled, r.cells ? pct(r.filled / r.cells) : '-', pct(r.worst)].join(' | '));
  })();
}
