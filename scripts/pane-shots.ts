// Screenshots of the task pane at 320 px in a 1366×768 window (the width and height the pane issue was judged at),
// over a built playground, and the longest main-thread stretch of a check on a large workbook (long-task observer):
//   npx tsx scripts/pane-shots.ts BUILD_DIR OUT_PREFIX [large.xlsx]
// BUILD_DIR is a production build of the web bundles (`npx webpack --mode production --output-path DIR`).
import * as fs from 'fs';
import * as path from 'path';
import { chromium, Page } from 'playwright-core';
import { serveStatic } from '../test/helpers/static-server';

const [dir, prefix, large] = process.argv.slice(2);
if (!dir || !prefix) {
  console.error('usage: npx tsx scripts/pane-shots.ts BUILD_DIR OUT_PREFIX [large.xlsx]');
  process.exit(2);
}

async function narrowPane(page: Page): Promise<void> {
  await page.addStyleTag({ content: '.pg-pane { width: 320px !important; }' });
}

async function shotPane(page: Page, name: string): Promise<void> {
  const file = `${prefix}-${name}.png`;
  await (await page.$('[data-testid="task-pane"]'))!.screenshot({ path: file });
  // Where the first finding starts, in window pixels (the issue asks for the upper third of 768).
  const top = await page.evaluate(() => {
    const f = document.querySelector('[data-testid="finding"], [data-testid="finding-rule"]');
    return f ? Math.round(f.getBoundingClientRect().top) : -1;
  });
  const visible = await page.evaluate(() => {
    const pane = document.querySelector('[data-testid="task-pane"]') as HTMLElement;
    const bottom = pane.getBoundingClientRect().bottom;
    return Array.from(document.querySelectorAll('[data-testid="finding"], [data-testid="finding-rule"]')).filter((e) => {
      const r = e.getBoundingClientRect();
      return r.height > 0 && r.top < bottom;
    }).length;
  });
  console.log(`${file}: first finding at y=${top}px, ${visible} cards start in view`);
}

async function main(): Promise<void> {
  const server = await serveStatic(path.resolve(dir));
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    for (const sample of ['sample', 'perSheet']) {
      const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
      await page.goto(`${server.url}/index.html?sample=${sample}&api=1.18`);
      await page.waitForSelector('[data-testid="check-button"]');
      await narrowPane(page);
      await shotPane(page, `${sample}-start`);
      await page.click('[data-testid="check-button"]');
      await page.waitForSelector('[data-testid="check-tab"][data-busy=""] [data-testid="summary"]');
      await page.waitForTimeout(300);
      await shotPane(page, `${sample}-checked`);
      if (sample === 'sample') {
        await page.click('[data-testid="tab-library"]');
        await page.waitForSelector('[data-testid="library-item"]', { timeout: 20000 }).catch(() => undefined);
        await page.waitForTimeout(300);
        await shotPane(page, 'library');
        await page.click('[data-testid="tab-template"]');
        await page.waitForTimeout(800);
        await shotPane(page, 'template');
      }
      await page.close();
    }
    if (large && fs.existsSync(large)) {
      const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
      await page.goto(`${server.url}/index.html?sample=sample&api=1.18`);
      await page.waitForSelector('[data-testid="check-button"]');
      await page.setInputFiles('[data-testid="file-input"]', large);
      await page.waitForFunction(() => /已打开/.test(document.querySelector('[data-testid="pg-status"]')?.textContent || ''), undefined, {
        timeout: 120000,
      });
      await page.waitForTimeout(2000);
      await page.evaluate(() => {
        const w = window as unknown as { __longTasks: number[] };
        w.__longTasks = [];
        new PerformanceObserver((list) => {
          for (const e of list.getEntries()) w.__longTasks.push(e.duration);
        }).observe({ entryTypes: ['longtask'] });
      });
      const t0 = Date.now();
      await page.click('[data-testid="check-button"]');
      await page.waitForSelector('[data-testid="check-tab"][data-busy=""] [data-testid="summary"]', { timeout: 600000 });
      const took = Date.now() - t0;
      await page.waitForTimeout(500);
      const tasks = await page.evaluate(() => (window as unknown as { __longTasks: number[] }).__longTasks);
      tasks.sort((a, b) => b - a);
      console.log(
        `large check: ${took} ms wall; ${tasks.length} long tasks (>50 ms); longest ${Math.round(tasks[0] || 0)} ms; top 5: ${tasks
          .slice(0, 5)
          .map((t) => Math.round(t))
          .join(', ')}`,
      );
      await narrowPane(page);
      await shotPane(page, 'large-checked');
      // 清除标记 on the same sheet: every mark of the check restored, in slices too.
      await page.evaluate(() => {
        (window as unknown as { __longTasks: number[] }).__longTasks = [];
      });
      const t1 = Date.now();
      await page.click('[data-testid="clear-button"]');
      // Done when nothing runs and nothing is left to clear (the button is disabled without marks).
      await page.waitForFunction(
        () => {
          const b = document.querySelector('[data-testid="clear-button"]');
          return !!document.querySelector('[data-testid="check-tab"][data-busy=""]') && !!b && (b.hasAttribute('disabled') || b.getAttribute('aria-disabled') === 'true');
        },
        undefined,
        { timeout: 600000 },
      );
      const cleared = Date.now() - t1;
      await page.waitForTimeout(500);
      const clearTasks = await page.evaluate(() => (window as unknown as { __longTasks: number[] }).__longTasks);
      clearTasks.sort((a, b) => b - a);
      console.log(`large clear: ${cleared} ms wall; ${clearTasks.length} long tasks (>50 ms); longest ${Math.round(clearTasks[0] || 0)} ms`);
      await page.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
