// One production build of the web bundles (task pane, commands, playground; the WPS add-in in wps/) shared by the browser tests and the
// ES5 check: built at most once per source change, even when jest runs those files in parallel workers.
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '..', '..');
const OUT = path.join(ROOT, 'dist', 'web-test');
const STAMP = path.join(OUT, '.stamp');
const LOCK = path.join(ROOT, 'dist', '.web-test.lock');
const INPUTS = ['src', 'assets', 'manifest', 'webpack.config.js', 'babel.config.js', 'package-lock.json'];

function newest(p: string): number {
  if (!fs.existsSync(p)) return 0;
  const st = fs.statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  let n = st.mtimeMs;
  for (const e of fs.readdirSync(p)) n = Math.max(n, newest(path.join(p, e)));
  return n;
}

function fresh(): boolean {
  if (!fs.existsSync(STAMP)) return false;
  const built = fs.statSync(STAMP).mtimeMs;
  return INPUTS.every((i) => newest(path.join(ROOT, i)) <= built);
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** The directory of an up-to-date production build, building it first if needed. */
export function webBuildDir(): string {
  if (fresh()) return OUT;
  fs.mkdirSync(path.dirname(LOCK), { recursive: true });
  for (;;) {
    try {
      fs.mkdirSync(LOCK);
      break;
    } catch {
      // Another worker is building: wait for it, then use its build (or take over a stale lock).
      const age = fs.existsSync(LOCK) ? Date.now() - fs.statSync(LOCK).mtimeMs : 0;
      if (age > 10 * 60_000) fs.rmSync(LOCK, { recursive: true, force: true });
      sleep(500);
      if (fresh()) return OUT;
    }
  }
  try {
    if (!fresh()) {
      fs.rmSync(OUT, { recursive: true, force: true });
      execFileSync(process.execPath, [require.resolve('webpack-cli/bin/cli.js'), '--mode', 'production', '--env', 'out=' + OUT], {
        cwd: ROOT,
        stdio: ['ignore', 'ignore', 'inherit'],
        env: { ...process.env, NODE_ENV: 'production' },
      });
      fs.writeFileSync(STAMP, new Date().toISOString());
    }
  } finally {
    fs.rmSync(LOCK, { recursive: true, force: true });
  }
  return OUT;
}
