// Shared setup of the browser tests: the production build served locally, Debian's Chromium through
// playwright-core, and a playground page that records page errors and refuses any request leaving it (offline).
import * as fs from 'fs';
import * as path from 'path';
import { chromium, Browser, Page } from 'playwright-core';
import { serveStatic, StaticServer } from './static-server';
import { webBuildDir } from './web-build';

const CHROMIUM = process.env.CHROMIUM_PATH || ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => fs.existsSync(p));
export const ARTIFACTS = path.resolve(__dirname, '..', 'e2e', 'artifacts');

export interface PlaygroundPage {
  page: Page;
  /** Page errors, console errors and blocked requests, in order. */
  errors: string[];
}

/** Registers beforeAll/afterAll for the file; `open` loads the playground with a sample at an API level. */
export function usePlayground(): { open(api: string, sample?: string): Promise<PlaygroundPage> } {
  let server: StaticServer;
  let browser: Browser;
  beforeAll(async () => {
    if (!CHROMIUM) throw new Error('Chromium not found: install the Debian package `chromium` (.ci/run does) or set CHROMIUM_PATH.');
    server = await serveStatic(webBuildDir());
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] });
    fs.mkdirSync(ARTIFACTS, { recursive: true });
  });
  afterAll(async () => {
    if (browser) await browser.close();
    if (server) await server.close();
  });
  return {
    async open(api, sample = 'sample') {
      const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
      const errors: string[] = [];
      // E2E_CPU_THROTTLE=6 slows the page down like a loaded CI machine, to shake out waits that only pass when fast.
      const throttle = Number(process.env.E2E_CPU_THROTTLE || 0);
      if (throttle > 1) {
        const cdp = await page.context().newCDPSession(page);
        await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
      }
      page.on('pageerror', (e) => errors.push(String(e)));
      page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
      await page.route('**/*', (route) => {
        const url = route.request().url();
        if (url.startsWith(server.url) || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
        errors.push('network request outside the page: ' + url);
        return route.abort();
      });
      await page.goto(`${server.url}/index.html?sample=${sample}&api=${api}`);
      await page.waitForSelector('[data-testid="sheet-view"] td[data-cell]');
      await page.waitForSelector('[data-testid="check-button"]');
      return { page, errors };
    },
  };
}

/**
 * The clients the browser tests run the pane on: Excel at ExcelApi levels, and WPS 表格 ('wps': the WPS adapter over
 * the fake ET). WPS reads and makes merged areas and writes legacy comments (the playground shows them as notes),
 * as Excel does at 1.18.
 */
export const WPS = 'wps';
export const likeExcel118 = (api: string): boolean => api === '1.18' || api === WPS;

export interface ViewCell {
  text: string;
  /** Row span: a merged area's master spans its rows. */
  rows: number;
}

/** Every cell of the sheet the playground shows: text and row span. */
export async function sheetCells(page: Page): Promise<Record<string, ViewCell>> {
  return page.$$eval('[data-testid="sheet-view"] td[data-cell]', (tds) => {
    const out: Record<string, { text: string; rows: number }> = {};
    for (const td of tds as HTMLTableCellElement[]) out[td.dataset.cell as string] = { text: td.textContent || '', rows: td.rowSpan || 1 };
    return out;
  });
}
