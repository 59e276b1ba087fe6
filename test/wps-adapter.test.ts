// The WPS adapter (src/hosts/wps) over the fake ET (src/fakes/wps): reads the fixtures into the same tables as the
// .xlsx reader, marks and restores every cell exactly (also after save and reopen), keeps a user's comment, refuses
// before the first write what ET would refuse half-way, rolls a failed marking back from its record, and stays within
// a stated budget of ET calls on a 1,000-table sheet.
import * as path from 'path';
import { loadGrids, FIXTURES } from './helpers/load';
import { FakeSheetInit, FakeWorkbook, gridSheet, stackedSheet } from '../src/fakes/excel';
import { FakeEt, createFakeEt } from '../src/fakes/wps/et';
import { createWpsHost, wpsApplication } from '../src/hosts/wps';
import { normalise2D, etAddressRect } from '../src/hosts/wps/read';
import { bgrToHex, hexToBgr } from '../src/hosts/wps/marks';
import { EtSheetStore, STORE_SHEET } from '../src/hosts/wps/store';
import { checkGrids } from '../src/core/check';
import { parseGrids } from '../src/core/parse';
import { Grid } from '../src/core/grid';
import { MARK_FILL, planMarks } from '../src/core/marks';
import { annotateText } from '../src/core/i18n/host';
import { SheetHost } from '../src/hosts/host';
import { MarkWriteError } from '../src/core/marking';
import { RecordError } from '../src/core/record';

jest.setTimeout(120_000);

const STEMS = ['000_24cde7d862e1b3bb', '001_247e9d6eca422fe5', '002_f394b5ba38f6b2c8', '004_d64ddf90eec77ce7', '004_d64ddf90eec77ce7.per-sheet'];
const cache = new Map<string, Grid[]>();
async function fixture(stem: string): Promise<Grid[]> {
  let g = cache.get(stem);
  if (!g) cache.set(stem, (g = await loadGrids(path.join(FIXTURES, stem + '.xlsx'))));
  return g;
}

function install(wb: FakeWorkbook, opts: Parameters<typeof createFakeEt>[1] = {}): { et: FakeEt; host: SheetHost } {
  const et = createFakeEt(wb, opts);
  return { et, host: createWpsHost(et.app) };
}

const tableText = (grids: Grid[]) => parseGrids(grids).map((t) => ({ sheet: t.sheet, range: t.range, name: t.name.text, code: t.code.text, n: t.indicators.length, rows: t.indicators.map((i) => [i.l1.text, i.l2.text, i.l3.text, i.value.text]) }));

describe('ET shapes and colours', () => {
  it('normalises Value2 to rows × cols', () => {
    expect(normalise2D(5, 1, 1)).toEqual([[5]]);
    expect(normalise2D(null, 1, 1)).toEqual([[null]]);
    expect(normalise2D([1, 2, 3], 1, 3)).toEqual([[1, 2, 3]]);
    expect(normalise2D([1, 2, 3], 3, 1)).toEqual([[1], [2], [3]]);
    expect(normalise2D([[1, 2]], 1, 2)).toEqual([[1, 2]]);
    expect(etAddressRect('$B$3:$C$4')).toEqual({ top: 2, left: 1, bottom: 3, right: 2 });
  });
  it('converts colours to BGR and back', () => {
    expect(hexToBgr('#FF0000')).toBe(0x0000ff);
    expect(bgrToHex(0x0000ff)).toBe('#FF0000');
    for (const c of Object.values(MARK_FILL)) expect(bgrToHex(hexToBgr(c))).toBe(c);
  });
  it('finds window.Application or window.wps', () => {
    const app = {};
    expect(wpsApplication({ Application: app })).toBe(app);
    expect(wpsApplication({ wps: { EtApplication: () => app } })).toBe(app);
    expect(wpsApplication({})).toBeNull();
  });
});

