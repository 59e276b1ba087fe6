// The Excel add-in manifest (manifest/manifest.xml): well-formed, valid against the vendored MS-OWEMXML XSDs
// (manifest/schema/, offline, through xmllint-wasm), and internally consistent: ids, resource references,
// icon files and URLs. A negative test proves the validator does reject broken manifests.
import * as fs from 'fs';
import * as path from 'path';
import * as zlib from 'zlib';
import { validateXML, XMLValidationResult } from 'xmllint-wasm';

jest.setTimeout(60000);

const ROOT = path.join(__dirname, '..');
const MANIFEST_PATH = path.join(ROOT, 'manifest', 'manifest.xml');
const SCHEMA_DIR = path.join(ROOT, 'manifest', 'schema');
const DEV_PREFIX = 'https://localhost:3000/';
const MANIFEST = fs.readFileSync(MANIFEST_PATH, 'utf8');

function schemaFile(name: string) {
  return { fileName: name, contents: fs.readFileSync(path.join(SCHEMA_DIR, name), 'utf8') };
}

/** Validates a manifest text against OfficeAppManifestV1_1.xsd and the schemas it imports. */
function validate(xml: string): Promise<XMLValidationResult> {
  return validateXML({
    xml: [{ fileName: 'manifest.xml', contents: xml }],
    schema: [schemaFile('OfficeAppManifestV1_1.xsd')],
    preload: [
      schemaFile('OfficeAppBasicTypesV1_0.xsd'),
      schemaFile('TaskPaneAppVersionOverridesV1_0.xsd'),
      schemaFile('MailAppVersionOverridesV1_0.xsd'),
    ],
  });
}

function messages(result: XMLValidationResult): string {
  return result.errors.map((e) => e.rawMessage).join('\n');
}

// ---- a minimal element tree (the manifest is ours and simple: elements, attributes, text, comments) ----

