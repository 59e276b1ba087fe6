// The SpreadsheetML side of reading a workbook: workbook, shared strings, styles and worksheets, each part
// scanned as a stream of text under the limits of limits.ts. No Node APIs: the command line feeds it parts
// inflated by zlib (read.ts), the browser playground parts inflated by JSZip (playground/xlsx.ts), so both refuse
// the same hostile files with the same Chinese reasons.
import { Grid, CellInput, Rect, scanA1 } from '../../core/grid';
import { readErrorText as T } from '../../core/i18n/host';
import { BUILTIN_FORMATS, compileFormat, NumberFormatter } from './numfmt';
import { MAX_COLS, MAX_ROWS, READ_LIMITS as L } from './limits';

/** A file that cannot be read as a workbook; `message` is the Chinese reason shown to the user. */
export class WorkbookReadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WorkbookReadError';
  }
}

/** One stored part of the package. */
export interface PartRef {
  name: string;
}

/** The package's parts: found by name (case-insensitive, as OPC part names are), inflated as text. */
export interface PartSource {
  find(name: string): PartRef | undefined;
  /**
   * The part's text chunk by chunk, refused (WorkbookReadError) once its inflated bytes pass `limit` or the
   * ratio limit; `tally.inflated` counts the bytes of every worksheet together.
   */
  inflate(part: PartRef, limit: number, tally?: Tally): AsyncIterable<string>;
}

/** The text of a part, with the prolog checked for a DTD before any of it is used. */
async function* partText(parts: PartSource, part: PartRef, limit: number, tally?: Tally): AsyncGenerator<string> {
  let prolog: string | null = '';
  for await (const s of parts.inflate(part, limit, tally)) {
    if (prolog !== null && s) prolog = checkProlog(part.name, prolog + s);
    if (s) yield s;
  }
}

/** Every worksheet of the package as a Grid. */
export async function readAllSheets(parts: PartSource): Promise<{ book: Book; grids: Grid[] }> {
  const book = await readWorkbookParts(parts);
  const grids: Grid[] = [];
  const tally: Tally = { inflated: 0, cells: 0, mergedCells: 0 };
  for (const sheet of book.sheets) grids.push(await readSheet(parts, sheet, book, tally));
  return { book, grids };
}

/** The first sheet or defined name ExcelJS must not get (it keys plain objects by them), or undefined. */
export function reservedName(book: Book): string | undefined {
  return book.names.find((n) => PROTOTYPE_KEYS.has(n));
}

/**
 * OPC forbids DTDs in a package's XML (ECMA-376 Part 2, M1.17): refuse a DOCTYPE before the root element, so no
 * entity is ever declared, expanded or fetched. Returns the prolog seen so far, or null once the root has begun.
 */
function checkProlog(part: string, text: string): string | null {
  let i = 0;
  for (;;) {
    const lt = text.indexOf('<', i);
    if (lt < 0 || lt + 9 > text.length) return text.length > 65536 ? null : text;
    if (text.startsWith('<?', lt)) i = text.indexOf('?>', lt);
    else if (text.startsWith('<!--', lt)) i = text.indexOf('-->', lt);
    else if (text.startsWith('<!', lt)) throw new WorkbookReadError(T.dtd(part));
    else return null;
    if (i < 0) return text.length > 65536 ? null : text;
  }
}

// ---------------------------------------------------------------------------------------------------------
// XML helpers. SpreadsheetML is regular enough for regular expressions as long as we respect quoting and an
// optional namespace prefix (some generators write <x:c> instead of <c>).

// The value is optional in the pattern and checked in the loop: every match then takes a whole name, so a long
// run of name characters with no "=" is scanned once (a required value made each position retry: quadratic).
const ATTR = /([\w.:-]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'))?/g;

export function attrs(tag: string): Record<string, string> {
  // No prototype: attribute names come from the file (__proto__="…" must stay an ordinary key).
  const out: Record<string, string> = Object.create(null);
  ATTR.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = ATTR.exec(tag))) if (m[2] !== undefined || m[3] !== undefined) out[m[1]] = m[2] !== undefined ? m[2] : m[3];
  return out;
}

