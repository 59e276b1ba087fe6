// Inserting library rows through the Excel adapter (src/hosts/excel/insert.ts) over the fake office-js, at each
// simulated client: ExcelApi 1.1 (no merging, no copyFrom), 1.9 (copyFrom, merged areas unreadable), 1.13 (merged
// areas read) and 1.18. Two syncs for any insertion; nothing below is lost (every cell, fill, number format, note and
// comment below is where it was, shifted by the rows inserted); merged areas extended where they can be; the sheet
// reads back with the new rows under their 二级 and the checker raises nothing new about them. Through the pane, the
// marks come off before the rows go in and are put back after, so 清除标记 still restores every (shifted) cell.
import * as path from 'path';
import { FIXTURES, loadGrids } from './helpers/load';
import { FakeCell, FakeOffice, FakeSheetInit, FakeWorkbook, gridSheet, installFakeOffice, versionAtLeast } from '../src/fakes/excel';
import { createExcelHost, ExcelHost, ExcelHostError } from '../src/hosts/excel';
import { insertAddresses } from '../src/hosts/excel/insert';
import { planInput, textInput } from '../src/core/template/ops';
import { Grid, Rect, rectToA1, toA1 } from '../src/core/grid';
import { parseGrids } from '../src/core/parse';
import { checkGrids } from '../src/core/check';
import { TargetTable } from '../src/core/model';
import { suggest, Suggestion } from '../src/core/library/suggest';
import { planIndicatorInsert } from '../src/core/library/insert';
import { InsertPlan, applyInsertPlan, finalRow, shiftMerge } from '../src/core/rows';
import { TaskPaneSession } from '../src/taskpane/session';
import { LibrarySession } from '../src/taskpane/library-session';

const LEVELS = ['1.1', '1.9', '1.13', '1.18'] as const;

let g002: Grid[];
let g000split: Grid[];
beforeAll(async () => {
  g002 = await loadGrids(path.join(FIXTURES, '002_f394b5ba38f6b2c8.xlsx'));
  g000split = await loadGrids(path.join(FIXTURES, '000_24cde7d862e1b3bb.flat-split.xlsx'));
});

let fake: FakeOffice | undefined;
afterEach(() => {
  fake?.uninstall();
  fake = undefined;
});

function install(wb: FakeWorkbook, level: string): { host: ExcelHost; fake: FakeOffice } {
  fake = installFakeOffice(wb, { apiLevel: level });
  return { host: createExcelHost(), fake };
}

const rowsText = (t: TargetTable) => t.indicators.map((i) => [i.effL1, i.effL2, i.l3.text, i.desc.text, i.value.text, i.basis.text].join('|'));

/**
 * Fixture 002 (six stacked tables, 一级 merged, 描述 over D:E) with a user's fill and number format on the first
 * table's 质量 row, and below every insertion point a note, a comment thread and a fill.
 */
function book(): { wb: FakeWorkbook; sheet: string } {
  const s: FakeSheetInit = gridSheet(g002[0]);
  for (let c = 2; c <= 6; c++) {
    const cell = s.cells.find((x) => x.row === 10 && x.col === c);
    if (cell) cell.fill = '#E2EFDA';
    else s.cells.push({ row: 10, col: c, value: null, fill: '#E2EFDA' });
  }
  const f13 = s.cells.find((x) => x.row === 12 && x.col === 5)!;
  f13.numberFormat = '@';
  s.cells.push({ row: 40, col: 8, value: '表外备注', fill: '#FFFF00' });
  s.notes = [{ row: 30, col: 2, text: '用户批注：核对完成率' }];
  s.comments = [{ row: 50, col: 3, text: '请复核', replies: ['已复核'] }];
  return { wb: FakeWorkbook.fromSheets([s]), sheet: s.name };
}

const picks = ['举报线索查处率', '整改问题销号验收合格率', '督察工作保障总成本', '督察反馈生态环境问题整改率'];

async function planFor(host: ExcelHost, sheet: string, names: string[] = picks): Promise<{ grid: Grid; t: TargetTable; items: Suggestion[]; plan: InsertPlan; placed: ReturnType<typeof planIndicatorInsert>['placed'] }> {
  const [grid] = await host.readSheets([sheet]);
  const t = parseGrids([grid])[0];
  const res = suggest({ name: '', existing: t }, { top: 12 });
  const items = names.map((n) => res.suggestions.find((x) => x.l3 === n)!);
  const { plan, placed } = planIndicatorInsert(grid, t, items);
  return { grid, t, items, plan, placed };
}