interface El {
  name: string; // qualified name as written, e.g. "bt:Image"
  attrs: Record<string, string>;
  children: El[];
  text: string;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const decode = (s: string) => s.replace(/&(amp|lt|gt|quot|apos);/g, (_, e: string) => ENTITIES[e]);

function parse(xml: string): El {
  const root: El = { name: '#document', attrs: {}, children: [], text: '' };
  const stack: El[] = [root];
  const token = /<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<\/([\w:.-]+)\s*>|<([\w:.-]+)((?:\s+[\w:.-]+\s*=\s*"[^"]*")*)\s*(\/?)>|([^<]+)/g;
  let m: RegExpExecArray | null;
  while ((m = token.exec(xml))) {
    const top = stack[stack.length - 1];
    if (m[1]) {
      if (top.name !== m[1]) throw new Error(`</${m[1]}> closes <${top.name}>`);
      stack.pop();
    } else if (m[2]) {
      const attrs: Record<string, string> = {};
      for (const a of (m[3] || '').matchAll(/([\w:.-]+)\s*=\s*"([^"]*)"/g)) attrs[a[1]] = decode(a[2]);
      const el: El = { name: m[2], attrs, children: [], text: '' };
      top.children.push(el);
      if (!m[4]) stack.push(el);
    } else if (m[5]) {
      top.text += decode(m[5]);
    }
  }
  if (stack.length !== 1) throw new Error(`unclosed <${stack[stack.length - 1].name}>`);
  return root;
}

const local = (el: El) => el.name.replace(/^.*:/, '');

function all(el: El, pred: (e: El) => boolean = () => true): El[] {
  const out: El[] = [];
  const walk = (e: El) => {
    for (const c of e.children) {
      if (pred(c)) out.push(c);
      walk(c);
    }
  };
  walk(el);
  return out;
}

function child(el: El, name: string): El {
  const found = el.children.filter((c) => local(c) === name);
  if (found.length !== 1) throw new Error(`<${el.name}> has ${found.length} <${name}> children`);
  return found[0];
}

/** The element whose child `el` is. */
function parentOf(root: El, el: El): El | undefined {
  return all(root).concat(root).find((p) => p.children.includes(el));
}

const doc = parse(MANIFEST);
const app = child(doc, 'OfficeApp');
const overrides = child(app, 'VersionOverrides');
const resources = child(overrides, 'Resources');
const CJK = /[\u4e00-\u9fff]/;

/** Width and height from a PNG's IHDR chunk. */
function pngSize(file: string): [number, number] {
  const buf = fs.readFileSync(file);
  expect(buf.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe(true);
  expect(buf.toString('ascii', 12, 16)).toBe('IHDR');
  return [buf.readUInt32BE(16), buf.readUInt32BE(20)];
}

function iconFile(url: string): string {
  expect(url.startsWith(`${DEV_PREFIX}assets/icons/`)).toBe(true);
  return path.join(ROOT, ...url.slice(DEV_PREFIX.length).split('/'));
}

describe('manifest/manifest.xml', () => {
  test('is well-formed UTF-8 XML without a byte-order mark', async () => {
    const raw = fs.readFileSync(MANIFEST_PATH);
    expect(raw[0]).toBe(0x3c); // '<': no BOM
    expect(Buffer.from(raw.toString('utf8'), 'utf8').equals(raw)).toBe(true); // round-trips: valid UTF-8
    expect(MANIFEST.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
    const result = await validateXML({ xml: [{ fileName: 'manifest.xml', contents: MANIFEST }], normalization: 'format' });
    expect(messages(result)).toBe('');
    expect(result.valid).toBe(true);
    expect(result.normalized).toContain('绩效目标表检查'); // the Chinese text survived parsing
  });

  test('validates against the vendored MS-OWEMXML schemas', async () => {
    const result = await validate(MANIFEST);
    expect(messages(result)).toBe('');
    expect(result.valid).toBe(true);
  });

  test('the validator rejects broken copies (so the test above means something)', async () => {
    const broken: Array<[string, string, RegExp]> = [
      // an element the schema does not know in place of <Permissions>
      ['renamed element', MANIFEST.replace(/<Permissions>(.*)<\/Permissions>/, '<Permission>$1</Permission>'), /Permission/],
      // a value outside the Permissions enumeration
      ['bad enumeration', MANIFEST.replace('<Permissions>ReadWriteDocument<', '<Permissions>Everything<'), /Everything/],
      // elements out of order (DefaultLocale must follow ProviderName)
      ['wrong order', MANIFEST.replace(/(<DefaultLocale>.*<\/DefaultLocale>)\s*(<DisplayName[^>]*\/>)/, '$2$1'), /DisplayName|DefaultLocale/],
      // an Id that is not a GUID
      ['bad Id', MANIFEST.replace(/<Id>[^<]*<\/Id>/, '<Id>not-a-guid</Id>'), /not-a-guid/],
      // a resource id longer than 32 characters
      ['long resid', MANIFEST.split('"Icon.16"').join(`"${'X'.repeat(33)}"`), /X{33}/],
      // a required attribute missing in VersionOverrides
      ['missing size', MANIFEST.replace('<bt:Image size="16" resid="Icon.16"/>', '<bt:Image resid="Icon.16"/>'), /size/],
    ];
    for (const [what, xml, mentions] of broken) {
      expect([what, xml === MANIFEST]).toEqual([what, false]); // the replacement did happen
      const result = await validate(xml);
      expect([what, result.valid]).toEqual([what, false]);
      expect(messages(result)).toMatch(mentions);
    }
    const malformed = await validate(MANIFEST.replace('</DefaultSettings>', ''));
    expect(malformed.valid).toBe(false);
    expect(messages(malformed)).toMatch(/parser error/);
  });

  test('has the required base elements for Office 2016 and later', () => {
    expect(app.attrs['xmlns']).toBe('http://schemas.microsoft.com/office/appforoffice/1.1');
    expect(app.attrs['xsi:type']).toBe('TaskPaneApp');
    expect(child(app, 'Id').text).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
    expect(child(app, 'Version').text).toBe('1.0.0.0');
    expect(child(app, 'ProviderName').text.trim()).not.toBe('');
    expect(child(app, 'DefaultLocale').text).toBe('zh-CN');
    expect(child(app, 'DisplayName').attrs.DefaultValue).toBe('绩效目标表检查');
    const description = child(app, 'Description').attrs.DefaultValue;
    expect(description).toMatch(CJK);
    expect(description).toContain('预算绩效目标表');
    expect(description.length).toBeLessThanOrEqual(250);
    expect(child(child(app, 'Hosts'), 'Host').attrs.Name).toBe('Workbook');
    expect(child(child(app, 'DefaultSettings'), 'SourceLocation').attrs.DefaultValue).toBe(`${DEV_PREFIX}taskpane.html`);
    expect(child(app, 'Permissions').text).toBe('ReadWriteDocument');
  });

  test('has no <Requirements> anywhere, so it loads on ExcelApi 1.1 clients', () => {
    expect(all(doc, (e) => local(e) === 'Requirements')).toEqual([]);
    expect(MANIFEST.replace(/<!--[\s\S]*?-->/g, '')).not.toMatch(/<(\w+:)?Requirements[\s>/]/);
  });

  test('adds a ribbon button on the Home tab that opens the task pane', () => {
    expect(overrides.attrs['xsi:type']).toBe('VersionOverridesV1_0');
    const host = child(child(overrides, 'Hosts'), 'Host');
    expect(host.attrs['xsi:type']).toBe('Workbook');
    const ff = child(host, 'DesktopFormFactor');
    const urls = new Map(all(resources, (e) => local(e) === 'Url').map((u) => [u.attrs.id, u.attrs.DefaultValue]));
    const strings = new Map(all(resources, (e) => local(e) === 'String').map((s) => [s.attrs.id, s.attrs.DefaultValue]));
    expect(urls.get(child(ff, 'FunctionFile').attrs.resid)).toBe(`${DEV_PREFIX}commands.html`);
    const tab = child(child(ff, 'ExtensionPoint'), 'OfficeTab');
    expect(tab.attrs.id).toBe('TabHome');
    const group = child(tab, 'Group');
    expect(strings.get(child(group, 'Label').attrs.resid)).toBe('绩效目标');
    const button = child(group, 'Control');
    expect(button.attrs['xsi:type']).toBe('Button');
    expect(strings.get(child(button, 'Label').attrs.resid)).toBe('检查绩效表');
    const action = child(button, 'Action');
    expect(action.attrs['xsi:type']).toBe('ShowTaskpane');
    // the ribbon opens the same page as 插入 › 我的加载项 on clients without add-in commands
    expect(urls.get(child(action, 'SourceLocation').attrs.resid)).toBe(
      child(child(app, 'DefaultSettings'), 'SourceLocation').attrs.DefaultValue,
    );
  });

  test('every id attribute in VersionOverrides is unique', () => {
    const ids = all(overrides, (e) => 'id' in e.attrs).map((e) => e.attrs.id);
    expect(ids.length).toBeGreaterThanOrEqual(12);
    const dupes = ids.filter((id, i) => ids.indexOf(id) !== i);
    expect(dupes).toEqual([]);
  });

  test('every resid is defined in Resources, in the right collection, and every resource is used', () => {
    const defined = (collection: string) =>
      new Set(child(resources, collection).children.map((e) => e.attrs.id));
    const images = defined('Images');
    const urls = defined('Urls');
    const shorts = defined('ShortStrings');
    const longs = defined('LongStrings');
    const refs = all(overrides, (e) => 'resid' in e.attrs);
    expect(refs.length).toBeGreaterThan(0);
    const used = new Set<string>();
    for (const ref of refs) {
      const id = ref.attrs.resid;
      used.add(id);
      const name = local(ref);
      const parent = local(parentOf(doc, ref) as El);
      // Image -> Images; SourceLocation/FunctionFile/LearnMoreUrl -> Urls; Label/Title -> ShortStrings;
      // Description (of a Supertip or GetStarted) -> LongStrings.
      const expected =
        name === 'Image' ? images
        : ['SourceLocation', 'FunctionFile', 'LearnMoreUrl'].includes(name) ? urls
        : ['Label', 'Title'].includes(name) ? shorts
        : name === 'Description' ? longs
        : undefined;
      expect([`${parent}/${name}`, id, expected?.has(id)]).toEqual([`${parent}/${name}`, id, true]);
    }
    const unused = [...images, ...urls, ...shorts, ...longs].filter((id) => !used.has(id));
    expect(unused).toEqual([]);
  });

  test('every user-visible string is Chinese', () => {
    const strings = all(resources, (e) => local(e) === 'String');
    expect(strings.length).toBeGreaterThanOrEqual(4);
    for (const s of strings) expect([s.attrs.id, s.attrs.DefaultValue]).toEqual([s.attrs.id, expect.stringMatching(CJK)]);
    const shortStrings = child(resources, 'ShortStrings').children;
    for (const s of shortStrings) expect(s.attrs.DefaultValue.length).toBeLessThanOrEqual(125);
  });

  test('every URL points under https://localhost:3000/, the prefix the production build rewrites', () => {
    const urls = [...MANIFEST.replace(/<!--[\s\S]*?-->/g, '').matchAll(/"(https?:\/\/[^"]+)"/g)]
      .map((m) => m[1])
      .filter((u) => !u.startsWith('http://schemas.microsoft.com/') && u !== 'http://www.w3.org/2001/XMLSchema-instance');
    expect(urls.length).toBeGreaterThanOrEqual(8);
    for (const u of urls) expect(u.startsWith(DEV_PREFIX)).toBe(true);
  });

  test('every icon URL maps to a PNG in the repository with the size the manifest states', () => {
    const checked: string[] = [];
    for (const [name, size] of [['IconUrl', 32], ['HighResolutionIconUrl', 64]] as const) {
      const file = iconFile(child(app, name).attrs.DefaultValue);
      expect(fs.existsSync(file)).toBe(true);
      expect(pngSize(file)).toEqual([size, size]);
      checked.push(file);
    }
    const images = new Map(child(resources, 'Images').children.map((e) => [e.attrs.id, e.attrs.DefaultValue]));
    expect([...images.keys()].length).toBeGreaterThanOrEqual(3);
    for (const ref of all(overrides, (e) => local(e) === 'Image' && 'resid' in e.attrs)) {
      const file = iconFile(images.get(ref.attrs.resid) as string);
      expect(fs.existsSync(file)).toBe(true);
      const size = Number(ref.attrs.size);
      expect(pngSize(file)).toEqual([size, size]);
      checked.push(file);
    }
    // add-in commands require 16, 32 and 80 px icons
    const sizes = new Set(all(overrides, (e) => local(e) === 'Image' && 'size' in e.attrs).map((e) => e.attrs.size));
    expect([...sizes].sort()).toEqual(['16', '32', '80']);
    expect(checked.length).toBeGreaterThanOrEqual(8);
  });
});

describe('assets/icons', () => {
  const icons = require('../scripts/make-icons.js') as {
    draw(size: number): Buffer;
    SIZES: number[];
  };

  test('the committed icons are exactly what scripts/make-icons.js draws', () => {
    expect(icons.SIZES).toEqual([16, 32, 64, 80, 128]);
    for (const size of icons.SIZES) {
      const buf = fs.readFileSync(path.join(ROOT, 'assets', 'icons', `icon-${size}.png`));
      const idat: Buffer[] = [];
      for (let o = 8; o + 8 <= buf.length; o += 12 + buf.readUInt32BE(o)) {
        if (buf.toString('ascii', o + 4, o + 8) === 'IDAT') idat.push(buf.subarray(o + 8, o + 8 + buf.readUInt32BE(o)));
      }
      const raw = zlib.inflateSync(Buffer.concat(idat));
      const pixels = icons.draw(size);
      expect(raw.length).toBe(size * (size * 4 + 1));
      for (let y = 0; y < size; y++) {
        const row = raw.subarray(y * (size * 4 + 1), (y + 1) * (size * 4 + 1));
        expect(row[0]).toBe(0); // filter None
        if (!row.subarray(1).equals(pixels.subarray(y * size * 4, (y + 1) * size * 4))) {
          throw new Error(`icon-${size}.png row ${y} differs: run node scripts/make-icons.js`);
        }
      }
      // the top-left corner pixel is (mostly) transparent; low in the middle it is opaque green
      expect(pixels[3]).toBeLessThan(128);
      const mid = (Math.floor(size * 0.85) * size + (size >> 1)) * 4;
      expect(pixels[mid + 3]).toBe(255);
      expect(pixels[mid + 1]).toBeGreaterThan(pixels[mid]); // green dominates red
    }
  });
});
