/**
 * @jest-environment jsdom
 */
// The task pane in jsdom over the in-memory host holding fixture 002 (six project tables on one sheet): press
// 检查, findings appear grouped by table, the severity filter, click to select, 应用建议 writes the one cell.
import * as path from 'path';
import * as React from 'react';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { Grid } from '../src/core/grid';
import { checkGrids } from '../src/core/check';
import { ruleShortName, taskpaneText as T } from '../src/core/i18n/taskpane';
import { reviewPaneText as R } from '../src/core/i18n/review';
import { MemoryHost } from '../src/taskpane/dev/memory-host';
import { TaskPaneSession } from '../src/taskpane/session';
import { TaskPane } from '../src/taskpane/components/TaskPane';
import { registerPaneIcons } from '../src/taskpane/icons';
import { mountTaskPane } from '../src/taskpane/mount';
import { FIXTURES, loadGrids } from './helpers/load';

// Rendering Fluent in jsdom takes seconds on a loaded machine.
jest.setTimeout(30_000);

let g002: Grid[];
let g004: Grid[];

beforeAll(async () => {
  g002 = await loadGrids(path.join(FIXTURES, '002_f394b5ba38f6b2c8.xlsx'));
  g004 = await loadGrids(path.join(FIXTURES, '004_d64ddf90eec77ce7.per-sheet.xlsx'));
  registerPaneIcons();
});

function setup(grids: Grid[], host = new MemoryHost(grids)) {
  const session = new TaskPaneSession(host, { yieldToUi: () => Promise.resolve() });
  const view = render(<TaskPane session={session} />);
  return { host, session, view };
}

async function pressCheck(): Promise<void> {
  fireEvent.click(screen.getByTestId('check-button'));
  await waitFor(() => expect(screen.getAllByTestId('finding').length).toBeGreaterThan(0));
  await waitFor(() => expect(screen.getByTestId('check-tab').getAttribute('data-busy')).toBe(''));
}

const findings = () => screen.queryAllByTestId('finding');

