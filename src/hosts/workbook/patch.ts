// The annotated copy written by patching the workbook's own package instead of loading it into ExcelJS and writing
// it out again. Loading and re-writing was most of the time of a reviewer's batch (≈ 60 ms of each file of 001;
// npm run bench), and it drops what ExcelJS does not model (charts, images, data validation extensions). Here the
// parts the marks do not touch are copied byte for byte (still compressed), and the touched ones are edited as text:
//   - a marked cell's `s` points at a copy of its cell format with the mark's fill (new <xf>s in styles.xml);
//   - notes go into a new comments part with its VML drawing, linked from the sheet;
//   - the findings sheet (审核意见) and the very hidden record sheet are new worksheets, their text in sharedStrings.
// It is a MarkBackend, so the core's one mark mechanism (src/core/marking.ts) decides every cell, text and record
// entry exactly as for ExcelJS and the pane hosts; the record's fill keys are the ExcelJS backend's (exceljsFillKey),
// so a copy written here is cleared or re-marked by the ExcelJS host as if ExcelJS had written it.
//
// Only workbooks in the plain shape are patched: no comments or VML yet, no earlier record, no namespace prefixes,
// pattern fills only. Anything else throws PatchUnsupported and the caller falls back to ExcelJS (annotate.ts).
import { Rect, colToLetters, lettersToCol, toA1 } from '../../core/grid';
import { severityLabel } from '../../core/i18n/host';
import { markText } from '../../core/i18n/marks';
import { BackendSheet, CellAt, CellOriginal, MarkBackend } from '../../core/mark-backend';
import { MARK_FILL } from '../../core/marks';
import { RecordStore } from '../../core/record';
import { FINDINGS_WIDTHS, HEADER_FILL, LINK_COLOR, RECORD_PART_CHARS, RECORD_SHEET, exceljsFillKey } from './marks';
import { OpenPackage, ZipEntry } from './read';
import { Rel, attrs, relsOf, resolvePart, xmlCharAllowed, xmlDecode } from './scan';
import { NativeZip } from './zip-write';

/** The package is not in the shape this writer edits: use ExcelJS. */
export class PatchUnsupported extends Error {}

const NS_R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/';
const CT = {
  sheet: 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml',
  comments: 'application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml',
  vml: 'application/vnd.openxmlformats-officedocument.vmlDrawing',
  sst: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml',
};

// ---------------------------------------------------------------------------------------------------------
// XML text helpers. Every scan is linear: tags are found with indexOf and ended with a quote-aware loop.

/** Text for an element or attribute: XML's specials escaped, characters XML 1.0 cannot hold as _xHHHH_ (OOXML). */
const RARE = /_x[0-9A-Fa-f]{4}_|[\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/;
const SPECIAL: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

function esc(s: string): string {
  let out = /[&<>"]/.test(s) ? s.replace(/[&<>"]/g, (c) => SPECIAL[c]) : s;
  if (!RARE.test(out)) return out;
  // A literal "_x0041_" would read back as "A": its underscore is escaped first.
  out = out.replace(/_(x[0-9A-Fa-f]{4}_)/g, '_x005F_$1');
  return out.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?:[^\uD800-\uDBFF]|^)[\uDC00-\uDFFF]/g, (c) =>
    Array.from(c)
      .map((ch) => {
        const code = ch.charCodeAt(0);
        return code >= 0xd800 && code <= 0xdfff ? '\uFFFD' : code < 0x20 || code >= 0xfffe ? '_x' + code.toString(16).toUpperCase().padStart(4, '0') + '_' : ch;
      })
      .join(''),
  );
}

function badCharRef(xml: string): boolean {
  const re = /&#(x[0-9a-fA-F]{1,8}|[0-9]{1,10});/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(xml))) if (!xmlCharAllowed(m[1][0] === 'x' ? parseInt(m[1].slice(1), 16) : parseInt(m[1], 10))) return true;
  return false;
}

/** End (index after '>') of the tag starting at `start`, quote-aware. */
function tagEnd(xml: string, start: number): number {
  let q = '';
  for (let i = start + 1; i < xml.length; i++) {
    const c = xml[i];
    if (q) {
      if (c === q) q = '';
    } else if (c === '"' || c === "'") q = c;
    else if (c === '>') return i + 1;
  }
  throw new PatchUnsupported('unclosed tag');
}

/** The document element is `<name` without a prefix (after the declaration, comments and processing instructions). */
function rootIs(xml: string, name: string): boolean {
  let i = 0;
  for (;;) {
    while (i < xml.length && isSpace(xml.charCodeAt(i))) i++;
    let end = -1;
    if (xml.startsWith('<?', i)) end = xml.indexOf('?>', i) + 2;
    else if (xml.startsWith('<!--', i)) end = xml.indexOf('-->', i) + 3;
    else break;
    if (end <= i) return false;
    i = end;
  }
  const c = xml.charCodeAt(i + name.length + 1);
  return xml.startsWith('<' + name, i) && (isSpace(c) || c === 0x3e || c === 0x2f);
}

/** Index of the next `<name` tag (followed by space, '>' or '/') at or after `from`, before `until`; -1 if none. */
function nextTag(xml: string, name: string, from: number, until = xml.length): number {
  const open = '<' + name;
  for (let i = xml.indexOf(open, from); i >= 0 && i < until; i = xml.indexOf(open, i + 1)) {
    const c = xml.charCodeAt(i + open.length);
    if (c === 0x20 || c === 0x3e || c === 0x2f || c === 0x09 || c === 0x0a || c === 0x0d) return i;
  }
  return -1;
}

/** One attribute's value (`name="…"`), without parsing the others: the per-row and per-cell lookups. */
function attrValue(tag: string, name: string): string | undefined {
  const key = name + '=';
  for (let i = tag.indexOf(key); i > 0; i = tag.indexOf(key, i + 1)) {
    const before = tag.charCodeAt(i - 1);
    if (before !== 0x20 && before !== 0x09 && before !== 0x0a && before !== 0x0d) continue;
    const q = tag[i + key.length];
    if (q !== '"' && q !== "'") continue;
    const end = tag.indexOf(q, i + key.length + 1);
    if (end < 0) return undefined;
    return xmlDecode(tag.slice(i + key.length + 1, end));
  }
  return undefined;
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
}

