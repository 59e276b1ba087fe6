// Reads .xlsx files into Grids for the command-line host.
//
// Why not ExcelJS here: its full reader registers merges quadratically (tens of seconds on a sheet with ~20,000
// merges), and its streaming reader drops <mergeCell>, decodes each zip chunk on its own (a Chinese character
// split across two chunks turns into U+FFFD: 23 corrupted cells in scripts/gen-large.js's 1000-table sheet),
// keeps only the last run of inline rich text, reads phonetic guides in place of the text, and turns cached
// formula errors into NaN. We only need values, display text and merges, so this file reads the zip's central
// directory itself, inflates one part at a time with node's zlib (streaming: memory stays bounded by the Grid),
// and scans the SpreadsheetML with a few regular expressions. It is faster than ExcelJS's streaming reader.
//
// The file may be hostile (a reviewer's batch takes workbooks from outside): every part is inflated under a size
// and ratio limit, rows are cut at each new <row> so buffers stay small and time linear, nothing past Excel's
// sheet size reaches the Grid, and no DTD is read (limits.ts, docs/security.md). This file is the Node side (the
// file, the zip directory, zlib); scan.ts reads the SpreadsheetML, and the browser playground feeds it too.
import * as fs from 'fs';
import * as zlib from 'zlib';
import { Readable } from 'stream';
import { StringDecoder } from 'string_decoder';
import { Grid } from '../../core/grid';
import { readErrorText as T } from '../../core/i18n/host';
import { inflateOverLimit, READ_LIMITS as L } from './limits';
import { PartRef, PartSource, readAllSheets, readWorkbookParts, reservedName, Tally, WorkbookReadError } from './scan';

export { WorkbookReadError };

export async function readGrids(filePath: string): Promise<Grid[]> {
  const src = await openFile(filePath);
  try {
    return await readFromSource(src);
  } finally {
    await src.close();
  }
}

export async function readGridsFromBuffer(buf: Buffer | Uint8Array): Promise<Grid[]> {
  const b = Buffer.isBuffer(buf) ? buf : Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength);
  return readFromSource(bufferSource(b));
}

/**
 * Throws the same WorkbookReadError as readGrids when the file is not a readable .xlsx, reading only its
 * structure (zip directory, workbook, shared strings, styles): for hosts that hand the file to another library.
 */
export async function checkWorkbookFile(filePath: string): Promise<void> {
  const src = await openFile(filePath);
  try {
    await guarded(async () => {
      await sniff(src);
      const book = await readWorkbookParts(zipParts(src, await readCentralDirectory(src)));
      // ExcelJS keys plain objects by sheet name: a sheet named __proto__ writes into Object.prototype and breaks
      // every later file of the run. Such names are read by our reader, never handed to ExcelJS.
      const bad = reservedName(book);
      if (bad !== undefined) throw new WorkbookReadError(T.reservedName(bad));
    });
  } finally {
    await src.close();
  }
}

/** A package opened for patching (patch.ts): its entries in directory order, each part's text and raw bytes. */
export interface OpenPackage {
  entries: readonly ZipEntry[];
  find(name: string): ZipEntry | undefined;
  /** The part's text, under the reader's limits (a worksheet's, or the limit of other parts). */
  text(entry: ZipEntry, worksheet: boolean): Promise<string>;
  /** The part's bytes as stored (compressed), to copy it unchanged. */
  raw(entry: ZipEntry): Promise<Buffer>;
  close(): Promise<void>;
}

export type { ZipEntry };

export async function openPackage(filePath: string): Promise<OpenPackage> {
  const src = await openFile(filePath);
  try {
    const zip = await guarded(async () => {
      await sniff(src);
      return readCentralDirectory(src);
    });
    return {
      entries: [...zip.values()],
      find: (name) => zip.get(name.replace(/^\/+/, '').toLowerCase()),
      text: (entry, worksheet) =>
        guarded(async () => {
          const out: string[] = [];
          for await (const s of partText(src, entry, worksheet ? L.sheetPart : L.otherPart)) out.push(s);
          return out.join('');
        }),
      raw: (entry) =>
        guarded(async () => {
          const data = await src.read(await dataStart(src, entry), entry.compressedSize);
          if (data.length !== entry.compressedSize) throw new WorkbookReadError(T.truncated);
          return data;
        }),
      close: () => src.close(),
    };
  } catch (e) {
    await src.close();
    throw e;
  }
}