describe('reading', () => {
  it.each(STEMS)('reads %s into the same tables as the .xlsx reader', async (stem) => {
    const grids = await fixture(stem);
    const { host } = install(FakeWorkbook.fromGrids(grids));
    const names = await host.sheetNames();
    const read = await host.readSheets(names);
    expect(tableText(read)).toEqual(tableText(grids));
    for (const [i, g] of read.entries()) expect(g.merges.map((m) => JSON.stringify(m)).sort()).toEqual(grids[i].merges.map((m) => JSON.stringify(m)).sort());
  });

  it('reads formula errors (CVErr), number formats, 1×1, single-row and empty sheets', async () => {
    const wb = FakeWorkbook.fromSheets([
      { name: 'A', cells: [{ row: 2, col: 1, value: 7.5, numberFormat: '0.00' }, { row: 2, col: 2, value: 0.25, numberFormat: '0%' }, { row: 3, col: 1, value: null, error: '#DIV/0!' }, { row: 4, col: 1, value: '00123' }], merges: [] },
      { name: 'One', cells: [{ row: 0, col: 0, value: 'x' }], merges: [] },
      { name: 'Row', cells: [{ row: 1, col: 1, value: 'a' }, { row: 1, col: 2, value: 3 }, { row: 1, col: 3, value: 4 }], merges: [] },
      { name: 'Empty', cells: [], merges: [] },
    ]);
    const { host } = install(wb);
    const [a, one, row, empty] = await host.readSheets(['A', 'One', 'Row', 'Empty']);
    expect([a.value(2, 1), a.text(2, 1), a.text(2, 2)]).toEqual([7.5, '7.50', '25%']);
    expect(a.error(3, 1)).toBe('#DIV/0!');
    expect(a.text(4, 1)).toBe('00123');
    expect(one.text(0, 0)).toBe('x');
    expect([row.text(1, 1), row.text(1, 2), row.text(1, 3)]).toEqual(['a', '3', '4']);
    expect(empty.rowCount).toBe(0);
  });
});

/** Fills and comments of every cell, and the sheets: what 清除标记 must give back. */
function look(wb: FakeWorkbook) {
  const snap = wb.snapshot();
  return snap.sheets.map((s) => ({ name: s.name, visibility: s.visibility, cells: s.cells, notes: Object.fromEntries(Object.entries(s.notes).map(([a, n]) => [a, n.content])), merges: s.merges }));
}