/** `<x …/>` as an open tag `<x …>`. */
function openForm(tag: string): string {
  return tag.endsWith('/>') ? tag.slice(0, -2).trimEnd() + '>' : tag;
}

/** The tag with attribute `name` set to `value` (replaced where present). */
const attrPatterns = new Map<string, RegExp>();

function withAttr(tag: string, name: string, value: string): string {
  let re = attrPatterns.get(name);
  if (!re) attrPatterns.set(name, (re = new RegExp('(\\s)' + name.replace(/[.:]/g, '\\$&') + '\\s*=\\s*(?:"[^"]*"|\'[^\']*\')')));
  if (re.test(tag)) return tag.replace(re, `$1${name}="${esc(value)}"`);
  const close = tag.endsWith('/>') ? tag.length - 2 : tag.length - 1;
  return tag.slice(0, close) + ` ${name}="${esc(value)}"` + tag.slice(close);
}

function withoutAttr(tag: string, name: string): string {
  return tag.replace(new RegExp('\\s' + name + '\\s*=\\s*(?:"[^"]*"|\'[^\']*\')'), '');
}

/** Items `<name …/>` or `<name …>…</name>` of the section between from and to. */
function items(xml: string, name: string, from: number, to: number): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  for (let i = nextTag(xml, name, from, to); i >= 0; i = nextTag(xml, name, i + 1, to)) {
    const te = tagEnd(xml, i);
    let end = te;
    if (xml[te - 2] !== '/') {
      end = xml.indexOf('</' + name + '>', te);
      if (end < 0 || end > to) throw new PatchUnsupported('unclosed ' + name);
      end += name.length + 3;
    }
    out.push({ start: i, end });
    i = end - 1;
  }
  return out;
}

/** A section `<name …>…</name>`: its bounds and items; null when absent. */
function section(xml: string, name: string, item: string): { start: number; openEnd: number; close: number; end: number; list: string[] } | null {
  const start = nextTag(xml, name, 0);
  if (start < 0) return null;
  const openEnd = tagEnd(xml, start);
  if (xml[openEnd - 2] === '/') return { start, openEnd, close: openEnd, end: openEnd, list: [] };
  const close = xml.indexOf('</' + name + '>', openEnd);
  if (close < 0) throw new PatchUnsupported('unclosed ' + name);
  const list = items(xml, item, openEnd, close).map((r) => xml.slice(r.start, r.end));
  return { start, openEnd, close, end: close + name.length + 3, list };
}

function relativeTo(baseDir: string, part: string): string {
  const from = baseDir ? baseDir.split('/') : [];
  const to = part.split('/');
  let k = 0;
  while (k < from.length && k < to.length - 1 && from[k] === to[k]) k++;
  return '../'.repeat(from.length - k) + to.slice(k).join('/');
}

const dirOf = (part: string) => (part.includes('/') ? part.slice(0, part.lastIndexOf('/')) : '');
const relsPathOf = (part: string) => (dirOf(part) ? dirOf(part) + '/' : '') + '_rels/' + part.slice(part.lastIndexOf('/') + 1) + '.rels';

function freeRelId(rels: readonly Rel[]): string {
  const ids = new Set(rels.map((r) => r.id));
  let n = rels.length + 1;
  while (ids.has('rId' + n)) n++;
  return 'rId' + n;
}

