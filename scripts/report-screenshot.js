#!/usr/bin/env node
'use strict';
// Screenshots of the HTML report of the fixtures folder, as a reviewer sees it: docs/report-index.png (index.html)
// and docs/report-file.png (one file's page). Headless Chromium (playwright-core, Debian's chromium; CJK fonts
// from fonts-noto-cjk). Needs the built CLI (npm run build:cli).
//   node scripts/report-screenshot.js [PAGE_NUMBER]
const { spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { chromium } = require('playwright-core');

const ROOT = path.resolve(__dirname, '..');

async function main() {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'ptcheck-report-shot-'));
  try {
    const r = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'ptcheck.js'), 'check', 'test/fixtures', '--format', 'html', '--out', out], { cwd: ROOT, encoding: 'utf8' });
    if (r.status !== 0 && r.status !== 1) throw new Error(r.stderr);
    const pages = fs.readdirSync(path.join(out, 'pages')).sort();
    const page = pages[(parseInt(process.argv[2] || '4', 10) - 1) % pages.length];
    const browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    try {
      const tab = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
      await tab.goto('file://' + path.join(out, 'index.html'));
      await tab.screenshot({ path: path.join(ROOT, 'docs', 'report-index.png') });
      await tab.goto('file://' + path.join(out, 'pages', page));
      await tab.setViewportSize({ width: 1280, height: 1300 });
      await tab.screenshot({ path: path.join(ROOT, 'docs', 'report-file.png') });
      // The print layout too, to look at (not kept).
      await tab.emulateMedia({ media: 'print' });
      await tab.screenshot({ path: path.join(os.tmpdir(), 'ptcheck-report-print.png') });
    } finally {
      await browser.close();
    }
    console.log(`docs/report-index.png, docs/report-file.png (${page}); print view: ${path.join(os.tmpdir(), 'ptcheck-report-print.png')}`);
  } finally {
    fs.rmSync(out, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
