#!/usr/bin/env node
'use strict';
// Thin launcher: the compiled CLI lives in dist/ (built by `npm install` via `prepare`).
let main;
try {
  main = require('../dist/cli/main.js').main;
} catch (e) {
  process.stderr.write('ptcheck 尚未构建：请先在项目根目录运行 npm install（或 npm run build:cli）。\n');
  process.exit(2);
}
main(process.argv.slice(2)).then((code) => { process.exitCode = code; });
