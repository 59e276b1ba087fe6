/**
 * Browser test of the 指标库 tab in the playground (the real pane and Excel adapter over the fake office-js, in
 * Chromium): 检查, open 指标库, see the project types, search, tick two indicators, 插入, and see the new rows in the
 * sheet view under their 二级, the merged 一级/二级 cells grown over them (where the client can merge), and the
 * next table's rows moved down intact.
 */
import * as path from 'path';
import { ARTIFACTS, sheetCells, usePlayground } from '../helpers/playground';

jest.setTimeout(120_000);

const playground = usePlayground();

const rowOf = (a1: string) => parseInt(a1.replace(/^[A-Z]+/, ''), 10);
const colOf = (a1: string) => a1.replace(/\d+$/, '');

describe.each(['1.18', '1.1'])('指标库 in the playground at ExcelApi %s', (api) => {
  it('inserts two ticked indicators under their 二级, grows the merged cells, shifts the next table intact', async () => {
    const { page, errors } = await playground.open(api);
    await page.click('[data-testid="check-button"]');
    await page.waitForSelector('[data-testid="finding"]');
    await page.waitForSelector('[data-testid="check-button"]:not([disabled]):not(.is-disabled)');
    const before = await sheetCells(page);
    // The first table: 产出指标 merged over A10:A13 (1.18 shows merges; the fake's workbook has them either way).
    expect(before.A10.text).toBe('产出指标');
    expect(before.A10.rows).toBe(4);
    expect(before.C10.text).toBe('召开年度工作会议次数');

    await page.click('[data-testid="tab-library"]');
    await page.waitForSelector('[data-testid="library-type"]');
    const types = await page.$$eval('[data-testid="library-type"]', (els) => els.map((e) => e.textContent));
    expect(types[0]).toMatch(/^环保督察\d+%$/);
    expect(await page.textContent('[data-testid="library-table"]')).toContain('环保督查经费');

    // Search, tick a 数量 hit; back to the suggestions, tick a 质量 one.
    await page.fill('[data-testid="library-search"]', '会议');
    await page.waitForFunction(() => /^搜索结果/.test(document.querySelector('[data-testid="library-heading"]')!.textContent || ''));
    const hit = (await page.$$eval('[data-testid="library-item"][data-l2="数量指标"]', (els) => els.map((e) => (e as HTMLElement).dataset.l3)))[0] as string;
    expect(hit).toBeTruthy();
    await page.click(`[data-testid="library-item"][data-l3="${hit}"] .ms-Checkbox-label`);
    await page.fill('[data-testid="library-search"]', '');
    await page.waitForFunction(() => document.querySelector('[data-testid="library-heading"]')!.textContent === '推荐指标');
    const quality = (await page.$$eval('[data-testid="library-item"][data-l2="质量指标"]', (els) => els.map((e) => (e as HTMLElement).dataset.l3)))[0] as string;
    await page.click(`[data-testid="library-item"][data-l3="${quality}"] .ms-Checkbox-label`);
    expect(await page.textContent('[data-testid="library-selected"]')).toBe('已选 2 项');
    await (await page.$('[data-testid="task-pane"]'))!.screenshot({ path: path.join(ARTIFACTS, `library-chosen-${api}.png`) });

    await page.click('[data-testid="library-insert"]');
    await page.waitForSelector('[data-testid="library-result"]');
    await page.waitForSelector('[data-testid="message-bar"][data-kind="success"]');
    const placed = await page.$$eval('[data-testid="library-result-row"]', (els) => els.map((e) => [(e as HTMLElement).dataset.cell, (e as HTMLElement).dataset.l3]));
    expect(placed).toEqual([
      ['C11', hit],
      ['C13', quality],
    ]);
    // The view shows the new rows (re-rendered on the next frame).
    await page.waitForFunction(([c, t]) => document.querySelector(`[data-testid="sheet-view"] td[data-cell="${c}"]`)?.textContent === t, ['C11', hit]);
    const after = await sheetCells(page);
    expect(after.C11.text).toBe(hit);
    expect(after.C13.text).toBe(quality);
    // Under their 二级: 数量 (row 10) then the new one; 质量 (now row 12) then the new one.
    expect(after.C10.text).toBe('召开年度工作会议次数');
    expect(after.C12.text).toBe(before.C11.text);
    expect(after.C14.text).toBe(before.C12.text);
    // The re-check marks nothing on the ready-to-use 质量 row (a {数量} left in the 数量 row would be marked).
    const fills = await page.$$eval('[data-testid="sheet-view"] td[data-cell$="13"]', (tds) => tds.map((td) => (td as HTMLElement).dataset.cell + '=' + (td as HTMLElement).dataset.fill));
    expect(fills.filter((f) => /^[C-G]13=/.test(f))).toEqual(['C13=', 'D13=', 'F13=', 'G13='].concat(api === '1.18' ? [] : ['E13=']).sort());
    if (api === '1.18') {
      // 产出指标 grew over both new rows; each new row's 二级 merged with the one above; 描述 over D:E.
      expect(after.A10.rows).toBe(6);
      expect([after.B10.text, after.B10.rows, after.B12.text, after.B12.rows]).toEqual(['数量指标', 2, '质量指标', 2]);
      expect(after.B11).toBeUndefined();
      expect(after.E11).toBeUndefined();
    } else {
      // No merging below ExcelApi 1.2, no merged areas read below 1.13: Excel grew 产出 over the rows inserted inside
      // it; the new rows name their 二级 as every row of this table does.
      expect(after.A10.rows).toBe(6);
      expect([after.B11.text, after.B13.text]).toEqual(['数量指标', '质量指标']);
    }
    // Everything from the next table down moved by two rows, intact.
    const moved: string[] = [];
    for (const [a1, cell] of Object.entries(before)) {
      if (rowOf(a1) < 20) continue;
      const now = after[colOf(a1) + (rowOf(a1) + 2)];
      if (!now || now.text !== cell.text || now.rows !== cell.rows) moved.push(`${a1}: ${JSON.stringify(cell)} → ${JSON.stringify(now)}`);
    }
    expect(moved).toEqual([]);
    expect(after.A23.text).toBe('2.环保举报奖绩效目标表');

    // At the narrowest task pane (320 px) nothing runs off to the side.
    await page.$eval('[data-testid="task-pane"]', (el) => ((el as HTMLElement).style.width = '320px'));
    const overflow = await page.$eval('[data-testid="library-tab"]', (el) => {
      const wide: string[] = [];
      const limit = el.getBoundingClientRect().right + 0.5;
      el.querySelectorAll('*').forEach((x) => {
        if (x.getBoundingClientRect().right > limit) wide.push(x.tagName + '.' + (x as HTMLElement).className);
      });
      return { scroll: el.scrollWidth - el.clientWidth, wide: wide.slice(0, 5) };
    });
    expect(overflow).toEqual({ scroll: 0, wide: [] });
    // The sheet was checked again: the 检查 tab lists the six tables.
    await (await page.$('[data-testid="task-pane"]'))!.screenshot({ path: path.join(ARTIFACTS, `library-${api}.png`) });
    await page.screenshot({ path: path.join(ARTIFACTS, `library-playground-${api}.png`) });
    await page.click('[data-testid="tab-check"]');
    expect(await page.textContent('[data-testid="summary"]')).toMatch(/^6 个表/);

    // The first table's project fits its type: no note. 租赁费 names no type (only its 资金用途 does): the note says so.
    await page.click('[data-testid="tab-library"]');
    await page.waitForSelector('[data-testid="library-type"]');
    expect(await page.$('[data-testid="library-no-fit"]')).toBeNull();
    await page.click('[data-testid="library-table"]');
    await page.click('.ms-Dropdown-item:has-text("租赁费")');
    await page.waitForSelector('[data-testid="library-no-fit"]');
    expect(await page.textContent('[data-testid="library-no-fit"]')).toMatch(/^与指标库中的项目类型匹配度低：项目名称没有明确指向/);
    await (await page.$('[data-testid="task-pane"]'))!.screenshot({ path: path.join(ARTIFACTS, `library-no-fit-${api}.png`) });
    expect(errors).toEqual([]);
    await page.close();
  });
});