function addRels(xml: string | undefined, rels: readonly Rel[]): string {
  const body = rels.map((r) => `<Relationship Id="${esc(r.id)}" Type="${esc(r.type)}" Target="${esc(r.target)}"/>`).join('');
  if (xml === undefined)
    return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${body}</Relationships>`;
  const close = xml.lastIndexOf('</Relationships>');
  if (close < 0) throw new PatchUnsupported('rels');
  return xml.slice(0, close) + body + xml.slice(close);
}

// ---------------------------------------------------------------------------------------------------------
// Styles: fills and cell formats, as ExcelJS reads them (so fill keys are the ExcelJS backend's).

interface ColorModel {
  argb?: string;
  theme?: number;
  tint?: number;
  indexed?: number;
}

function colorModel(tag: string): ColorModel | undefined {
  const a = attrs(tag);
  // ExcelJS's ColorXform: rgb, else theme (with tint), else indexed, else nothing.
  if (a.rgb) return { argb: a.rgb };
  if (a.theme) {
    const m: ColorModel = { theme: parseInt(a.theme, 10) };
    if (a.tint) m.tint = parseFloat(a.tint);
    return m;
  }
  if (a.indexed) return { indexed: parseInt(a.indexed, 10) };
  return undefined;
}

/** ExcelJS's model of a <fill> (FillXform): the same keys in the same order, so its JSON is the same. */
function fillModel(xml: string): Record<string, unknown> {
  if (nextTag(xml, 'gradientFill', 0) >= 0) throw new PatchUnsupported('gradient fill');
  const p = nextTag(xml, 'patternFill', 0);
  if (p < 0) return {};
  const te = tagEnd(xml, p);
  const model: Record<string, unknown> = { type: 'pattern', pattern: attrValue(xml.slice(p, te), 'patternType') };
  if (xml[te - 2] !== '/') {
    const close = xml.indexOf('</patternFill>', te);
    for (const name of ['fgColor', 'bgColor']) {
      const c = nextTag(xml, name, te, close);
      if (c >= 0) {
        const m = colorModel(xml.slice(c, tagEnd(xml, c)));
        if (m) model[name] = m;
      }
    }
    // Document order decides ExcelJS's key order: bgColor before fgColor is not in the schema.
    if (model.bgColor && model.fgColor && xml.indexOf('<bgColor') < xml.indexOf('<fgColor')) throw new PatchUnsupported('fill order');
  }
  return model;
}

function colorXml(name: string, c: ColorModel): string {
  if (c.argb !== undefined) return `<${name} rgb="${esc(c.argb)}"/>`;
  if (c.theme !== undefined) return `<${name} theme="${c.theme}"${c.tint !== undefined ? ` tint="${c.tint}"` : ''}/>`;
  if (c.indexed !== undefined) return `<${name} indexed="${c.indexed}"/>`;
  return '';
}

function fillXmlOfKey(key: string): string {
  if (key.startsWith('#')) return `<fill><patternFill patternType="solid"><fgColor rgb="FF${key.slice(1).toUpperCase()}"/></patternFill></fill>`;
  if (!key.startsWith('x:')) throw new PatchUnsupported('fill key');
  const m = JSON.parse(key.slice(2)) as { type?: string; pattern?: string; fgColor?: ColorModel; bgColor?: ColorModel };
  if (m.type !== 'pattern') throw new PatchUnsupported('fill key');
  const colors = (m.fgColor ? colorXml('fgColor', m.fgColor) : '') + (m.bgColor ? colorXml('bgColor', m.bgColor) : '');
  const pattern = m.pattern !== undefined ? ` patternType="${esc(m.pattern)}"` : '';
  return colors ? `<fill><patternFill${pattern}>${colors}</patternFill></fill>` : `<fill><patternFill${pattern}/></fill>`;
}

class Styles {
  private fills: string[];
  private xfs: string[];
  private fonts: string[];
  private readonly firstNewFill: number;
  private readonly firstNewXf: number;
  private readonly firstNewFont: number;
  private keyOfFill = new Map<number, string>();
  private fillOfKey = new Map<string, number>();
  private derived = new Map<string, number>();
  private extraXf = new Map<string, number>();

  constructor(private xml: string) {
    const fills = section(xml, 'fills', 'fill');
    const xfs = section(xml, 'cellXfs', 'xf');
    const fonts = section(xml, 'fonts', 'font');
    if (!fills || !xfs || !fonts || !xfs.list.length || !fonts.list.length || fills.list.length < 2) throw new PatchUnsupported('styles');
    this.fills = fills.list;
    this.xfs = xfs.list;
    this.fonts = fonts.list;
    this.firstNewFill = this.fills.length;
    this.firstNewXf = this.xfs.length;
    this.firstNewFont = this.fonts.length;
  }

  get changed(): boolean {
    return this.fills.length > this.firstNewFill || this.xfs.length > this.firstNewXf || this.fonts.length > this.firstNewFont;
  }

  private fillIds = new Map<number, number>();
  private fillIdOf(s: number): number {
    let id = this.fillIds.get(s);
    if (id === undefined) {
      const xf = this.xfs[s] !== undefined ? this.xfs[s] : this.xfs[0];
      const v = attrValue(xf.slice(0, tagEnd(xf, 0)), 'fillId');
      id = v ? parseInt(v, 10) || 0 : 0;
      this.fillIds.set(s, id);
    }
    return id;
  }

  /** The fill key of cell format `s`, as the ExcelJS backend computes it for the same cell. */
  fillKey(s: number): string {
    const id = this.fillIdOf(s);
    // ExcelJS takes no fill for fillId 0 (and none for an id past the list).
    if (!id || id >= this.fills.length) return '';
    let key = this.keyOfFill.get(id);
    if (key === undefined) {
      key = exceljsFillKey(fillModel(this.fills[id]) as never);
      this.keyOfFill.set(id, key);
      if (!this.fillOfKey.has(key)) this.fillOfKey.set(key, id);
    }
    return key;
  }

  private fillIdFor(key: string): number {
    if (!key) return 0;
    let id = this.fillOfKey.get(key);
    if (id === undefined) {
      id = this.fills.push(fillXmlOfKey(key)) - 1;
      this.fillOfKey.set(key, id);
      this.keyOfFill.set(id, key);
    }
    return id;
  }

  /** Cell format `base` with the fill of `key`: `base` itself when it has that fill already. */
  withFill(base: number, key: string): number {
    if (this.fillKey(base) === key) return base;
    const fillId = this.fillIdFor(key);
    const memo = base + ':' + fillId;
    let s = this.derived.get(memo);
    if (s === undefined) {
      const xf = this.xfs[base] !== undefined ? this.xfs[base] : this.xfs[0];
      const te = tagEnd(xf, 0);
      const tag = withAttr(withAttr(xf.slice(0, te), 'fillId', String(fillId)), 'applyFill', '1');
      s = this.xfs.push(tag + xf.slice(te)) - 1;
      this.derived.set(memo, s);
    }
    return s;
  }

  /** A format for the findings sheet: font variant, fill key and alignment of font 0. */
  format(font: 'plain' | 'bold' | 'link', fill: string, horizontal: string | null, vertical: string, wrap: boolean): number {
    const memo = [font, fill, horizontal, vertical, wrap].join('|');
    let s = this.extraXf.get(memo);
    if (s !== undefined) return s;
    const fontId = font === 'plain' ? 0 : this.fontVariant(font);
    const fillId = this.fillIdFor(fill);
    const align = `<alignment${horizontal ? ` horizontal="${horizontal}"` : ''} vertical="${vertical}"${wrap ? ' wrapText="1"' : ''}/>`;
    s =
      this.xfs.push(
        `<xf numFmtId="0" fontId="${fontId}" fillId="${fillId}" borderId="0" xfId="0"${fontId ? ' applyFont="1"' : ''}${fillId ? ' applyFill="1"' : ''} applyAlignment="1">${align}</xf>`,
      ) - 1;
    this.extraXf.set(memo, s);
    return s;
  }

  private fontIds = new Map<string, number>();
  private fontVariant(kind: 'bold' | 'link'): number {
    let id = this.fontIds.get(kind);
    if (id !== undefined) return id;
    let f = this.fonts[0];
    if (f.endsWith('/>') && f.indexOf('>') === f.length - 1) f = f.slice(0, -2) + '></font>';
    const open = tagEnd(f, 0);
    let inner = f.slice(open, f.lastIndexOf('</font>'));
    if (kind === 'bold') inner = '<b/>' + inner.replace(/<b\b[^<>]*\/>/g, '');
    else inner = `<u/><color rgb="${LINK_COLOR}"/>` + inner.replace(/<u\b[^<>]*\/>/g, '').replace(/<color\b[^<>]*\/>/g, '');
    id = this.fonts.push(f.slice(0, open) + inner + '</font>') - 1;
    this.fontIds.set(kind, id);
    return id;
  }

  toXml(): string {
    let xml = this.xml;
    // Later sections first, so earlier offsets stay valid.
    const replaced: { name: string; item: string; list: string[] }[] = [
      { name: 'cellXfs', item: 'xf', list: this.xfs },
      { name: 'fills', item: 'fill', list: this.fills },
      { name: 'fonts', item: 'font', list: this.fonts },
    ];
    const spans = replaced.map((r) => ({ ...r, at: section(xml, r.name, r.item)! })).sort((a, b) => b.at.start - a.at.start);
    for (const r of spans) {
      const open = withAttr(openForm(xml.slice(r.at.start, r.at.openEnd)), 'count', String(r.list.length));
      xml = xml.slice(0, r.at.start) + open + r.list.join('') + `</${r.name}>` + xml.slice(r.at.end);
    }
    return xml;
  }
}

// ---------------------------------------------------------------------------------------------------------
// A worksheet: rows found once, a row's cells parsed when a mark touches it.

interface CellSpot {
  col: number;
  xml: string;
}

interface RowSpot {
  r: number;
  /** Offsets in the sheet's text (-1: a row added here). */
  start: number;
  end: number;
  open: string;
  inner: string | null;
  cells?: CellSpot[];
  dirty?: boolean;
}

class SheetPart {
  private rows: RowSpot[] = [];
  private byRow = new Map<number, RowSpot>();
  private colStyles: { min: number; max: number; s: number }[] = [];
  private merges: Map<number, Rect> | null = null;
  private dataStart: number;
  private dataEnd: number;
  readonly protected: boolean;
  /** A cell's format was changed. */
  changed = false;
  /** Our notes on this sheet, by address. */
  readonly notes = new Map<string, string>();
  /** Styles of cells before their first change, to put back exactly (address → s, null: the cell was absent). */
  private readonly firstStyle = new Map<string, number | null>();

  constructor(private xml: string, private styles: Styles) {
    if (!rootIs(xml, 'worksheet')) throw new PatchUnsupported('worksheet root');
    if (nextTag(xml, 'legacyDrawing', 0) >= 0) throw new PatchUnsupported('sheet has a drawing for notes');
    const sd = nextTag(xml, 'sheetData', 0);
    if (sd < 0) throw new PatchUnsupported('no sheetData');
    const sdEnd = tagEnd(xml, sd);
    if (xml[sdEnd - 2] === '/') {
      this.xml = xml = xml.slice(0, sd) + '<sheetData></sheetData>' + xml.slice(sdEnd);
      this.dataStart = this.dataEnd = sd + '<sheetData>'.length;
    } else {
      this.dataStart = sdEnd;
      this.dataEnd = xml.indexOf('</sheetData>', sdEnd);
      if (this.dataEnd < 0) throw new PatchUnsupported('unclosed sheetData');
    }
    let last = 0;
    for (let i = nextTag(xml, 'row', this.dataStart, this.dataEnd); i >= 0; ) {
      const te = tagEnd(xml, i);
      const open = xml.slice(i, te);
      const ra = attrValue(open, 'r');
      const r = ra ? parseInt(ra, 10) : last + 1;
      if (!(r > last)) throw new PatchUnsupported('rows out of order');
      let end = te;
      let inner: string | null = null;
      if (xml[te - 2] !== '/') {
        end = xml.indexOf('</row>', te);
        if (end < 0 || end > this.dataEnd) throw new PatchUnsupported('unclosed row');
        inner = xml.slice(te, end);
        end += 6;
      }
      const spot: RowSpot = { r, start: i, end, open, inner };
      this.rows.push(spot);
      this.byRow.set(r, spot);
      last = r;
      i = nextTag(xml, 'row', end, this.dataEnd);
    }
    const head = xml.slice(0, sd);
    const cols = section(head, 'cols', 'col');
    if (cols)
      for (const c of cols.list) {
        const a = attrs(c);
        if (a.style) this.colStyles.push({ min: parseInt(a.min || '0', 10), max: parseInt(a.max || '0', 10), s: parseInt(a.style, 10) || 0 });
      }
    this.protected = /<sheetProtection\b[^<>]*\ssheet\s*=\s*["'](?:1|true)["']/.test(xml.slice(this.dataEnd));
  }

  /** The merged area whose master is not this cell, as the master cell (for the core's mergeAt). */
  masterOf(row: number, col: number): Rect | undefined {
    if (!this.merges) {
      this.merges = new Map();
      const tail = this.xml.slice(this.dataEnd);
      const re = /<mergeCell\b[^<>]*\sref\s*=\s*["']\$?([A-Z]{1,3})\$?(\d{1,7}):\$?([A-Z]{1,3})\$?(\d{1,7})["']/g;
      let m: RegExpExecArray | null;
      while ((m = re.exec(tail))) {
        const top = parseInt(m[2], 10) - 1;
        const left = lettersToCol(m[1]);
        const bottom = parseInt(m[4], 10) - 1;
        const right = lettersToCol(m[3]);
        for (let r = top; r <= bottom; r++)
          for (let c = left; c <= right; c++) if (r !== top || c !== left) this.merges.set(r * 16384 + c, { top, left, bottom: top, right: left });
      }
    }
    return this.merges.get(row * 16384 + col);
  }

  private cellsOf(row: RowSpot): CellSpot[] {
    if (row.cells) return row.cells;
    const cells: CellSpot[] = [];
    const inner = row.inner || '';
    let lastCol = -1;
    for (const it of items(inner, 'c', 0, inner.length)) {
      const xml = inner.slice(it.start, it.end);
      const ref = attrValue(xml.slice(0, tagEnd(xml, 0)), 'r');
      const m = ref ? /^\$?([A-Za-z]{1,3})\$?\d+$/.exec(ref) : null;
      const col = m ? lettersToCol(m[1].toUpperCase()) : lastCol + 1;
      if (!(col > lastCol)) throw new PatchUnsupported('cells out of order');
      cells.push({ col, xml });
      lastCol = col;
    }
    row.cells = cells;
    return cells;
  }

  private rowAt(r: number, create: boolean): RowSpot | undefined {
    let row = this.byRow.get(r);
    if (!row && create) {
      row = { r, start: -1, end: -1, open: `<row r="${r}">`, inner: '', cells: [], dirty: true };
      let k = this.rows.length;
      while (k > 0 && this.rows[k - 1].r > r) k--;
      this.rows.splice(k, 0, row);
      this.byRow.set(r, row);
    }
    return row;
  }

  /** The cell format of a cell: its own, else its row's (customFormat) or its column's, else 0. */
  styleOf(row0: number, col0: number): number {
    const row = this.rowAt(row0 + 1, false);
    if (row) {
      const cell = this.cellsOf(row).find((c) => c.col === col0);
      if (cell) {
        const s = attrValue(cell.xml.slice(0, tagEnd(cell.xml, 0)), 's');
        return s ? parseInt(s, 10) || 0 : 0;
      }
      const rs = attrValue(row.open, 's');
      if (rs && /^(1|true)$/.test(attrValue(row.open, 'customFormat') || '')) return parseInt(rs, 10) || 0;
    }
    const col = this.colStyles.find((c) => col0 + 1 >= c.min && col0 + 1 <= c.max);
    return col ? col.s : 0;
  }

  setFill(row0: number, col0: number, key: string): void {
    const address = toA1(row0, col0);
    const row = this.rowAt(row0 + 1, true)!;
    const cells = this.cellsOf(row);
    let k = cells.findIndex((c) => c.col >= col0);
    if (k < 0) k = cells.length;
    const exists = k < cells.length && cells[k].col === col0;
    const current = this.styleOf(row0, col0);
    if (!this.firstStyle.has(address)) this.firstStyle.set(address, exists ? current : null);
    const first = this.firstStyle.get(address);
    const base = first === null || first === undefined ? current : first;
    // Back to the look it had: the very format it had (an absent cell stays written, with its inherited format).
    const s = this.styles.fillKey(base) === key ? base : this.styles.withFill(base, key);
    if (exists) {
      const xml = cells[k].xml;
      const te = tagEnd(xml, 0);
      cells[k] = { col: col0, xml: withAttr(xml.slice(0, te), 's', String(s)) + xml.slice(te) };
    } else cells.splice(k, 0, { col: col0, xml: `<c r="${address}" s="${s}"/>` });
    row.dirty = true;
    this.changed = true;
  }

  /** The sheet's text, with the drawing for notes linked when there is one. */
  toXml(legacyDrawingRid: string | null): string {
    const xml = this.xml;
    const out: string[] = [xml.slice(0, this.dataStart)];
    let pos = this.dataStart;
    for (const row of this.rows) {
      if (row.start >= 0) {
        out.push(xml.slice(pos, row.start));
        pos = row.end;
      }
      if (!row.dirty) out.push(xml.slice(row.start, row.end));
      else {
        // spans is a hint that a new cell may contradict: dropped on the rows changed.
        const open = openForm(withoutAttr(row.open, 'spans'));
        out.push(open + row.cells!.map((c) => c.xml).join('') + '</row>');
      }
    }
    out.push(xml.slice(pos, this.dataEnd));
    let tail = xml.slice(this.dataEnd);
    if (legacyDrawingRid) {
      // CT_Worksheet's order: legacyDrawing comes before these, or last before </worksheet>.
      let at = -1;
      for (const name of ['legacyDrawingHF', 'drawingHF', 'picture', 'oleObjects', 'controls', 'webPublishItems', 'tableParts', 'extLst']) {
        const i = nextTag(tail, name, 0);
        if (i >= 0 && (at < 0 || i < at)) at = i;
      }
      if (at < 0) at = tail.lastIndexOf('</worksheet>');
      if (at < 0) throw new PatchUnsupported('worksheet end');
      tail = tail.slice(0, at) + `<legacyDrawing r:id="${legacyDrawingRid}"/>` + tail.slice(at);
    }
    let text = out.join('') + tail;
    if (legacyDrawingRid) {
      const rootEnd = tagEnd(text, text.indexOf('<worksheet'));
      const root = text.slice(text.indexOf('<worksheet'), rootEnd);
      const declared = attrs(root)['xmlns:r'];
      if (declared === undefined) text = text.slice(0, rootEnd - 1) + ` xmlns:r="${NS_R}"` + text.slice(rootEnd - 1);
      else if (declared !== NS_R) throw new PatchUnsupported('r prefix');
    }
    return text;
  }
}

// ---------------------------------------------------------------------------------------------------------
// Shared strings: the existing part, and strings appended by the findings and record sheets.

class SharedStrings {
  private added: string[] = [];
  private index = new Map<string, number>();
  private readonly base: number;
  private refs = 0;

  constructor(private xml: string | null) {
    let n = 0;
    if (xml !== null) {
      if (!rootIs(xml, 'sst')) throw new PatchUnsupported('sst root');
      for (let i = nextTag(xml, 'si', 0); i >= 0; i = nextTag(xml, 'si', i + 3)) n++;
    }
    this.base = n;
  }

  get exists(): boolean {
    return this.xml !== null;
  }

  get changed(): boolean {
    return this.added.length > 0 || this.refs > 0;
  }

  id(s: string): number {
    this.refs++;
    let k = this.index.get(s);
    if (k === undefined) {
      k = this.base + this.added.push(s) - 1;
      this.index.set(s, k);
    }
    return k;
  }

  toXml(): string {
    const items = this.added.map((s) => `<si><t xml:space="preserve">${esc(s)}</t></si>`).join('');
    if (this.xml === null)
      return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${this.refs}" uniqueCount="${this.added.length}">${items}</sst>`;
    let xml = this.xml;
    const start = xml.indexOf('<sst');
    const openEnd = tagEnd(xml, start);
    let open = xml.slice(start, openEnd);
    const a = attrs(open);
    if (a.uniqueCount !== undefined) open = withAttr(open, 'uniqueCount', String(this.base + this.added.length));
    if (a.count !== undefined) open = withAttr(open, 'count', String((parseInt(a.count, 10) || 0) + this.refs));
    if (open.endsWith('/>')) {
      xml = xml.slice(0, start) + open.slice(0, -2) + '>' + items + '</sst>' + xml.slice(openEnd);
      return xml;
    }
    const close = xml.lastIndexOf('</sst>');
    return xml.slice(0, start) + open + xml.slice(openEnd, close) + items + xml.slice(close);
  }
}

