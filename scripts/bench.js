#!/usr/bin/env node
'use strict';
// npm run bench: how long the command-line check takes (a folder of copies; one large workbook against ExcelJS's
// streaming reader just reading the same file, goal: the whole check ≤ 1.0 × that); the in-process read and check
// against the same reader (goal ≤ 1.5 ×); then the indicator library's startup and query times (goals: index
// build ≤ 100 ms, suggest p95 ≤ 5 ms).
//
//   node scripts/bench.js [FILE.xlsx] [--tables N] [--runs R] [--library-only] [--cli-only] [--copies N]
// First, the command as a user runs it (whole processes, bin/ptcheck.js):
//   folder: N copies (default 200) of fixture 001 with --format html --out, on one worker thread (--jobs 1) and on
//           one per core; goal: ≤ 10 s on one per core. Prints seconds, files per second, the per-file median.
//   large:  `ptcheck check` of the 1,000-table sheet (--format json) against a process that only reads it with
//           ExcelJS's streaming reader; goal: ratio ≤ 1.0, in wall time (the verdict) and in CPU time (user + sys of
//           the whole process, every thread: a preloaded hook reports process.cpuUsage() at exit).
// Both goals are printed as ratios (≤ 1.00 meets the goal): the folder's seconds over its 10 s, the large check's
// time over the reader's.
// Last, the Excel adapter over the fake office-js on the generated sheet: syncs and ms per phase and API level.
//
// (a) ExcelJS streaming WorkbookReader iterating every row of every sheet (default options)
// (b) readGrids from dist/hosts/workbook/read.js
// (c) readGrids + checkGrids from dist/core/check.js
// Each runs in its own child process (so its peak RSS is its own): one warm-up, then R timed runs, median kept.
// Library: in a fresh child process, loading the library modules and building every index (the task pane's
// startup), then suggest() for each of the 94 fixture projects (name, 资金用途, 绩效目标, 编码, 预算数), 20 rounds;
// then what the 指标库 tab adds to taskpane.js, gzipped (two production builds, with and without the tab).
const { execFileSync, spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const ROOT = path.resolve(__dirname, '..');
const GOAL = 1.5;

function newestMtime(dir) {
  let newest = 0;
  if (!fs.existsSync(dir)) return newest;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) newest = Math.max(newest, newestMtime(p));
    else if (/\.(ts|json)$/.test(e.name)) newest = Math.max(newest, fs.statSync(p).mtimeMs);
  }
  return newest;
}

/** Rebuild dist/ when it is missing or older than the sources it is compiled from. */
function ensureBuilt() {
  const outputs = ['dist/hosts/workbook/read.js', 'dist/core/check.js', 'dist/core/library/suggest.js', 'dist/cli/main.js', 'dist/cli/worker.js'].map((p) => path.join(ROOT, p));
  const built = outputs.every((p) => fs.existsSync(p)) ? Math.min(...outputs.map((p) => fs.statSync(p).mtimeMs)) : 0;
  const sources = Math.max(
    ...['src/core', 'src/hosts/workbook', 'src/cli'].map((d) => newestMtime(path.join(ROOT, d))),
    fs.statSync(path.join(ROOT, 'tsconfig.cli.json')).mtimeMs,
  );
  if (built >= sources) return;
  console.log(built ? 'dist/ is older than src/: npm run build:cli' : 'dist/ is missing: npm run build:cli');
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const r = spawnSync(npm, ['run', '--silent', 'build:cli'], { cwd: ROOT, stdio: 'inherit' });
  // tsc still emits when some file has a type error: measure what was built, but say so.
  if (r.status !== 0) console.log('warning: build:cli reported errors; measuring the JavaScript it emitted.');
  if (!outputs.every((p) => fs.existsSync(p))) {
    console.error('build:cli produced no ' + outputs.map((p) => path.relative(ROOT, p)).join(' / '));
    process.exit(1);
  }
}

function ensureFile(file, tables) {
  const gen = path.join(__dirname, 'gen-large.js');
  if (fs.existsSync(file) && fs.statSync(file).mtimeMs >= fs.statSync(gen).mtimeMs) return;
  execFileSync(process.execPath, [gen, file, String(tables)], { stdio: 'inherit' });
}

