import { chromium } from 'playwright-core';
import { serveStatic } from '../test/helpers/static-server';
(async () => {
  const server = await serveStatic(process.argv[2]);
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
  const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  await page.goto(`${server.url}/index.html?sample=sample&api=1.18`);
  await page.waitForSelector('[data-testid="check-button"]');
  await page.setInputFiles('[data-testid="file-input"]', '/tmp/pane-large-1000.xlsx');
  await page.waitForFunction(() => /已打开/.test(document.querySelector('[data-testid="pg-status"]')?.textContent || ''), undefined, { timeout: 120000 });
  await page.waitForTimeout(2000);
  await page.evaluate(() => {
    const w = window as any;
    w.__log = [];
    new PerformanceObserver((list) => { for (const e of list.getEntries()) w.__log.push(['LONG', Math.round(e.startTime), Math.round(e.duration)]); }).observe({ entryTypes: ['longtask'] });
    let last = '';
    setInterval(() => {
      const p = document.querySelector('[data-testid="progress"]');
      const t = p ? p.textContent || '' : '(none)';
      if (t !== last) { last = t; w.__log.push(['P', Math.round(performance.now()), t]); }
    }, 5);
  });
  await page.click('[data-testid="check-button"]');
  await page.waitForSelector('[data-testid="check-tab"][data-busy=""] [data-testid="summary"]', { timeout: 600000 });
  await page.waitForTimeout(1000);
  const log = await page.evaluate(() => (window as any).__log);
  log.sort((a: any, b: any) => a[1] - b[1]);
  for (const l of log) console.log(l.join(' '));
  await browser.close(); await server.close();
})();