describe('marks', () => {
  async function prepared() {
    const grids = await fixture('000_24cde7d862e1b3bb');
    const init = gridSheet(grids[0]);
    // A user's fill and comment on cells that get marked, and a white fill that must stay white.
    const wb = FakeWorkbook.fromSheets([init]);
    const { host, et } = install(wb);
    const read = await host.readSheets(await host.sheetNames());
    const diags = checkGrids(read).diagnostics;
    const marks = planMarks(diags, (s, r, c) => read[0].mergeAt(r, c));
    const s = wb.sheet(init.name)!;
    wb.setFill(s, marks[0].row, marks[0].col, { color: '#00B050', pattern: 'Solid' });
    wb.setFill(s, marks[1].row, marks[1].col, { color: '#FFFFFF', pattern: 'Solid' });
    s.notes.set(marks[2].row * 16384 + marks[2].col, { content: '用户的批注', author: '张三' });
    return { wb, host, et, read, diags, marks, sheet: init.name };
  }

  it('marks the planned cells in BGR, comments them, writes 审核意见 with links, and restores every cell exactly', async () => {
    const p = await prepared();
    const before = look(p.wb);
    p.et.resetStats();
    const sum = await p.host.applyMarks(p.diags, p.read);
    expect(sum).toEqual({ cells: p.marks.length, findingsSheet: annotateText.sheetName });
    expect(p.et.visibleChanges).toBe(0);
    expect(p.et.appImpl.ScreenUpdating).toBe(true);
    expect(p.et.appImpl.DisplayAlerts).toBe(true);
    expect(p.et.dialogs).toEqual([]);
    const s = p.wb.sheet(p.sheet)!;
    for (const m of p.marks) {
      const c = s.cell(m.row, m.col);
      expect(c.fill).toBe(MARK_FILL[m.severity]);
      expect(c.note!.startsWith(m.note)).toBe(true);
    }
    expect(s.cell(p.marks[2].row, p.marks[2].col).note).toContain('用户的批注');
    const f = p.wb.sheet('审核意见')!;
    expect(f.cell(0, 0).text).toBe('序号');
    expect(f.cell(1, 2).formula).toMatch(/^=HYPERLINK\("#'/);
    expect(p.wb.activeSheet).toBe(p.sheet);
    // The record is in a very hidden sheet, never listed or read.
    expect(p.wb.sheet(STORE_SHEET)!.visibility).toBe('VeryHidden');
    expect(await p.host.sheetNames()).toEqual([p.sheet]);
    expect(await p.host.hasMarks()).toBe(true);

    // Marking again restores first: nothing stacks.
    await p.host.applyMarks(p.diags, p.read);
    expect(s.cell(p.marks[2].row, p.marks[2].col).note!.split('用户的批注').length).toBe(2);
    expect(p.wb.sheets.map((x) => x.name)).toEqual([p.sheet, STORE_SHEET, '审核意见']);

    const cleared = await p.host.clearMarks();
    expect(cleared.cells).toBe(p.marks.length);
    expect(look(p.wb)).toEqual(before);
    expect(s.notes.get(p.marks[2].row * 16384 + p.marks[2].col)!.content).toBe('用户的批注');
    expect(await p.host.hasMarks()).toBe(false);
  });

  it('restores after save and reopen (the record travels in the workbook, not in PluginStorage)', async () => {
    const p = await prepared();
    const before = look(p.wb);
    await p.host.applyMarks(p.diags, p.read);
    const reopened = FakeWorkbook.fromJSON(JSON.parse(JSON.stringify(p.wb.toJSON())));
    const { host } = install(reopened);
    expect(await host.hasMarks()).toBe(true);
    await host.clearMarks();
    expect(look(reopened)).toEqual(before);
  });

  it('refuses a protected sheet or workbook before the first write', async () => {
    const p = await prepared();
    const before = look(p.wb);
    for (const opts of [{ protectedSheets: [p.sheet] }, { protectStructure: true }]) {
      const { host } = install(p.wb, opts);
      const e = await host.applyMarks(p.diags, p.read).catch((x) => x);
      expect(e).toBeInstanceOf(MarkWriteError);
      expect(e.message).toMatch(/受保护.*没有写入任何/);
      expect(look(p.wb)).toEqual(before);
    }
  });

  it.each(['Range.AddComment', 'Worksheets.Add', 'Interior.Color'])('rolls a marking that fails at %s back from its record', async (member) => {
    const p = await prepared();
    const before = look(p.wb);
    // Fail part-way: after a few successful calls of that member.
    p.et.failOn(member, { after: member === 'Worksheets.Add' ? 1 : member === 'Interior.Color' ? 2 : 3, times: 1, error: { description: '拒绝访问' } });
    const e = await p.host.applyMarks(p.diags, p.read).catch((x) => x);
    expect(e).toBeInstanceOf(MarkWriteError);
    expect(e.message).toMatch(/^标记未完成（.+时出错：WPS 表格：拒绝访问）。已写入的标记已全部撤回/);
    expect(look(p.wb)).toEqual(before);
    expect(await p.host.hasMarks()).toBe(false);
    expect(p.et.appImpl.ScreenUpdating).toBe(true);
    expect(p.et.appImpl.DisplayAlerts).toBe(true);
  });

  it('says which step failed when ET fails while reading what the cells hold, and changes nothing', async () => {
    const p = await prepared();
    const before = look(p.wb);
    p.et.failOn('Comments.Item', { error: { description: '拒绝访问' }, times: 1 });
    const e = await p.host.applyMarks(p.diags, p.read).catch((x) => x);
    expect(e).toBeInstanceOf(MarkWriteError);
    expect(e.message).toMatch(/^标记未完成（读取单元格原有格式时出错：WPS 表格：拒绝访问）/);
    expect(look(p.wb)).toEqual(before);
  });

  it('reports a newer or damaged record in Chinese instead of clearing nothing', async () => {
    const p = await prepared();
    await p.host.applyMarks(p.diags, p.read);
    const store = p.wb.sheet(STORE_SHEET)!;
    const head = [...store.cells.values()].find((c) => typeof c.value === 'string' && /^\{"v":\d+,"parts"/.test(c.value))!;
    head.value = '{"v":9,"parts":1}';
    const newer = await p.host.clearMarks().catch((x) => x);
    expect(newer).toBeInstanceOf(RecordError);
    expect(newer.message).toContain('更新版本');
    head.value = '{"v":2,"parts":"x"}';
    const damaged = await p.host.clearMarks().catch((x) => x);
    expect(damaged).toBeInstanceOf(RecordError);
    expect(damaged.message).toContain('已损坏');
    expect(await p.host.hasMarks()).toBe(true);
  });
});

describe('the call budget on a 1,000-table sheet', () => {
  it('reads and marks 1,005 tables within the stated budget of ET calls', async () => {
    const [g000] = await fixture('000_24cde7d862e1b3bb');
    const wb = FakeWorkbook.fromSheets([stackedSheet(g000, 67, '项目表')]);
    const { host, et } = install(wb);
    et.resetStats();
    const [big] = await host.readSheets(['项目表']);
    const readCalls = et.calls;
    const tables = parseGrids([big]);
    expect(tables.length).toBe(67 * parseGrids([g000]).length);
    expect(big.merges.length).toBe(67 * g000.merges.length);
    const diags = checkGrids([big]).diagnostics;
    const marks = planMarks(diags, (s, r, c) => big.mergeAt(r, c));
    et.resetStats();
    await host.applyMarks(diags, [big]);
    const markCalls = et.calls;
    et.resetStats();
    await host.clearMarks();
    const clearCalls = et.calls;
    const perTable = (n: number) => n / tables.length;
    console.log(
      `ET calls, ${tables.length} tables, ${big.rowCount} rows, ${big.merges.length} merged areas, ${marks.length} marked cells: ` +
        `read ${readCalls} (${perTable(readCalls).toFixed(0)}/table), mark ${markCalls} (${perTable(markCalls).toFixed(0)}/table), clear ${clearCalls}`,
    );
    // The budget (docs/wps.md): reading ≤ 160 calls per table (most of them finding merged areas), marking ≤ 3 calls per marked cell + 10 per table,
    // clearing ≤ 1 call per marked cell. At ≈ 0.2 ms a call: ≈ 30 s, 4 s and 2 s for this sheet (≈ 0.5 s for a usual 15-table file).
    expect(readCalls).toBeLessThanOrEqual(160 * tables.length);
    expect(markCalls).toBeLessThanOrEqual(3 * marks.length + 10 * tables.length);
    expect(clearCalls).toBeLessThanOrEqual(marks.length);
    // Values in 500-row blocks.
    expect(et.callsByMember['Range.Value2'] || 0).toBeLessThan(10);
  });
});

describe('record store', () => {
  it('saves and loads any record in a fixed few ET calls (custom document properties would take one per 255 characters)', async () => {
    const [g000] = await fixture('000_24cde7d862e1b3bb');
    const wb = FakeWorkbook.fromSheets([stackedSheet(g000, 67, '项目表')]);
    const { host, et } = install(wb);
    const [big] = await host.readSheets(['项目表']);
    const diags = checkGrids([big]).diagnostics;
    const store = new EtSheetStore(() => et.app.ActiveWorkbook!);
    await host.applyMarks(diags, [big]);
    const chars = [...wb.sheet(STORE_SHEET)!.cells.values()].reduce((n, c) => n + (typeof c.value === 'string' ? c.value.length : 0), 0);
    et.resetStats();
    store.reset();
    const head = store.get('ptcheck.marks');
    const loadCalls = et.calls;
    et.resetStats();
    store.set('ptcheck.test', 'x');
    await store.save();
    const saveCalls = et.calls;
    console.log(`record of ${chars} characters: load ${loadCalls} ET calls, save ${saveCalls}; as 255-character document properties: ${Math.ceil(chars / 255)} properties`);
    expect(head).toMatch(/^\{"v":2,"parts":\d+\}$/);
    expect(chars).toBeGreaterThan(100_000);
    expect(loadCalls).toBeLessThanOrEqual(12);
    expect(saveCalls).toBeLessThanOrEqual(12);
    // What custom document properties would need for the same record, at one Add per 255 characters.
    expect(Math.ceil(chars / 255)).toBeGreaterThan(50 * saveCalls);
  });
});

describe('select, write, insert, events', () => {
  it('selects a cell on another sheet (activates, scrolls), writes one value, reports the selection', async () => {
    const wb = FakeWorkbook.fromSheets([
      { name: 'A', cells: [{ row: 0, col: 0, value: 'a' }], merges: [] },
      { name: 'B', cells: [{ row: 40, col: 2, value: 'b' }], merges: [] },
    ]);
    const { host, et } = install(wb);
    await host.select('B', 'C41');
    expect(wb.activeSheet).toBe('B');
    expect(wb.selection).toEqual({ sheet: 'B', address: 'C41' });
    expect(et.window.ScrollRow).toBe(38);
    expect(await host.selection()).toEqual({ sheet: 'B', address: 'C41' });
    await host.writeValue('B', 'C41:D41', '≥95%');
    expect(wb.sheet('B')!.cell(40, 2).text).toBe('≥95%');
  });

  it('reports user edits (SheetChange) but not its own writes', async () => {
    const wb = FakeWorkbook.fromSheets([{ name: 'A', cells: [{ row: 0, col: 0, value: 'a' }], merges: [] }]);
    const { host } = install(wb);
    const seen: string[] = [];
    const off = await host.onUserEdit!((s, a) => seen.push(s + '!' + a));
    await host.writeValue('A', 'B2', 'x');
    await new Promise((r) => setTimeout(r, 5));
    await wb.editCell('A', 2, 2, 'y');
    await new Promise((r) => setTimeout(r, 5));
    expect(seen).toEqual(['A!C3']);
    off();
    await wb.editCell('A', 3, 3, 'z');
    await new Promise((r) => setTimeout(r, 5));
    expect(seen).toEqual(['A!C3']);
  });

  it('refuses to insert when the sheet changed since the plan, inserts whole rows otherwise', async () => {
    const init: FakeSheetInit = {
      name: 'T',
      cells: [
        { row: 0, col: 0, value: '产出指标' }, { row: 0, col: 1, value: '数量指标' }, { row: 0, col: 2, value: 'x' },
        { row: 1, col: 2, value: 'y' }, { row: 2, col: 0, value: '下一个' },
      ],
      merges: [{ top: 0, left: 0, bottom: 1, right: 0 }],
    };
    const wb = FakeWorkbook.fromSheets([init]);
    const { host } = install(wb);
    const plan = {
      sheet: 'T', left: 0,
      blocks: [{ after: 0, values: [['', '', '新指标']], formatRow: 0, formatCols: [[2, 2]] as [number, number][] }],
      merges: [{ top: 0, left: 0, bottom: 2, right: 0 }],
      expect: { top: 0, left: 2, values: [['x'], ['y']] },
    };
    const bad = { ...plan, expect: { top: 0, left: 2, values: [['x'], ['changed']] } };
    await expect(host.insertRows('T', bad)).rejects.toThrow(/已改变|变化|改动|不一致|重新/);
    expect(wb.sheet('T')!.cell(1, 2).text).toBe('y');
    expect(await host.insertRows('T', plan)).toEqual({ inserted: 1 });
    const s = wb.sheet('T')!;
    expect([s.cell(1, 2).text, s.cell(2, 2).text, s.cell(3, 0).text]).toEqual(['新指标', 'y', '下一个']);
    expect(s.merges).toEqual([{ top: 0, left: 0, bottom: 2, right: 0 }]);
  });
});
