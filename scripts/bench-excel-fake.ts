// The Excel adapter over the fake office-js on big sheets: syncs and milliseconds per phase (readSheets, checkGrids,
// applyMarks, clearMarks) at simulated ExcelApi levels. The fake answers at once, so the times are the adapter's and
// the engine's own work plus the fake's; in Excel each sync adds a round trip (tens of ms on the desktop, more on the
// web) — the sync counts are what carries over.
//
//   npx tsx scripts/bench-excel-fake.ts [--tables N] [--levels 1.18,1.1] [--json]
//
// Workloads:
//   gen-large   the bench workbook of scripts/bench.js (scripts/gen-large.js, N tables on one sheet, clean tables),
//               read with the .xlsx reader, cached in the temp folder like bench.js does
//   stacked     fixture 000's sheet stacked ≈ N/15 times (real tables with their real findings: many marks)
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { readGrids } from '../src/hosts/workbook/read';
import { checkGrids } from '../src/core/check';
import { Grid } from '../src/core/grid';
import { FakeWorkbook, FakeSheetInit, installFakeOffice, stackedSheet } from '../src/fakes/excel';
import { createExcelHost } from '../src/hosts/excel';

const ROOT = path.resolve(__dirname, '..');
const FIXTURES = path.resolve(ROOT, 'test', 'fixtures');

interface Row {
  workload: string;
  level: string;
  phase: string;
  syncs: number;
  ms: number;
  cellsRead: number;
  cellsFormatted: number;
  note: string;
}

async function benchFile(tables: number): Promise<string> {
  const file = path.join(os.tmpdir(), `ptcheck-bench-${tables}.xlsx`);
  const gen = path.join(__dirname, 'gen-large.js');
  if (!fs.existsSync(file) || fs.statSync(file).mtimeMs < fs.statSync(gen).mtimeMs) {
    const { generate } = require('./gen-large.js') as { generate: (out: string, n: number) => Promise<unknown> };
    await generate(file, tables);
  }
  return file;
}

async function run(workload: string, sheets: () => FakeSheetInit[], level: string, rows: Row[]): Promise<void> {
  const wb = FakeWorkbook.fromSheets(sheets());
  const fake = installFakeOffice(wb, { apiLevel: level, target: null });
  const host = createExcelHost({ Excel: fake.Excel, Office: fake.Office });
  const names = await host.sheetNames();
  const phase = async <T>(name: string, f: () => Promise<T> | T, note: (r: T) => string): Promise<T> => {
    fake.resetStats();
    const t0 = process.hrtime.bigint();
    const r = await f();
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    const t = fake.totals();
    rows.push({ workload, level, phase: name, syncs: fake.stats.syncs, ms, cellsRead: t.cellsRead, cellsFormatted: t.cellsFormatted, note: note(r) });
    return r;
  };
  const grids = await phase('readSheets', () => host.readSheets(names), (g: Grid[]) => `${g.reduce((n, x) => n + x.rowCount, 0)} rows, ${g.reduce((n, x) => n + x.merges.length, 0)} merges`);
  const res = await phase('checkGrids', () => checkGrids(grids), (r) => `${r.tables.length} tables, ${r.diagnostics.length} findings`);
  await phase('applyMarks', () => host.applyMarks(res.diagnostics, grids), (s) => `${s.cells} cells marked`);
  await phase('applyMarks again', () => host.applyMarks(res.diagnostics, grids), (s) => `${s.cells} cells, earlier marks restored first`);
  await phase('clearMarks', () => host.clearMarks(), (c) => `${c.cells} cells restored`);
  fake.uninstall();
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  let tables = 1000;
  let levels = ['1.18', '1.1'];
  let json = false;
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--tables') tables = parseInt(args[++i], 10);
    else if (args[i] === '--levels') levels = args[++i].split(',');
    else if (args[i] === '--json') json = true;
  }
  const file = await benchFile(tables);
  const genGrids = await readGrids(file);
  const f000 = await readGrids(path.join(FIXTURES, '000_24cde7d862e1b3bb.xlsx'));
  const copies = Math.max(1, Math.round(tables / 15));
  const workloads: [string, () => FakeSheetInit[]][] = [
    [`gen-large ${tables}`, () => genGrids.map((g) => stackedSheet(g, 1))],
    [`stacked 000×${copies}`, () => [stackedSheet(f000[0], copies, '项目绩效目标表')]],
  ];
  const rows: Row[] = [];
  for (const [name, sheets] of workloads) for (const level of levels) await run(name, sheets, level, rows);
  if (json) {
    process.stdout.write(JSON.stringify({ tables, levels, rows }) + '\n');
    return;
  }
  console.log(`Excel adapter over the fake office-js; ${path.basename(file)}; node ${process.version}`);
  const head = ['workload', 'level', 'phase', 'syncs', 'ms', 'cells read', 'formatted', ''];
  const body = rows.map((r) => [r.workload, r.level, r.phase, String(r.syncs), r.ms.toFixed(0), String(r.cellsRead), String(r.cellsFormatted), r.note]);
  const w = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i >= 3 && i <= 6 ? c.padStart(w[i]) : c.padEnd(w[i]))).join('  ').trimEnd();
  console.log(line(head));
  for (const b of body) console.log(line(b));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