async function readFromSource(src: Source): Promise<Grid[]> {
  return guarded(async () => {
    await sniff(src);
    return (await readAllSheets(zipParts(src, await readCentralDirectory(src)))).grids;
  });
}

async function guarded<R>(work: () => Promise<R>): Promise<R> {
  try {
    return await work();
  } catch (e) {
    if (e instanceof WorkbookReadError) throw e;
    // zlib and I/O failures inside the archive mean a damaged file; never show the user a stack trace, nor
    // zlib's English ("invalid bit length repeat").
    throw new WorkbookReadError(T.corrupt(failureReason(e)));
  }
}

/** A Chinese reason for an error thrown by zlib, the file system or the JavaScript engine while reading. */
function failureReason(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  const code = typeof err?.code === 'string' ? err.code : '';
  if (code.startsWith('Z_') || /^ERR_ZLIB/.test(code)) return T.reason.inflate;
  if (code.startsWith('E')) return T.reason.io(code);
  if (e instanceof RangeError) return T.reason.tooLarge;
  return T.reason.unreadable;
}

// ---------------------------------------------------------------------------------------------------------
// Byte sources: a file read by offset (so only the parts we use are read) or a buffer already in memory.

interface Source {
  size: number;
  read(offset: number, length: number): Promise<Buffer>;
  stream(offset: number, length: number): Readable;
  close(): Promise<void>;
}

