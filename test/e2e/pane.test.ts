/**
 * Browser tests of the clerk's pane (issue 11) in the playground, Chromium at a 320 px pane in a 1366×768 window:
 * per-sheet checks keep the other sheets' marks; a check started on the findings sheet never reports a clean
 * workbook; the spend-plan fix applied in one click; type chips filter; no {数量} placeholder is written; no serious
 * axe-core violation in any tab; the keyboard (focus stays on 检查, ↑/↓ between cards); the list starts in the upper
 * third of the pane; a single click selects a cell of the sheet view.
 */
import * as path from 'path';
import { Page } from 'playwright-core';
import { ARTIFACTS, sheetCells, usePlayground } from '../helpers/playground';

jest.setTimeout(180_000);

const playground = usePlayground();

async function narrow(page: Page): Promise<void> {
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.addStyleTag({ content: '.pg-pane { width: 320px !important; }' });
}

async function pressCheck(page: Page): Promise<void> {
  await page.click('[data-testid="check-button"]');
  await page.waitForSelector('[data-testid="check-tab"][data-busy="running"], [data-testid="check-tab"][data-busy="check"]', { timeout: 2000 }).catch(() => undefined);
  await page.waitForSelector('[data-testid="check-tab"][data-busy=""]');
}

const fills = async (page: Page) => {
  const cells = await page.$$eval('[data-testid="sheet-view"] td[data-cell]', (tds) => tds.map((td) => (td as HTMLElement).dataset.fill || ''));
  return cells.filter(Boolean).length;
};

async function showSheet(page: Page, name: string): Promise<void> {
  await page.click(`[data-testid="sheet-tab"][data-name="${name}"]`);
  await page.waitForSelector(`[data-testid="sheet-view"][data-sheet="${name}"]`);
}

async function findingsSheetText(page: Page): Promise<string> {
  await showSheet(page, '审核意见');
  return page.$eval('[data-testid="sheet-view"]', (el) => el.textContent || '');
}

/** Runs axe-core in the page; returns the serious and critical violations (rule id and the first target). */
async function seriousViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const res = await axe.run({ include: [['[data-testid="task-pane"]']] }, { resultTypes: ['violations'] });
    return res.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => v.id + ' ' + v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | '));
  });
}

