// The 指标库 tab's use cases (src/taskpane/library-session.ts) over the in-memory host holding fixture 002 (six
// stacked project tables): the tables and the current one, types and suggestions by 二级, the debounced search,
// choosing, 插入 (marks off first, rows in, re-check and re-mark), and Chinese messages when something is wrong.
import * as path from 'path';
import { Grid, parseA1 } from '../src/core/grid';
import { parseGrids } from '../src/core/parse';
import { libraryPaneText as L } from '../src/core/i18n/library';
import { MemoryHost } from '../src/taskpane/dev/memory-host';
import { TaskPaneSession } from '../src/taskpane/session';
import { LibrarySession, SUGGEST_TOP } from '../src/taskpane/library-session';
import { indicatorById } from '../src/core/library';
import { FIXTURES, loadGrids } from './helpers/load';

let g002: Grid[];
let g004: Grid[];
beforeAll(async () => {
  g002 = await loadGrids(path.join(FIXTURES, '002_f394b5ba38f6b2c8.xlsx'));
  g004 = await loadGrids(path.join(FIXTURES, '004_d64ddf90eec77ce7.per-sheet.xlsx'));
});

function setup(grids: Grid[] = g002, host = new MemoryHost(grids)) {
  const pane = new TaskPaneSession(host, { yieldToUi: () => Promise.resolve() });
  const lib = new LibrarySession(pane, { debounceMs: 5 });
  return { host, pane, lib };
}

const items = (lib: LibrarySession) => lib.getState().groups.flatMap((g) => g.items);
const methods = (host: MemoryHost) => host.calls.map((c) => c.method);