async function openFile(filePath: string): Promise<Source> {
  let handle: fs.promises.FileHandle;
  let size: number;
  try {
    const st = await fs.promises.stat(filePath);
    if (st.isDirectory()) throw new WorkbookReadError(T.isDirectory(filePath));
    handle = await fs.promises.open(filePath, 'r');
    size = st.size;
  } catch (e) {
    if (e instanceof WorkbookReadError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') throw new WorkbookReadError(T.notFound(filePath));
    if (code === 'EACCES' || code === 'EPERM') throw new WorkbookReadError(T.noAccess(filePath));
    if (code === 'EISDIR') throw new WorkbookReadError(T.isDirectory(filePath));
    throw new WorkbookReadError(T.ioError(filePath, code || String(e)));
  }
  return {
    size,
    async read(offset, length) {
      const len = Math.max(0, Math.min(length, size - offset));
      const buf = Buffer.alloc(len);
      let done = 0;
      while (done < len) {
        const { bytesRead } = await handle.read(buf, done, len - done, offset + done);
        if (bytesRead === 0) break;
        done += bytesRead;
      }
      return done === len ? buf : buf.subarray(0, done);
    },
    stream(offset, length) {
      if (length <= 0) return Readable.from([]);
      return fs.createReadStream(filePath, { start: offset, end: offset + length - 1, highWaterMark: 256 * 1024 });
    },
    close: () => handle.close(),
  };
}

function bufferSource(buf: Buffer): Source {
  return {
    size: buf.length,
    read: async (offset, length) => buf.subarray(offset, Math.min(buf.length, offset + length)),
    stream(offset, length) {
      const part = buf.subarray(offset, Math.min(buf.length, offset + length));
      // Feed zlib in slices so inflating a large part does not produce one huge chunk.
      return Readable.from(
        (function* () {
          for (let i = 0; i < part.length; i += 256 * 1024) yield part.subarray(i, i + 256 * 1024);
        })(),
      );
    },
    close: async () => undefined,
  };
}

// ---------------------------------------------------------------------------------------------------------
// Sniffing: say what the file is when it is not an .xlsx, before any parser sees it.

const CFB_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

async function sniff(src: Source): Promise<void> {
  if (src.size === 0) throw new WorkbookReadError(T.empty);
  const head = await src.read(0, 4096);
  if (head.length >= 4 && head[0] === 0x50 && head[1] === 0x4b) {
    const sig = head.readUInt32LE(0);
    if (sig === 0x04034b50 || sig === 0x06054b50 || sig === 0x08074b50) return;
  }
  if (head.length >= 8 && head.subarray(0, 8).equals(CFB_MAGIC)) throw new WorkbookReadError(await describeCfb(src));
  if (head[0] === 0x50 && head[1] === 0x4b) throw new WorkbookReadError(T.truncated);
  throw new WorkbookReadError(describeNonZip(head));
}

/** An OLE compound file: an encrypted OOXML package, a legacy .xls, or some other old Office file. */
async function describeCfb(src: Source): Promise<string> {
  // Stream names sit in directory sectors anywhere in the file, as null-terminated UTF-16LE.
  const names = {
    encrypted: Buffer.from('EncryptedPackage', 'utf16le'),
    workbook: Buffer.from('Workbook\0', 'utf16le'),
    book: Buffer.from('Book\0', 'utf16le'),
  };
  let found: 'encrypted' | 'xls' | null = null;
  const step = 1 << 20;
  const overlap = 64;
  for (let off = 0; off < src.size && found !== 'encrypted'; off += step) {
    const chunk = await src.read(off, step + overlap);
    if (chunk.includes(names.encrypted)) found = 'encrypted';
    else if (!found && (chunk.includes(names.workbook) || chunk.includes(names.book))) found = 'xls';
  }
  return found === 'encrypted' ? T.encrypted : found === 'xls' ? T.legacyXls : T.otherCfb;
}

function describeNonZip(head: Buffer): string {
  let text = head.toString('latin1');
  if (text.charCodeAt(0) === 0xef && text.charCodeAt(1) === 0xbb && text.charCodeAt(2) === 0xbf) text = text.slice(3);
  const start = text.trimStart().slice(0, 512).toLowerCase();
  if (start.startsWith('<')) {
    if (/<(html|table|!doctype|\?xml|workbook|\?mso)/.test(start)) return T.htmlOrXml;
  }
  // UTF-16 text starts with a byte-order mark; otherwise text has no NULs and almost no control bytes.
  if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)) return T.text;
  let control = 0;
  for (const b of head) {
    if (b === 0) return T.unknown;
    if (b < 0x09 || (b > 0x0d && b < 0x20) || b === 0x7f) control++;
  }
  return control <= head.length / 100 ? T.text : T.unknown;
}

// ---------------------------------------------------------------------------------------------------------
// Zip: the central directory, then one part at a time as a stream of text.

interface ZipEntry extends PartRef {
  method: number;
  flags: number;
  compressedSize: number;
  /** As the central directory declares it: checked up front, then the inflated bytes are counted anyway. */
  uncompressedSize: number;
  localOffset: number;
  crc: number;
}

/** Entries keyed by lower-cased part name (OPC part names are case-insensitive). */
type Zip = Map<string, ZipEntry>;