// ---------------------------------------------------------------------------------------------------------
// Child: run one variant, print JSON.

async function child(variant, file, runs) {
  // Each variant loads only what it uses, so (a) and (b) still run while core/check is being worked on.
  const ExcelJS = variant === 'a' ? require('exceljs') : null;
  const { readGrids } = variant === 'a' ? {} : require(path.join(ROOT, 'dist/hosts/workbook/read.js'));
  const { checkGrids } = variant === 'c' ? require(path.join(ROOT, 'dist/core/check.js')) : {};
  let info = {};
  const once = {
    async a() {
      const reader = new ExcelJS.stream.xlsx.WorkbookReader(file);
      let rows = 0;
      for await (const ws of reader) for await (const row of ws) if (row) rows++;
      info = { rows };
    },
    async b() {
      const grids = await readGrids(file);
      info = { sheets: grids.length, merges: grids.reduce((n, g) => n + g.merges.length, 0) };
    },
    async c() {
      const grids = await readGrids(file);
      const res = checkGrids(grids);
      info = { tables: res.tables.length, diagnostics: res.diagnostics.length };
    },
  }[variant];
  await once(); // warm-up
  const times = [];
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    await once();
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  const sorted = [...times].sort((x, y) => x - y);
  const median = sorted[Math.floor(sorted.length / 2)];
  // maxRSS is in kilobytes.
  process.stdout.write(JSON.stringify({ variant, times, median, peakRssMb: process.resourceUsage().maxRSS / 1024, info }));
}

// ---------------------------------------------------------------------------------------------------------

// ---------------------------------------------------------------------------------------------------------
// Library: startup and query times.

const FIXTURES = path.resolve(ROOT, 'test', 'fixtures');

async function libraryChild() {
  // Projects first (reading them is not what is measured), then a clean start of the library.
  const { readGrids } = require(path.join(ROOT, 'dist/hosts/workbook/read.js'));
  const { parseGrids } = require(path.join(ROOT, 'dist/core/parse.js'));
  const { displayName } = require(path.join(ROOT, 'dist/core/model.js'));
  const projects = [];
  const files = fs.existsSync(FIXTURES) ? fs.readdirSync(FIXTURES).filter((f) => /^\d+_[0-9a-f]+\.xlsx$/.test(f)).sort() : [];
  for (const f of files) {
    for (const t of parseGrids(await readGrids(path.join(FIXTURES, f)))) {
      projects.push({
        name: displayName(t),
        purpose: t.purpose.text,
        goals: t.goals.text,
        code: t.code.text,
        budget: t.budget ? t.budget.total.text : undefined,
        unit: t.unit.text || undefined,
      });
    }
  }
  const t0 = process.hrtime.bigint();
  const lib = require(path.join(ROOT, 'dist/core/library/index.js'));
  const sug = require(path.join(ROOT, 'dist/core/library/suggest.js'));
  const t1 = process.hrtime.bigint();
  const library = lib.getLibrary();
  const t2 = process.hrtime.bigint();
  sug.prepareLibrary(library);
  const t3 = process.hrtime.bigint();
  const ms = (a, b) => Number(b - a) / 1e6;
  const times = [];
  const rounds = 20;
  for (let r = 0; r < rounds; r++) {
    for (const p of projects) {
      const s = process.hrtime.bigint();
      sug.suggest(p, { top: 10 });
      times.push(ms(s, process.hrtime.bigint()));
    }
  }
  const first = times.slice(0, projects.length);
  const sorted = [...times].sort((a, b) => a - b);
  const q = (x) => sorted[Math.min(sorted.length - 1, Math.floor(x * sorted.length))];
  // What the library adds to a task pane bundle: its compiled code and data, gzipped.
  const zlib = require('zlib');
  let raw = '';
  const walk = (dir) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.(js|json)$/.test(e.name)) raw += fs.readFileSync(p, 'utf8');
    }
  };
  walk(path.join(ROOT, 'dist/core/library'));
  process.stdout.write(
    JSON.stringify({
      projects: projects.length,
      indicators: library.indicators.length,
      types: library.types.length,
      loadMs: ms(t0, t1),
      parseMs: ms(t1, t2),
      indexMs: ms(t2, t3),
      firstRoundMax: Math.max(...first),
      p50: q(0.5),
      p95: q(0.95),
      max: sorted[sorted.length - 1],
      calls: times.length,
      gzipKb: zlib.gzipSync(Buffer.from(raw, 'utf8'), { level: 9 }).length / 1024,
    }),
  );
}

