/**
 * Browser test of the playground: the real task pane and the real Excel adapter over the fake office-js, driven
 * in Debian's Chromium through playwright-core. Load a sample, press 检查, see findings and highlighted cells,
 * click a finding and see the selection move, apply a suggestion, clear the marks and see every cell as before.
 */
import * as path from 'path';
import { Page } from 'playwright-core';
import { ARTIFACTS, usePlayground } from '../helpers/playground';

jest.setTimeout(120_000);

const playground = usePlayground();

type CellState = Record<string, { text: string; fill: string; note: boolean; comment: boolean }>;

/** Every cell of the visible sheet as the view shows it. */
async function sheetState(page: Page): Promise<CellState> {
  return page.$$eval('[data-testid="sheet-view"] td[data-cell]', (tds) => {
    const out: Record<string, { text: string; fill: string; note: boolean; comment: boolean }> = {};
    for (const td of tds as HTMLElement[]) {
      out[td.dataset.cell as string] = {
        text: td.textContent || '',
        fill: td.dataset.fill || '',
        note: td.dataset.note === '1',
        comment: td.dataset.comment === '1',
      };
    }
    return out;
  });
}

describe.each(['1.18', '1.13', '1.1'])('playground at ExcelApi %s', (api) => {
  it('checks, marks, selects, applies a suggestion and restores every cell on 清除标记', async () => {
    const { page, errors } = await playground.open(api);
    const before = await sheetState(page);
    expect(Object.keys(before).length).toBeGreaterThan(100);
    const sheetsBefore = await page.$$eval('[data-testid="sheet-tab"]', (els) => els.map((e) => (e as HTMLElement).dataset.name));

    await page.click('[data-testid="check-button"]');
    await page.waitForSelector('[data-testid="finding"]');
    const summary = await page.textContent('[data-testid="summary"]');
    expect(summary).toMatch(/错误|警告|提示/);
    const findings = await page.$$('[data-testid="finding"]');
    expect(findings.length).toBeGreaterThan(5);

    // Highlighted cells: the marked sheet shows fills that were not there before.
    const marked = await sheetState(page);
    const filled = Object.keys(marked).filter((a) => marked[a].fill && marked[a].fill !== before[a].fill);
    expect(filled.length).toBeGreaterThan(5);
    const withText = Object.keys(marked).filter((a) => marked[a].note || marked[a].comment);
    if (api === '1.18') expect(withText.filter((a) => marked[a].note).length).toBeGreaterThan(5);
    else if (api === '1.13') expect(withText.filter((a) => marked[a].comment).length).toBeGreaterThan(5);
    else expect(withText.length).toBe(Object.keys(before).filter((a) => before[a].note || before[a].comment).length);
    // The findings sheet is there on every client.
    const sheetsMarked = await page.$$eval('[data-testid="sheet-tab"]', (els) => els.map((e) => (e as HTMLElement).dataset.name));
    expect(sheetsMarked).toContain('审核意见');
    await page.screenshot({ path: path.join(ARTIFACTS, `playground-${api}.png`) });
    await (await page.$('[data-testid="task-pane"]'))!.screenshot({ path: path.join(ARTIFACTS, `pane-${api}.png`) });

    // Click a finding in the middle of the list: the sheet view selects its cell.
    const target = findings[Math.floor(findings.length / 2)];
    const address = (await target.getAttribute('data-address')) as string;
    expect(address).toMatch(/^[A-Z]+\d+/);
    await target.click();
    const anchor = address.split(':')[0];
    await page.waitForSelector(`[data-testid="sheet-view"] td.pg-selected[data-cell="${anchor}"], [data-testid="sheet-view"] td.pg-selected`);
    const selected = await page.$$eval('[data-testid="sheet-view"] td.pg-selected', (els) => els.map((e) => (e as HTMLElement).dataset.cell));
    expect(selected.length).toBeGreaterThan(0);

    // Apply one suggestion: exactly that cell's text changes to the suggestion.
    const applicable = await page.$$('[data-testid="finding-message"][data-edits="1"]');
    expect(applicable.length).toBeGreaterThan(0);
    const first = applicable[0];
    const fixAddress = (await first.getAttribute('data-address')) as string;
    const suggestion = (await first.getAttribute('data-suggestion')) as string;
    expect(suggestion).toBeTruthy();
    await (await first.$('[data-testid="apply-suggestion"]'))!.click();
    const fixCell = fixAddress.split(':')[0];
    await page.waitForFunction(
      ([a, s]) => {
        const td = document.querySelector(`[data-testid="sheet-view"] td[data-cell="${a}"]`);
        return !!td && td.textContent === s;
      },
      [fixCell, suggestion],
    );
    // Applying re-checks the sheet (restore, then mark again): wait until the pane is idle before looking at fills.
    await page.waitForSelector('[data-testid="check-tab"][data-busy=""]');

    // A user edit re-checks the sheet (debounced): a placeholder goal typed over with a real one loses its mark.
    if (api !== '1.1') {
      const goal = 'B8';
      expect((await sheetState(page))[goal].fill).not.toBe(before[goal].fill);
      await page.dblclick(`[data-testid="sheet-view"] td[data-cell="${goal}"]`);
      await page.fill('[data-testid="cell-editor"]', '配合中央和省市环保督察组开展督察工作，督察反馈问题按期整改到位，辖区环境质量持续改善。');
      await page.press('[data-testid="cell-editor"]', 'Enter');
      await page.waitForFunction(
        ([a, fill]) => {
          const td = document.querySelector(`[data-testid="sheet-view"] td[data-cell="${a}"]`) as HTMLElement | null;
          return !!td && (td.dataset.fill || '') === fill;
        },
        [goal, before[goal].fill],
      );
    }

    // 清除标记: every cell as before (the one accepted value aside), the findings sheet gone.
    await page.click('[data-testid="clear-button"]');
    await page.waitForFunction(() => !document.querySelector('[data-testid="sheet-tab"][data-name="审核意见"]'));
    const after = await sheetState(page);
    const expected: CellState = { ...before, [fixCell]: { ...before[fixCell], text: suggestion } };
    if (api !== '1.1') expected.B8 = { ...before.B8, text: after.B8.text };
    expect(after).toEqual(expected);
    const sheetsAfter = await page.$$eval('[data-testid="sheet-tab"]', (els) => els.map((e) => (e as HTMLElement).dataset.name));
    expect(sheetsAfter).toEqual(sheetsBefore);
    expect(errors).toEqual([]);
    await page.close();
  });
});
