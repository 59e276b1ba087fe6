// Writing an ExcelJS workbook's parts into a .xlsx with Node's zlib instead of JSZip (pako, in JavaScript): JSZip's
// deflate, CRC and chunked pipeline were a quarter of the time of each annotated copy (npm run bench). The parts are
// ExcelJS's own (its prepare and add* steps, in the order of its XLSX.write), so the workbook's content is the same;
// only the zip container is written here: the same entries in the same order, folder entries included, as JSZip.
import * as zlib from 'zlib';
import type ExcelJS from 'exceljs';

interface Entry {
  name: Buffer;
  data: Buffer;
  crc: number;
  size: number;
  method: number;
  dir: boolean;
}

const CRC_TABLE = (() => {
  const t = new Int32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c;
  }
  return t;
})();

/** zlib.crc32 where Node has it (20.15+, 22.2+), else (or with `table`) a table CRC-32. */
export function crc32(buf: Buffer, table = false): number {
  const native = (zlib as unknown as { crc32?: (b: Buffer) => number }).crc32;
  if (!table && typeof native === 'function') return native(buf) >>> 0;
  let c = -1;
  for (let i = 0; i < buf.length; i++) c = CRC_TABLE[(c ^ buf[i]) & 0xff] ^ (c >>> 8);
  return (c ^ -1) >>> 0;
}

function dosTime(d: Date): { time: number; date: number } {
  return {
    time: (d.getHours() << 11) | (d.getMinutes() << 5) | (d.getSeconds() >> 1),
    date: (((d.getFullYear() - 1980) & 0x7f) << 9) | ((d.getMonth() + 1) << 5) | d.getDate(),
  };
}

/** The zip writer ExcelJS's add* steps append to (their `zip` argument): entries kept in memory, then one buffer. */
export class NativeZip {
  private entries: Entry[] = [];
  private seen = new Set<string>();

  constructor(private level = 1) {}

  append(data: string | Buffer | Uint8Array | ArrayBuffer, options: { name: string; base64?: boolean }): void {
    const raw =
      typeof data === 'string' ? Buffer.from(data, options.base64 ? 'base64' : 'utf8') : data instanceof ArrayBuffer ? Buffer.from(data) : Buffer.from(data.buffer, data.byteOffset, data.byteLength);
    this.folders(options.name);
    this.add(options.name, raw, false);
  }

  /** A part as another zip stored it (compressed bytes, CRC and size from its directory): copied, not re-deflated. */
  appendStored(name: string, data: Buffer, crc: number, size: number, method: number): void {
    this.put({ name: Buffer.from(name, 'utf8'), data, crc: crc >>> 0, size, method, dir: name.endsWith('/') }, name);
  }

  /** A part, deflated, without the folder entries JSZip adds (a patched package keeps its own entries). */
  appendPart(name: string, raw: Buffer): void {
    this.add(name, raw, false);
  }

  /** JSZip's createFolders: each parent folder gets an entry of its own, before the first file in it. */
  private folders(name: string): void {
    const parts = name.split('/');
    let prefix = '';
    for (let i = 0; i < parts.length - 1; i++) {
      prefix += parts[i] + '/';
      if (!this.seen.has(prefix)) this.add(prefix, Buffer.alloc(0), true);
    }
  }

  private add(name: string, raw: Buffer, dir: boolean): void {
    const data = dir ? raw : zlib.deflateRawSync(raw, { level: this.level });
    this.put({ name: Buffer.from(name, 'utf8'), data, crc: dir ? 0 : crc32(raw), size: raw.length, method: dir ? 0 : 8, dir }, name);
  }

  private put(entry: Entry, name: string): void {
    // A part written twice: the last one wins, where the first stood (JSZip's files object).
    const at = this.seen.has(name) ? this.entries.findIndex((e) => e.name.equals(entry.name)) : -1;
    if (at >= 0) this.entries[at] = entry;
    else this.entries.push(entry);
    this.seen.add(name);
  }