describe('task pane', () => {
  it('checks and lists the findings grouped by table, with the summary', async () => {
    const { host } = setup(g002);
    expect(screen.queryByTestId('summary')).toBeNull();
    expect(screen.getByTestId('clear-button').getAttribute('aria-disabled')).toBe('true');
    await pressCheck();

    const expected = checkGrids(g002).diagnostics;
    const count = (s: string) => expected.filter((d) => d.severity === s).length;
    expect(screen.getByTestId('summary').textContent).toBe(T.summary(6, count('error'), count('warning'), count('info')));
    const groups = screen.getAllByTestId('finding-group').filter((g) => g.getAttribute('data-kind') === 'table');
    expect(groups.map((g) => g.getAttribute('data-title')).sort()).toEqual(
      ['环保督查经费', '环保举报奖', '环境监测费', '指挥中心精细化平台服务费', '重污染天气应急经费', '租赁费'].sort(),
    );
    // What to fix first is said in one line.
    expect(screen.getByTestId('fix-first').textContent).toMatch(/^先改 \d+ 个错误/);
    // Each card carries its cell for the browser test; the first table's group holds that table's cells only.
    const first = groups.find((g) => g.getAttribute('data-title') === '环保督查经费') as HTMLElement;
    for (const row of within(first).getAllByTestId('finding')) {
      expect(row.getAttribute('data-sheet')).toBe('项目绩效目标表');
      const r = parseInt((row.getAttribute('data-address') as string).replace(/^[A-Z]+/, ''), 10);
      expect(r).toBeLessThanOrEqual(18);
    }
    expect(screen.getByTestId('clear-button').getAttribute('aria-disabled')).not.toBe('true');
    // Focus stays on 检查 (it is never disabled out of the focus order).
    expect(host.callsOf('applyMarks').length).toBe(1);

    // A rule with many findings in a table is one expandable row (a column-wide 描述 finding is already one finding
    // on its header).
    const collapsed = screen.getAllByTestId('finding-rule')[0];
    const rule = collapsed.getAttribute('data-rule') as string;
    const n = Number(collapsed.getAttribute('data-count'));
    expect(n).toBeGreaterThanOrEqual(4);
    expect(collapsed.textContent).toContain(`${ruleShortName(rule)}（${n} 处）`);
    expect(within(collapsed).queryAllByTestId('finding').length).toBe(0);
    fireEvent.click(within(collapsed).getByRole('button'));
    expect(within(collapsed).getAllByTestId('finding').length).toBe(n);
  });

  it('filters by severity', async () => {
    setup(g002);
    await pressCheck();
    const warn = screen.getByTestId('severity-filter-warning');
    expect(warn.getAttribute('aria-pressed')).toBe('true');
    expect(findings().some((f) => f.getAttribute('data-severity') === 'warning')).toBe(true);
    fireEvent.click(warn);
    expect(screen.getByTestId('severity-filter-warning').getAttribute('aria-pressed')).toBe('false');
    expect(findings().length).toBeGreaterThan(0);
    expect(findings().some((f) => f.getAttribute('data-severity') === 'warning')).toBe(false);
    // Counts on the buttons stay the totals.
    expect(screen.getByTestId('severity-filter-warning').textContent).toMatch(/^警告 \d+$/);
    fireEvent.click(screen.getByTestId('severity-filter-error'));
    fireEvent.click(screen.getByTestId('severity-filter-info'));
    expect(findings().length).toBe(0);
    expect(screen.getByText(T.allFiltered)).toBeTruthy();
  });

  it('selects the cell of a clicked finding and applies a suggestion to exactly that cell', async () => {
    const { host } = setup(g002);
    await pressCheck();
    const row = findings().find((f) => f.getAttribute('data-cell') === '项目绩效目标表!F13') as HTMLElement;
    fireEvent.click(row);
    await waitFor(() => expect(host.selections).toEqual([{ sheet: '项目绩效目标表', address: 'F13' }]));

    const suggestion = row.getAttribute('data-suggestion') as string;
    expect(suggestion).toBe('≤100000.00元');
    const msg = within(row)
      .getAllByTestId('finding-message')
      .find((m) => m.getAttribute('data-rule') === 'value.unit-mismatch') as HTMLElement;
    expect(msg.getAttribute('data-suggestion')).toBe('≤100000.00元');
    fireEvent.click(within(msg).getByTestId('apply-suggestion'));
    await waitFor(() => expect(screen.getByTestId('message-bar').getAttribute('data-kind')).toBe('success'));
    expect(host.writes).toEqual([{ sheet: '项目绩效目标表', address: 'F13', text: '≤100000.00元' }]);
    // Pressing the button did not also select the row.
    expect(host.selections.length).toBe(1);
    expect(screen.getByTestId('message-bar').textContent).toContain('已将 项目绩效目标表!F13 改为“≤100000.00元”。');
    await waitFor(() => expect(findings().some((f) => f.getAttribute('data-cell') === '项目绩效目标表!F13' && f.getAttribute('data-rule') === 'value.unit-mismatch')).toBe(false));
    // A plan written per quarter spans several cells: one fix, with a preview of each cell it writes.
    const plan = screen.getAllByTestId('finding-message').find((f) => f.getAttribute('data-address') === 'B7:E7') as HTMLElement;
    expect(within(plan).getByTestId('apply-suggestion').textContent).toBe(T.applyMany(3));
    expect(within(plan).getByTestId('apply-preview').textContent).toContain('C7 → 100%');
  });

  it('checks the whole workbook when asked, clears marks, and shows host errors in a MessageBar', async () => {
    const host = new MemoryHost(g004);
    setup(g004, host);
    fireEvent.click(screen.getByTestId('scope-workbook'));
    await pressCheck();
    expect(host.callsOf('readSheets')[0].args[0]).toEqual(g004.map((g) => g.name));
    // Every table with a finding of its own has a group (a table whose only findings repeat across tables is listed
    // under the repeated finding instead).
    const tableGroups = screen.getAllByTestId('finding-group').filter((g) => g.getAttribute('data-kind') === 'table');
    expect(tableGroups.length).toBeGreaterThanOrEqual(11);
    expect(tableGroups.length).toBeLessThanOrEqual(12);

    fireEvent.click(screen.getByTestId('clear-button'));
    await waitFor(() => expect(screen.getByTestId('message-bar').textContent).toContain('已清除'));
    expect(host.marked).toBeNull();

    host.failNext('readSheets', new Error('工作簿已关闭，请重新打开任务窗格。'));
    fireEvent.click(screen.getByTestId('check-button'));
    await waitFor(() => expect(screen.getByTestId('message-bar').getAttribute('data-kind')).toBe('error'));
    expect(screen.getByTestId('message-bar').textContent).toContain('工作簿已关闭，请重新打开任务窗格。');
  });

  it('审核 walks the findings (J/K), ignores one, and a footer from the host features', async () => {
    setup(g002, new MemoryHost(g002, { features: { apiLevel: '1.13', cellText: 'comment' } }));
    expect(screen.getByTestId('footer').textContent).toBe('新版 Excel（全部功能） · 问题以填充色和批注标出');
    expect(screen.getByTestId('footer').getAttribute('title')).toContain('ExcelApi 1.13');
    fireEvent.click(screen.getByTestId('tab-review'));
    // The 审核 tab is its own chunk, loaded on first use.
    const tab = await screen.findByTestId('review-tab', undefined, { timeout: 10000 });
    fireEvent.change(within(tab).getByTestId('review-name'), { target: { value: '李审核' } });
    fireEvent.click(screen.getByTestId('review-check'));
    await waitFor(() => expect(screen.getByTestId('review-current').textContent).toContain(R.position(1, 2).slice(0, 4)));
    const total = Number(/\/ (\d+)/.exec(screen.getByTestId('review-current').textContent || '')![1]);
    expect(total).toBeGreaterThan(1);
    fireEvent.keyDown(tab, { key: 'j' });
    await waitFor(() => expect(screen.getByTestId('review-current').textContent).toContain(R.position(2, total)));
    fireEvent.keyDown(tab, { key: 'ArrowUp' });
    await waitFor(() => expect(screen.getByTestId('review-current').textContent).toContain(R.position(1, total)));
    fireEvent.click(screen.getByTestId('review-ignore'));
    await waitFor(() => expect(screen.getByTestId('review-ignored').textContent).toContain(R.ignoredList(1)));
    expect(screen.getByTestId('review-current').textContent).toContain(R.position(1, total - 1));
    expect(screen.getByTestId('review-projects').textContent).toContain(R.projectsTitle);
    fireEvent.click(screen.getByTestId('tab-check'));
    expect(screen.getByTestId('check-button')).toBeTruthy();
  });

  it('模板 writes the current table onto a new sheet, leaving the user\'s sheet as it was', async () => {
    const host = new MemoryHost(g002);
    setup(g002, host);
    const before = host.text(g002[0].name, 'A1');
    fireEvent.click(screen.getByTestId('tab-template'));
    await waitFor(() => expect(screen.getByTestId('template-preview').querySelectorAll('tr').length).toBeGreaterThan(0));
    expect(screen.getByTestId('template-select').textContent).toContain('项目支出绩效目标表');
    await waitFor(() => expect((screen.getByTestId('template-write') as HTMLButtonElement).disabled).toBe(false));
    fireEvent.click(screen.getByTestId('template-write'));
    await waitFor(() => expect(screen.getByTestId('template-result')).toBeTruthy());
    expect(host.written).toHaveLength(1);
    expect(screen.getByTestId('template-result').textContent).toContain(host.written[0].sheet);
    expect(host.written[0].sheet).not.toBe(g002[0].name);
    expect(host.text(g002[0].name, 'A1')).toBe(before);
  });

  it('mounts and unmounts through mountTaskPane', async () => {
    const el = document.createElement('div');
    document.body.appendChild(el);
    const host = new MemoryHost(g002);
    let session: TaskPaneSession | undefined;
    let unmount: () => void = () => undefined;
    act(() => {
      unmount = mountTaskPane(el, host, { onSession: (s) => (session = s), yieldToUi: () => Promise.resolve() });
    });
    expect(el.querySelector('[data-testid="check-button"]')).toBeTruthy();
    await act(async () => {
      await session!.check('sheet');
    });
    expect(el.querySelectorAll('[data-testid="finding"]').length).toBeGreaterThan(5);
    await act(async () => {
      await Promise.resolve();
    });
    expect(host.listenerCount()).toBe(1);
    act(() => unmount());
    expect(el.innerHTML).toBe('');
    await act(async () => {
      await Promise.resolve();
    });
    expect(host.listenerCount()).toBe(0);
  });
});
