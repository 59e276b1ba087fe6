/**
 * @jest-environment jsdom
 */
// The playground's sheet view shows a window of rows: the first ones, or those around the selection (a finding far
// down a large sheet is shown when clicked); a merged area begun above the window shows its master's content.
import * as React from 'react';
import { render } from '@testing-library/react';
import { SheetView, ViewSheet } from '../src/playground/SheetView';
import { playgroundText as T } from '../src/core/i18n/playground';

function sheet(rows: number): ViewSheet {
  return {
    name: 'S',
    rowCount: rows,
    colCount: 2,
    merges: [{ top: 1490, left: 1, bottom: 1510, right: 1 }],
    cell: (r, c) => ({ text: c === 0 ? `R${r + 1}` : r === 1490 ? '合并的主单元格' : '', value: null }) as never,
  };
}

const rowHeads = (c: HTMLElement) => Array.from(c.querySelectorAll('th.pg-rowhead')).map((e) => Number(e.textContent));

describe('SheetView window', () => {
  it('shows the first rows without a selection, and says which rows it shows', () => {
    const { container } = render(<SheetView sheet={sheet(3000)} version={0} maxRows={600} />);
    const heads = rowHeads(container);
    expect(heads[0]).toBe(1);
    expect(heads[heads.length - 1]).toBe(600);
    expect(container.textContent).toContain(T.rowsCut(1, 600, 3000));
  });

  it('follows a selection far down the sheet; a merge begun above the window keeps its content', () => {
    const { container } = render(<SheetView sheet={sheet(3000)} version={0} maxRows={600} selection="A1700" />);
    const heads = rowHeads(container);
    expect(heads[0]).toBe(1700 - 200);
    expect(heads).toContain(1700);
    expect(heads.length).toBe(600);
    const master = container.querySelector('[data-cell="B1500"]') as HTMLElement;
    expect(master.textContent).toBe('合并的主单元格');
    expect(master.getAttribute('rowspan')).toBe(String(1511 - 1500 + 1));
    expect(container.querySelector('[data-cell="A1"]')).toBeNull();
  });
});