// ---------------------------------------------------------------------------------------------------------
// The package.

interface BookSheet {
  name: string;
  sheetId: number;
  part: string;
  sheet?: SheetPart;
}

interface NewSheet {
  kind: 'record' | 'findings';
  name: string;
  rows: (string | number)[][];
}

export class PatchedWorkbook {
  private bookPath = 'xl/workbook.xml';
  private bookXml = '';
  private bookRels: Rel[] = [];
  private bookRelsXml = '';
  private sheets: BookSheet[] = [];
  private styles!: Styles;
  private stylesPath = '';
  private sst!: SharedStrings;
  private sstPath = 'xl/sharedStrings.xml';
  private contentTypes = '';
  private record = new Map<string, string>();
  private added: NewSheet[] = [];
  private texts = new Map<string, string>();

  private constructor(private pkg: OpenPackage) {}

  static async open(pkg: OpenPackage): Promise<PatchedWorkbook> {
    const wb = new PatchedWorkbook(pkg);
    await wb.load();
    return wb;
  }

  private async part(name: string, worksheet = false): Promise<string | undefined> {
    const e = this.pkg.find(name);
    if (!e) return undefined;
    let t = this.texts.get(e.name);
    if (t === undefined) {
      t = await this.pkg.text(e, worksheet);
      // A DTD is refused by the reader's checks, with its reason, on the ExcelJS path.
      if (/<!DOCTYPE/i.test(t.slice(0, 4096))) throw new PatchUnsupported('DTD');
      // A character reference XML cannot hold (&#0;, &#x110000;): the copy would be as broken as the source.
      if (t.indexOf('&#') >= 0 && badCharRef(t)) throw new PatchUnsupported('invalid character reference');
      this.texts.set(e.name, t);
    }
    return t;
  }

