// What ships is safe by construction: every page carries a Content-Security-Policy that lets scripts come only
// from the add-in's origin and office.js's, no bundle names a URL it could fetch except office.js, and the
// manifest asks for no more than ReadWriteDocument.
import * as fs from 'fs';
import * as path from 'path';
import { webBuildDir } from './helpers/web-build';

jest.setTimeout(20 * 60_000);

// The build's own choice (issue 11: the bundled copy, else the 21Vianet CDN): the policy must allow that one only.
const OFFICE_JS: string = require('../webpack.config.js').officeJsSource().url;
const OFFICE_ORIGIN = /^https:/.test(OFFICE_JS) ? new URL(OFFICE_JS).origin : null;

/**
 * URLs a bundle may contain because they are never requested, each with the reason. Anything else fails: a new
 * CDN, telemetry endpoint or remote font would show up here before it shows up in a user's network log.
 */
const NOT_REQUESTS: [RegExp, string][] = [
  [/^http:\/\/schemas\.(openxmlformats\.org|microsoft\.com)\//, 'OOXML namespace and relationship-type URIs (ExcelJS in the playground): identifiers'],
  [/^http:\/\/www\.w3\.org\//, 'XML, XHTML, SVG, MathML namespace URIs (React DOM, ExcelJS): identifiers'],
  [/^http:\/\/purl\.org\/dc\//, 'Dublin Core namespace of docProps/core.xml: an identifier'],
  [/^https:\/\/(a|x|тест)([/#@?]|$)/, "core-js's feature tests of the URL parser (new URL('https://a/c%20d?a=1&c=3'))"],
  [/^https:\/\/github\.com\//, 'links in libraries\' error messages and licence banners (core-js, ExcelJS, uuid, Fluent)'],
  [/^https:\/\/reactjs\.org\//, "React's error-decoder link inside its production error text"],
  [/^https:\/\/stuk\.github\.io\/jszip\//, "a link inside JSZip's error text"],
  [
    /^https:\/\/res-1\.cdn\.office\.net\/files\/fabric-cdn-prod_\d+\.\d+\/assets$/,
    "Fluent UI's default font/icon base: emptied at start by src/taskpane/fabric-config.ts, and font-src forbids it",
  ],
];

let dir: string;
let files: string[];
beforeAll(() => {
  dir = webBuildDir();
  files = fs.readdirSync(dir).filter((f) => /\.(js|html)$/.test(f));
});

function csp(html: string): Map<string, string[]> {
  const m = /<meta http-equiv="?Content-Security-Policy"? content="([^"]+)"/i.exec(html);
  const out = new Map<string, string[]>();
  if (!m) return out;
  for (const part of m[1].split(';')) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name) out.set(name, values);
  }
  return out;
}

describe('Content-Security-Policy', () => {
  it.each(['taskpane.html', 'commands.html', 'help.html', 'index.html'])('%s has one, and it is strict', (page) => {
    const policy = csp(fs.readFileSync(path.join(dir, page), 'utf8'));
    expect(policy.size).toBeGreaterThan(0);
    const scripts = policy.get('script-src') || policy.get('default-src') || [];
    const allowed = page === 'taskpane.html' || page === 'commands.html' ? ["'self'", ...(OFFICE_ORIGIN ? [OFFICE_ORIGIN] : [])] : ["'self'", "'none'"];
    expect(scripts.filter((s) => !allowed.includes(s))).toEqual([]);
    for (const values of policy.values()) {
      expect(values).not.toContain("'unsafe-eval'");
      expect(values).not.toContain('*');
    }
    expect(policy.get('object-src') || policy.get('default-src')).toEqual(expect.arrayContaining([expect.stringMatching(/^'none'$/)]));
    if (page !== 'help.html') {
      // Fluent UI injects its styles at run time: without 'unsafe-inline' the pane would render unstyled.
      expect(policy.get('style-src')).toContain("'unsafe-inline'");
      expect(policy.get('connect-src')).toEqual(["'self'"]);
      expect(policy.get('font-src')).toEqual(["'self'", 'data:']);
    }
  });

  it('the pane loads office.js from the origin its policy allows', () => {
    const html = fs.readFileSync(path.join(dir, 'taskpane.html'), 'utf8');
    expect(html).toMatch(new RegExp(`<script[^>]* src="?${OFFICE_JS.replace(/[./]/g, '\\$&')}"?>`));
  });
});

describe('no runtime request but office.js', () => {
  it('every URL in the production bundles is office.js or a known non-request', () => {
    const unknown = new Set<string>();
    let seen = 0;
    for (const f of files) {
      const text = fs.readFileSync(path.join(dir, f), 'utf8');
      for (const m of text.matchAll(/https?:\/\/[^\s"'`<>()\\;,]+/g)) {
        seen++;
        const url = m[0];
        // office.js itself, and its origin in the pages' script-src.
        if (url === OFFICE_JS || url === OFFICE_ORIGIN) continue;
        if (!NOT_REQUESTS.some(([re]) => re.test(url))) unknown.add(`${f}: ${url}`);
      }
    }
    expect(seen).toBeGreaterThan(0);
    expect([...unknown]).toEqual([]);
  });

  it('Fluent UI is told not to fetch its fonts', () => {
    const config = fs.readFileSync(path.resolve(__dirname, '../src/taskpane/fabric-config.ts'), 'utf8');
    expect(config).toMatch(/fontBaseUrl: ''/);
  });
});

describe('manifest', () => {
  it('asks for no more than ReadWriteDocument', () => {
    const xml = fs.readFileSync(path.resolve(__dirname, '../manifest/manifest.xml'), 'utf8');
    const perms = [...xml.matchAll(/<Permissions>\s*([^<\s]+)\s*<\/Permissions>/g)].map((m) => m[1]);
    expect(perms.length).toBeGreaterThan(0);
    // Office's levels, narrowest first; ReadAllDocument and anything mailbox-wide are wider or other hosts'.
    for (const p of perms) expect(['Restricted', 'ReadDocument', 'WriteDocument', 'ReadWriteDocument']).toContain(p);
    expect(xml).not.toMatch(/ReadAllDocument|ReadWriteMailbox|ReadWriteItem/);
  });
});
