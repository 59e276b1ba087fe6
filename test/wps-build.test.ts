// The WPS add-in as built (dist/wps, here the tests' build in <out>/wps): the files of the wpsjs layout, a ribbon
// WPS's publish check accepts, ribbon callbacks that are global and synchronous and open the pane, a pane page without
// office.js or any CDN; and the packaging command writing both install modes (online folder + jsplugins.xml +
// publish.html with the server URL, offline 7z archive with its version).
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vm from 'vm';
import * as zlib from 'zlib';
import { webBuildDir } from './helpers/web-build';
import { wpsPackageText } from '../src/core/i18n/wps';

const { packageWps, crc32, NAME } = require('../scripts/package-wps.js');

jest.setTimeout(600_000);

let dir: string;
beforeAll(() => {
  dir = path.join(webBuildDir(), 'wps');
}, 600_000);

const read = (f: string) => fs.readFileSync(path.join(dir, f), 'utf8');

function files(d: string, base = ''): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(d, { withFileTypes: true })) {
    const rel = base ? base + '/' + e.name : e.name;
    if (e.isDirectory()) out.push(...files(path.join(d, e.name), rel));
    else out.push(rel);
  }
  return out.sort();
}

describe('dist/wps', () => {
  it('has the wpsjs layout: index.html + main.js, ribbon.xml, manifest.xml, the pane page, icons', () => {
    const list = files(dir);
    for (const f of ['index.html', 'main.js', 'ribbon.xml', 'manifest.xml', 'ui/taskpane.html', 'ui/taskpane.js', 'images/icon-32.png', 'images/icon-64.png']) expect(list).toContain(f);
    expect(read('index.html')).toMatch(/<script[^>]+src="?main\.js/);
    const manifest = read('manifest.xml');
    expect(manifest).toMatch(/<JsPlugin>[\s\S]*<ApiVersion>1\.0\.0<\/ApiVersion>[\s\S]*<Name>ptcheck<\/Name>[\s\S]*<Description>[^<{]+<\/Description>/);
    const pane = read('ui/taskpane.js');
    const gz = zlib.gzipSync(pane, { level: 9 }).length;
    console.log(`WPS pane ui/taskpane.js: ${(pane.length / 1024).toFixed(0)} KiB raw, ${(gz / 1024).toFixed(0)} KiB gzipped; main.js ${(read('main.js').length / 1024).toFixed(1)} KiB`);
    // The same pane as in Excel (the absolute bound is test/es5-bundles.test.ts's): no more than the Excel page's bundle.
    const excelPane = fs.readFileSync(path.join(dir, '..', 'taskpane.js'), 'utf8');
    expect(pane.length).toBeLessThanOrEqual(excelPane.length * 1.01);
  });

  it('ribbon.xml starts with <customUI and names only callbacks main.js defines as globals', () => {
    const ribbon = read('ribbon.xml');
    expect(ribbon.startsWith('<customUI')).toBe(true);
    expect(ribbon).not.toMatch(/\{\{/);
    expect(ribbon).toContain('label="绩效目标"');
    const names = [...ribbon.matchAll(/\b(?:onLoad|onAction|getImage|getLabel|getEnabled|getVisible)="([^"]+)"/g)].map((m) => m[1]);
    expect(new Set(names)).toEqual(new Set(['OnAddinLoad', 'OnAction', 'GetImage']));
    const sandbox: Record<string, unknown> = { document: { location: { href: 'http://intranet/ptcheck/index.html' } }, alert: (m: string) => (sandbox.alerted = m) };
    sandbox.window = sandbox;
    vm.runInNewContext(read('main.js'), sandbox);
    for (const n of names) expect(typeof sandbox[n]).toBe('function');
  });

  it('the button opens the task pane from the add-in folder and toggles it; no Application is a Chinese alert', () => {
    const storage = new Map<string, unknown>();
    const panes: { ID: string; Visible: boolean; url: string; DockPosition?: number; Width?: number }[] = [];
    const app = {
      PluginStorage: { getItem: (k: string) => storage.get(k), setItem: (k: string, v: unknown) => storage.set(k, v) },
      CreateTaskPane: (url: string) => {
        const p = { ID: 'pane' + panes.length, Visible: false, url };
        panes.push(p);
        return p;
      },
      GetTaskPane: (id: string) => panes.find((p) => p.ID === id) || null,
    };
    const sandbox: Record<string, unknown> = { document: { location: { href: 'http://intranet/ptcheck/index.html?x=1' } }, Application: app, alert: (m: string) => (sandbox.alerted = m) };
    sandbox.window = sandbox;
    vm.runInNewContext(read('main.js'), sandbox);
    const onLoad = sandbox.OnAddinLoad as (r: unknown) => boolean;
    const onAction = sandbox.OnAction as (c: { Id: string }) => unknown;
    const ribbonUI = {};
    expect(onLoad(ribbonUI)).toBe(true);
    // Synchronous: a plain value, not a promise.
    expect(onAction({ Id: 'ptcheckShowPane' })).toBe(true);
    expect(panes).toEqual([{ ID: 'pane0', Visible: true, url: 'http://intranet/ptcheck/ui/taskpane.html', DockPosition: 2, Width: 380 }]);
    onAction({ Id: 'ptcheckShowPane' });
    expect(panes.length).toBe(1);
    expect(panes[0].Visible).toBe(false);
    delete sandbox.Application;
    onAction({ Id: 'ptcheckShowPane' });
    expect(sandbox.alerted).toMatch(/^无法打开检查窗格/);
  });

  it('the pane page loads the pane bundle, no office.js and nothing from another server', () => {
    const html = read('ui/taskpane.html');
    expect(html).toMatch(/<script[^>]+src="?[^"\s>]*taskpane\.js/);
    expect(html).not.toMatch(/office\.js/);
    for (const f of files(dir).filter((x) => /\.(html|js)$/.test(x))) {
      const text = read(f);
      expect(text).not.toMatch(/appsforoffice\.microsoft\.com|<script[^>]+src="?https?:/);
    }
  });
});

/** The files of a stored 7z archive written by package-wps.js (signature, CRCs, names, data in stream order). */
function read7z(buf: Buffer): { names: string[]; packed: Buffer } {
  expect([...buf.subarray(0, 6)]).toEqual([0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c]);
  expect(buf.readUInt32LE(8)).toBe(crc32(buf.subarray(12, 32)));
  const offset = Number(buf.readBigUInt64LE(12));
  const size = Number(buf.readBigUInt64LE(20));
  const header = buf.subarray(32 + offset, 32 + offset + size);
  expect(header.length).toBe(size);
  expect(buf.readUInt32LE(28)).toBe(crc32(header));
  expect(32 + offset + size).toBe(buf.length);
  // Names: property 0x11, UTF-16LE, NUL-separated (after one "external" byte).
  const at = header.indexOf(Buffer.from([0x00, ...Buffer.from(NAME + '_', 'utf16le')]));
  const tail = header.subarray(at + 1);
  const names: string[] = [];
  let cur = '';
  for (let i = 0; i + 1 < tail.length && names.length < 1000; i += 2) {
    const ch = tail.readUInt16LE(i);
    if (ch === 0) {
      names.push(cur);
      cur = '';
      if (tail[i + 2] === 0x15) break;
    } else cur += String.fromCharCode(ch);
  }
  return { names, packed: buf.subarray(32, 32 + offset) };
}

describe('npm run package:wps', () => {
  it('writes the online folder, jsplugins.xml and publish.html with the server URL, and the offline 7z with its version', () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'wps-pkg-'));
    const url = 'http://10.1.2.3/addins/ptcheck/';
    const script = path.resolve(__dirname, '..', 'scripts', 'package-wps.js');
    const msg = execFileSync(process.execPath, [script, '--url', url, '--dist', dir, '--out', out], { encoding: 'utf8' });
    expect(msg).toContain('在线模式');
    const version = JSON.parse(fs.readFileSync(path.resolve(__dirname, '..', 'package.json'), 'utf8')).version;

    // Online: the add-in folder as built, registered at the URL.
    expect(files(path.join(out, 'online', NAME))).toEqual(files(dir));
    expect(fs.readFileSync(path.join(out, 'online', 'jsplugins.xml'), 'utf8')).toContain(`<jspluginonline name="ptcheck" type="et" url="${url}"/>`);
    const onlinePage = fs.readFileSync(path.join(out, 'online', 'publish.html'), 'utf8');
    expect(onlinePage).toContain(`"url":"${url}"`);
    expect(onlinePage).toContain('"online":"true"');
    expect(onlinePage).not.toMatch(/\{\{\w+\}\}|<script[^>]+src=/);

    // Offline: ptcheck_<version>/ in ptcheck.7z, every file byte for byte.
    const archive = fs.readFileSync(path.join(out, 'offline', 'ptcheck.7z'));
    const { names, packed } = read7z(archive);
    const built = files(dir);
    const folders = new Set(built.map((f) => f.split('/').slice(0, -1).join('/')));
    const expected = [...built, ...folders].map((f) => (f ? `${NAME}_${version}/${f}` : `${NAME}_${version}`));
    expect(names.sort()).toEqual(expected.sort());
    expect(packed.length).toBe(built.reduce((n, f) => n + fs.statSync(path.join(dir, f)).size, 0));
    expect(packed.indexOf(fs.readFileSync(path.join(dir, 'ribbon.xml')))).toBeGreaterThanOrEqual(0);
    expect(fs.readFileSync(path.join(out, 'offline', 'jsplugins.xml'), 'utf8')).toContain(`<jsplugin name="ptcheck" type="et" url="${url}ptcheck.7z" version="${version}"/>`);
    expect(fs.readFileSync(path.join(out, 'offline', 'publish.html'), 'utf8')).toContain(`"url":"${url}ptcheck.7z"`);
    fs.rmSync(out, { recursive: true, force: true });
  });

  it('refuses a URL without a trailing folder or a missing build, in Chinese', () => {
    expect(() => packageWps({ url: 'intranet/ptcheck', dist: dir, text: wpsPackageText })).toThrow(/--url 必须是/);
    const script = path.resolve(__dirname, '..', 'scripts', 'package-wps.js');
    let err = '';
    try {
      execFileSync(process.execPath, [script, '--url', 'http://x/y/', '--dist', path.join(os.tmpdir(), 'no-such-build')], { encoding: 'utf8', stdio: 'pipe' });
    } catch (e) {
      err = String((e as { stderr?: string }).stderr);
    }
    expect(err).toContain('请先运行 npm run build');
  });
});