const cellKey = (k: number) => toA1(Math.floor(k / 16384), k % 16384);

describe.each(LEVELS)('ExcelApi %s', (level) => {
  const merges = versionAtLeast(level, '1.13');
  const canMerge = versionAtLeast(level, '1.2');
  const copies = versionAtLeast(level, '1.9');

  it('inserts in 2 syncs; every cell, note and comment below moves down intact; merged areas follow', async () => {
    const { wb, sheet } = book();
    const { host, fake } = install(wb, level);
    const { grid, t, plan, placed } = await planFor(host, sheet);
    // Below 1.13 the host reads no merged areas, so the plan makes none.
    expect(plan.merges.length > 0).toBe(merges);
    const before = wb.sheet(sheet)!;
    const oldCells = new Map(Array.from(before.cells.entries()).map(([k, c]) => [k, JSON.parse(JSON.stringify(c)) as FakeCell]));
    const oldNotes = new Map(before.notes);
    const oldComments = new Map(before.comments);
    const oldMerges = before.merges.map((m) => ({ ...m }));

    fake.resetStats();
    const res = await host.insertRows(sheet, plan);
    expect(res.inserted).toBe(4);
    expect(fake.stats.syncs).toBe(2);

    const s = wb.sheet(sheet)!;
    const newRows = new Set(placed.map((p) => p.row));
    // Every old cell at its new row, unchanged (the planned merges hide nothing here).
    const moved: string[] = [];
    oldCells.forEach((c, k) => {
      const row = Math.floor(k / 16384);
      const col = k % 16384;
      const now = s.cells.get(finalRow(plan, row) * 16384 + col);
      if (JSON.stringify(now) !== JSON.stringify(c)) moved.push(`${cellKey(k)}: ${JSON.stringify(c)} → ${JSON.stringify(now)}`);
    });
    expect(moved).toEqual([]);
    expect(Array.from(s.notes.entries()).map(([k, n]) => [cellKey(k), n.content])).toEqual(Array.from(oldNotes.entries()).map(([k, n]) => [toA1(finalRow(plan, Math.floor(k / 16384)), k % 16384), n.content]));
    expect(Array.from(s.comments.entries()).map(([k, n]) => [cellKey(k), n.content, n.replies.map((r) => r.content)])).toEqual(
      Array.from(oldComments.entries()).map(([k, n]) => [toA1(finalRow(plan, Math.floor(k / 16384)), k % 16384), n.content, ['已复核']]),
    );
    // The new rows hold the values as given: "=100%" is text, not a formula.
    for (const p of placed) {
      expect(s.cell(p.row, 2).text).toBe(p.item.l3);
      expect(s.cell(p.row, 5).text).toBe(p.item.value);
      expect(s.cell(p.row, 5).formula).toBeUndefined();
    }
    // Merged areas: the old ones moved down or grown (Excel grows those the rows go into), the planned ones made
    // (1.13+), and 描述 over D:E copied with the formats (1.9+).
    const shifted = oldMerges.map((m) => plan.blocks.reduce((x, b) => shiftMerge(x, b.after + 1, b.values.length), m));
    const have = s.merges.map(rectToA1).sort();
    const expected = new Set(shifted.map(rectToA1));
    if (canMerge && merges) {
      const want = applyInsertPlan(grid, plan).merges.map(rectToA1).sort();
      expect(have).toEqual(want);
      expect(have).toContain('A10:A16');
      expect(have).toContain('B11:B13');
    } else {
      const horiz: string[] = [];
      if (copies) for (const p of placed) horiz.push(rectToA1({ top: p.row, left: 3, bottom: p.row, right: 4 }));
      expect(have).toEqual([...Array.from(expected), ...horiz].sort());
      // Grown where the rows went inside: 产出 A10:A13 took the two 质量 rows (inside) but not the 成本 row (after its end).
      expect(have).toContain('A10:A15');
    }
    // Formats of the row above (1.9+): the user's fill on the 质量 row reaches the new 质量 rows.
    for (const p of placed.slice(0, 2)) expect(s.cell(p.row, 3).fill).toBe(copies ? '#E2EFDA' : null);
    expect(s.cell(placed[0].row, 0).fill).toBeNull();

    // Read back: same six tables, the new rows under their 二级, the next tables as before, nothing new to report.
    const [after] = await host.readSheets([sheet]);
    const tables = parseGrids([after]);
    const old = parseGrids([grid]);
    expect(tables.length).toBe(6);
    for (const p of placed) {
      const row = tables[0].indicators.find((i) => i.row === p.row)!;
      expect([row.effL1, row.effL2, row.l3.text]).toEqual([p.l1, p.l2, p.item.l3]);
    }
    for (let i = 1; i < 6; i++) expect(rowsText(tables[i])).toEqual(rowsText(old[i]));
    expect(tables[0].indicators.length).toBe(t.indicators.length + 4);
    const diags = checkGrids([after]).diagnostics.filter((d) => d.severity !== 'info' && newRows.has(parseInt(d.cell.replace(/^[A-Z]+/, ''), 10) - 1));
    expect(diags).toEqual([]);
  });

  it('inserts into the flat 符号·值·单位 list, repeating 项目名称, 一级 and 二级', async () => {
    const wb = FakeWorkbook.fromGrids(g000split);
    const { host, fake } = install(wb, level);
    const [grid] = await host.readSheets([g000split[0].name]);
    const t = parseGrids([grid])[1];
    const res = suggest({ name: '', existing: t }, { top: 12 });
    const items = [res.suggestions.find((x) => x.l3 === '项目验收合格率')!, res.suggestions.find((x) => x.missing.length > 0)!];
    const { plan, placed } = planIndicatorInsert(grid, t, items);
    fake.resetStats();
    await host.insertRows(grid.name, plan);
    expect(fake.stats.syncs).toBe(2);
    const s = wb.sheet(grid.name)!;
    const line = (r: number) => Array.from({ length: 9 }, (_, c) => s.cell(r, c).text);
    expect(line(placed[0].row)).toEqual([t.name.text, '产出指标', '质量指标', '项目验收合格率', items[0].desc, '=', '100', '%', items[0].basis]);
    // The 值 cell holds a number, as the list's own rows do; the 符号 "=" is text.
    expect(s.cell(placed[0].row, 6).value).toBe(100);
    expect(s.cell(placed[0].row, 5).value).toBe('=');
    expect(line(placed[1].row).slice(5, 8)).toEqual(['≥', '{数量}', items[1].unit]);
    const [after] = await host.readSheets([grid.name]);
    const again = parseGrids([after]);
    expect(again.length).toBe(15);
    expect(again[1].indicators.length).toBe(t.indicators.length + 2);
    expect(rowsText(again[2])).toEqual(rowsText(parseGrids([grid])[2]));
  });

  it('refuses a plan made before the sheet changed, changing nothing, in 1 sync', async () => {
    const { wb, sheet } = book();
    const { host, fake } = install(wb, level);
    const { plan } = await planFor(host, sheet, picks.slice(0, 1));
    await wb.editCell(sheet, 12, 2, '改过的三级指标');
    const snap = JSON.stringify(wb.snapshot());
    fake.resetStats();
    await expect(host.insertRows(sheet, plan)).rejects.toMatchObject({ code: 'SheetChanged' });
    await expect(host.insertRows(sheet, plan)).rejects.toBeInstanceOf(ExcelHostError);
    expect(fake.stats.syncs).toBe(2);
    expect(JSON.stringify(wb.snapshot())).toBe(snap);
  });

  it('through the pane: marks off before inserting, re-marked after; 清除标记 then restores every cell (shifted)', async () => {
    const { wb, sheet } = book();
    const { host } = install(wb, level);
    const original = wb.sheet(sheet)!;
    const fillsBefore = new Map(Array.from(original.cells.entries()).map(([k, c]) => [k, c.fill ? c.fill.color : null]));
    const notesBefore = Array.from(original.notes.entries()).map(([k, n]) => [k, n.content] as const);
    const pane = new TaskPaneSession(host, { yieldToUi: () => Promise.resolve() });
    const lib = new LibrarySession(pane, { debounceMs: 1 });
    await pane.check('sheet');
    expect(wb.sheet('审核意见')).toBeDefined();
    await lib.activate();
    const chosen = lib
      .getState()
      .groups.flatMap((g) => g.items)
      .filter((i) => picks.includes(i.l3));
    expect(chosen.length).toBeGreaterThanOrEqual(2);
    for (const it of chosen) lib.toggle(it.id, true);
    await lib.insert();
    expect(pane.getState().notice!.kind).toBe('success');
    const placed = lib.getState().result!.rows;
    // Re-marked: the findings sheet is back and the record names cells of the shifted sheet.
    expect(wb.sheet('审核意见')).toBeDefined();
    expect(pane.getState().hasMarks).toBe(true);
    await pane.clearMarks();
    expect(wb.sheet('审核意见')).toBeUndefined();
    const s = wb.sheet(sheet)!;
    const rows = placed.map((r) => parseInt(r.cell.slice(1), 10) - 1).sort((a, b) => a - b);
    // The i-th new row (in sheet order) went in after original row rows[i] - i - 1: a row moves down by the new
    // rows that went in above it.
    const shift = (row: number) => row + rows.filter((r, i) => r - i - 1 < row).length;
    const wrong: string[] = [];
    fillsBefore.forEach((fill, k) => {
      const now = s.cells.get(shift(Math.floor(k / 16384)) * 16384 + (k % 16384));
      if ((now && now.fill ? now.fill.color : null) !== fill) wrong.push(cellKey(k));
    });
    expect(wrong).toEqual([]);
    // No mark left on the new rows either (their fill is the row above's, or none).
    for (const r of rows) for (let c = 0; c < 7; c++) expect(['#E2EFDA', null]).toContain(s.cell(r, c).fill);
    // The user's own note is back where its cell went (at 1.18 the findings were written above it).
    expect(Array.from(s.notes.entries()).map(([k, n]) => [k, n.content])).toEqual(notesBefore.map(([k, t]) => [shift(Math.floor(k / 16384)) * 16384 + (k % 16384), t]));
    expect(Array.from(s.comments.values()).map((c) => c.content)).toEqual(['请复核']);
    pane.dispose();
    lib.dispose();
  });

  it('tells the selected cell and its sheet', async () => {
    const { wb, sheet } = book();
    const { host } = install(wb, level);
    expect(await host.selection()).toEqual({ sheet, address: 'A1' });
    await host.select(sheet, 'C12');
    expect(await host.selection()).toEqual({ sheet, address: 'C12' });
  });

  it('does not report its own insertion as a user edit', async () => {
    if (!versionAtLeast(level, '1.7')) return;
    const { wb, sheet } = book();
    const { host } = install(wb, level);
    const edits: string[] = [];
    await host.onUserEdit!((s, a) => edits.push(s + '!' + a));
    const { plan } = await planFor(host, sheet);
    await host.insertRows(sheet, plan);
    await new Promise((r) => setTimeout(r, 10));
    expect(edits).toEqual([]);
    await wb.editCell(sheet, 1, 1, 'x');
    expect(edits.length).toBe(1);
  });
});