  /** The whole .xlsx. */
  toBuffer(now = new Date()): Buffer {
    const { time, date } = dosTime(now);
    const chunks: Buffer[] = [];
    const central: Buffer[] = [];
    let offset = 0;
    for (const e of this.entries) {
      if (e.size > 0xfffffffe || offset > 0xfffffffe) throw new RangeError('workbook too large for a zip without ZIP64');
      const utf8 = /[^\x20-\x7e]/.test(e.name.toString('latin1')) ? 0x0800 : 0;
      const local = Buffer.alloc(30);
      local.writeUInt32LE(0x04034b50, 0);
      local.writeUInt16LE(20, 4);
      local.writeUInt16LE(utf8, 6);
      local.writeUInt16LE(e.method, 8);
      local.writeUInt16LE(time, 10);
      local.writeUInt16LE(date, 12);
      local.writeUInt32LE(e.crc, 14);
      local.writeUInt32LE(e.data.length, 18);
      local.writeUInt32LE(e.size, 22);
      local.writeUInt16LE(e.name.length, 26);
      local.writeUInt16LE(0, 28);
      chunks.push(local, e.name, e.data);
      const cd = Buffer.alloc(46);
      cd.writeUInt32LE(0x02014b50, 0);
      cd.writeUInt16LE(20, 4);
      cd.writeUInt16LE(20, 6);
      cd.writeUInt16LE(utf8, 8);
      cd.writeUInt16LE(e.method, 10);
      cd.writeUInt16LE(time, 12);
      cd.writeUInt16LE(date, 14);
      cd.writeUInt32LE(e.crc, 16);
      cd.writeUInt32LE(e.data.length, 20);
      cd.writeUInt32LE(e.size, 24);
      cd.writeUInt16LE(e.name.length, 28);
      cd.writeUInt32LE(e.dir ? 0x10 : 0, 38);
      cd.writeUInt32LE(offset, 42);
      central.push(cd, e.name);
      offset += 30 + e.name.length + e.data.length;
    }
    const cdSize = central.reduce((n, b) => n + b.length, 0);
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(this.entries.length, 8);
    end.writeUInt16LE(this.entries.length, 10);
    end.writeUInt32LE(cdSize, 12);
    end.writeUInt32LE(offset, 16);
    return Buffer.concat([...chunks, ...central, end]);
  }
}

/** ExcelJS 4's XLSX steps used here (not in its typings). */
interface XlsxSteps {
  prepareModel(model: unknown, options: unknown): void;
  addContentTypes(zip: NativeZip, model: unknown): Promise<void>;
  addOfficeRels(zip: NativeZip, model: unknown): Promise<void>;
  addWorkbookRels(zip: NativeZip, model: unknown): Promise<void>;
  addWorksheets(zip: NativeZip, model: unknown): Promise<void>;
  addSharedStrings(zip: NativeZip, model: unknown): Promise<void>;
  addDrawings(zip: NativeZip, model: unknown): Promise<void>;
  addTables(zip: NativeZip, model: unknown): Promise<void>;
  addThemes(zip: NativeZip, model: unknown): Promise<void>;
  addStyles(zip: NativeZip, model: unknown): Promise<void>;
  addMedia(zip: NativeZip, model: unknown): Promise<void>;
  addApp(zip: NativeZip, model: unknown): Promise<void>;
  addCore(zip: NativeZip, model: unknown): Promise<void>;
  addWorkbook(zip: NativeZip, model: unknown): Promise<void>;
}

const STEPS: (keyof XlsxSteps)[] = [
  'prepareModel',
  'addContentTypes',
  'addOfficeRels',
  'addWorkbookRels',
  'addWorksheets',
  'addSharedStrings',
  'addDrawings',
  'addTables',
  'addThemes',
  'addStyles',
  'addMedia',
  'addApp',
  'addCore',
  'addWorkbook',
];