function librarySection() {
  const r = spawnSync(process.execPath, [__filename, '--child-library'], { cwd: ROOT, encoding: 'utf8', maxBuffer: 16 << 20 });
  console.log('');
  console.log('indicator library (fresh process)');
  if (r.status !== 0) {
    const why = (r.stderr || '').split('\n').find((l) => /Error/.test(l)) || `exit ${r.status}`;
    console.log(`  failed: ${why.trim()}`);
    return;
  }
  const x = JSON.parse(r.stdout);
  const build = x.parseMs + x.indexMs;
  console.log(`  ${x.types} types, ${x.indicators} indicators`);
  console.log(
    `  index build at startup: ${build.toFixed(1)} ms (validate with zod ${x.parseMs.toFixed(1)} + indexes ${x.indexMs.toFixed(1)}); goal ≤ 100 ms: ${build <= 100 ? 'met' : 'NOT met'}`,
  );
  console.log(`  with loading the modules and data (require, ${x.loadMs.toFixed(1)} ms): ${(build + x.loadMs).toFixed(1)} ms`);
  console.log(
    `  suggest(): ${x.projects} fixture projects × 20 rounds = ${x.calls} queries: p50 ${x.p50.toFixed(2)} ms, p95 ${x.p95.toFixed(2)} ms, max ${x.max.toFixed(2)} ms (first round max ${x.firstRoundMax.toFixed(2)} ms); goal p95 ≤ 5 ms: ${x.p95 <= 5 ? 'met' : 'NOT met'}`,
  );
  console.log(`  library code + data (dist/core/library, gzipped, an estimate): ${x.gzipKb.toFixed(0)} KB`);
  bundleSection();
}

// ---------------------------------------------------------------------------------------------------------
// What the 指标库 tab adds to the task pane: taskpane.js and its chunks built twice (production, ES5), as shipped and with the tab
// swapped for its placeholder (so neither the library data nor its code is bundled), gzipped.

const BUNDLE_GOAL_KB = 150;

async function bundleChild() {
  const webpack = require('webpack');
  const zlib = require('zlib');
  const makeConfig = require(path.join(ROOT, 'webpack.config.js'));
  const work = path.join(ROOT, 'dist', 'bench-bundle');
  fs.rmSync(work, { recursive: true, force: true });
  fs.mkdirSync(work, { recursive: true });
  // Inside the project, so babel.config.js applies to it.
  const stub = path.join(work, 'LibraryTabPlaceholder.tsx');
  const placeholder = path.relative(work, path.join(ROOT, 'src', 'taskpane', 'components', 'PlaceholderTab')).split(path.sep).join('/');
  fs.writeFileSync(stub, `import { placeholderTab } from '${placeholder}';\nexport const LibraryTab = placeholderTab('library');\n`);
  const build = (name, plugins) =>
    new Promise((resolve, reject) => {
      const base = makeConfig({}, { mode: 'production' });
      const out = path.join(work, name);
      const config = { ...base, entry: { taskpane: './src/taskpane/index.tsx' }, output: { ...base.output, path: out, clean: false }, plugins };
      webpack(config, (err, stats) => {
        if (err) return reject(err);
        if (stats && stats.hasErrors()) return reject(new Error(stats.toString('errors-only')));
        // The pane's whole code: taskpane.js and the chunks its tabs load on first use.
        const files = fs.readdirSync(out, { recursive: true }).filter((f) => String(f).endsWith('.js'));
        const js = Buffer.concat(files.map((f) => fs.readFileSync(path.join(out, String(f)))));
        resolve({ raw: js.length, gz: zlib.gzipSync(js, { level: 9 }).length });
      });
    });
  const t0 = Date.now();
  const withTab = await build('with', []);
  const without = await build('without', [new webpack.NormalModuleReplacementPlugin(/^\.\/LibraryTab$/, stub)]);
  fs.rmSync(work, { recursive: true, force: true });
  process.stdout.write(JSON.stringify({ withTab, without, ms: Date.now() - t0 }));
}

