#!/usr/bin/env node
'use strict';
// Thin launcher: the compiled CLI lives in dist/ (built by `npm install` via `prepare`).
const path = require('path');
const tooOld = require('./node-version').nodeTooOld(process.version);
if (tooOld) {
  process.stderr.write(tooOld);
  process.exit(2);
}
const entry = path.join(__dirname, '..', 'dist', 'cli', 'main.js');
let main;
try {
  main = require(entry).main;
} catch (e) {
  if (e && e.code === 'MODULE_NOT_FOUND' && String(e.message).indexOf(entry) >= 0) {
    process.stderr.write('ptcheck 尚未构建：请先在项目根目录运行 npm install（或 npm run build:cli）。\n');
    process.exit(2);
  }
  throw e;
}
main(process.argv.slice(2)).then((code) => { process.exitCode = code; });