/** Attribute by local name, whatever its prefix (r:id, x:id, id). */
function attrLocal(a: Record<string, string>, local: string): string | undefined {
  if (a[local] !== undefined) return a[local];
  for (const k of Object.keys(a)) if (k.endsWith(':' + local)) return a[k];
  return undefined;
}

const ENTITY = /&(?:(lt|gt|amp|quot|apos)|#(\d+)|#x([0-9a-fA-F]+));/g;
const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

export function xmlDecode(s: string): string {
  if (s.indexOf('&') < 0) return s;
  return s.replace(ENTITY, (_m, name: string, dec: string, hex: string) => (name ? NAMED[name] : codePoint(parseInt(dec || hex, dec ? 10 : 16))));
}

/** A character reference's character; one that XML does not allow (&#0;, &#x110000;) reads as U+FFFD. */
function codePoint(n: number): string {
  return xmlCharAllowed(n) ? String.fromCodePoint(n) : '\ufffd';
}

/** A character XML 1.0 can hold. */
export function xmlCharAllowed(n: number): boolean {
  return n === 0x9 || n === 0xa || n === 0xd || (n >= 0x20 && n <= 0xd7ff) || (n >= 0xe000 && n <= 0xfffd) || (n >= 0x10000 && n <= 0x10ffff);
}

/** Cell text: XML entities, then OOXML's _xHHHH_ escapes for characters XML cannot carry (e.g. _x000D_). */
function cellTextDecode(s: string): string {
  s = xmlDecode(s);
  if (s.indexOf('_x') < 0) return s;
  return s.replace(/_x([0-9A-Fa-f]{4})_/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));
}

/** The namespace prefix ("" or "x:") of a part's root element. */
function rootPrefix(text: string, root: string): string {
  const m = new RegExp('<([\\w.-]+:)?' + root + '[\\s>/]').exec(text);
  return m && m[1] ? m[1] : '';
}

const reCache = new Map<string, RegExp>();
function re(source: string, flags = 'g'): RegExp {
  const key = flags + source;
  let r = reCache.get(key);
  if (!r) reCache.set(key, (r = new RegExp(source, flags)));
  r.lastIndex = 0;
  return r;
}

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Text of a shared string item or an inline string: every <t>, run or not, but no phonetic guide (<rPh>). */
function stringItemText(xml: string, p: string): string {
  if (xml.indexOf('rPh') >= 0) xml = withoutElements(xml, `<${p}rPh`, `</${p}rPh>`);
  let out = '';
  eachElement(xml, `<${p}t`, `</${p}t>`, (_, body) => {
    if (body) out += body;
  });
  return cellTextDecode(out);
}

/**
 * Calls `visit` with each element `<name …>…</name>` (or `<name …/>`, body null) of `xml`, for elements that do
 * not nest, until it returns true. The text is cut at each start tag, and the body and attributes are looked for
 * only inside that piece. A regular expression with a lazy body (`<c>([\s\S]*?)</c>`) would scan from every
 * unclosed start tag to the end of the text: a row of a million `<c>` took minutes. Here every character is looked
 * at a bounded number of times. A callback, not a generator: this runs for every cell of a sheet, and a generator's
 * resumption and result objects were a fifth of reading a large sheet.
 */
function eachElement(xml: string, open: string, close: string, visit: (attrs: string, body: string | null) => boolean | void): void {
  let i = nextStart(xml, open, 0);
  while (i >= 0) {
    const next = nextStart(xml, open, i + open.length);
    // A slice is a view in V8: searching it never runs past the next start tag.
    const piece = xml.slice(i + open.length, next < 0 ? xml.length : next);
    i = next;
    const gt = piece.indexOf('>');
    if (gt < 0) continue; // a start tag that never ends: nothing to read
    const selfClosing = piece.charCodeAt(gt - 1) === 0x2f;
    const attrs = piece.slice(0, selfClosing ? gt - 1 : gt);
    if (selfClosing) {
      if (visit(attrs, null)) return;
      continue;
    }
    const end = piece.indexOf(close, gt + 1);
    // No end tag before the next element: the body is what the file has up to there.
    if (visit(attrs, piece.slice(gt + 1, end < 0 ? piece.length : end))) return;
  }
}

