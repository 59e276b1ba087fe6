// Headless screenshot of the task pane at task-pane width, after pressing 检查, over a fixture workbook:
//   npx tsx src/taskpane/dev/screenshot.ts [fixture.xlsx] [out.png]
// Builds harness.tsx with the production webpack/babel settings (so the ES5 code is what is pictured), opens it
// from file:// in Chromium (playwright-core) with every network request blocked and reported.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import webpack from 'webpack';
import { chromium } from 'playwright-core';
import { readGrids } from '../../hosts/workbook/read';
import { gridToJson } from './memory-host';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const fixture = process.argv[2] || path.resolve(ROOT, 'test', 'fixtures', '002_f394b5ba38f6b2c8.xlsx');
const out = process.argv[3] || '/tmp/taskpane-shot.png';
const chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

async function build(dir: string): Promise<void> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const makeConfig = require(path.join(ROOT, 'webpack.config.js')) as (env: object, argv: object) => webpack.Configuration;
  const base = makeConfig({}, { mode: 'production' });
  const config: webpack.Configuration = {
    ...base,
    entry: { harness: path.join(__dirname, 'harness.tsx') },
    output: { path: dir, filename: '[name].js' },
    plugins: [],
  };
  await new Promise<void>((resolve, reject) =>
    webpack(config, (err, stats) => {
      if (err) return reject(err);
      if (stats && stats.hasErrors()) return reject(new Error(stats.toString('errors-only')));
      resolve();
    }),
  );
}

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ptc-shot-'));
  const grids = await readGrids(fixture);
  await build(dir);
  fs.writeFileSync(path.join(dir, 'grids.js'), 'window.__PTC_GRIDS__ = ' + JSON.stringify(grids.map(gridToJson)) + ';');
  const template = fs.readFileSync(path.join(ROOT, 'src', 'taskpane', 'taskpane.html'), 'utf8');
  const html = template
    .replace(/<script[^>]*src="<%=[^"]*"><\/script>/, '<script src="grids.js"></script>')
    .replace('</body>', '<script src="harness.js"></script></body>');
  fs.writeFileSync(path.join(dir, 'index.html'), html);

  const browser = await chromium.launch({ executablePath: chromiumPath, args: ['--no-sandbox', '--disable-gpu'] });
  const problems: string[] = [];
  try {
    const page = await browser.newPage({ viewport: { width: Number(process.env.SHOT_WIDTH || 340), height: 800 } });
    page.on('pageerror', (e) => problems.push('page error: ' + String(e)));
    page.on('console', (m) => (m.type() === 'error' || m.type() === 'warning') && problems.push(m.type() + ': ' + m.text()));
    await page.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith('file:') || url.startsWith('data:')) return route.continue();
      problems.push('network request: ' + url);
      return route.abort();
    });
    await page.goto('file://' + path.join(dir, 'index.html'));
    if (process.env.SHOT_REVIEW) {
      // The 审核 tab: name, whole-workbook check, one finding ignored.
      await page.click('[data-testid="tab-review"]');
      await page.fill('[data-testid="review-name"]', '李审核');
      await page.click('[data-testid="review-check"]');
      await page.waitForSelector('[data-testid="review-current"]');
      await page.click('[data-testid="review-ignore"]');
      await page.waitForSelector('[data-testid="review-ignored"]');
    } else await page.click('[data-testid="check-button"]');
    if (process.env.SHOT_PROGRESS) {
      await page.waitForSelector('[data-testid="progress"]');
      await page.screenshot({ path: out });
      console.log(`screenshot (in progress): ${out}`);
      return;
    }
    if (!process.env.SHOT_REVIEW) {
      await page.waitForSelector('[data-testid="finding"]');
      await page.waitForSelector('[data-testid="check-button"]:not([disabled]):not(.is-disabled)');
    }
    if (process.env.SHOT_EXPAND) {
      const rule = await page.$('[data-testid="finding-rule"] button');
      if (rule) await rule.click();
    }
    if (process.env.SHOT_DO_APPLY) {
      await page.click('[data-testid="apply-suggestion"]');
      await page.waitForSelector('[data-testid="message-bar"][data-kind="success"]');
    }
    if (process.env.SHOT_APPLY) {
      const button = await page.$('[data-testid="apply-suggestion"]');
      if (button) await button.scrollIntoViewIfNeeded();
    }
    if (process.env.SHOT_SCROLL) await page.evaluate((y) => document.querySelector('[role="tabpanel"]')!.scrollTo(0, Number(y)), process.env.SHOT_SCROLL);
    await page.screenshot({ path: out });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
    // Web fonts would be fetched from a CDN: none may be declared.
    const fontFaces = await page.evaluate(() => {
      let n = 0;
      for (const sheet of Array.from(document.styleSheets))
        for (const rule of Array.from(sheet.cssRules)) if (rule.cssText.indexOf('@font-face') === 0 && rule.cssText.indexOf('url(') >= 0) n++;
      return n;
    });
    if (fontFaces) problems.push(`${fontFaces} @font-face rules with a URL`);
    console.log(`screenshot: ${out}${overflow ? ' (horizontal overflow!)' : ''}`);
  } finally {
    for (const p of problems) console.log(p);
    await browser.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