function bundleSection() {
  const r = spawnSync(process.execPath, [__filename, '--child-bundle'], { cwd: ROOT, encoding: 'utf8', maxBuffer: 16 << 20 });
  if (r.status !== 0) {
    const why = (r.stderr || '').split('\n').find((l) => /Error/.test(l)) || `exit ${r.status}`;
    console.log(`  task pane bundle: build failed: ${why.trim()}`);
    return;
  }
  const x = JSON.parse(r.stdout);
  const kb = (n) => (n / 1024).toFixed(0);
  const added = (x.withTab.gz - x.without.gz) / 1024;
  console.log(
    `  task pane taskpane.js, gzipped: ${kb(x.withTab.gz)} KB with the 指标库 tab, ${kb(x.without.gz)} KB without (raw ${kb(x.withTab.raw)} / ${kb(x.without.raw)} KB)`,
  );
  console.log(`  the library adds ${added.toFixed(0)} KB gzipped (measured, two production builds); goal ≤ ${BUNDLE_GOAL_KB} KB: ${added <= BUNDLE_GOAL_KB ? 'met' : 'NOT met'}`);
}

function runChild(variant, file, runs) {
  const r = spawnSync(process.execPath, [__filename, '--child', variant, file, String(runs)], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 16 << 20,
  });
  if (r.status === 0) return JSON.parse(r.stdout);
  const why = (r.stderr || '').split('\n').find((l) => /Error/.test(l)) || `exit ${r.status}`;
  return { variant, failed: why.trim() };
}

// ---------------------------------------------------------------------------------------------------------
// The command as a user runs it: whole processes, wall time.

const FOLDER_GOAL_S = 10;
const LARGE_GOAL = 1.0;

// Preloaded into each measured process (node -r): writes the process's CPU time (all threads) to a file at exit.
const CPU_HOOK = `'use strict';
const out = process.env.PTCHECK_BENCH_CPU;
if (out) process.on('exit', () => { const u = process.cpuUsage(); require('fs').writeFileSync(out, String((u.user + u.system) / 1e6)); });
`;
let cpuHook = null;