describe('what the adapter writes', () => {
  it('keeps text Excel would read as a formula as text', () => {
    expect(textInput('=100%')).toBe("'=100%");
    expect(textInput('=')).toBe("'=");
    expect(textInput('+5')).toBe("'+5");
    expect(textInput('≥95%')).toBe("'≥95%");
    expect(textInput('95')).toBe("'95");
    expect(textInput('2023年12月')).toBe("'2023年12月");
    expect(textInput('')).toBe('');
    // Inserted rows: plain numbers that read back as written are numbers; everything else is text.
    expect(planInput('100')).toBe(100);
    expect(planInput('0.5')).toBe(0.5);
    expect(planInput('100.00')).toBe("'100.00");
    expect(planInput('007')).toBe("'007");
    expect(planInput('{数量}')).toBe("'{数量}");
  });

  it('names the addresses of its own writes (for telling them from the user’s)', () => {
    const plan: InsertPlan = {
      sheet: 'S',
      left: 0,
      blocks: [
        { after: 12, values: [['', '', 'x', '', '', '1', '']], formatRow: 12, formatCols: [] },
        { after: 10, values: [['', '', 'y', '', '', '', ''], ['', 'q', 'z', '', '', '', 'w']], formatRow: 10, formatCols: [] },
      ],
      merges: [] as Rect[],
      expect: { top: 0, left: 0, values: [] },
    };
    expect(insertAddresses(plan)).toEqual(['14:14', 'C16:F16', '12:13', 'B12:G13']);
  });
});