describe('the clerk’s pane in the playground', () => {
  it('a check of one sheet keeps the other sheets’ marks and findings rows; on 审核意见 it never reports a clean workbook', async () => {
    const { page, errors } = await playground.open('1.18', 'perSheet');
    await narrow(page);
    const names = await page.$$eval('[data-testid="sheet-tab"]', (els) => els.map((e) => (e as HTMLElement).dataset.name as string));
    const [first, second] = names;
    await pressCheck(page);
    const firstFills = await fills(page);
    expect(firstFills).toBeGreaterThan(5);

    await showSheet(page, second);
    await pressCheck(page);
    expect(await fills(page)).toBeGreaterThan(5);
    // Sheet 1 keeps its marks, and the findings sheet lists both sheets.
    await showSheet(page, first);
    expect(await fills(page)).toBe(firstFills);
    let listing = await findingsSheetText(page);
    expect(listing).toContain(first);
    expect(listing).toContain(second);
    expect(await page.textContent('[data-testid="summary-meta"]')).toContain('2 个工作表');

    // 检查 pressed while 审核意见 is the active sheet: the sheets the findings are about are checked again.
    await pressCheck(page);
    expect(await page.getAttribute('[data-testid="message-bar"]', 'data-kind')).toBe('info');
    expect(await page.textContent('[data-testid="message-bar"]')).toContain('不是绩效目标表');
    expect(await page.textContent('[data-testid="summary"]')).toMatch(/^2 个表/);
    expect(await page.$('text=未发现问题')).toBeNull();
    listing = await findingsSheetText(page);
    expect(listing).toContain(first);
    expect(listing).not.toContain('未发现问题');
    await showSheet(page, first);
    expect(await fills(page)).toBe(firstFills);
    await (await page.$('[data-testid="task-pane"]'))!.screenshot({ path: path.join(ARTIFACTS, 'pane-per-sheet.png') });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('applies the spend-plan fix in one click (preview first); the list starts in the upper third; keyboard', async () => {
    const { page, errors } = await playground.open('1.18');
    await narrow(page);
    await page.focus('[data-testid="check-button"]');
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-testid="finding"]');
    await page.waitForSelector('[data-testid="check-tab"][data-busy=""]');
    // Focus stays on 检查 after it ran.
    expect(await page.evaluate(() => (document.activeElement as HTMLElement).getAttribute('data-testid'))).toBe('check-button');

    // The options and the notice fold away: the list starts in the upper third of the pane.
    const pane = (await (await page.$('[data-testid="task-pane"]'))!.boundingBox())!;
    const list = (await (await page.$('[data-testid="finding-list"]'))!.boundingBox())!;
    expect(list.y).toBeLessThan(pane.y + pane.height / 3);
    expect(await page.$('[data-testid="check-options"]')).toBeNull();
    expect(await page.$('[data-testid="write-notice"]')).toBeNull();

    // ↑/↓ move between cards.
    await page.focus('[data-testid="finding-select"]');
    await page.keyboard.press('ArrowDown');
    const heads = await page.$$('[data-testid="finding-select"]');
    expect(await heads[1].evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press('ArrowUp');
    expect(await heads[0].evaluate((el) => el === document.activeElement)).toBe(true);

    // 下一个错误 selects an error's cell in the sheet and shows the card as selected.
    await page.click('[data-testid="next-error"]');
    await page.waitForSelector('[data-testid="finding"][data-selected="true"]');
    expect(await page.getAttribute('[data-testid="finding"][data-selected="true"]', 'data-severity')).toBe('error');
    await page.waitForSelector('[data-testid="sheet-view"] td.pg-selected');

    // The spend plan written per quarter: one fix, its preview lists every cell it writes.
    const plan = (await page.$('[data-testid="finding-message"][data-address="B7:E7"]'))!;
    expect(await plan.getAttribute('data-rule')).toBe('plan.quarterly');
    const preview = await plan.$eval('[data-testid="apply-preview"]', (el) => el.textContent);
    expect(preview).toContain('C7 → 100%');
    expect(preview).toContain('E7 → 100%');
    await (await page.$('[data-testid="task-pane"]'))!.screenshot({ path: path.join(ARTIFACTS, 'pane-320-checked.png') });
    await (await plan.$('[data-testid="apply-suggestion"]'))!.click();
    await page.waitForSelector('[data-testid="message-bar"][data-kind="success"]');
    await page.waitForSelector('[data-testid="check-tab"][data-busy=""]');
    await page.waitForFunction(() => document.querySelector('[data-testid="sheet-view"] td[data-cell="E7"]')!.textContent === '100%');
    const cells = await sheetCells(page);
    expect([cells.B7.text, cells.C7.text, cells.D7.text, cells.E7.text]).toEqual(['50%', '100%', '100%', '100%']);
    expect(await page.$('[data-testid="finding-message"][data-address="B7:E7"]')).toBeNull();
    expect(await page.textContent('[data-testid="message-bar"]')).toContain('重新检查“环保督查经费”');

    // A user's edit afterwards clears the success message (it no longer describes the sheet).
    await page.dblclick('[data-testid="sheet-view"] td[data-cell="B8"]');
    await page.fill('[data-testid="cell-editor"]', '按期完成督察反馈问题整改，辖区环境质量持续改善。');
    await page.press('[data-testid="cell-editor"]', 'Enter');
    await page.waitForSelector('[data-testid="status"]');
    expect(await page.$('[data-testid="message-bar"][data-kind="success"]')).toBeNull();
    expect(errors).toEqual([]);
    await page.close();
  });

  it('指标库: a type chip filters by type; a {数量} value asks for the number and is never written as a placeholder', async () => {
    const { page, errors } = await playground.open('1.18');
    await narrow(page);
    // A single click selects a cell: 所选单元格所在的表 then picks the second table.
    await page.click('[data-testid="sheet-view"] td[data-cell="C30"]');
    await page.waitForSelector('[data-testid="sheet-view"] td.pg-selected[data-cell="C30"]');
    await page.click('[data-testid="tab-library"]');
    await page.waitForSelector('[data-testid="library-type"]');
    expect(await page.textContent('[data-testid="library-table"]')).toContain('环保举报奖');
    await page.click('[data-testid="sheet-view"] td[data-cell="C10"]');
    await page.click('[data-testid="library-use-selection"]');
    await page.waitForFunction(() => (document.querySelector('[data-testid="library-table"]')!.textContent || '').indexOf('环保督查经费') >= 0);

    const chip = (await page.$$('[data-testid="library-type"]'))[1];
    const typeName = ((await chip.textContent()) || '').replace(/\d+%$/, '');
    await chip.click();
    await page.waitForFunction(() => /类指标（\d+ 项）/.test(document.querySelector('[data-testid="library-heading"]')!.textContent || ''));
    const heading = await page.textContent('[data-testid="library-heading"]');
    expect(heading).toContain(typeName + '类指标');
    expect(heading).not.toContain('（0 项）');
    expect(await chip.getAttribute('aria-pressed')).toBe('true');
    expect(await page.inputValue('input[data-testid="library-search"]')).toBe('');
    await chip.click();
    await page.waitForFunction(() => document.querySelector('[data-testid="library-heading"]')!.textContent === '推荐指标');

    // A value waiting for its number: ticked without one, it goes in blank, never as “{数量}”.
    const pending = (await page.$$('[data-testid="library-item"]:has-text("需填写")'))[0];
    const l3 = (await pending.getAttribute('data-l3')) as string;
    await (await pending.$('.ms-Checkbox-label'))!.click();
    await page.waitForSelector('[data-testid="library-amount"]');
    await page.click('[data-testid="library-insert"]');
    await page.waitForSelector('[data-testid="library-result"]');
    await page.waitForSelector('[data-testid="check-tab"][data-busy=""]', { state: 'attached' });
    const cell = (await page.getAttribute('[data-testid="library-result-row"]', 'data-cell')) as string;
    await page.waitForFunction((c) => document.querySelector(`[data-testid="sheet-view"] td[data-cell="${c}"]`)?.textContent !== '', cell);
    const after = await sheetCells(page);
    expect(after[cell].text).toBe(l3);
    expect(Object.keys(after).filter((a) => /\{[^}]*\}/.test(after[a].text))).toEqual([]);
    expect(await page.textContent('[data-testid="message-bar"]')).toContain('没有填写数量');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('has no serious accessibility violation in any tab (axe-core), and names the tab overflow button', async () => {
    const { page, errors } = await playground.open('1.18');
    await narrow(page);
    expect(await seriousViolations(page)).toEqual([]);
    await pressCheck(page);
    await page.click('[data-testid="search-toggle"]');
    await page.waitForSelector('[data-testid="finding-search"]');
    expect(await page.getAttribute('input[data-testid="finding-search"]', 'aria-label')).toBe('搜索问题');
    expect(await seriousViolations(page)).toEqual([]);
    for (const tab of ['library', 'template', 'review']) {
      await page.click(`[data-testid="tab-${tab}"]`);
      await page.waitForTimeout(500);
      expect([tab, await seriousViolations(page)]).toEqual([tab, []]);
    }
    // The button tabs move into when the pane is too narrow for them has a name (Fluent keeps it in the DOM).
    const overflow = await page.waitForSelector('[data-testid="task-pane"] .ms-Pivot-overflowMenuButton', { state: 'attached' });
    expect(await overflow.getAttribute('aria-label')).toBe('更多选项卡');
    expect(errors).toEqual([]);
    await page.close();
  });
});
