// The reading guard for hosts that hand a workbook to ExcelJS in the browser (the playground): the package's
// parts inflated by JSZip, chunk by chunk, and scanned by scan.ts under the same limits as the command line, so
// a zip bomb, a DTD, a sheet past Excel's size or a __proto__ sheet name is refused before ExcelJS sees it.
// No Node APIs.
import JSZip from 'jszip';
import { inflateOverLimit, READ_LIMITS as L } from './limits';
import { readErrorText as T } from '../../core/i18n/host';
import { PartRef, PartSource, readAllSheets, reservedName, Tally, WorkbookReadError } from './scan';

interface JsZipPart extends PartRef {
  file: JSZip.JSZipObject;
}

/** What JSZip keeps about a stored entry (not in its typings). */
interface StoredSizes {
  _data?: { compressedSize?: number; uncompressedSize?: number };
}

/** JSZip's chunked inflater (lib/stream/StreamHelper.js; not in its typings). */
interface StreamHelper {
  /** `meta.percent`: how much of the compressed entry has been consumed. */
  on(event: 'data', cb: (chunk: Uint8Array, meta: { percent: number }) => void): StreamHelper;
  on(event: 'error', cb: (e: unknown) => void): StreamHelper;
  on(event: 'end', cb: () => void): StreamHelper;
  pause(): StreamHelper;
  resume(): StreamHelper;
}

async function* inflate(part: JsZipPart, limit: number, tally?: Tally): AsyncGenerator<string> {
  const sizes = (part.file as unknown as StoredSizes)._data || {};
  const compressed = sizes.compressedSize || 0;
  const declared = inflateOverLimit(sizes.uncompressedSize || 0, compressed, limit, L);
  if (declared) throw new WorkbookReadError(T.partTooLarge(part.name, declared, limit));
  const helper = (part.file as unknown as { internalStream(type: 'uint8array'): StreamHelper }).internalStream('uint8array');
  const queue: Uint8Array[] = [];
  let consumed = 0;
  let done = false;
  let failed: unknown = null;
  let wake: (() => void) | null = null;
  const poke = () => {
    const w = wake;
    wake = null;
    if (w) w();
  };
  helper
    .on('data', (chunk, meta) => {
      queue.push(chunk);
      consumed = Math.max(consumed, (compressed * (meta && meta.percent ? meta.percent : 0)) / 100);
      helper.pause(); // one chunk at a time: the limits are checked before more is inflated
      poke();
    })
    .on('error', (e) => {
      failed = e || new Error('inflate');
      poke();
    })
    .on('end', () => {
      done = true;
      poke();
    });
  helper.resume();
  const decoder = new TextDecoder('utf-8');
  let inflated = 0;
  try {
    for (;;) {
      const chunk = queue.shift();
      if (chunk) {
        inflated += chunk.length;
        // The ratio is judged on the compressed bytes consumed so far, as the part inflates.
        const over = inflateOverLimit(inflated, consumed, limit, L);
        if (over) throw new WorkbookReadError(T.partTooLarge(part.name, over, limit));
        if (tally && (tally.inflated += chunk.length) > L.sheetsTotal) throw new WorkbookReadError(T.sheetsTooLarge(L.sheetsTotal));
        const s = decoder.decode(chunk, { stream: true });
        if (s) yield s;
        if (!queue.length) helper.resume();
        continue;
      }
      if (failed) throw new WorkbookReadError(T.corrupt(T.reason.inflate));
      if (done) break;
      await new Promise<void>((resolve) => (wake = resolve));
    }
    const rest = decoder.decode();
    if (rest) yield rest;
  } finally {
    helper.pause();
  }
}

/**
 * Throws WorkbookReadError (a Chinese reason) when the .xlsx bytes are not safe to hand to ExcelJS: the whole
 * package is read by the project's own reader under its limits first.
 */
export async function guardWorkbookBytes(data: ArrayBuffer | Uint8Array): Promise<void> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(data);
  } catch {
    throw new WorkbookReadError(T.truncated);
  }
  const byName = new Map<string, JsZipPart>();
  zip.forEach((name, file) => {
    const key = name.replace(/^\/+/, '').toLowerCase();
    if (!file.dir && !byName.has(key)) byName.set(key, { name, file });
  });
  const parts: PartSource = {
    find: (name) => byName.get(name.replace(/^\/+/, '').toLowerCase()),
    inflate: (part, limit, tally) => inflate(part as JsZipPart, limit, tally),
  };
  try {
    const { book } = await readAllSheets(parts);
    const bad = reservedName(book);
    if (bad !== undefined) throw new WorkbookReadError(T.reservedName(bad));
  } catch (e) {
    if (e instanceof WorkbookReadError) throw e;
    throw new WorkbookReadError(T.corrupt(e instanceof RangeError ? T.reason.tooLarge : T.reason.unreadable));
  }
}