describe('the library tab', () => {
  it('without a check reads the active sheet; lists its tables, the types and the suggestions by 二级', async () => {
    const { host, lib } = setup();
    await lib.activate();
    const st = lib.getState();
    expect(host.callsOf('readSheets').map((c) => c.args[0])).toEqual([[g002[0].name]]);
    expect(st.tables.map((t) => t.title)).toEqual(['环保督查经费', '环保举报奖', '环境监测费', '指挥中心精细化平台服务费', '重污染天气应急经费', '租赁费']);
    expect(st.current).toBe(0);
    expect(st.types[0]).toMatchObject({ id: 'env-inspection', name: '环保督察' });
    expect(st.types[0].score).toBeGreaterThan(0.5);
    expect(st.searching).toBe(false);
    expect(items(lib).length).toBeGreaterThanOrEqual(SUGGEST_TOP);
    // Groups in the profile's order: 产出 (数量, 质量, 时效, 成本) before 效益 before 满意度.
    const order = st.groups.map((g) => g.l2);
    expect(order.indexOf('质量指标')).toBeLessThan(order.indexOf('成本指标'));
    expect(order.indexOf('成本指标')).toBeLessThan(order.indexOf('生态效益指标'));
    // What the table has is not offered.
    const own = parseGrids(g002)[0].indicators.map((i) => i.l3.text);
    expect(items(lib).some((i) => own.includes(i.l3))).toBe(false);
    // Activating again does not read again.
    await lib.activate();
    expect(host.callsOf('readSheets').length).toBe(1);
  });

  it('tells whether the best type fits: well for 环保督查经费, poorly for 租赁费 (only its 资金用途 names a type)', async () => {
    const { lib } = setup();
    await lib.activate();
    expect(lib.getState().fit).toMatchObject({ good: true, reason: 'ok' });
    lib.setTable(5);
    const st = lib.getState();
    expect(st.tables[5].title).toBe('租赁费');
    expect(st.fit).toMatchObject({ good: false, reason: 'weak', best: { id: 'env-inspection' } });
    // Still suggested: the weak type's rows, which its 资金用途 supports.
    expect(items(lib).some((i) => i.id.startsWith('env-inspection.'))).toBe(true);
  });

  it('follows the selected cell, and the tables of the last check', async () => {
    const { host, pane, lib } = setup(g004, new MemoryHost(g004, { active: g004[2].name }));
    host.selected = { sheet: g004[2].name, address: 'C12' };
    await lib.activate();
    expect(lib.getState().tables.length).toBe(1);
    expect(lib.getState().tables[0].sheet).toBe(g004[2].name);
    await pane.check('workbook');
    expect(lib.getState().tables.length).toBe(12);
    // The current table stays the same one.
    expect(lib.getState().tables[lib.getState().current].sheet).toBe(g004[2].name);
    host.selected = { sheet: g004[5].name, address: 'C12' };
    await lib.useSelection();
    expect(lib.getState().tables[lib.getState().current].sheet).toBe(g004[5].name);
  });

  it('searches the whole library as the user types (debounced), leaving out what the table has', async () => {
    const { lib } = setup();
    await lib.activate();
    lib.setQuery('培');
    lib.setQuery('培训');
    expect(lib.getState().searching).toBe(false);
    await new Promise((r) => setTimeout(r, 20));
    const st = lib.getState();
    expect(st.searching).toBe(true);
    expect(st.listed).toBeGreaterThan(3);
    expect(items(lib)[0].l3).toMatch(/培训/);
    // Values are filled for this table (its budget, in 元).
    lib.setQuery('总成本');
    lib.flushSearch();
    const cost = items(lib).find((i) => /\{预算数\}/.test(i.l3) === false && /≤100000元/.test(i.value));
    expect(cost).toBeDefined();
    lib.setQuery('');
    lib.flushSearch();
    expect(lib.getState().searching).toBe(false);
  });

  it('inserts the chosen rows under their 二级, re-checks and re-marks, and stops offering them', async () => {
    const { host, pane, lib } = setup();
    await pane.check('sheet');
    await lib.activate();
    expect(pane.getState().hasMarks).toBe(true);
    const quality = items(lib).find((i) => i.l2 === '质量指标')!;
    lib.setQuery('会议');
    lib.flushSearch();
    const meeting = items(lib).find((i) => i.l2 === '数量指标')!;
    expect(meeting).toBeDefined();
    lib.toggle(meeting.id, true);
    lib.setQuery('');
    lib.flushSearch();
    lib.toggle(quality.id, true);
    expect(lib.getState().checked).toEqual([meeting.id, quality.id]);
    host.calls.length = 0;

    await lib.insert();
    // Read and plan, marks off, rows in, show them, read again, re-mark.
    expect(methods(host)).toEqual(['readSheets', 'hasMarks', 'clearMarks', 'insertRows', 'select', 'readSheets', 'applyMarks']);
    const st = lib.getState();
    expect(st.checked).toEqual([]);
    expect(st.result!.table).toBe('环保督查经费');
    expect(st.result!.rows.map((r) => [r.l2, r.l3])).toEqual([
      ['数量指标', meeting.l3],
      ['质量指标', quality.l3],
    ]);
    // Under their 二级: the 数量 row is row 10, the 质量 row 11 (1-based): new rows at 11 and 13.
    expect(st.result!.rows.map((r) => r.cell)).toEqual(['C11', 'C13']);
    const notice = pane.getState().notice!;
    expect(notice.kind).toBe('success');
    expect(notice.text).toContain(L.inserted(2, '环保督查经费'));
    expect(notice.text).toContain(L.marksCleared);
    expect(host.text(g002[0].name, 'C11')).toBe(meeting.l3);
    // The sheet was checked again: the table has the rows, the marks are back, the next table moved down by 2.
    const t = pane.checkedTables()[0].table;
    expect(t.indicators.map((i) => i.l3.text)).toContain(meeting.l3);
    expect(pane.checkedTables()[1].table.range).toBe('A23:G40');
    expect(pane.getState().hasMarks).toBe(true);
    expect(host.marked).not.toBeNull();
    expect(host.selections[host.selections.length - 1]).toEqual({ sheet: g002[0].name, address: 'C11' });
    // The library follows the new check: what was inserted is not offered again.
    expect(items(lib).some((i) => i.id === quality.id)).toBe(false);
    expect(lib.getState().tables[lib.getState().current].title).toBe('环保督查经费');
  });

  it('never writes a {数量} placeholder: blank without a number (the re-check flags it), the number when typed', async () => {
    const { host, pane, lib } = setup();
    await lib.activate();
    const pending = items(lib).filter((i) => i.pending);
    expect(pending.length).toBeGreaterThan(1);
    expect(pending[0].value).toMatch(/\{数量\}/);
    lib.toggle(pending[0].id, true);
    await lib.insert();
    expect(pane.getState().notice!.text).toContain(L.pendingLeft(1));
    expect(lib.getState().result!.rows[0].pending).toBe(true);
    const cell = lib.getState().result!.rows[0].cell;
    const valueCell = 'F' + (parseA1(cell).row + 1);
    expect(host.text(g002[0].name, valueCell)).toBe('');
    expect(pane.allFindings().some((f) => f.cell === valueCell && f.rule === 'value.empty')).toBe(true);
    // No check before: nothing to clear.
    expect(methods(host)).not.toContain('clearMarks');

    // With a number typed, that number replaces the placeholder; a non-number blocks 插入.
    const next = items(lib).find((i) => i.pending && i.id !== pending[0].id)!;
    lib.toggle(next.id, true);
    lib.setAmount(next.id, '十二');
    expect(lib.amountsValid()).toBe(false);
    lib.setAmount(next.id, '12');
    expect(lib.amountsValid()).toBe(true);
    await lib.insert();
    const row = lib.getState().result!.rows[0];
    expect(row.pending).toBe(false);
    expect(row.value).toBe(next.value.replace('{数量}', '12'));
    expect(host.text(g002[0].name, 'F' + (parseA1(row.cell).row + 1))).toBe(row.value);
  });

  it('a type chip lists the indicators of that type (and pressed again, the suggestions)', async () => {
    const { lib } = setup();
    await lib.activate();
    const type = lib.getState().types[1];
    lib.setTypeFilter(type.id);
    expect(lib.getState().typeFilter).toBe(type.id);
    expect(lib.getState().query).toBe('');
    expect(items(lib).length).toBeGreaterThan(0);
    expect(items(lib).every((i) => indicatorById(i.id)!.types.indexOf(type.id) >= 0)).toBe(true);
    lib.setTypeFilter(type.id);
    expect(lib.getState().typeFilter).toBeNull();
    expect(lib.getState().searching).toBe(false);
  });

  it('shows the unit the value is written in', async () => {
    const { lib } = setup();
    await lib.activate();
    const inYuan = items(lib).filter((it) => /[0-9]元$/.test(it.value));
    expect(inYuan.length).toBeGreaterThan(0);
    for (const it of inYuan) expect(it.unit).toBe('元');
  });

  it('says in Chinese when nothing is chosen, when the host refuses, and when the table is gone', async () => {
    const { host, pane, lib } = setup();
    await pane.check('sheet');
    await lib.activate();
    await lib.insert();
    expect(pane.getState().notice).toEqual({ kind: 'warning', text: L.nothingChosen });

    const first = items(lib)[0];
    lib.toggle(first.id, true);
    host.failNext('insertRows', new Error('工作表受保护，无法插入行。'));
    await lib.insert();
    expect(pane.getState().notice!.kind).toBe('error');
    expect(pane.getState().notice!.text).toContain('工作表受保护，无法插入行。');
    // The marks taken off for the insertion are back; the choice is kept for another try.
    expect(pane.getState().hasMarks).toBe(true);
    expect(host.marked).not.toBeNull();
    expect(lib.getState().checked).toEqual([first.id]);
    expect(host.inserts.length).toBe(0);

    // The table was renamed (or replaced) since the tab read it.
    const g = host.sheets.get(g002[0].name)!;
    g.setCell(2, 4, { value: '另一个项目', text: '另一个项目' });
    const before = host.callsOf('clearMarks').length;
    await lib.insert();
    expect(pane.getState().notice!.text).toContain(L.tableGone);
    expect(host.callsOf('clearMarks').length).toBe(before);
    expect(pane.getState().hasMarks).toBe(true);
  });
});
