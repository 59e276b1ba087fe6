/**
 * Browser test of the 审核 tab (issue 9, "Done when") in the playground, on Excel 1.18 and WPS: check the workbook,
 * ignore one finding, remark on a cell, write the 审核结论 sheet, re-check (the ignored finding stays hidden, the
 * remark stays with its status), clear marks keeping the remarks (every cell's value, fill and note as before the
 * check, but the kept remark's note). Asserts on the cells of the playground's sheet view.
 */
import * as path from 'path';
import { Page } from 'playwright-core';
import { ARTIFACTS, usePlayground } from '../helpers/playground';

jest.setTimeout(180_000);

const playground = usePlayground();

type CellState = Record<string, { text: string; fill: string; tip: string }>;

async function sheetState(page: Page): Promise<CellState> {
  return page.$$eval('[data-testid="sheet-view"] td[data-cell]', (tds) => {
    const out: Record<string, { text: string; fill: string; tip: string }> = {};
    for (const td of tds as HTMLElement[]) out[td.dataset.cell as string] = { text: td.textContent || '', fill: td.dataset.fill || '', tip: td.title || '' };
    return out;
  });
}

const idle = (page: Page) => page.waitForSelector('[data-testid="check-tab"][data-busy=""]', { state: 'attached' });

async function showSheet(page: Page, name: string): Promise<void> {
  await page.click(`[data-testid="sheet-tab"][data-name="${name}"]`);
  await page.waitForSelector(`[data-testid="sheet-view"][data-sheet="${name}"]`);
}

const position = async (page: Page) => ((await page.textContent('[data-testid="review-current"]')) || '').match(/第 (\d+) \/ (\d+) 条/);

describe.each(['1.18', 'wps'])('审核 in the playground on client %s', (api) => {
  it('check, ignore, remark, 审核结论, re-check, clear keeping the remark', async () => {
    const { page, errors } = await playground.open(api);
    const userSheet = (await page.getAttribute('[data-testid="sheet-view"]', 'data-sheet')) as string;
    const before = await sheetState(page);

    await page.click('[data-testid="tab-review"]');
    await page.waitForSelector('[data-testid="review-tab"]');
    await page.fill('input[data-testid="review-name"]', '王审核');
    await page.click('[data-testid="review-check"]');
    await page.waitForSelector('[data-testid="review-current"]');
    await idle(page);
    const total = Number((await position(page))![2]);
    expect(total).toBeGreaterThan(3);
    const marked = await sheetState(page);
    expect(Object.keys(marked).filter((a) => marked[a].fill !== before[a].fill).length).toBeGreaterThan(3);

    // 忽略 the first finding: one fewer, listed as ignored with who.
    const ignoredText = await page.textContent('[data-testid="review-current"]');
    await page.click('[data-testid="review-ignore"]');
    await page.waitForSelector('[data-testid="review-ignored"]');
    await idle(page);
    expect(Number((await position(page))![2])).toBe(total - 1);
    expect(await page.textContent('[data-testid="review-ignored"]')).toContain('王审核');

    // A remark on a cell without marks or notes of its own.
    const free = Object.keys(before).find((a) => /^[A-Z]1$/.test(a) && !before[a].tip && marked[a].fill === before[a].fill && !marked[a].tip) || 'H1';
    await page.click(`[data-testid="sheet-view"] td[data-cell="${free}"]`);
    await page.waitForSelector(`[data-testid="sheet-view"] td.pg-selected[data-cell="${free}"]`);
    await page.fill('textarea[data-testid="review-remark"]', '请补充项目负责人');
    await page.click('[data-testid="review-remark-add"]');
    await page.waitForSelector('[data-testid="review-remark-status"]');
    await idle(page);
    expect(await page.getAttribute('[data-testid="review-remark-status"]', 'data-status')).toBe('note');
    await page.waitForFunction((a) => (document.querySelector(`[data-testid="sheet-view"] td[data-cell="${a}"]`) as HTMLElement).title.indexOf('请补充项目负责人') >= 0, free);

    // 审核结论: projects with their verdicts, the remark with a link showing its cell.
    await page.click('[data-testid="review-summary"]');
    await page.waitForSelector('[data-testid="sheet-tab"][data-name="审核结论"]');
    await idle(page);
    await showSheet(page, '审核结论');
    const summary = await sheetState(page);
    const texts = Object.values(summary).map((c) => c.text);
    expect(texts).toContain('预算绩效目标表审核结论');
    expect(texts).toContain('请补充项目负责人');
    expect(texts.some((t) => /^(通过|修改后通过|退回修改)$/.test(t))).toBe(true);
    const remarkRow = Object.keys(summary).find((a) => summary[a].text === '请补充项目负责人')!.replace(/^[A-Z]+/, '');
    expect(summary['C' + remarkRow].text).toBe(free);
    await page.screenshot({ path: path.join(ARTIFACTS, `review-summary-${api}.png`) });

    // Re-check: the ignored finding stays hidden, the remark stays (in the cell and the pane).
    await showSheet(page, userSheet);
    await page.click('[data-testid="review-check"]');
    await page.waitForSelector('[data-testid="check-tab"][data-busy]:not([data-busy=""])', { state: 'attached', timeout: 2000 }).catch(() => undefined);
    await idle(page);
    await page.waitForSelector('[data-testid="review-current"]');
    expect(Number((await position(page))![2])).toBe(total - 1);
    expect(await page.textContent('[data-testid="review-current"]')).not.toBe(ignoredText);
    expect(await page.getAttribute('[data-testid="review-remark-status"]', 'data-status')).toBe('note');
    expect((await sheetState(page))[free].tip).toContain('请补充项目负责人');

    // 清除标记（保留批注）: every cell as before the check but the kept remark's note.
    await page.click('[data-testid="review-clear-keep"]');
    await page.waitForSelector('[data-testid="message-bar"][data-kind="success"]');
    await idle(page);
    await showSheet(page, userSheet);
    const after = await sheetState(page);
    expect(after[free].tip).toContain('请补充项目负责人');
    expect(after[free].text).toBe(before[free].text);
    expect(after[free].fill).toBe(before[free].fill);
    delete after[free];
    const expected = { ...before };
    delete expected[free];
    expect(after).toEqual(expected);
    expect(errors).toEqual([]);
    await page.close();
  });
});