async function readCentralDirectory(src: Source): Promise<Zip> {
  const tailLen = Math.min(src.size, 22 + 0xffff + 20);
  const tailStart = src.size - tailLen;
  const tail = await src.read(tailStart, tailLen);
  let eocd = -1;
  for (let i = tail.length - 22; i >= 0; i--) {
    if (tail[i] === 0x50 && tail.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new WorkbookReadError(T.truncated);
  let count = tail.readUInt16LE(eocd + 10);
  let cdSize = tail.readUInt32LE(eocd + 12);
  let cdOffset = tail.readUInt32LE(eocd + 16);
  if ((cdOffset === 0xffffffff || count === 0xffff) && eocd >= 20 && tail.readUInt32LE(eocd - 20) === 0x07064b50) {
    // Zip64: the real figures are in the zip64 end record the locator points to.
    const z64 = await src.read(Number(tail.readBigUInt64LE(eocd - 20 + 8)), 56);
    if (z64.length < 56 || z64.readUInt32LE(0) !== 0x06064b50) throw new WorkbookReadError(T.truncated);
    count = Number(z64.readBigUInt64LE(32));
    cdSize = Number(z64.readBigUInt64LE(40));
    cdOffset = Number(z64.readBigUInt64LE(48));
  }
  if (cdOffset + cdSize > src.size) throw new WorkbookReadError(T.truncated);
  const cd = await src.read(cdOffset, cdSize);
  const zip: Zip = new Map();
  let p = 0;
  for (let i = 0; i < count; i++) {
    if (p + 46 > cd.length || cd.readUInt32LE(p) !== 0x02014b50) throw new WorkbookReadError(T.truncated);
    const flags = cd.readUInt16LE(p + 8);
    const method = cd.readUInt16LE(p + 10);
    const crc = cd.readUInt32LE(p + 16);
    let compressedSize = cd.readUInt32LE(p + 20);
    let uncompressedSize = cd.readUInt32LE(p + 24);
    const nameLen = cd.readUInt16LE(p + 28);
    const extraLen = cd.readUInt16LE(p + 30);
    const commentLen = cd.readUInt16LE(p + 32);
    let localOffset = cd.readUInt32LE(p + 42);
    const name = cd.toString(flags & 0x800 ? 'utf8' : 'latin1', p + 46, p + 46 + nameLen);
    // Zip64 extra field: 64-bit values for whichever 32-bit fields are saturated, in this order.
    let x = p + 46 + nameLen;
    const xEnd = x + extraLen;
    while (x + 4 <= xEnd) {
      const id = cd.readUInt16LE(x);
      const len = cd.readUInt16LE(x + 2);
      if (id === 0x0001) {
        let q = x + 4;
        if (uncompressedSize === 0xffffffff) {
          uncompressedSize = Number(cd.readBigUInt64LE(q));
          q += 8;
        }
        if (compressedSize === 0xffffffff) {
          compressedSize = Number(cd.readBigUInt64LE(q));
          q += 8;
        }
        if (localOffset === 0xffffffff) localOffset = Number(cd.readBigUInt64LE(q));
      }
      x += 4 + len;
    }
    const key = name.replace(/^\/+/, '').toLowerCase();
    if (!zip.has(key)) zip.set(key, { name, method, flags, compressedSize, uncompressedSize, localOffset, crc });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return zip;
}

/** Where an entry's stored bytes begin (after its local header), checked to lie within the file. */
async function dataStart(src: Source, entry: ZipEntry): Promise<number> {
  const header = await src.read(entry.localOffset, 30);
  if (header.length < 30 || header.readUInt32LE(0) !== 0x04034b50) throw new WorkbookReadError(T.truncated);
  const start = entry.localOffset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
  if (start + entry.compressedSize > src.size) throw new WorkbookReadError(T.truncated);
  return start;
}

/**
 * The text of one part, decoded as UTF-8 across chunk boundaries, chunk by chunk. Refuses the part once its
 * inflated bytes pass `limit` or the ratio limit (a zip bomb stops after a few MB of work).
 */
async function* partText(src: Source, entry: ZipEntry, limit: number, tally?: Tally): AsyncGenerator<string> {
  if (entry.flags & 0x1) throw new WorkbookReadError(T.zipEncrypted);
  const declared = inflateOverLimit(entry.uncompressedSize, entry.compressedSize, limit, L);
  if (declared) throw new WorkbookReadError(T.partTooLarge(entry.name, declared, limit));
  const start = await dataStart(src, entry);
  const whole = await wholePart(src, entry, start, limit);
  if (whole !== null) {
    // All worksheets together: what the Grids keep is bounded by what was inflated.
    if (tally && (tally.inflated += whole.length) > L.sheetsTotal) throw new WorkbookReadError(T.sheetsTooLarge(L.sheetsTotal));
    const text = whole.toString('utf8');
    // Handed on in slices, as the stream would: the scanner cuts rows per slice, never at a split surrogate pair.
    for (let i = 0; i < text.length; ) {
      let end = Math.min(text.length, i + WHOLE_SLICE);
      const last = text.charCodeAt(end - 1);
      if (end < text.length && last >= 0xd800 && last <= 0xdbff) end--;
      yield text.slice(i, end);
      i = end;
    }
    return;
  }
  const raw = src.stream(start, entry.compressedSize);
  let data: Readable;
  // Compressed bytes consumed so far: the ratio is judged as the part inflates, not from the directory's word.
  let consumed = () => entry.compressedSize;
  if (entry.method === 0) data = raw;
  else if (entry.method === 8) {
    const inflate = zlib.createInflateRaw();
    consumed = () => inflate.bytesWritten;
    raw.on('error', (e) => inflate.destroy(e));
    data = raw.pipe(inflate);
  } else throw new WorkbookReadError(T.corrupt(`不支持的压缩方式 ${entry.method}`));
  const decoder = new StringDecoder('utf8');
  let inflated = 0;
  try {
    for await (const chunk of data) {
      inflated += (chunk as Buffer).length;
      const over = inflateOverLimit(inflated, consumed(), limit, L);
      if (over) throw new WorkbookReadError(T.partTooLarge(entry.name, over, limit));
      // All worksheets together: what the Grids keep is bounded by what was inflated.
      if (tally && (tally.inflated += (chunk as Buffer).length) > L.sheetsTotal) throw new WorkbookReadError(T.sheetsTooLarge(L.sheetsTotal));
      const s = decoder.write(chunk as Buffer);
      if (s) yield s;
    }
    const rest = decoder.end();
    if (rest) yield rest;
  } finally {
    // Stop reading the file when the caller stops early (the tail of a sheet after its merges).
    raw.destroy();
    data.destroy();
  }
}

/**
 * Parts up to this size inflate in one synchronous call instead of a stream: a stream takes a trip through the
 * thread pool for every 16 KB (a third of reading the 1,000-table sheet was spent waiting or in stream plumbing).
 * The output is capped (maxOutputLength), so a bomb costs at most this much before the stream takes over.
 */
const WHOLE_COMPRESSED = 8 * 1024 * 1024;
const WHOLE_OUTPUT = 48 * 1024 * 1024;
const WHOLE_SLICE = 1024 * 1024;

/**
 * The part's bytes in one piece when small enough and within every limit; null: read it as a stream (which also
 * gives the precise refusal for a part over a limit).
 */
async function wholePart(src: Source, entry: ZipEntry, start: number, limit: number): Promise<Buffer | null> {
  if (entry.compressedSize > WHOLE_COMPRESSED || (entry.method !== 0 && entry.method !== 8)) return null;
  // The most a part may inflate to: its own limit and the ratio limit (judged once past the floor).
  const allowed = Math.min(limit, WHOLE_OUTPUT, Math.max(L.ratioFloor, L.ratio * Math.max(entry.compressedSize, 1)));
  if (entry.uncompressedSize > allowed) return null;
  const data = await src.read(start, entry.compressedSize);
  if (data.length !== entry.compressedSize) throw new WorkbookReadError(T.truncated);
  if (entry.method === 0) return data.length > allowed ? null : data;
  try {
    return zlib.inflateRawSync(data, { maxOutputLength: allowed });
  } catch (e) {
    // Over the cap: the stream measures it and refuses the part with the reason.
    if ((e as NodeJS.ErrnoException)?.code === 'ERR_BUFFER_TOO_LARGE') return null;
    throw e;
  }
}

/** The zip's entries as the scanner's part source. */
function zipParts(src: Source, zip: Zip): PartSource {
  return {
    find: (name) => zip.get(name.replace(/^\/+/, '').toLowerCase()),
    inflate: (part, limit, tally) => partText(src, part as ZipEntry, limit, tally),
  };
}
