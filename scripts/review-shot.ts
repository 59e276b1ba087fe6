// A screenshot of the 审核 tab at 320 px on the reviewer's second pass (issue 9), over a built playground:
//   npx tsx scripts/review-shot.ts BUILD_DIR OUT.png
// Pass 1 on Excel 1.18 (confirm the first finding, a free remark, 审核结论 written: the pass is kept); the sender
// applies a suggestion; the workbook is opened again by another client (the playground's client switch: a new pane
// session over the same workbook and record) and checked: the pane shows what changed since pass 1.
import * as path from 'path';
import { chromium, Page } from 'playwright-core';
import { serveStatic } from '../test/helpers/static-server';

const [dir, out] = process.argv.slice(2);
if (!dir || !out) {
  console.error('usage: npx tsx scripts/review-shot.ts BUILD_DIR OUT.png');
  process.exit(2);
}

const idle = (page: Page) => page.waitForSelector('[data-testid="check-tab"][data-busy=""]', { state: 'attached' });

async function main(): Promise<void> {
  const server = await serveStatic(path.resolve(dir));
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
  try {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await page.goto(`${server.url}/index.html?sample=sample&api=1.18`);
    await page.waitForSelector('[data-testid="check-button"]');
    await page.addStyleTag({ content: '.pg-pane { width: 320px !important; }' });
    // The sender's fix, made before the first review so that pass 1 has the finding and pass 2 not: done by the
    // reviewer's walk below instead (confirm, then the clerk applies the suggestion in 检查).
    await page.click('[data-testid="tab-review"]');
    await page.waitForSelector('[data-testid="review-tab"]');
    await page.fill('input[data-testid="review-name"]', '王审核');
    await page.click('[data-testid="review-check"]');
    await page.waitForSelector('[data-testid="review-current"]');
    await idle(page);
    await page.click('[data-testid="review-confirm"]');
    await idle(page);
    await page.click('[data-testid="review-next"]');
    await page.click('[data-testid="review-confirm"]');
    await idle(page);
    await page.click('[data-testid="sheet-view"] td[data-cell="A1"]');
    await page.fill('textarea[data-testid="review-remark"]', '请补充项目负责人');
    await page.click('[data-testid="review-remark-add"]');
    await idle(page);
    await page.click('[data-testid="review-summary"]');
    await page.waitForSelector('[data-testid="sheet-tab"][data-name="审核结论"]');
    await idle(page);
    // The clerk applies one suggestion in 检查.
    await page.click('[data-testid="tab-check"]');
    await page.click('[data-testid="check-button"]');
    await page.waitForSelector('[data-testid="finding"]');
    await idle(page);
    const fix = await page.$('[data-testid="finding-message"][data-edits="1"] [data-testid="apply-suggestion"]');
    if (fix) {
      await fix.click();
      await page.waitForSelector('[data-testid="message-bar"][data-kind="success"]');
      await idle(page);
    }
    // Opened again (another client, a new session) and checked: the second pass.
    await page.selectOption('[data-testid="api-select"]', '1.13');
    await page.waitForTimeout(500);
    await page.click('[data-testid="tab-review"]');
    await page.waitForSelector('[data-testid="review-tab"]');
    await page.click('[data-testid="review-check"]');
    await page.waitForSelector('[data-testid="review-changes"]', { timeout: 30000 });
    await idle(page);
    await page.waitForTimeout(300);
    // Tall enough for the whole tab (the pane scrolls inside itself), still 320 px wide.
    await page.setViewportSize({ width: 1366, height: 2000 });
    await page.waitForTimeout(300);
    await (await page.$('[data-testid="task-pane"]'))!.screenshot({ path: out });
    console.log(out, await page.textContent('[data-testid="review-changes"]'));
    console.log('remarks:', await page.$$eval('[data-testid="review-remark-status"]', (els) => els.map((e) => e.textContent)));
  } finally {
    await browser.close();
    await server.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