type AddStyleModel = (this: StylesXform, style: Record<string, unknown> | undefined, cellType?: number) => number;
interface StylesXform {
  weakMap?: WeakMap<object, number>;
  addStyleModel: AddStyleModel;
}

/** ExcelJS's style registry class, or null when this ExcelJS has it elsewhere. */
function stylesXformClass(): { prototype: StylesXform } | null {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const c = require('exceljs/lib/xlsx/xform/style/styles-xform') as { prototype?: StylesXform };
    return c && c.prototype && typeof c.prototype.addStyleModel === 'function' ? (c as { prototype: StylesXform }) : null;
  } catch {
    return null;
  }
}

// ExcelJS ValueType numbers (lib/doc/enums.js).
const NUMBER = 2;
const DATE = 4;

/**
 * ExcelJS registers a cell's style by rendering it (and its font, border, fill) to XML, unless it has seen that very
 * style object before. The marks and the findings sheet give many cells style objects of their own that are equal
 * in content, so a copy rendered thousands of identical styles. Equal content registered the first time with the
 * same kind of cell (what decides the number format when there is none) gets the same id without rendering it again:
 * the styles, their order and every id stay what ExcelJS gives.
 */
function memoStyles(original: AddStyleModel): AddStyleModel {
  const ids = new WeakMap<StylesXform, Map<string, number>>();
  return function (this: StylesXform, style, cellType) {
    if (!style || !this.weakMap || this.weakMap.has(style)) return original.call(this, style, cellType);
    const kind = style.numFmt ? 'f' : !cellType || cellType === NUMBER ? 'n' : cellType === DATE ? 'd' : 'o';
    const key = kind + JSON.stringify(style);
    let byKey = ids.get(this);
    if (!byKey) ids.set(this, (byKey = new Map()));
    const known = byKey.get(key);
    if (known !== undefined) {
      this.weakMap.set(style, known);
      return known;
    }
    const id = original.call(this, style, cellType);
    byKey.set(key, id);
    return id;
  };
}

/** ExcelJS's prepare step (synchronous) with the style memo in place, and only for its duration. */
function prepareWithStyleMemo(xlsx: XlsxSteps, model: unknown): void {
  const cls = stylesXformClass();
  if (!cls) return xlsx.prepareModel(model, {});
  const original = cls.prototype.addStyleModel;
  cls.prototype.addStyleModel = memoStyles(original);
  try {
    xlsx.prepareModel(model, {});
  } finally {
    cls.prototype.addStyleModel = original;
  }
}

/**
 * The workbook as .xlsx bytes, or null when this ExcelJS has not the steps of 4.x's XLSX.write (the caller then uses
 * ExcelJS's own writer).
 */
export async function xlsxBuffer(wb: ExcelJS.Workbook, level = 1): Promise<Buffer | null> {
  const xlsx = wb.xlsx as unknown as XlsxSteps;
  if (!STEPS.every((s) => typeof xlsx[s] === 'function')) return null;
  const model = (wb as unknown as { model: unknown }).model;
  const zip = new NativeZip(level);
  // XLSX.write, step for step (exceljs 4.4 lib/xlsx/xlsx.js), with this zip in place of its JSZip writer.
  prepareWithStyleMemo(xlsx, model);
  await xlsx.addContentTypes(zip, model);
  await xlsx.addOfficeRels(zip, model);
  await xlsx.addWorkbookRels(zip, model);
  await xlsx.addWorksheets(zip, model);
  await xlsx.addSharedStrings(zip, model);
  await xlsx.addDrawings(zip, model);
  await xlsx.addTables(zip, model);
  await Promise.all([xlsx.addThemes(zip, model), xlsx.addStyles(zip, model)]);
  await xlsx.addMedia(zip, model);
  await Promise.all([xlsx.addApp(zip, model), xlsx.addCore(zip, model)]);
  await xlsx.addWorkbook(zip, model);
  return zip.toBuffer();
}