/** Index of the next start tag `open` ("<c", not "<col") at or after `from`, or -1. */
function nextStart(xml: string, open: string, from: number): number {
  for (let k = xml.indexOf(open, from); k >= 0; k = xml.indexOf(open, k + 1)) {
    const c = xml.charCodeAt(k + open.length);
    // Space, tab, CR, LF, '>' or '/': the tag name ends here.
    if (c === 0x20 || c === 0x09 || c === 0x0d || c === 0x0a || c === 0x3e || c === 0x2f) return k;
  }
  return -1;
}

/** `xml` without the elements named by `open`/`close` (phonetic guides), in one pass. */
function withoutElements(xml: string, open: string, close: string): string {
  let out = '';
  let from = 0;
  for (let i = nextStart(xml, open, 0); i >= 0; ) {
    out += xml.slice(from, i);
    const next = nextStart(xml, open, i + open.length);
    const piece = xml.slice(i, next < 0 ? xml.length : next);
    const end = piece.indexOf(close);
    from = end < 0 ? i + piece.length : i + end + close.length;
    i = next;
  }
  return out + xml.slice(from);
}

// ---------------------------------------------------------------------------------------------------------
// Workbook structure: sheets in order, shared strings, number formats.

interface SheetRef {
  name: string;
  part: string;
}

/** Names that are properties of every plain object; a library that keys objects by sheet name must not get them. */
export const PROTOTYPE_KEYS = new Set(Object.getOwnPropertyNames(Object.prototype).concat(['prototype']));

export interface Book {
  sheets: SheetRef[];
  /** Every sheet name and defined name as written. */
  names: string[];
  /** null: the workbook has no shared strings part (a cell that refers to one is an error). */
  strings: string[] | null;
  /** Per cell-style index: how to turn a number into display text (null: General). */
  formats: (NumberFormatter | null)[];
  date1904: boolean;
}

export function resolvePart(baseDir: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = (baseDir ? baseDir.split('/') : []).concat(target.split('/'));
  const out: string[] = [];
  for (const s of parts) {
    if (s === '..') out.pop();
    else if (s && s !== '.') out.push(s);
  }
  return out.join('/');
}

export interface Rel {
  id: string;
  type: string;
  target: string;
  external: boolean;
}

export function relsOf(xml: string): Rel[] {
  const out = [];
  const r = re('<(?:[\\w.-]+:)?Relationship\\b((?:[^<>"\']|"[^<"]*"|\'[^<\']*\')*)>');
  let m: RegExpExecArray | null;
  while ((m = r.exec(xml))) {
    const a = attrs(m[1]);
    out.push({
      id: a.Id || '',
      type: a.Type || '',
      target: xmlDecode(a.Target || ''),
      external: a.TargetMode === 'External',
    });
  }
  return out;
}

