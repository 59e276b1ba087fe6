// A minimal zip writer for the bad-input corpus: it can store entries already deflated (a bomb made of one
// compressed segment repeated), lie about sizes, and write two entries with one name, which zip libraries refuse.
import * as zlib from 'zlib';

export interface RawEntry {
  name: string;
  /** Deflated bytes (method 8) or stored bytes (method 0). */
  data: Buffer;
  method: 0 | 8;
  /** Declared inflated size and CRC; for a bomb, whatever the generator wants the directory to say. */
  size: number;
  crc: number;
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

export function crc32(buf: Buffer): number {
  let c = -1;
  for (let i = 0; i < buf.length; i++) c = CRC_TABLE[(c ^ buf[i]) & 0xff] ^ (c >>> 8);
  return (c ^ -1) >>> 0;
}

/** An entry deflated from its content. */
export function deflated(name: string, content: string | Buffer): RawEntry {
  const buf = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  return { name, data: zlib.deflateRawSync(buf, { level: 6 }), method: 8, size: buf.length, crc: crc32(buf) };
}

/**
 * A deflate stream that inflates to `segment` repeated `times` times, built in time proportional to its
 * compressed size: the segment is compressed once, ending in a sync flush (byte-aligned, not final), and the
 * copies are followed by one empty final block. The directory declares `declaredSize` (a bomb may lie).
 */
export function repeated(name: string, head: string, segment: string, times: number, tail: string, declaredSize?: number): RawEntry {
  const flush = { finishFlush: zlib.constants.Z_SYNC_FLUSH, level: 9 };
  const seg = zlib.deflateRawSync(Buffer.from(segment, 'utf8'), flush);
  const parts = [zlib.deflateRawSync(Buffer.from(head, 'utf8'), flush)];
  for (let i = 0; i < times; i++) parts.push(seg);
  parts.push(zlib.deflateRawSync(Buffer.from(tail, 'utf8')));
  const size = Buffer.byteLength(head) + Buffer.byteLength(segment) * times + Buffer.byteLength(tail);
  return { name, data: Buffer.concat(parts), method: 8, size: declaredSize ?? Math.min(size, 0xfffffffe), crc: 0 };
}

export function writeZip(entries: RawEntry[]): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const lh = Buffer.alloc(30);
    lh.writeUInt32LE(0x04034b50, 0);
    lh.writeUInt16LE(20, 4);
    lh.writeUInt16LE(0x800, 6);
    lh.writeUInt16LE(e.method, 8);
    lh.writeUInt32LE(e.crc, 14);
    lh.writeUInt32LE(e.data.length, 18);
    lh.writeUInt32LE(e.size, 22);
    lh.writeUInt16LE(name.length, 26);
    locals.push(lh, name, e.data);
    const ch = Buffer.alloc(46);
    ch.writeUInt32LE(0x02014b50, 0);
    ch.writeUInt16LE(20, 4);
    ch.writeUInt16LE(20, 6);
    ch.writeUInt16LE(0x800, 8);
    ch.writeUInt16LE(e.method, 10);
    ch.writeUInt32LE(e.crc, 16);
    ch.writeUInt32LE(e.data.length, 20);
    ch.writeUInt32LE(e.size, 24);
    ch.writeUInt16LE(name.length, 28);
    ch.writeUInt32LE(offset, 42);
    central.push(ch, name);
    offset += 30 + name.length + e.data.length;
  }
  const cd = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}
