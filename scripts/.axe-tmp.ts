import { chromium, Page } from 'playwright-core';
import { serveStatic } from '../test/helpers/static-server';
async function axe(page: Page, label: string) {
  await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
  const v = await page.evaluate(async () => {
    const axe = (window as any).axe;
    const res = await axe.run({ include: [['[data-testid="task-pane"]']] }, { resultTypes: ['violations'] });
    return res.violations.map((v: any) => v.impact + ' ' + v.id + ' ' + v.nodes.slice(0, 2).map((n: any) => n.target.join(' ') + ' :: ' + (n.failureSummary || '').slice(0, 160)).join(' | '));
  });
  console.log('==', label, v.length ? '\n  ' + v.join('\n  ') : 'clean');
}
(async () => {
  const server = await serveStatic(process.argv[2]);
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
  const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  await page.goto(`${server.url}/index.html?sample=sample&api=1.18`);
  await page.waitForSelector('[data-testid="check-button"]');
  await page.addStyleTag({ content: '.pg-pane { width: 320px !important; }' });
  await axe(page, 'start');
  await page.click('[data-testid="check-button"]');
  await page.waitForSelector('[data-testid="finding"]');
  await page.waitForSelector('[data-testid="check-tab"][data-busy=""]');
  await page.click('[data-testid="search-toggle"]');
  await axe(page, 'checked');
  for (const tab of ['library', 'template', 'review']) {
    await page.click(`[data-testid="tab-${tab}"]`);
    await page.waitForTimeout(1500);
    await axe(page, tab);
  }
  await page.click('[data-testid="tab-template"]');
  await page.click('[data-testid="template-source"]');
  await page.waitForTimeout(300);
  await page.click('.ms-Dropdown-item:has-text("新项目")');
  await page.waitForTimeout(800);
  await axe(page, 'template-new');
  await page.addStyleTag({ content: '.pg-pane { width: 200px !important; }' });
  await page.waitForTimeout(500);
  console.log('overflow buttons', await page.$$eval('[data-testid="task-pane"] button', (b) => b.filter((x) => /overflow/i.test(x.className)).map((x) => x.className.slice(0, 80) + ' label=' + x.getAttribute('aria-label'))));
  await browser.close(); await server.close();
})();
