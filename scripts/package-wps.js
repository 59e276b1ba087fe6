#!/usr/bin/env node
'use strict';
// Packages the WPS add-in (dist/wps, from `npm run build`) for both install modes WPS knows, in the layout and
// file names `wpsjs build` / `wpsjs publish` produce, so administrators who know that tool recognise them:
//
//   npm run package:wps -- --url http://intranet.example/ptcheck/ [--out dist/wps-package]
//
//   <out>/online/ptcheck/          the add-in folder to serve at --url (WPS fetches url + ribbon.xml, index.html …
//                                  at every start: jspluginonline)
//   <out>/online/jsplugins.xml     <jspluginonline name="ptcheck" type="et" url="--url"/> (oem.ini JSPluginsServer)
//   <out>/online/publish.html      a page that registers the online add-in with the local WPS (publish mode)
//   <out>/offline/ptcheck.7z       the add-in folder as ptcheck_<version>/ in a 7z archive (WPS unpacks it into
//                                  jsaddons/ and downloads it again only when the version changes)
//   <out>/offline/jsplugins.xml    <jsplugin name="ptcheck" type="et" url="--url ptcheck.7z" version="…"/>
//   <out>/offline/publish.html     the same page for the offline archive
//
// The archive is 7z because WPS's own publish check reads the first bytes as "7z" (wpsjs publish.html CheckPlugin)
// and unpacks .7z; it is written here without compression (7z's Copy method: a few lines, no 7-Zip binary needed).
// publish.html is our own page (no code from wpsjs): it posts the add-in to WPS's local service on 127.0.0.1:58890
// (`/deployaddons/runParams`, the service the wpsjs page uses), starting WPS first through ksoWPSCloudSvr:// if needed.
const fs = require('fs');
const path = require('path');

const ROOT = path.resolve(__dirname, '..');
const NAME = 'ptcheck';
const TYPE = 'et';

// ------------------------------------------------------------------------------------------------------------------
// 7z, stored (Copy coder). Format: 7-Zip's DOC/7zFormat.txt.

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

