/**
 * Browser test of the 模板 tab in the playground (the real pane and Excel adapter over the fake office-js, in
 * Chromium): the current table previewed and written onto a new sheet (title, merged 一级 cells where the client can
 * merge), the user's sheet unchanged; then 新项目: a real project typed into the form, the library's picks, the
 * placeholders filled, written only once the checker finds no error.
 */
import * as path from 'path';
import { Page } from 'playwright-core';
import { ARTIFACTS, sheetCells, usePlayground } from '../helpers/playground';

jest.setTimeout(120_000);

const playground = usePlayground();

const sheetTabs = (page: Page) => page.$$eval('[data-testid="sheet-tab"]', (els) => els.map((e) => (e as HTMLElement).dataset.name as string));
const viewSheet = (page: Page) => page.getAttribute('[data-testid="sheet-view"]', 'data-sheet');

/** Picks an option of a Fluent Dropdown by its text. */
async function choose(page: Page, testid: string, text: string): Promise<void> {
  await page.click(`[data-testid="${testid}"]`);
  await page.click(`.ms-Dropdown-item:has-text("${text}")`);
}

async function type(page: Page, testid: string, text: string): Promise<void> {
  // Fluent's TextField puts the native props (the test id) on its input or textarea.
  await page.fill(`input[data-testid="${testid}"], textarea[data-testid="${testid}"]`, text);
}

describe.each(['1.18', '1.1'])('模板 in the playground at ExcelApi %s', (api) => {
  it('writes the current table and a new project onto new sheets, never over the user’s sheet', async () => {
    const { page, errors } = await playground.open(api);
    const userSheet = (await viewSheet(page)) as string;
    const before = await sheetCells(page);
    const tabsBefore = await sheetTabs(page);

    await page.click('[data-testid="tab-template"]');
    await page.waitForSelector('[data-testid="template-preview"] td:has-text("环保督查经费绩效目标表")');
    await page.click('[data-testid="template-write"]');
    await page.waitForSelector('[data-testid="template-result"]');
    const tabs = await sheetTabs(page);
    expect(tabs.length).toBe(tabsBefore.length + 1);
    const written = tabs.find((t) => !tabsBefore.includes(t)) as string;
    expect(written).toBe('1.环保督查经费');
    expect(await page.textContent('[data-testid="template-result"]')).toContain(written);
    // The new sheet is shown: the standard table with 产出指标 merged down its rows where the client merges.
    await page.waitForFunction((name) => document.querySelector('[data-testid="sheet-view"]')!.getAttribute('data-sheet') === name, written);
    const out = await sheetCells(page);
    expect(out.A1.text).toBe('1.环保督查经费绩效目标表');
    const l1 = Object.keys(out).find((a) => out[a].text === '产出指标') as string;
    expect(l1).toMatch(/^A\d+$/);
    if (api === '1.18') expect(out[l1].rows).toBeGreaterThan(1);
    else expect(await page.textContent('[data-testid="template-result"]')).toContain('此版本不支持的合并单元格、行高列宽、打印设置已跳过');
    // The user's sheet is as it was.
    await page.click(`[data-testid="sheet-tab"][data-name="${userSheet}"]`);
    await page.waitForFunction((name) => document.querySelector('[data-testid="sheet-view"]')!.getAttribute('data-sheet') === name, userSheet);
    expect(await sheetCells(page)).toEqual(before);

    // 新项目: a real project from fixture 004 typed in.
    await choose(page, 'template-source', '新项目');
    await page.waitForSelector('[data-testid="template-form"]');
    await type(page, 'template-form-name', '安全生产专项资金');
    await type(page, 'template-form-org', '201001承德高新区上板城镇人民政府本级');
    await type(page, 'template-form-fiscal', '20.00');
    await type(page, 'template-form-purpose', '辖区内所有企业安全隐患进行排查，隐患立行立改，对镇域内所排查出的敞口机井、蓄水池等安全隐患，通过立警示牌或安装防护栏、井盖等防护措施，消除安全隐患，确保安全');
    for (const [i, v] of ['40%', '60%', '80%', '100%'].entries()) await type(page, `template-plan-${i}`, v);
    await type(page, 'template-form-goals', '1.对辖区内所有企业安全隐患进行排查，隐患立行立改，完成上级交办的工作任务；确保不发生安全生产事故。');
    await page.click('[data-testid="template-suggest"]');
    await page.waitForSelector('[data-testid="template-pick"]');
    expect((await page.$$('[data-testid="template-pick"]')).length).toBeGreaterThanOrEqual(10);
    // Offered unticked: the user ticks what fits.
    expect(await page.$$('[data-testid="template-pick"][data-checked="1"]')).toHaveLength(0);
    for (const box of await page.$$('[data-testid="template-pick"] .ms-Checkbox-label')) await box.click();
    // Not writable yet: a placeholder waits for a number, and 项目编码 is blank.
    expect(await page.isDisabled('[data-testid="template-write"]')).toBe(true);
    expect(await page.textContent('[data-testid="template-form-issues"]')).toContain('占位符');
    for (const input of await page.$$('input[data-testid="template-pick-value"]')) {
      const v = await input.inputValue();
      if (/\{[^}]+\}/.test(v)) await input.fill(v.replace(/\{[^}]+\}/g, '12'));
    }
    expect(await page.textContent('[data-testid="template-form-check"]')).toContain('项目编码为空');
    await type(page, 'template-form-code', '13081123P00005810001W');
    await page.waitForSelector('[data-testid="template-form-check"]:has-text("检查无错误")');
    await page.waitForSelector('[data-testid="template-preview"] td:has-text("安全生产专项资金绩效目标表")');
    await (await page.$('[data-testid="task-pane"]'))!.screenshot({ path: path.join(ARTIFACTS, `template-form-${api}.png`) });
    await page.click('[data-testid="template-write"]');
    await page.waitForSelector('[data-testid="template-result"]:has-text("安全生产专项资金")');
    const tabsAfter = await sheetTabs(page);
    const project = tabsAfter.find((t) => !tabs.includes(t)) as string;
    expect(project).toBe('1.安全生产专项资金');
    await page.waitForFunction((name) => document.querySelector('[data-testid="sheet-view"]')!.getAttribute('data-sheet') === name, project);
    const form = await sheetCells(page);
    const texts = Object.values(form).map((c) => c.text);
    expect(texts).toContain('安全生产专项资金');
    expect(texts).toContain('13081123P00005810001W');
    expect(texts).toContain('安全生产培训次数');
    await page.screenshot({ path: path.join(ARTIFACTS, `template-${api}.png`) });
    expect(errors).toEqual([]);
    await page.close();
  });
});
