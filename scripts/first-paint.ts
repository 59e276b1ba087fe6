// First paint of the 检查 tab with the CPU throttled (Chromium's CDP Emulation.setCPUThrottlingRate, a stand-in for
// the IE11 webview of Office 2016/2019), over a production build served from a sub-folder, same-origin only:
//   npx tsx scripts/first-paint.ts BUILD_DIR [RUNS=5] [RATE=6]
// BUILD_DIR is a production build of the web bundles (`npx webpack --mode production --output-path DIR`).
// Prints, as medians over RUNS fresh browser contexts:
//   playground: first contentful paint and the 检查 button in the DOM (index.html: the real pane over the fake host),
//               then the 指标库 tab's suggestions shown after its first click (its chunk, when the build splits the pane);
//   taskpane:   taskpane.html with office.js blocked (no Office here) until its message: taskpane.js fetched,
//               parsed and run;
// and the JavaScript each page fetched. A last run hides document.currentScript (as IE11 has none) and checks the
// 指标库 tab still loads.
import * as path from 'path';
import { BrowserContext, Page, chromium } from 'playwright-core';
import { serveStatic } from '../test/helpers/static-server';

const [dirArg, runsArg, rateArg] = process.argv.slice(2);
if (!dirArg) {
  console.error('usage: npx tsx scripts/first-paint.ts BUILD_DIR [RUNS=5] [RATE=6]');
  process.exit(2);
}
const dir = path.resolve(dirArg);
const RUNS = Number(runsArg || 5);
const RATE = Number(rateArg || 6);

/** Records when a selector first appears (polling from outside would add the throttled page's latency). */
const WATCH = `(() => {
  const w = window;
  w.__seen = {};
  // Shown, not merely in the DOM: every tab stays mounted (hidden) in the unsplit pane.
  const sel = { check: '[data-testid="check-button"]', library: '[data-testid="library-item"]', startup: '.ptc-startup' };
  const shown = (e) => !!e && e.offsetParent !== null;
  const look = () => { for (const k in sel) if (!w.__seen[k] && shown(document.querySelector(sel[k]))) w.__seen[k] = performance.now(); };
  new MutationObserver(look).observe(document, { childList: true, subtree: true, attributes: true });
})();`;

const HIDE_CURRENT_SCRIPT = `Object.defineProperty(Document.prototype, 'currentScript', { get: function () { return null; } });`;

interface Run {
  fcp: number;
  ready: number;
  jsKiB: number;
  library?: number;
}

async function open(ctx: BrowserContext, origin: string, url: string, key: string): Promise<{ page: Page; run: Run }> {
  const page = await ctx.newPage();
  let js = 0;
  page.on('response', (r) => {
    if (r.url().endsWith('.js') && r.ok()) void r.body().then((b) => (js += b.length), () => undefined);
  });
  const cdp = await ctx.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: RATE });
  await page.goto(origin + url);
  await page.waitForFunction((k) => !!(window as unknown as { __seen: Record<string, number> }).__seen[k], key, { timeout: 120000 });
  const t = await page.evaluate((k) => {
    const fcp = performance.getEntriesByName('first-contentful-paint')[0];
    return { ready: (window as unknown as { __seen: Record<string, number> }).__seen[k], fcp: fcp ? fcp.startTime : NaN };
  }, key);
  await page.waitForTimeout(200);
  return { page, run: { fcp: t.fcp, ready: t.ready, jsKiB: js / 1024 } };
}

async function libraryAfterClick(page: Page): Promise<number> {
  const t0 = await page.evaluate(() => performance.now());
  await page.click('[data-testid="tab-library"]');
  await page.waitForFunction(() => !!(window as unknown as { __seen: Record<string, number> }).__seen.library, undefined, { timeout: 120000 });
  return (await page.evaluate(() => (window as unknown as { __seen: Record<string, number> }).__seen.library)) - t0;
}

const median = (xs: number[]): number => {
  const s = xs.filter((x) => !isNaN(x)).sort((a, b) => a - b);
  return s.length ? s[Math.floor((s.length - 1) / 2)] : NaN;
};

async function main(): Promise<void> {
  // Served from a sub-folder (/<build dir name>/), as an add-in is from an intranet path.
  const server = await serveStatic(path.dirname(dir));
  const base = '/' + path.basename(dir) + '/';
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const newContext = async (ie: boolean): Promise<BrowserContext> => {
    const ctx = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    // Same-origin only: office.js from a CDN (taskpane.html's default) is refused, as on an offline intranet.
    await ctx.route('**/*', (r) => (r.request().url().startsWith(server.url) ? r.continue() : r.abort()));
    await ctx.addInitScript(WATCH);
    if (ie) await ctx.addInitScript(HIDE_CURRENT_SCRIPT);
    return ctx;
  };
  const pg: Run[] = [];
  const tp: Run[] = [];
  try {
    for (let i = 0; i < RUNS; i++) {
      let ctx = await newContext(false);
      const { page, run } = await open(ctx, server.url, base + 'index.html?sample=sample&api=1.18', 'check');
      run.library = await libraryAfterClick(page);
      pg.push(run);
      await ctx.close();
      ctx = await newContext(false);
      tp.push((await open(ctx, server.url, base + 'taskpane.html', 'startup')).run);
      await ctx.close();
    }
    const ctx = await newContext(true);
    const { page } = await open(ctx, server.url, base + 'index.html?sample=sample&api=1.18', 'check');
    const ieLibrary = await libraryAfterClick(page);
    const items = await page.$$eval('[data-testid="library-item"]', (e) => e.length);
    await ctx.close();
    const f = (n: number): string => n.toFixed(0);
    console.log(`${dir}: CPU ${RATE}× slower, ${RUNS} runs, medians`);
    console.log(`  playground  FCP ${f(median(pg.map((r) => r.fcp)))} ms, 检查 button ${f(median(pg.map((r) => r.ready)))} ms, JS fetched ${f(median(pg.map((r) => r.jsKiB)))} KiB`);
    console.log(`              指标库 suggestions shown after its first click: ${f(median(pg.map((r) => r.library as number)))} ms`);
    console.log(`  taskpane    message (taskpane.js run) ${f(median(tp.map((r) => r.ready)))} ms, FCP ${f(median(tp.map((r) => r.fcp)))} ms, JS fetched ${f(median(tp.map((r) => r.jsKiB)))} KiB`);
    console.log(`  without document.currentScript: 指标库 tab loaded in ${f(ieLibrary)} ms, ${items} suggestions listed`);
    console.log(`  runs (playground 检查 button, ms): ${pg.map((r) => f(r.ready)).join(' ')}`);
  } finally {
    await browser.close();
    await server.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
