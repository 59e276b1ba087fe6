#!/usr/bin/env node
// Draws the add-in icons (assets/icons/icon-{16,32,64,80,128}.png): a green rounded square with a white
// check mark. Node built-ins only: shapes are signed-distance functions, anti-aliased by coverage, and the
// PNG (RGBA, 8 bit) is written chunk by chunk with zlib for the deflate stream, so the icons are reproducible.
//
//   node scripts/make-icons.js           write the icons
//   node scripts/make-icons.js --check   exit 1 if a committed icon's pixels differ from what this draws
'use strict';

const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

const SIZES = [16, 32, 64, 80, 128];
const OUT_DIR = path.join(__dirname, '..', 'assets', 'icons');

// Geometry in unit coordinates (0..1, y down).
const CORNER = 0.19; // corner radius of the square
const TOP = [0x2b, 0x9a, 0x5a]; // green at the top edge
const BOTTOM = [0x1a, 0x6e, 0x3c]; // green at the bottom edge
const CHECK = [
  [0.245, 0.515],
  [0.425, 0.695],
  [0.765, 0.325],
];
const STROKE = 0.14; // check mark stroke width

/** Margin around the square in pixels: none at 16 px (every pixel counts), about 1/32 of the size above. */
function margin(size) {
  return size <= 16 ? 0 : Math.round(size / 32);
}

function clamp01(x) {
  return x < 0 ? 0 : x > 1 ? 1 : x;
}

/** Signed distance from (px, py) to a rounded box centred at (cx, cy) with half extent h and corner radius r. */
function roundedBox(px, py, cx, cy, h, r) {
  const qx = Math.abs(px - cx) - (h - r);
  const qy = Math.abs(py - cy) - (h - r);
  const outside = Math.hypot(Math.max(qx, 0), Math.max(qy, 0));
  const inside = Math.min(Math.max(qx, qy), 0);
  return outside + inside - r;
}

/** Distance from (px, py) to the segment a-b. */
function segment(px, py, a, b) {
  const vx = b[0] - a[0];
  const vy = b[1] - a[1];
  const t = clamp01(((px - a[0]) * vx + (py - a[1]) * vy) / (vx * vx + vy * vy));
  return Math.hypot(px - a[0] - t * vx, py - a[1] - t * vy);
}

/** RGBA pixels (straight alpha) of one icon. */
function draw(size) {
  const m = margin(size) / size;
  const h = 0.5 - m;
  const pixels = Buffer.alloc(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const px = (x + 0.5) / size;
      const py = (y + 0.5) / size;
      // Coverage of a pixel by a shape ~ 0.5 - signed distance in pixels (a box filter, good to 1/255 here).
      const square = clamp01(0.5 - roundedBox(px, py, 0.5, 0.5, h, CORNER * (1 - 2 * m)) * size);
      let d = Infinity;
      for (let i = 0; i + 1 < CHECK.length; i++) {
        d = Math.min(d, segment(px, py, CHECK[i], CHECK[i + 1]));
      }
      const check = clamp01(0.5 - (d - STROKE / 2) * size);
      const g = clamp01((py - m) / (1 - 2 * m));
      const o = (y * size + x) * 4;
      for (let c = 0; c < 3; c++) {
        const green = TOP[c] + (BOTTOM[c] - TOP[c]) * g;
        pixels[o + c] = Math.round(green + (255 - green) * check);
      }
      pixels[o + 3] = Math.round(255 * square);
    }
  }
  return pixels;
}

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(buf) {
  let c = 0xffffffff;
  for (let i = 0; i < buf.length; i++) c = CRC_TABLE[(c ^ buf[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** Scanlines with filter byte 0 (None) in front of each row. */
function scanlines(pixels, size) {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    pixels.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  }
  return raw;
}

function encodePng(pixels, size) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type RGBA
  ihdr[10] = 0; // deflate
  ihdr[11] = 0; // adaptive filtering
  ihdr[12] = 0; // no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(scanlines(pixels, size), { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** The filtered scanlines of a PNG this script wrote (filter 0 only), or null if it is not one. */
function readScanlines(file) {
  const buf = fs.readFileSync(file);
  const idat = [];
  for (let o = 8; o + 8 <= buf.length; ) {
    const len = buf.readUInt32BE(o);
    const type = buf.toString('ascii', o + 4, o + 8);
    if (type === 'IDAT') idat.push(buf.subarray(o + 8, o + 8 + len));
    o += 12 + len;
  }
  return idat.length ? zlib.inflateSync(Buffer.concat(idat)) : null;
}

function main() {
  const check = process.argv.includes('--check');
  let stale = 0;
  fs.mkdirSync(OUT_DIR, { recursive: true });
  for (const size of SIZES) {
    const file = path.join(OUT_DIR, `icon-${size}.png`);
    const pixels = draw(size);
    if (check) {
      const same = fs.existsSync(file) && scanlines(pixels, size).equals(readScanlines(file) || Buffer.alloc(0));
      if (!same) {
        stale++;
        console.error(`${path.relative(process.cwd(), file)}: differs from scripts/make-icons.js`);
      }
    } else {
      fs.writeFileSync(file, encodePng(pixels, size));
      console.log(`wrote ${path.relative(process.cwd(), file)}`);
    }
  }
  if (stale) process.exit(1);
}

if (require.main === module) main();

module.exports = { draw, encodePng, SIZES };