  private async load(): Promise<void> {
    for (const e of this.pkg.entries) {
      // Notes or threads already there: their parts and drawings would need merging (ExcelJS does it).
      if (/(^|\/)(comments|threadedcomments)[^/]*\.xml$|\.vml$|(^|\/)persons\//i.test(e.name)) throw new PatchUnsupported('comments present');
      if (e.flags & 0x1) throw new PatchUnsupported('encrypted entry');
    }
    const ct = await this.part('[Content_Types].xml');
    if (ct === undefined) throw new PatchUnsupported('no content types');
    this.contentTypes = ct;
    const root = await this.part('_rels/.rels');
    if (root !== undefined) {
      const doc = relsOf(root).find((r) => /\/officeDocument$/.test(r.type));
      if (doc) this.bookPath = resolvePart('', doc.target);
    }
    const book = await this.part(this.bookPath);
    if (book === undefined || !rootIs(book, 'workbook')) throw new PatchUnsupported('workbook part');
    this.bookXml = book;
    const relsXml = await this.part(relsPathOf(this.bookPath));
    if (relsXml === undefined) throw new PatchUnsupported('workbook rels');
    this.bookRelsXml = relsXml;
    this.bookRels = relsOf(relsXml);
    const dir = dirOf(this.bookPath);
    const sheetsSec = section(book, 'sheets', 'sheet');
    if (!sheetsSec) throw new PatchUnsupported('no sheets');
    for (const tag of sheetsSec.list) {
      const a = attrs(tag.slice(0, tagEnd(tag, 0)));
      const rel = this.bookRels.find((r) => r.id === a['r:id']);
      if (!rel) throw new PatchUnsupported('sheet relationship');
      const name = xmlDecode(a.name || '');
      if (name.toLowerCase() === RECORD_SHEET.toLowerCase()) throw new PatchUnsupported('record present');
      // Chart sheets keep their place and are never marked.
      if (!/\/worksheet$/.test(rel.type) || rel.external) {
        this.sheets.push({ name, sheetId: parseInt(a.sheetId || '0', 10) || 0, part: '' });
        continue;
      }
      this.sheets.push({ name, sheetId: parseInt(a.sheetId || '0', 10) || 0, part: resolvePart(dir, rel.target) });
    }
    const stylesRel = this.bookRels.find((r) => /\/styles$/.test(r.type));
    if (!stylesRel) throw new PatchUnsupported('no styles');
    this.stylesPath = resolvePart(dir, stylesRel.target);
    const styles = await this.part(this.stylesPath);
    if (styles === undefined || !rootIs(styles, 'styleSheet')) throw new PatchUnsupported('styles part');
    this.styles = new Styles(styles);
    const sstRel = this.bookRels.find((r) => /\/sharedStrings$/.test(r.type));
    if (sstRel) {
      this.sstPath = resolvePart(dir, sstRel.target);
      const sst = await this.part(this.sstPath);
      if (sst === undefined) throw new PatchUnsupported('sst part');
      this.sst = new SharedStrings(sst);
    } else this.sst = new SharedStrings(null);
  }

  private async sheetPart(name: string): Promise<SheetPart> {
    const s = this.sheets.find((x) => x.name === name);
    if (!s || !s.part) throw new PatchUnsupported('no sheet ' + name);
    if (!s.sheet) {
      const xml = await this.part(s.part, true);
      if (xml === undefined) throw new PatchUnsupported('sheet part');
      s.sheet = new SheetPart(xml, this.styles);
    }
    return s.sheet;
  }

  /** Every worksheet's part read before marking: the mechanism asks for sheets synchronously later on. */
  async prepare(): Promise<void> {
    for (const s of this.sheets) if (s.part) await this.sheetPart(s.name);
  }

  private loaded(name: string): SheetPart {
    const s = this.sheets.find((x) => x.name === name);
    if (!s || !s.sheet) throw new PatchUnsupported('no sheet ' + name);
    return s.sheet;
  }

  mergeAt = (sheet: string, row: number, col: number): Rect | undefined => {
    const s = this.sheets.find((x) => x.name === sheet);
    return s && s.sheet ? s.sheet.masterOf(row, col) : undefined;
  };

  store(): RecordStore {
    return {
      get: (key) => this.record.get(key),
      set: (key, value) => {
        if (!this.record.size && !this.added.some((a) => a.kind === 'record')) this.added.push({ kind: 'record', name: RECORD_SHEET, rows: [] });
        this.record.set(key, value);
      },
      remove: (key) => {
        this.record.delete(key);
        if (!this.record.size) this.added = this.added.filter((a) => a.kind !== 'record');
      },
      save: () => Promise.resolve(),
    };
  }

  backend(): MarkBackend {
    return {
      cellText: 'note',
      notes: true,
      comments: false,
      cellsPerFlush: Infinity,
      partChars: RECORD_PART_CHARS,
      store: this.store(),
      sheets: async (): Promise<BackendSheet[]> =>
        this.sheets.map((s) => ({ name: s.name, protected: s.sheet ? s.sheet.protected : false })).concat(this.added.filter((a) => a.kind === 'findings').map((a) => ({ name: a.name, protected: false }))),
      readCells: async (name: string, cells: readonly CellAt[]): Promise<CellOriginal[]> => {
        const sheet = this.loaded(name);
        return cells.map((c) => {
          const note = sheet.notes.get(c.address);
          return { fill: this.styles.fillKey(sheet.styleOf(c.row, c.col)), note: note !== undefined ? { text: note } : null };
        });
      },
      setFill: (name: string, rects: readonly Rect[], key: string) => {
        const sheet = this.loaded(name);
        for (const r of rects) for (let row = r.top; row <= r.bottom; row++) for (let col = r.left; col <= r.right; col++) sheet.setFill(row, col, key);
      },
      addNote: (name, address, text) => void this.loaded(name).notes.set(address, text),
      setNoteText: (name, address, text) => void this.loaded(name).notes.set(address, text),
      deleteNote: (name, address) => void this.loaded(name).notes.delete(address),
      addComment: () => Promise.resolve(undefined),
      deleteComments: () => undefined,
      deleteCommentsAt: () => undefined,
      addFindingsSheet: async (name, rows) => {
        this.added.push({ kind: 'findings', name, rows });
        return undefined;
      },
      deleteFindingsSheet: async (name, _id, header) => {
        const k = this.added.findIndex((a) => a.kind === 'findings' && a.name === name && header.every((h, i) => String(a.rows[0] && a.rows[0][i]) === h));
        if (k < 0) {
          if (this.sheets.some((s) => s.name === name)) throw new PatchUnsupported('findings sheet present');
          return false;
        }
        this.added.splice(k, 1);
        return true;
      },
      flush: () => Promise.resolve(),
      errorText: (e: unknown) => markText.workbookWriteFailed(e instanceof Error ? e.message : String(e)),
    };
  }

  // -------------------------------------------------------------------------------------------------------
  // Writing.

  private findingsSheetXml(rows: (string | number)[][]): string {
    const st = this.styles;
    const sevFill = new Map<string, string>(Object.entries(severityLabel).map(([k, v]) => [v, MARK_FILL[k as keyof typeof MARK_FILL]]));
    // As the ExcelJS backend lays it out: header centred and wrapped, rows top-aligned and wrapped, 序号 and 级别
    // centred (not wrapped), 级别 filled by severity, links blue and underlined.
    const header = st.format('bold', '#' + HEADER_FILL.slice(2), 'center', 'center', true);
    const body = st.format('plain', '', null, 'top', true);
    const centred = st.format('plain', '', 'center', 'top', false);
    const link = st.format('link', '', null, 'top', true);
    // Row formats as ExcelJS writes row.font / row.alignment: cells added later in the row look the same.
    const headerRow = st.format('bold', '', 'center', 'center', true);
    const out: string[] = [];
    rows.forEach((values, k) => {
      const r = k + 1;
      const cells = values.map((v, c) => {
        const ref = colToLetters(c) + r;
        let s = k === 0 ? header : c === 0 || c === 3 ? centred : body;
        if (k > 0 && c === 3 && sevFill.has(String(v))) s = st.format('plain', sevFill.get(String(v))!, 'center', 'top', false);
        if (typeof v === 'number') return `<c r="${ref}" s="${s}"><v>${v}</v></c>`;
        const m = k > 0 ? /^=HYPERLINK\("((?:[^"]|"")*)","((?:[^"]|"")*)"\)$/.exec(v) : null;
        if (m) return `<c r="${ref}" s="${link}" t="str"><f>${esc(v.slice(1))}</f><v>${esc(m[2].replace(/""/g, '"'))}</v></c>`;
        return `<c r="${ref}" s="${s}" t="s"><v>${this.sst.id(v)}</v></c>`;
      });
      out.push(`<row r="${r}" s="${k === 0 ? headerRow : body}" customFormat="1">${cells.join('')}</row>`);
    });
    // A loop, not Math.max(...rows): a sheet of 100,000 findings would overflow the call stack.
    let width = FINDINGS_WIDTHS.length;
    for (const r of rows) if (r.length > width) width = r.length;
    const last = colToLetters(width - 1);
    const cols = FINDINGS_WIDTHS.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join('');
    return (
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${NS_R}">` +
      `<dimension ref="A1:${last}${Math.max(rows.length, 1)}"/>` +
      `<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft"/></sheetView></sheetViews>` +
      `<sheetFormatPr defaultRowHeight="15"/><cols>${cols}</cols><sheetData>${out.join('')}</sheetData>` +
      `<autoFilter ref="A1:${colToLetters(FINDINGS_WIDTHS.length - 1)}1"/>` +
      `<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`
    );
  }

  private recordSheetXml(): string {
    let r = 0;
    const rows = [...this.record].map(([k, v]) => {
      r++;
      return `<row r="${r}"><c r="A${r}" t="s"><v>${this.sst.id(k)}</v></c><c r="B${r}" t="s"><v>${this.sst.id(v)}</v></c></row>`;
    });
    return (
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${NS_R}">` +
      `<dimension ref="A1:B${Math.max(r, 1)}"/><sheetData>${rows.join('')}</sheetData>` +
      `<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`
    );
  }

  private static commentsXml(notes: Map<string, string>): string {
    const list = [...notes]
      .map(([ref, text]) => `<comment ref="${ref}" authorId="0"><text><r><t xml:space="preserve">${esc(text)}</t></r></text></comment>`)
      .join('');
    return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<comments xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><authors><author>Author</author></authors><commentList>${list}</commentList></comments>`;
  }

  /** The VML shapes Excel needs to show legacy notes (the form ExcelJS writes). */
  private static vmlXml(notes: Map<string, string>, block: number): string {
    let k = 0;
    const shapes = [...notes.keys()].map((ref) => {
      const m = /^([A-Z]+)(\d+)$/.exec(ref)!;
      const col = lettersToCol(m[1]);
      const row = parseInt(m[2], 10) - 1;
      const top = Math.max(0, row - 1);
      const id = block * 1024 + 1 + k++;
      return (
        `<v:shape id="_x0000_s${id}" type="#_x0000_t202" style="position:absolute; margin-left:105.3pt;margin-top:10.5pt;width:97.8pt;height:59.1pt;z-index:1;visibility:hidden" fillcolor="infoBackground [80]" strokecolor="none [81]" o:insetmode="auto">` +
        `<v:fill color2="infoBackground [80]"/><v:shadow color="none [81]" obscured="t"/><v:path o:connecttype="none"/><v:textbox style="mso-direction-alt:auto" inset="1.3mm,1.3mm,2.5mm,2.5mm"><div style="text-align:left"/></v:textbox>` +
        `<x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>${col + 1}, 6, ${top}, 14, ${col + 3}, 2, ${top + 4}, 16</x:Anchor><x:Locked>True</x:Locked><x:AutoFill>False</x:AutoFill><x:LockText>True</x:LockText><x:Row>${row}</x:Row><x:Column>${col}</x:Column></x:ClientData></v:shape>`
      );
    });
    const blocks = Math.max(1, Math.ceil(notes.size / 1024));
    const idmap = Array.from({ length: blocks }, (_, i) => block + i).join(',');
    return (
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">` +
      `<o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="${idmap}"/></o:shapelayout>` +
      `<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>` +
      shapes.join('') +
      `</xml>`
    );
  }

