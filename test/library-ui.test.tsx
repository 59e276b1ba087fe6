/**
 * @jest-environment jsdom
 */
// The 指标库 tab in jsdom over the in-memory host holding fixture 002: open the tab, see the project types with
// scores and the suggestions by 二级, search, tick two indicators, 插入, see what went where; a department-wide
// table says why nothing can be inserted.
import * as path from 'path';
import * as React from 'react';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { Grid } from '../src/core/grid';
import { libraryPaneText as L } from '../src/core/i18n/library';
import { MemoryHost } from '../src/taskpane/dev/memory-host';
import { TaskPaneSession } from '../src/taskpane/session';
import { TaskPane } from '../src/taskpane/components/TaskPane';
import { registerPaneIcons } from '../src/taskpane/icons';
import { FIXTURES, loadGrids } from './helpers/load';

// The whole pane over the built-in library (151 types, 2,800 indicators) on a shared machine: more than jest's
// default 5 s, though nothing here is a timing assertion (a timeout would tear jsdom down under pending updates).
jest.setTimeout(60000);

let g002: Grid[];

beforeAll(async () => {
  g002 = await loadGrids(path.join(FIXTURES, '002_f394b5ba38f6b2c8.xlsx'));
  registerPaneIcons();
});

function setup(host = new MemoryHost(g002)) {
  const session = new TaskPaneSession(host, { yieldToUi: () => Promise.resolve() });
  render(<TaskPane session={session} />);
  return { host, session };
}

const libItems = () => screen.queryAllByTestId('library-item');

describe('指标库 tab', () => {
  it('shows types and suggestions, searches, and inserts the ticked rows into the table', async () => {
    const { host } = setup();
    // Nothing is read before the tab is opened.
    expect(host.callsOf('readSheets').length).toBe(0);
    fireEvent.click(screen.getByTestId('tab-library'));
    await waitFor(() => expect(screen.getAllByTestId('library-type').length).toBeGreaterThan(0));
    const types = screen.getAllByTestId('library-type');
    expect(types[0].textContent).toMatch(/^环保督察\d+%$/);
    expect(libItems().length).toBeGreaterThan(5);
    expect(screen.getByTestId('library-heading').textContent).toBe(L.suggestionsHeading);
    expect((screen.getByTestId('library-insert') as HTMLButtonElement).disabled).toBe(true);
    // Every row: 三级, the filled value, 依据, the explanation as a tooltip.
    const first = libItems()[0];
    expect(first.getAttribute('data-l3')).toBeTruthy();
    expect(first.textContent).toContain(L.basis);
    expect(first.getAttribute('title')!.length).toBeGreaterThan(8);

    // Search: the input carries the test id; hits replace the suggestions once typing pauses.
    const box = screen.getByTestId('library-search') as HTMLInputElement;
    expect(box.tagName).toBe('INPUT');
    fireEvent.change(box, { target: { value: '会议' } });
    await waitFor(() => expect(screen.getByTestId('library-heading').textContent).toMatch(/^搜索结果/));
    const hit = libItems().find((x) => x.getAttribute('data-l2') === '数量指标')!;
    const hitL3 = hit.getAttribute('data-l3') as string;
    fireEvent.click(within(hit).getByRole('checkbox'));
    expect(hit.getAttribute('data-checked')).toBe('true');
    // Back to the suggestions: the ticked hit stays ticked; tick a 质量 suggestion by its text.
    fireEvent.change(box, { target: { value: '' } });
    await waitFor(() => expect(screen.getByTestId('library-heading').textContent).toBe(L.suggestionsHeading));
    const quality = libItems().find((x) => x.getAttribute('data-l2') === '质量指标')!;
    const qualityL3 = quality.getAttribute('data-l3') as string;
    fireEvent.click(within(quality).getByText(qualityL3));
    expect(screen.getByTestId('library-selected').textContent).toBe(L.selected(2));
    expect((screen.getByTestId('library-insert') as HTMLButtonElement).disabled).toBe(false);

    fireEvent.click(screen.getByTestId('library-insert'));
    await waitFor(() => expect(screen.getByTestId('library-result')).toBeTruthy());
    await waitFor(() => expect(screen.getByTestId('message-bar').getAttribute('data-kind')).toBe('success'));
    const rows = within(screen.getByTestId('library-result')).getAllByTestId('library-result-row');
    expect(rows.map((r) => [r.getAttribute('data-cell'), r.getAttribute('data-l3')])).toEqual([
      ['C11', hitL3],
      ['C13', qualityL3],
    ]);
    expect(host.text(g002[0].name, 'C11')).toBe(hitL3);
    expect(host.text(g002[0].name, 'C13')).toBe(qualityL3);
    expect(screen.getByTestId('message-bar').textContent).toContain(L.inserted(2, '环保督查经费'));
    // Clicking a result row selects its cell.
    fireEvent.click(rows[1]);
    await waitFor(() => expect(host.selections[host.selections.length - 1]).toEqual({ sheet: g002[0].name, address: 'C13' }));
    // The 检查 tab has the new result (the sheet was re-checked).
    fireEvent.click(screen.getByTestId('tab-check'));
    expect(screen.getByTestId('summary').textContent).toMatch(/^6 个表/);
    // The template route is explained, not offered as a button that does nothing.
    fireEvent.click(screen.getByTestId('tab-library'));
    expect(screen.getByTestId('library-template-note').textContent).toBe(L.templateNote);
  });

  it('picks the table of the selected cell and explains a table that cannot take rows', async () => {
    const host = new MemoryHost(g002);
    host.selected = { sheet: g002[0].name, address: 'C35' };
    setup(host);
    fireEvent.click(screen.getByTestId('tab-library'));
    await waitFor(() => expect(screen.getAllByTestId('library-type').length).toBeGreaterThan(0));
    expect(screen.getByTestId('library-table').textContent).toContain('环保举报奖');
    expect(screen.queryByTestId('library-unsupported')).toBeNull();
  });

  it('says why a department-wide table takes no library rows', async () => {
    const host = new MemoryHost(g002);
    // The first table written as a department-wide one (部门产出 …).
    host.sheets.get(g002[0].name)!.setCell(9, 0, { value: '部门产出', text: '部门产出' });
    host.selected = { sheet: g002[0].name, address: 'C12' };
    setup(host);
    fireEvent.click(screen.getByTestId('tab-library'));
    await waitFor(() => expect(screen.getByTestId('library-unsupported').textContent).toBe(L.unsupported.department));
    expect(screen.queryAllByTestId('library-type').length).toBe(0);
    expect(screen.queryByTestId('library-insert')).toBeNull();
    // The other tables can still be chosen.
    expect(screen.getByTestId('library-table').textContent).toContain('环保督查经费');
  });
});