/** Runs a node process; wall seconds, and CPU seconds when `node` is the command (NaN if it could not tell). */
function wall(cmd, args, env) {
  const cpuFile = cpuHook ? `${cpuHook}.${process.pid}.${Math.random().toString(36).slice(2)}.txt` : null;
  const argv = cpuHook && cmd === process.execPath ? ['-r', cpuHook, ...args] : args;
  const t0 = process.hrtime.bigint();
  const r = spawnSync(cmd, argv, { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 30, env: { ...process.env, ...env, ...(cpuFile ? { PTCHECK_BENCH_CPU: cpuFile } : {}) } });
  const s = Number(process.hrtime.bigint() - t0) / 1e9;
  let cpu = NaN;
  if (cpuFile && fs.existsSync(cpuFile)) {
    cpu = parseFloat(fs.readFileSync(cpuFile, 'utf8'));
    fs.rmSync(cpuFile, { force: true });
  }
  return { s, cpu, status: r.status, stderr: r.stderr || '' };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const load = () => os.loadavg().map((x) => x.toFixed(2)).join(' ');

function cliSection(largeFile, copies, runs) {
  const bin = path.join(ROOT, 'bin', 'ptcheck.js');
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'ptcheck-bench-cli-'));
  try {
    cpuHook = path.join(work, 'cpu-hook.js');
    fs.writeFileSync(cpuHook, CPU_HOOK);
    const src = path.join(work, 'in');
    fs.mkdirSync(src);
    const fixture = path.join(FIXTURES, '001_247e9d6eca422fe5.xlsx');
    for (let i = 1; i <= copies; i++) fs.copyFileSync(fixture, path.join(src, `f${String(i).padStart(4, '0')}.xlsx`));
    console.log(`ptcheck check, whole processes (${os.cpus().length} cores; load average ${load()})`);
    const folder = (jobs) => {
      const out = path.join(work, `out-${jobs}-${Math.random().toString(36).slice(2)}`);
      const r = wall(process.execPath, [bin, 'check', src, '--format', 'html', '--out', out, ...(jobs ? ['--jobs', String(jobs)] : [])], { PTCHECK_TIMINGS: '1' });
      fs.rmSync(out, { recursive: true, force: true });
      const m = /每个文件用时中位数 (\d+) 毫秒/.exec(r.stderr);
      return { s: r.s, cpu: r.cpu, medianMs: m ? +m[1] : NaN, ok: r.status === 0 || r.status === 1 };
    };
    const one = folder(1);
    const all = folder(0);
    const line = (label, x) =>
      `  ${label}: ${x.s.toFixed(1)} s wall (${x.cpu.toFixed(1)} s CPU), ${(copies / x.s).toFixed(1)} files/s, per-file median ${x.medianMs} ms${x.ok ? '' : ' (FAILED)'}`;
    console.log(`  folder: ${copies} copies of fixture 001 (34 tables each), --format html --out (per-file median: wall time of one file in its worker)`);
    console.log(line('one worker (--jobs 1)  ', one));
    console.log(line(`one per core (default)`, all));
    const folderRatio = all.s / FOLDER_GOAL_S;
    console.log(
      `    speed-up ${(one.s / all.s).toFixed(2)}×; ratio to the ${FOLDER_GOAL_S} s goal ${folderRatio.toFixed(2)}; goal ≤ 1.00: ${folderRatio <= 1 && all.ok ? 'met' : 'NOT met'}`,
    );

    const stream = path.join(work, 'stream.js');
    fs.writeFileSync(
      stream,
      `const ExcelJS = require(${JSON.stringify(require.resolve('exceljs'))});\n(async () => { const r = new ExcelJS.stream.xlsx.WorkbookReader(process.argv[2]); let n = 0; for await (const ws of r) for await (const row of ws) if (row) n++; })();\n`,
    );
    const a = [];
    const c = [];
    for (let i = 0; i < runs; i++) {
      a.push(wall(process.execPath, [stream, largeFile]));
      c.push(wall(process.execPath, [bin, 'check', largeFile, '--format', 'json']));
    }
    const list = (xs, k) => xs.map((x) => x[k].toFixed(2)).join(' ');
    const med = (xs, k) => median(xs.map((x) => x[k]));
    const ratio = med(c, 's') / med(a, 's');
    const cpuRatio = med(c, 'cpu') / med(a, 'cpu');
    console.log(`  large: ${path.basename(largeFile)}, median of ${runs} (interleaved), whole processes`);
    console.log(`    ExcelJS streaming read only: ${med(a, 's').toFixed(2)} s wall (${list(a, 's')}), ${med(a, 'cpu').toFixed(2)} s CPU (${list(a, 'cpu')})`);
    console.log(`    ptcheck check --format json: ${med(c, 's').toFixed(2)} s wall (${list(c, 's')}), ${med(c, 'cpu').toFixed(2)} s CPU (${list(c, 'cpu')})`);
    console.log(
      `    ratio ${ratio.toFixed(2)} wall, ${cpuRatio.toFixed(2)} CPU; goal ≤ ${LARGE_GOAL.toFixed(2)}: ${ratio <= LARGE_GOAL ? 'met' : 'NOT met'} (wall), ${cpuRatio <= LARGE_GOAL ? 'met' : 'NOT met'} (CPU)  (load average now ${load()})`,
    );
    console.log('');
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

function main() {
  const args = process.argv.slice(2);
  if (args[0] === '--child-bundle') {
    bundleChild().catch((e) => {
      console.error(e);
      process.exit(1);
    });
    return;
  }
  if (args[0] === '--child-library') {
    libraryChild().catch((e) => {
      console.error(e);
      process.exit(1);
    });
    return;
  }
  if (args[0] === '--child') {
    child(args[1], args[2], parseInt(args[3], 10)).catch((e) => {
      console.error(e);
      process.exit(1);
    });
    return;
  }
  let file = null;
  let tables = 1000;
  let runs = 3;
  let libraryOnly = false;
  let cliOnly = false;
  let copies = 200;
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--library-only') libraryOnly = true;
    else if (args[i] === '--cli-only') cliOnly = true;
    else if (args[i] === '--copies') copies = parseInt(args[++i], 10);
    else if (args[i] === '--tables') tables = parseInt(args[++i], 10);
    else if (args[i] === '--runs') runs = parseInt(args[++i], 10);
    else file = path.resolve(args[i]);
  }
  ensureBuilt();
  if (libraryOnly) {
    librarySection();
    return;
  }
  if (!file) {
    file = path.join(os.tmpdir(), `ptcheck-bench-${tables}.xlsx`);
    ensureFile(file, tables);
  }
  cliSection(file, copies, runs);
  if (cliOnly) return;
  const size = fs.statSync(file).size;
  console.log(`file: ${file} (${(size / 1024).toFixed(0)} KiB); node ${process.version}; median of ${runs} after 1 warm-up`);

  const res = {};
  for (const v of ['a', 'b', 'c']) res[v] = runChild(v, file, runs);
  const a = res.a.failed ? NaN : res.a.median;
  const rows = [
    ['(a) ExcelJS streaming reader, rows only', res.a],
    ['(b) readGrids', res.b],
    ['(c) readGrids + checkGrids', res.c],
  ];
  const w = Math.max(...rows.map((r) => r[0].length));
  console.log('');
  console.log(`${'variant'.padEnd(w)}  ${'median ms'.padStart(9)}  ${'runs ms'.padEnd(16)}  ${'vs (a)'.padStart(6)}  peak RSS`);
  for (const [label, r] of rows) {
    if (r.failed) {
      console.log(`${label.padEnd(w)}  failed: ${r.failed}`);
      continue;
    }
    const runsText = r.times.map((t) => t.toFixed(0)).join(' ');
    const ratio = r.variant === 'a' ? '1.00' : (r.median / a).toFixed(2);
    console.log(
      `${label.padEnd(w)}  ${r.median.toFixed(0).padStart(9)}  ${runsText.padEnd(16)}  ${ratio.padStart(6)}  ${r.peakRssMb.toFixed(0)} MB`,
    );
  }
  console.log('');
  const info = (r, k) => (r.failed ? '?' : r.info[k]);
  console.log(
    `rows ${info(res.a, 'rows')}; merges ${info(res.b, 'merges')}; tables found ${info(res.c, 'tables')}; findings ${info(res.c, 'diagnostics')}`,
  );
  for (const v of ['b', 'c']) {
    if (res[v].failed || res.a.failed) continue;
    const ratio = res[v].median / a;
    console.log(`(${v})/(a) = ${ratio.toFixed(2)}, goal ≤ ${GOAL}: ${ratio <= GOAL ? 'met' : 'NOT met'}`);
  }
  librarySection();
  excelFakeSection(tables);
}

/** The Excel adapter over the fake office-js on the same 1,000-table sheet: syncs and time per phase. */
function excelFakeSection(tables) {
  console.log('');
  console.log('Excel adapter over the fake office-js (scripts/bench-excel-fake.ts)');
  const tsx = path.join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');
  const r = spawnSync(process.execPath, [tsx, path.join(__dirname, 'bench-excel-fake.ts'), '--tables', String(tables)], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 16 << 20,
  });
  if (r.status !== 0) {
    console.log(`  failed: ${(r.stderr || '').split('\n').find((l) => /Error/.test(l)) || 'exit ' + r.status}`);
    return;
  }
  process.stdout.write(r.stdout.replace(/^/gm, '  '));
}

main();