  private freePart(used: Set<string>, dir: string, stem: string, ext: string): string {
    for (let n = 1; ; n++) {
      const p = `${dir}/${stem}${n}.${ext}`;
      if (!used.has(p.toLowerCase())) {
        used.add(p.toLowerCase());
        return p;
      }
    }
  }

  /** The patched package as .xlsx bytes. */
  async toBuffer(): Promise<Buffer> {
    const used = new Set(this.pkg.entries.map((e) => e.name.replace(/^\/+/, '').toLowerCase()));
    // Keyed by lower-cased part name (OPC names are case-insensitive); the name as first given is kept.
    const changedParts = new Map<string, { name: string; text: string }>();
    const changed = {
      set: (name: string, text: string) => {
        const k = name.toLowerCase();
        const had = changedParts.get(k);
        changedParts.set(k, { name: had ? had.name : name, text });
      },
    };
    const overrides: { part: string; type: string }[] = [];
    let needVmlDefault = false;
    const dir = dirOf(this.bookPath);

    // Notes: a comments part and a drawing per sheet.
    let block = 1;
    for (const s of this.sheets) {
      if (!s.sheet) continue;
      let rid: string | null = null;
      if (s.sheet.notes.size) {
        const comments = this.freePart(used, dirOf(dirOf(s.part)) || 'xl', 'comments', 'xml');
        const vml = this.freePart(used, (dirOf(dirOf(s.part)) || 'xl') + '/drawings', 'vmlDrawing', 'vml');
        const relsPath = relsPathOf(s.part);
        const existing = await this.part(relsPath);
        const rels = existing !== undefined ? relsOf(existing) : [];
        const cid = freeRelId(rels);
        const vid = freeRelId(rels.concat([{ id: cid, type: '', target: '', external: false }]));
        changed.set(
          relsPath,
          addRels(existing, [
            { id: cid, type: REL + 'comments', target: relativeTo(dirOf(s.part), comments), external: false },
            { id: vid, type: REL + 'vmlDrawing', target: relativeTo(dirOf(s.part), vml), external: false },
          ]),
        );
        changed.set(comments, PatchedWorkbook.commentsXml(s.sheet.notes));
        changed.set(vml, PatchedWorkbook.vmlXml(s.sheet.notes, block));
        block += Math.max(1, Math.ceil(s.sheet.notes.size / 1024));
        overrides.push({ part: comments, type: CT.comments });
        needVmlDefault = true;
        rid = vid;
      }
      if (s.sheet.changed || rid) changed.set(s.part, s.sheet.toXml(rid));
    }

    // New sheets, in the order the mechanism made them.
    let bookXml = this.bookXml;
    const newRels: Rel[] = [];
    let sheetId = Math.max(0, ...this.sheets.map((s) => s.sheetId));
    const sheetTags: string[] = [];
    for (const a of this.added) {
      const part = this.freePart(used, (dir ? dir + '/' : '') + 'worksheets', 'sheet', 'xml');
      changed.set(part, a.kind === 'record' ? this.recordSheetXml() : this.findingsSheetXml(a.rows));
      overrides.push({ part, type: CT.sheet });
      const id = freeRelId(this.bookRels.concat(newRels));
      newRels.push({ id, type: REL + 'worksheet', target: relativeTo(dir, part), external: false });
      sheetTags.push(`<sheet name="${esc(a.name)}" sheetId="${++sheetId}"${a.kind === 'record' ? ' state="veryHidden"' : ''} r:id="${id}"/>`);
    }
    if (sheetTags.length) {
      const close = bookXml.indexOf('</sheets>');
      if (close < 0) throw new PatchUnsupported('sheets end');
      bookXml = bookXml.slice(0, close) + sheetTags.join('') + bookXml.slice(close);
      if (attrs(bookXml.slice(bookXml.indexOf('<workbook'), tagEnd(bookXml, bookXml.indexOf('<workbook'))))['xmlns:r'] !== NS_R) throw new PatchUnsupported('r prefix');
      changed.set(this.bookPath, bookXml);
    }
    if (this.sst.changed) {
      if (!this.sst.exists) {
        newRels.push({ id: freeRelId(this.bookRels.concat(newRels)), type: REL + 'sharedStrings', target: relativeTo(dir, this.sstPath), external: false });
        overrides.push({ part: this.sstPath, type: CT.sst });
      }
      changed.set(this.sstPath, this.sst.toXml());
    }
    if (newRels.length) changed.set(relsPathOf(this.bookPath), addRels(this.bookRelsXml, newRels));
    if (this.styles.changed) changed.set(this.stylesPath, this.styles.toXml());
    if (overrides.length || needVmlDefault) {
      let ct = this.contentTypes;
      const close = ct.lastIndexOf('</Types>');
      if (close < 0) throw new PatchUnsupported('content types');
      let add = overrides.map((o) => `<Override PartName="/${esc(o.part)}" ContentType="${o.type}"/>`).join('');
      if (needVmlDefault && !/<Default\b[^<>]*\sExtension\s*=\s*["']vml["']/i.test(ct)) add = `<Default Extension="vml" ContentType="${CT.vml}"/>` + add;
      ct = ct.slice(0, close) + add + ct.slice(close);
      changed.set('[Content_Types].xml', ct);
    }

    const zip = new NativeZip(1);
    const written = new Set<string>();
    for (const e of this.pkg.entries as ZipEntry[]) {
      const name = e.name.replace(/^\/+/, '');
      const c = changedParts.get(name.toLowerCase());
      if (c) zip.appendPart(name, Buffer.from(c.text, 'utf8'));
      else zip.appendStored(name, await this.pkg.raw(e), e.crc, e.uncompressedSize, e.method);
      written.add(name.toLowerCase());
    }
    for (const [k, c] of changedParts) if (!written.has(k)) zip.appendPart(c.name, Buffer.from(c.text, 'utf8'));
    return zip.toBuffer();
  }
}
