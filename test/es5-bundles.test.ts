// Every production bundle must parse as ES5: task panes run in IE11 on volume-licensed Office 2016/2019, where
// one arrow function, class, let/const or template literal anywhere (our code or a dependency) is a blank pane.
import * as fs from 'fs';
import * as path from 'path';
import * as zlib from 'zlib';
import { parse } from 'acorn';
import { webBuildDir } from './helpers/web-build';

let dir: string;

beforeAll(() => {
  dir = webBuildDir();
}, 240_000);

function jsFiles(d: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(d, { withFileTypes: true })) {
    const p = path.join(d, e.name);
    if (e.isDirectory()) out.push(...jsFiles(p));
    else if (e.name.endsWith('.js')) out.push(p);
  }
  return out;
}

describe('web bundles', () => {
  it('builds the task pane, the commands page, the playground and the WPS add-in', () => {
    for (const f of ['taskpane.js', 'taskpane.html', 'commands.js', 'commands.html', 'playground.js', 'index.html', 'wps/main.js', 'wps/ui/taskpane.js'])
      expect(fs.existsSync(path.join(dir, f))).toBe(true);
  });

  it('parses every .js file as ES5', () => {
    const files = jsFiles(dir).filter((f) => f.indexOf(path.sep + 'office-js' + path.sep) < 0);
    expect(files.length).toBeGreaterThanOrEqual(5);
    const failures: string[] = [];
    for (const f of files) {
      const src = fs.readFileSync(f, 'utf8');
      try {
        parse(src, { ecmaVersion: 5, sourceType: 'script' });
      } catch (e) {
        const pos = (e as { pos?: number }).pos || 0;
        failures.push(`${path.relative(dir, f)}: ${(e as Error).message} near ${JSON.stringify(src.slice(Math.max(0, pos - 80), pos + 40))}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('loads office.js in the task pane and commands pages only, before the bundle', () => {
    const pane = fs.readFileSync(path.join(dir, 'taskpane.html'), 'utf8');
    const officeAt = pane.search(/<script[^>]+src=["']?[^"'\s>]*office\.js/);
    expect(officeAt).toBeGreaterThan(0);
    expect(officeAt).toBeLessThan(pane.indexOf('taskpane.js'));
    expect(pane).toContain('IE=Edge');
    expect(fs.readFileSync(path.join(dir, 'commands.html'), 'utf8')).toMatch(/office\.js/);
    expect(fs.readFileSync(path.join(dir, 'index.html'), 'utf8')).not.toMatch(/office\.js/);
  });

  it('keeps the task pane bundle a sensible size', () => {
    const js = fs.readFileSync(path.join(dir, 'taskpane.js'));
    const gz = zlib.gzipSync(js, { level: 9 }).length;
    console.log(`taskpane.js: ${(js.length / 1024).toFixed(0)} KiB raw, ${(gz / 1024).toFixed(0)} KiB gzipped`);
    // One bundle for both hosts: it holds the Excel and the WPS adapter (the pane picks one at start).
    expect(js.length).toBeLessThan(1.75 * 1024 * 1024);
  });
});