function crc32(buf) {
  let c = 0xffffffff;
  for (let i = 0; i < buf.length; i++) c = CRC_TABLE[(c ^ buf[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/**
 * 7z's variable-length NUMBER: the first byte's leading 1 bits count the extra bytes (little-endian, the low part);
 * its remaining bits hold the high part.
 */
function number(v) {
  for (let i = 0; i < 8; i++) {
    if (v < 2 ** (8 * i + 7 - i)) {
      const out = [((0xff << (8 - i)) & 0xff) | Math.floor(v / 2 ** (8 * i))];
      for (let k = 0; k < i; k++) out.push(Math.floor(v / 2 ** (8 * k)) & 0xff);
      return out;
    }
  }
  const out = [0xff];
  for (let k = 0; k < 8; k++) out.push(Math.floor(v / 2 ** (8 * k)) & 0xff);
  return out;
}

function bits(flags) {
  const out = new Array(Math.ceil(flags.length / 8)).fill(0);
  flags.forEach((f, i) => {
    if (f) out[i >> 3] |= 0x80 >> (i & 7);
  });
  return out;
}

const u32 = (v) => [v & 0xff, (v >>> 8) & 0xff, (v >>> 16) & 0xff, (v >>> 24) & 0xff];
const u64 = (v) => [...u32(v >>> 0), ...u32(Math.floor(v / 2 ** 32))];

/**
 * A 7z archive of `entries` ({ name: 'a/b.txt', data: Buffer } or { name: 'a/', dir: true }), stored. Names use '/'.
 */
function sevenZip(entries) {
  const files = entries.filter((e) => !e.dir && e.data.length);
  const packed = Buffer.concat(files.map((f) => f.data));
  const h = [];
  h.push(0x01); // Header
  if (files.length) {
    h.push(0x04); // MainStreamsInfo
    h.push(0x06, ...number(0), ...number(1), 0x09, ...number(packed.length), 0x00); // PackInfo
    h.push(0x07, 0x0b, ...number(1), 0x00); // UnPackInfo, Folder ×1, not external
    h.push(...number(1), 0x01, 0x00); // 1 coder: simple, id size 1, id 00 = Copy
    h.push(0x0c, ...number(packed.length), 0x00); // CodersUnPackSize, End
    h.push(0x08, 0x0d, ...number(files.length)); // SubStreamsInfo, NumUnPackStream
    if (files.length > 1) {
      h.push(0x09);
      for (const f of files.slice(0, -1)) h.push(...number(f.data.length));
    }
    h.push(0x0a, 0x01);
    for (const f of files) h.push(...u32(crc32(f.data)));
    h.push(0x00, 0x00); // End SubStreamsInfo, End MainStreamsInfo
  }
  // FilesInfo: the entries with data first, in the order of their streams, then the empty ones.
  const empty = entries.filter((e) => e.dir || !e.data.length);
  const ordered = [...files, ...empty];
  h.push(0x05, ...number(ordered.length));
  if (empty.length) {
    const es = bits(ordered.map((e) => e.dir || !e.data.length));
    h.push(0x0e, ...number(es.length), ...es);
    const ef = bits(empty.map((e) => !e.dir));
    h.push(0x0f, ...number(ef.length), ...ef);
  }
  const names = Buffer.concat(ordered.map((e) => Buffer.from(e.name.replace(/\/$/, '') + '\0', 'utf16le')));
  h.push(0x11, ...number(names.length + 1), 0x00, ...names);
  // Attributes: directories as such (FILE_ATTRIBUTE_DIRECTORY), files normal (FILE_ATTRIBUTE_ARCHIVE).
  const attrs = [0x01, 0x00]; // all defined, not external
  for (const e of ordered) attrs.push(...u32(e.dir ? 0x10 : 0x20));
  h.push(0x15, ...number(attrs.length), ...attrs);
  h.push(0x00, 0x00); // End FilesInfo, End Header
  const header = Buffer.from(h);
  const start = Buffer.from([...u64(packed.length), ...u64(header.length), ...u32(crc32(header))]);
  const sig = Buffer.from([0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c, 0x00, 0x04, ...u32(crc32(start))]);
  return Buffer.concat([sig, start, packed, header]);
}

// ------------------------------------------------------------------------------------------------------------------

function listFiles(dir, base = '') {
  const out = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const rel = base ? base + '/' + e.name : e.name;
    if (e.isDirectory()) {
      out.push({ name: rel + '/', dir: true });
      out.push(...listFiles(path.join(dir, e.name), rel));
    } else out.push({ name: rel, data: fs.readFileSync(path.join(dir, e.name)) });
  }
  return out;
}

function copyDir(from, to) {
  fs.mkdirSync(to, { recursive: true });
  for (const e of fs.readdirSync(from, { withFileTypes: true })) {
    const a = path.join(from, e.name);
    const b = path.join(to, e.name);
    if (e.isDirectory()) copyDir(a, b);
    else fs.copyFileSync(a, b);
  }
}

const xmlAttr = (s) => String(s).replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

function jspluginsXml(entry) {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<jsplugins>\n  ${entry}\n</jsplugins>\n`;
}

/** Our publish page, with the add-in's entry filled in. */
function publishHtml(addon, text) {
  const template = fs.readFileSync(path.join(ROOT, 'src', 'wps', 'publish.html'), 'utf8');
  const html = (t) => String(t).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const js = (v) => JSON.stringify(v).replace(/</g, '\\u003c');
  const strings = { addon: js(addon), pageText: js(text) };
  for (const [k, v] of Object.entries(text)) strings[k] = html(v);
  return template.replace(/\{\{(\w+)\}\}/g, (m, k) => (k in strings ? strings[k] : m));
}

function packageWps({ url, dist = path.join(ROOT, 'dist', 'wps'), out = path.join(ROOT, 'dist', 'wps-package'), text }) {
  if (!/^(https?|file):\/\/\S+\/$/.test(url || '')) throw new Error(text.badUrl(url || ''));
  if (!fs.existsSync(path.join(dist, 'ribbon.xml'))) throw new Error(text.noBuild(dist));
  const version = require(path.join(ROOT, 'package.json')).version;
  fs.rmSync(out, { recursive: true, force: true });

  const online = path.join(out, 'online');
  copyDir(dist, path.join(online, NAME));
  fs.writeFileSync(path.join(online, 'jsplugins.xml'), jspluginsXml(`<jspluginonline name="${NAME}" type="${TYPE}" url="${xmlAttr(url)}"/>`));
  const onlineAddon = { name: NAME, addonType: TYPE, online: 'true', url, version, customDomain: '' };
  fs.writeFileSync(path.join(online, 'publish.html'), publishHtml(onlineAddon, text.page));

  const offline = path.join(out, 'offline');
  fs.mkdirSync(offline, { recursive: true });
  const folder = `${NAME}_${version}`;
  const entries = [{ name: folder + '/', dir: true }, ...listFiles(dist, folder)];
  const archive = `${NAME}.7z`;
  fs.writeFileSync(path.join(offline, archive), sevenZip(entries));
  const archiveUrl = url + archive;
  fs.writeFileSync(path.join(offline, 'jsplugins.xml'), jspluginsXml(`<jsplugin name="${NAME}" type="${TYPE}" url="${xmlAttr(archiveUrl)}" version="${xmlAttr(version)}"/>`));
  const offlineAddon = { name: NAME, addonType: TYPE, online: 'false', url: archiveUrl, version, customDomain: '' };
  fs.writeFileSync(path.join(offline, 'publish.html'), publishHtml(offlineAddon, text.page));
  return { out, online, offline, version, files: entries.filter((e) => !e.dir).length };
}

function loadText() {
  return require('tsx/cjs/api').require('../src/core/i18n/wps.ts', __filename).wpsPackageText;
}

function main(argv) {
  const text = loadText();
  const args = { url: '', out: undefined, dist: undefined };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      if (i + 1 >= argv.length) throw new Error(text.missingValue(a));
      return argv[++i];
    };
    if (a === '--url') args.url = value();
    else if (a.startsWith('--url=')) args.url = a.slice(6);
    else if (a === '--out') args.out = path.resolve(value());
    else if (a === '--dist') args.dist = path.resolve(value());
    else if (a === '--help' || a === '-h') {
      console.log(text.usage);
      return 0;
    } else throw new Error(text.unknownOption(a));
  }
  if (args.url && !args.url.endsWith('/')) args.url += '/';
  const r = packageWps({ ...args, text });
  console.log(text.done(path.relative(process.cwd(), r.online), path.relative(process.cwd(), r.offline), r.version, r.files));
  return 0;
}

module.exports = { sevenZip, crc32, packageWps, NAME };

if (require.main === module) {
  try {
    process.exitCode = main(process.argv.slice(2));
  } catch (e) {
    console.error(e instanceof Error ? e.message : String(e));
    process.exitCode = 1;
  }
}