export async function readWorkbookParts(parts: PartSource): Promise<Book> {
  const get = (part: string) => parts.find(part);
  const partString = async (part: PartRef) => {
    const out: string[] = [];
    for await (const s of partText(parts, part, L.otherPart)) out.push(s);
    return out.join('');
  };
  // The workbook part is the package's officeDocument relationship; xl/workbook.xml when there is no root rels.
  let bookPath = 'xl/workbook.xml';
  const rootRels = get('_rels/.rels');
  if (rootRels) {
    const doc = relsOf(await partString(rootRels)).find((r) => /\/officeDocument$/.test(r.type));
    if (doc) bookPath = resolvePart('', doc.target);
  }
  const bookEntry = get(bookPath) || get('xl/workbook.xml');
  if (!bookEntry) {
    if (get('xl/workbook.bin')) throw new WorkbookReadError(T.xlsb);
    if (get('mimetype') && get('content.xml')) throw new WorkbookReadError(T.ods);
    if (get('word/document.xml') || get('ppt/presentation.xml')) throw new WorkbookReadError(T.otherOoxml);
    throw new WorkbookReadError(T.notWorkbook);
  }
  bookPath = bookEntry.name.replace(/^\/+/, '');
  const dir = bookPath.includes('/') ? bookPath.slice(0, bookPath.lastIndexOf('/')) : '';
  const relsPath = (dir ? dir + '/' : '') + '_rels/' + bookPath.slice(dir ? dir.length + 1 : 0) + '.rels';
  const relsEntry = get(relsPath);
  if (!relsEntry) throw new WorkbookReadError(T.missingPart(relsPath));
  const rels = relsOf(await partString(relsEntry));
  const bookXml = await partString(bookEntry);

  const date1904 = /<(?:[\w.-]+:)?workbookPr\b[^>]*\bdate1904\s*=\s*["'](1|true)["']/.test(bookXml);
  const sheets: SheetRef[] = [];
  const names: string[] = [];
  const nameTag = re('<(?:[\\w.-]+:)?definedName\\b((?:[^<>"\']|"[^<"]*"|\'[^<\']*\')*)>');
  let n: RegExpExecArray | null;
  while ((n = nameTag.exec(bookXml))) names.push(xmlDecode(attrs(n[1]).name || ''));
  const sheetTag = re('<(?:[\\w.-]+:)?sheet\\b((?:[^<>"\']|"[^<"]*"|\'[^<\']*\')*)>');
  let m: RegExpExecArray | null;
  while ((m = sheetTag.exec(bookXml))) {
    const a = attrs(m[1]);
    names.push(xmlDecode(a.name || ''));
    const rid = attrLocal(a, 'id');
    const rel = rels.find((r) => r.id === rid);
    // Chart sheets and dialog sheets have no cells: only worksheets become Grids.
    if (!rel || rel.external || !/\/worksheet$/.test(rel.type)) continue;
    sheets.push({ name: xmlDecode(a.name || ''), part: resolvePart(dir, rel.target) });
  }

  const sstRel = rels.find((r) => /\/sharedStrings$/.test(r.type));
  const sstEntry = sstRel ? get(resolvePart(dir, sstRel.target)) : undefined;
  if (sstRel && !sstEntry) throw new WorkbookReadError(T.missingPart(resolvePart(dir, sstRel.target)));
  const strings = sstEntry ? await readSharedStrings(parts, sstEntry) : null;
  const stylesRel = rels.find((r) => /\/styles$/.test(r.type));
  const stylesEntry = stylesRel ? get(resolvePart(dir, stylesRel.target)) : undefined;
  const formats = stylesEntry ? readFormats(await partString(stylesEntry)) : [];
  return { sheets, names, strings, formats, date1904 };
}

async function readSharedStrings(parts: PartSource, entry: PartRef): Promise<string[]> {
  const out: string[] = [];
  let buf = '';
  let p: string | null = null;
  let close = '';
  let si: string | null = null;
  const pending = new Pending(16);
  for await (const chunk of partText(parts, entry, L.sharedStringsPart)) {
    if (p === null) {
      buf += chunk;
      if (!/<([\w.-]+:)?sst[\s>/]/.test(buf) && buf.length < 4096) continue;
      p = rootPrefix(buf, 'sst');
      close = `</${p}si>`;
      si = `<${p}si`;
    }
    // Cut after the last complete item; only the new text is searched (Pending).
    const complete = pending.push(buf || chunk, (probe) => {
      const end = probe.lastIndexOf(close);
      return end < 0 ? -1 : end + close.length;
    });
    buf = '';
    if (complete) parseItems(complete);
    else if (pending.length > L.rowChars) throw new WorkbookReadError(T.itemTooLong(out.length + 1));
  }
  buf = pending.take();
  if (si) parseItems(buf);
  return out;

  function parseItems(text: string): void {
    eachElement(text, si as string, close, (_, item) => {
      const body = item || '';
      // The common case is one plain <t>; anything else goes through the general item reader.
      const plain = /^<t(?: xml:space="preserve")?>([^<]*)<\/t>$/.exec(body);
      const text = plain ? cellTextDecode(plain[1]) : stringItemText(body, p as string);
      if (text.length > L.cellChars) throw new WorkbookReadError(T.stringTooLong(out.length + 1, text.length));
      if (out.length >= L.sharedStrings) throw new WorkbookReadError(T.tooManyStrings(L.sharedStrings));
      out.push(text);
    });
  }
}

// ---------------------------------------------------------------------------------------------------------
// Number formats (numfmt.ts): which format each cell style uses.

function readFormats(stylesXml: string): (NumberFormatter | null)[] {
  const p = esc(rootPrefix(stylesXml, 'styleSheet'));
  const codes = new Map<number, string>();
  const nf = re(`<${p}numFmt\\b((?:[^<>"']|"[^<"]*"|'[^<']*')*)>`);
  let m: RegExpExecArray | null;
  while ((m = nf.exec(stylesXml))) {
    const a = attrs(m[1]);
    codes.set(parseInt(a.numFmtId, 10), xmlDecode(a.formatCode || ''));
  }
  const raw = rootPrefix(stylesXml, 'styleSheet');
  const open = stylesXml.indexOf(`<${raw}cellXfs`);
  const close = open < 0 ? -1 : stylesXml.indexOf(`</${raw}cellXfs>`, open);
  const block = close < 0 ? null : [null, stylesXml.slice(open, close)];
  const out: (NumberFormatter | null)[] = [];
  if (!block) return out;
  const compiled = new Map<number, NumberFormatter | null>();
  const xf = re(`<${p}xf\\b((?:[^<>"']|"[^<"]*"|'[^<']*')*)>`);
  while ((m = xf.exec(block[1] as string))) {
    const id = parseInt(attrs(m[1]).numFmtId || '0', 10) || 0;
    if (!compiled.has(id)) compiled.set(id, compileFormat(codes.get(id) ?? BUILTIN_FORMATS[id] ?? 'General'));
    out.push(compiled.get(id) as NumberFormatter | null);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// Worksheets: stream the part, turn complete rows into cells as they arrive, then read <mergeCells>.

/** What the whole workbook has used of the cell limits so far. */
export interface Tally {
  /** Inflated bytes of the worksheets read so far. */
  inflated: number;
  cells: number;
  mergedCells: number;
}

/** What readRows carries from one slice of a sheet to the next. */
interface RowState {
  sheet: string;
  row: number;
  book: Book;
  tally: Tally;
}

export async function readSheet(parts: PartSource, sheet: SheetRef, book: Book, tally: Tally): Promise<Grid> {
  const grid = new Grid(sheet.name);
  const entry = parts.find(sheet.part);
  if (!entry) throw new WorkbookReadError(T.missingPart(sheet.part));

  let buf = '';
  let state: 'head' | 'rows' | 'tail' | 'merges' = 'head';
  let p = '';
  let rowOpen = '<row';
  let dataClose = '</sheetData>';
  const rowState: RowState = { sheet: sheet.name, row: -1, book, tally };
  const merges = { sheet: sheet.name, count: 0, tally };
  const rows = new Pending(32);
  let mergesDone = false;

  /** Rows state: hands complete rows to readRows; true when </sheetData> was reached (rest left in buf). */
  const feedRows = (text: string): boolean => {
    let ended = false;
    const complete = rows.push(text, (probe) => {
      const end = probe.indexOf(dataClose);
      if (end >= 0) {
        ended = true;
        return end;
      }
      // Rows do not nest: everything before the last row's start tag is complete rows, whether they end in
      // </row> or are self-closing (<row r="9" ht="15" customHeight="1"/>, as spreadsheet programs write).
      return lastRowStart(probe, rowOpen);
    });
    if (complete) readRows(complete, p, grid, rowState);
    if (ended) {
      buf = rows.take().slice(dataClose.length);
      return true;
    }
    if (rows.length > L.rowChars) throw new WorkbookReadError(T.rowTooLong(sheet.name, rowState.row + 2));
    return false;
  };

  for await (const chunk of partText(parts, entry, L.sheetPart, tally)) {
    if (state === 'rows') {
      if (!feedRows(chunk)) continue;
      state = 'tail';
    } else buf += chunk;
    for (;;) {
      if (state === 'head') {
        const m = /<([\w.-]+:)?sheetData\b[^>]*?(\/?)>/.exec(buf);
        if (!m) {
          buf = buf.slice(-256); // the tag may straddle two chunks
          break;
        }
        p = m[1] || '';
        rowOpen = `<${p}row`;
        dataClose = `</${p}sheetData>`;
        const rest = buf.slice(m.index + m[0].length);
        buf = '';
        if (m[2]) {
          buf = rest;
          state = 'tail';
        } else if (feedRows(rest)) state = 'tail';
        else {
          state = 'rows';
          break;
        }
      } else if (state === 'tail') {
        const i = buf.indexOf(`<${p}mergeCells`);
        if (i < 0) {
          buf = buf.slice(-64);
          break;
        }
        buf = buf.slice(i);
        state = 'merges';
      } else if (state === 'merges') {
        const end = buf.search(re(`</${esc(p)}mergeCells>|^<${esc(p)}mergeCells\\b[^>]*/>`, ''));
        const upto = end >= 0 ? buf.length : buf.lastIndexOf('>') + 1;
        readMerges(buf.slice(0, upto), p, grid, merges);
        buf = buf.slice(upto);
        if (end >= 0) mergesDone = true;
        // A merge tag is a few dozen characters: text with no '>' for this long is not a list of merges.
        if (buf.length > 65536) throw new WorkbookReadError(T.corrupt(T.reason.unreadable));
        break;
      } else break;
    }
    // Nothing after </mergeCells> matters: stop inflating the rest of the part.
    if (mergesDone) break;
  }
  if (state === 'rows') {
    // A part that ends inside <sheetData>: read the rows it has.
    const last = rows.take();
    if (last) readRows(last, p, grid, rowState);
  }
  return grid;
}

/**
 * Text accumulated until a cut point, searched only where new text arrived (plus `overlap` characters before
 * it): one string grown by += and searched whole on every chunk would be copied each time (quadratic).
 */
class Pending {
  private parts: string[] = [];
  private len = 0;
  private tail = '';
  constructor(private readonly overlap: number) {}

  get length(): number {
    return this.len;
  }

  /** Adds `chunk`; `find` gives the cut's index in the searched text, or -1. Returns the text before the cut. */
  push(chunk: string, find: (probe: string) => number): string | null {
    const probe = this.tail + chunk;
    const base = this.len - this.tail.length;
    const k = find(probe);
    this.parts.push(chunk);
    this.len += chunk.length;
    this.tail = probe.slice(-this.overlap);
    const cut = k < 0 ? 0 : base + k;
    if (cut <= 0) return null;
    const text = this.parts.join('');
    this.reset(text.slice(cut));
    return text.slice(0, cut);
  }

  take(): string {
    const text = this.parts.join('');
    this.reset('');
    return text;
  }

  private reset(rest: string): void {
    this.parts = rest ? [rest] : [];
    this.len = rest.length;
    this.tail = rest.slice(-this.overlap);
  }
}

/** Index of the last "<row" start tag (not "<rowBreaks") in `text`, or -1. */
function lastRowStart(text: string, rowOpen: string): number {
  let last = -1;
  for (let i = text.indexOf(rowOpen); i >= 0; i = text.indexOf(rowOpen, i + 1)) {
    const next = text.charCodeAt(i + rowOpen.length);
    // Space, tab, CR, LF, '>' or '/': the tag name ends here. NaN: the text ends inside the tag name.
    if (next === 0x20 || next === 0x09 || next === 0x0d || next === 0x0a || next === 0x3e || next === 0x2f) last = i;
  }
  return last;
}

/** A1 reference without Excel's three-letter cap, so a ref past XFD is told apart from a malformed one. */
function refCell(ref: string): { row: number; col: number } | null {
  const p = scanA1(ref);
  if (!p || p.letters > 8 || p.digits > 15) return null;
  return { row: p.row, col: Math.min(p.col, MAX_COLS) };
}

function readMerges(xml: string, p: string, grid: Grid, acc: { sheet: string; count: number; tally: Tally }): void {
  // [^<>]: a start tag without its '>' ends at the next '<', so no attempt rescans the rest of the text.
  const r = re(`<${esc(p)}mergeCell\\b[^<>]*?\\bref\\s*=\\s*["']([^"'<>]+)["']`);
  let m: RegExpExecArray | null;
  while ((m = r.exec(xml))) {
    const ref = m[1];
    const [a, b] = ref.split(':');
    const p1 = refCell(a);
    const p2 = b === undefined ? p1 : refCell(b);
    // A malformed ref is one broken merge: the rest of the sheet still reads.
    if (!p1 || !p2) continue;
    const rect: Rect = {
      top: Math.min(p1.row, p2.row),
      left: Math.min(p1.col, p2.col),
      bottom: Math.max(p1.row, p2.row),
      right: Math.max(p1.col, p2.col),
    };
    // Refused, not skipped: a merge dropped silently changes what the table says (a vanished table, exit 0).
    if (rect.top < 0 || rect.left < 0 || rect.bottom >= MAX_ROWS || rect.right >= MAX_COLS) {
      throw new WorkbookReadError(T.mergeOutOfRange(acc.sheet, ref));
    }
    if (rect.top === rect.bottom && rect.left === rect.right) continue;
    if (++acc.count > L.merges) throw new WorkbookReadError(T.tooManyMerges(acc.sheet, L.merges));
    acc.tally.mergedCells += (rect.bottom - rect.top + 1) * (rect.right - rect.left + 1);
    if (acc.tally.mergedCells > L.mergedCells) throw new WorkbookReadError(T.tooManyMergedCells(L.mergedCells));
    grid.addMerge(rect);
  }
}

function readRows(xml: string, p: string, grid: Grid, state: RowState): void {
  const cellOpen = `<${p}c`;
  const cellClose = `</${p}c>`;
  let row = 0;
  let col = -1;
  const readCell = (a: string, content: string | null): void => {
    col = cellColumn(a, col + 1);
    if (col >= MAX_COLS) throw new WorkbookReadError(T.colOutOfRange(state.sheet, row + 1));
    if (!content) return;
    const cell = cellValue(a, content, p, state);
    if (!cell) return;
    if (++state.tally.cells > L.cells) throw new WorkbookReadError(T.tooManyCells(L.cells));
    grid.setCell(row, col, cell);
  };
  eachElement(xml, `<${p}row`, `</${p}row>`, (attrs, body) => {
    const r = rowNumber(attrs);
    // Row and cell references are optional in the format: without them, count on from the previous one.
    row = r !== null ? (r.length > 9 ? Infinity : parseInt(r, 10) - 1) : state.row + 1;
    if (!(row >= 0 && row < MAX_ROWS)) throw new WorkbookReadError(T.rowOutOfRange(state.sheet, r !== null ? r : String(row + 1)));
    state.row = row;
    if (!body) return;
    col = -1;
    eachElement(body, cellOpen, cellClose, readCell);
  });
}

/** The digits of a row's r attribute, or null when it has none. */
function rowNumber(attrs: string): string | null {
  // Spreadsheet programs write r first (` r="12" spans="1:7"`): read that without a regular expression.
  if (attrs.startsWith(' r="')) {
    let k = 4;
    while (k < attrs.length && attrs.charCodeAt(k) >= 0x30 && attrs.charCodeAt(k) <= 0x39) k++;
    if (k > 4 && attrs.charCodeAt(k) === 0x22) return attrs.slice(4, k);
  }
  const m = /\br\s*=\s*["'](\d+)["']/.exec(attrs);
  return m ? m[1] : null;
}

/** Column (0-based) from the cell's r attribute, or `fallback` when it has none. */
function cellColumn(a: string, fallback: number): number {
  const i = a.indexOf('r=');
  if (i < 0 || (i > 0 && !/\s/.test(a[i - 1]))) {
    const m = /\sr\s*=\s*["']([A-Za-z]+)/.exec(a);
    return m ? lettersToColFast(m[1]) : fallback;
  }
  let col = 0;
  for (let k = i + 3; k < a.length; k++) {
    const c = a.charCodeAt(k) & ~32;
    if (c < 65 || c > 90) break;
    // Past XFD already: stop counting (a ref of a million letters must not loop or overflow).
    if (col > MAX_COLS) return MAX_COLS;
    col = col * 26 + (c - 64);
  }
  return col > 0 ? Math.min(col - 1, MAX_COLS) : fallback;
}

function lettersToColFast(s: string): number {
  let n = 0;
  for (let k = 0; k < s.length && n <= MAX_COLS; k++) n = n * 26 + ((s.charCodeAt(k) & ~32) - 64);
  return Math.min(n - 1, MAX_COLS);
}

function attrOf(a: string, name: string): string | undefined {
  const i = a.indexOf(' ' + name + '="');
  if (i >= 0) return a.slice(i + name.length + 3, a.indexOf('"', i + name.length + 3));
  const m = re(`\\s${name}\\s*=\\s*["']([^"']*)["']`, '').exec(a);
  return m ? m[1] : undefined;
}

function cellValue(a: string, content: string, p: string, state: RowState): CellInput | null {
  const { book } = state;
  const t = attrOf(a, 't') || 'n';
  if (t === 'inlineStr') {
    let s = '';
    eachElement(content, `<${p}is`, `</${p}is>`, (_, body) => {
      if (body) s = stringItemText(body, p);
      return true;
    });
    return s === '' ? null : { value: checkLength(s, state) };
  }
  const vOpen = `<${p}v`;
  const vi = content.indexOf(vOpen);
  if (vi < 0) return null; // a formula without a cached result, or only a style
  const gt = content.indexOf('>', vi);
  if (content[gt - 1] === '/') return null;
  const v = content.slice(gt + 1, content.indexOf(`</${p}v>`, gt));
  switch (t) {
    case 's': {
      // A cell pointing into a shared strings part the file does not have: reading it as blank would turn
      // the whole workbook into an empty one (exit 0, "no table found").
      if (!book.strings) throw new WorkbookReadError(T.missingSharedStrings);
      const s = book.strings[parseInt(v, 10)];
      return s === undefined || s === '' ? null : { value: s };
    }
    case 'str': {
      const s = cellTextDecode(v);
      return s === '' ? null : { value: checkLength(s, state) };
    }
    case 'b':
      return { value: v.trim() === '1' || v.trim() === 'true' };
    case 'e': {
      const e = xmlDecode(v).trim().slice(0, 32);
      return e ? { value: null, error: e } : null;
    }
    case 'd': {
      // ISO 8601 date cells (rare; Strict files): show the date part.
      const s = xmlDecode(v).trim();
      return s ? { value: s, text: /^\d{4}-\d\d-\d\d/.test(s) ? s.slice(0, 10) : s } : null;
    }
    default: {
      const n = parseFloat(v);
      if (isNaN(n)) return null;
      const sAttr = attrOf(a, 's');
      const fmt = sAttr ? book.formats[parseInt(sAttr, 10)] : null;
      return fmt ? { value: n, text: fmt(n, book.date1904) } : { value: n };
    }
  }
}

function checkLength(s: string, state: RowState): string {
  if (s.length > L.cellChars) throw new WorkbookReadError(T.cellTooLong(state.sheet, state.row + 1, s.length));
  return s;
}

