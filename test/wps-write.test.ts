// Writing a rendered template onto a new sheet through the WPS adapter (src/hosts/wps/write.ts) over the fake ET
// object model (test/fakes/wps): for every fixture table in every built-in template that applies, per sheet and
// stacked, what ET holds afterwards is exactly what the ops ask for (values as text or number, merges, fonts and
// alignment, every border edge, widths in ET characters, heights, print setup), shows the same text per cell as the
// .xlsx the ExcelJS host writes, and costs a number of bridge calls that grows with the ops, not with the cells.
import * as fs from 'fs';
import * as path from 'path';
import { FIXTURES, loadGrids } from './helpers/load';
import { seedTable, workbookFrom } from './helpers/seed';
import { FakeWorkbook, formatValue, gridSheet } from '../src/fakes/excel';
import { EtSheetSnapshot, FakeEt, createFakeEt, etWidthPoints } from '../src/fakes/wps/et';
import { Grid, Rect, colToLetters, rectToA1, toA1 } from '../src/core/grid';
import { packRects } from '../src/core/marks';
import { parseGrids } from '../src/core/parse';
import { TargetTable } from '../src/core/model';
import { Layout, MAX_ROW_HEIGHT, SheetOps, TemplateSchema, columnWidthPoints, fillWorkbook, findTemplate } from '../src/core/template';
import { freeSheetName } from '../src/core/marks';
import { writeSheetEt, etColumnWidth, styleChannels, borderIndexes, VALUE_BLOCK_ROWS, EtWriteSheetResult } from '../src/hosts/wps/write';
import { WpsHostError } from '../src/hosts/wps/errors';
import { workbookBuffer } from '../src/hosts/workbook/fill';
import { readGridsFromBuffer } from '../src/hosts/workbook/read';

jest.setTimeout(180000);

// ---------------------------------------------------------------------------------------------------------------
// What ET should hold for a sheet's ops, built from the ops alone (the VBA numbers written out, not the adapter's).

const H = { left: -4131, center: -4108, right: -4152 } as const;
const V = { top: -4160, middle: -4108, bottom: -4107 } as const;

function expectedSheet(ops: SheetOps, name: string): EtSheetSnapshot {
  const cells: EtSheetSnapshot['cells'] = {};
  for (const c of ops.cells) {
    if (c.value === '') continue;
    const out: EtSheetSnapshot['cells'][string] = { value: c.value, text: c.text };
    if (c.numberFormat) out.numberFormat = c.numberFormat;
    cells[toA1(c.row, c.col)] = out;
  }
  const styles: EtSheetSnapshot['styles'] = {};
  for (const s of ops.styles) {
    for (let r = s.rect.top; r <= s.rect.bottom; r++) {
      for (let c = s.rect.left; c <= s.rect.right; c++) {
        styles[toA1(r, c)] = {
          fontName: s.style.font.name, fontSize: s.style.font.size, bold: s.style.font.bold,
          horizontal: H[s.style.horizontal], vertical: V[s.style.vertical], wrap: s.style.wrap,
        };
      }
    }
  }
  const borders: EtSheetSnapshot['borders'] = {};
  for (const b of ops.borders) {
    const edge = { lineStyle: 1, weight: b.weight === 'medium' ? -4138 : 2 };
    const { top, left, bottom, right } = b.rect;
    for (let r = top; r <= bottom; r++) {
      for (let c = left; c <= right; c++) {
        const all = b.edges === 'all';
        if (all || r === top) borders['h:' + toA1(r, c)] = edge;
        if (all || r === bottom) borders['h:' + toA1(r + 1, c)] = edge;
        if (all || c === left) borders['v:' + toA1(r, c)] = edge;
        if (all || c === right) borders['v:' + toA1(r, c + 1)] = edge;
      }
    }
  }
  const columnWidths: Record<string, number> = {};
  ops.columns.forEach((w, i) => (columnWidths[colToLetters(i)] = etColumnWidth(w)));
  const rowHeights: Record<string, number> = {};
  for (const h of ops.rowHeights) rowHeights[String(h.row + 1)] = h.height;
  const p = ops.print;
  const m = p.margins;
  return {
    name,
    cells,
    merges: ops.merges.map(rectToA1).sort(),
    styles,
    borders,
    fills: {},
    columnWidths,
    rowHeights,
    page: {
      paperSize: 9,
      orientation: p.orientation === 'landscape' ? 2 : 1,
      zoom: false,
      fitToPagesWide: p.fitToWidth || false,
      fitToPagesTall: p.fitToHeight || false,
      margins: { left: m.left * 72, right: m.right * 72, top: m.top * 72, bottom: m.bottom * 72, header: m.header * 72, footer: m.footer * 72 },
      centerHorizontally: p.horizontalCentered,
      printTitleRows: p.titleRows ? `$${p.titleRows.first + 1}:$${p.titleRows.last + 1}` : '',
      rowBreaks: p.rowBreaks.filter((r) => r > 0).map((r) => r + 1),
    },
  };
}

/** Part by part, so a failure names what differs. */
function expectSheet(actual: EtSheetSnapshot, ops: SheetOps, name: string): void {
  const want = expectedSheet(ops, name);
  expect(actual.name).toBe(want.name);
  expect(actual.cells).toEqual(want.cells);
  expect(actual.merges).toEqual(want.merges);
  expect(actual.styles).toEqual(want.styles);
  expect(actual.borders).toEqual(want.borders);
  expect(actual.fills).toEqual(want.fills);
  expect(actual.columnWidths).toEqual(want.columnWidths);
  expect(actual.rowHeights).toEqual(want.rowHeights);
  expect(actual.page).toEqual(want.page);
}

/** The .xlsx of the ExcelJS host, read back: display text and value type per cell equal the ET sheet's. */
function expectSameAsExcelJs(et: EtSheetSnapshot, g: Grid): void {
  const fromXlsx: Record<string, { text: string; number: boolean }> = {};
  for (let r = 0; r < g.rowCount; r++) {
    for (let c = 0; c < g.colCount; c++) {
      const t = g.rawText(r, c);
      if (t !== '') fromXlsx[toA1(r, c)] = { text: t, number: typeof g.value(r, c) === 'number' };
    }
  }
  const fromEt: Record<string, { text: string; number: boolean }> = {};
  for (const [a1, c] of Object.entries(et.cells)) if (c.text !== '') fromEt[a1] = { text: c.text, number: typeof c.value === 'number' };
  expect(fromEt).toEqual(fromXlsx);
}

// ---------------------------------------------------------------------------------------------------------------
// Sources: every fixture workbook, and the department-wide table of seed 001 (no fixture has one), laid out as the
// template round trip does.

const fixtures = fs.readdirSync(FIXTURES).filter((n) => n.endsWith('.xlsx')).sort();

async function departmentGrids(): Promise<Grid[]> {
  const rows = seedTable('001_247e9d6eca422fe5.txt', '（四）部门整体支出绩效指标');
  const [head, sub, ...body] = rows;
  const header = [head[0], head[1], head[2], head[3], head[4], head[5], '', '', head[6]];
  const buf = await workbookFrom([
    { name: '部门整体', rows: [['（四）部门整体支出绩效指标'], header, sub, ...body], merges: ['F2:H2', 'A2:A3', 'B2:B3', 'C2:C3', 'D2:D3', 'E2:E3', 'I2:I3'] },
  ]);
  return readGridsFromBuffer(buf);
}

interface Written {
  et: FakeEt;
  userBefore: EtSheetSnapshot[];
  results: EtWriteSheetResult[];
}

/** A workbook holding the user's sheets; every sheet of `sheets` written onto it, in order. */
function writeAll(grids: Grid[], sheets: SheetOps[]): Written {
  const et = createFakeEt(FakeWorkbook.fromSheets(grids.map(gridSheet)));
  const userBefore = et.snapshot().sheets;
  const results = sheets.map((s) => writeSheetEt(et.app, s));
  return { et, userBefore, results };
}

function checkWritten(w: Written, sheets: SheetOps[], xlsx: Grid[]): void {
  const { et, userBefore, results } = w;
  const snap = et.snapshot();
  // The user's sheets first, as they were (cells, merges, formats, print setup); the new ones after them, in order.
  expect(snap.sheets.slice(0, userBefore.length)).toEqual(userBefore);
  expect(snap.sheets.slice(userBefore.length).map((s) => s.name)).toEqual(results.map((r) => r.sheet));
  expect(snap.activeSheet).toBe(results[results.length - 1].sheet);
  for (const r of results) {
    expect(r.skipped).toBeUndefined();
    expect(r.warnings).toBeUndefined();
  }
  sheets.forEach((s, i) => {
    // No style rectangle covers part of a merged area (the StyleOps never do; what ET does with it is unknown).
    const cut = (r: Rect) => s.merges.some((m) => !(m.right < r.left || m.left > r.right || m.bottom < r.top || m.top > r.bottom) &&
      !(m.top >= r.top && m.bottom <= r.bottom && m.left >= r.left && m.right <= r.right));
    expect(styleChannels(s).flatMap((c) => c.rects.filter(cut).map((r) => c.channel + ' ' + rectToA1(r)))).toEqual([]);
    const got = snap.sheets[userBefore.length + i];
    expectSheet(got, s, results[i].sheet);
    expectSameAsExcelJs(got, xlsx[i]);
  });
  // No confirmation popped, nothing drawn while the screen was updating, and both switches back as they were.
  expect(et.dialogs).toEqual([]);
  expect(et.visibleChanges).toBe(0);
  expect(et.appImpl.ScreenUpdating).toBe(true);
  expect(et.appImpl.DisplayAlerts).toBe(true);
}

interface Case {
  label: string;
  grids: () => Promise<Grid[]>;
  template: string;
}

const cases: Case[] = [
  ...fixtures.flatMap((f) =>
    ['hebei', 'core2021'].map((template) => ({ label: `${f} ${template}`, grids: () => loadGrids(path.join(FIXTURES, f)), template })),
  ),
  { label: 'seed 001 部门整体 department', grids: departmentGrids, template: 'department' },
];

describe.each(cases)('$label', ({ grids: load, template }) => {
  let grids: Grid[];
  let tables: TargetTable[];
  beforeAll(async () => {
    grids = await load();
    tables = parseGrids(grids);
    expect(tables.length).toBeGreaterThan(0);
  });

  it.each(['per-sheet', 'stacked'] as Layout[])('%s: ET holds what the ops say, and the same text as the ExcelJS .xlsx', async (layout) => {
    const { items, ops } = fillWorkbook(tables, { template, layout });
    // The template asked for is the one used ("where it applies").
    for (const it of items) expect(it.template.id).toBe(template);
    const xlsx = await readGridsFromBuffer(await workbookBuffer(ops));
    expect(xlsx).toHaveLength(ops.sheets.length);
    checkWritten(writeAll(grids, ops.sheets), ops.sheets, xlsx);
  });
});

// ---------------------------------------------------------------------------------------------------------------

describe('one table, measured (fixture 000, table 1, per sheet, 河北)', () => {
  let grids: Grid[];
  let ops: SheetOps;
  beforeAll(async () => {
    grids = await loadGrids(path.join(FIXTURES, '000_24cde7d862e1b3bb.xlsx'));
    ops = fillWorkbook(parseGrids(grids).slice(0, 1), { template: 'hebei' }).ops.sheets[0];
  });

  it('calls grow with the ops (rectangles, runs), not with the cells: the exact budget', () => {
    const et = createFakeEt(FakeWorkbook.fromSheets(grids.map(gridSheet)));
    et.resetStats();
    writeSheetEt(et.app, ops);
    const by = et.callsByMember;
    const rows = ops.tables[0].bottom + 1;
    const ch = styleChannels(ops);
    const rectsOf = (c: string) => ch.filter((x) => x.channel === c).reduce((n, x) => n + x.rects.length, 0);
    const runCount = (xs: { at: number; v: number }[]) => xs.filter((x, i) => !(i && xs[i - 1].at === x.at - 1 && xs[i - 1].v === x.v)).length;
    const formatRects = packRects(ops.cells.filter((c) => c.numberFormat)).length; // one format (0.00) in this table
    const p = ops.print;
    const budget = {
      setup: 1 + 2 + 2 + 2, // ActiveWorkbook; ScreenUpdating and DisplayAlerts read and set; restored
      names: 2 + 2 * grids.length, // Sheets, Count; Item + Name per sheet
      add: 4 + 1, // Worksheets, Item(last), Add, Name (is it new?); Name =
      formats: 2 * formatRects,
      values: 2 * Math.ceil(rows / VALUE_BLOCK_ROWS),
      merges: 2 * ops.merges.length,
      styles: 5 * rectsOf('font') + 2 * (rectsOf('horizontal') + rectsOf('vertical') + rectsOf('wrap')),
      borders: ops.borders.reduce((n, b) => n + 2 + 3 * borderIndexes(b).length, 0),
      sizes: 2 * runCount(ops.columns.map((v, at) => ({ at, v }))) + 2 * runCount(ops.rowHeights.map((h) => ({ at: h.row, v: h.height }))),
      print: 1 + 2 + 3 + 6 + 1 + (p.titleRows ? 1 : 0) + (p.rowBreaks.length ? 1 + 2 * p.rowBreaks.length : 0),
      activate: 3,
    };
    const total = Object.values(budget).reduce((a, b) => a + b, 0);
    expect(et.calls).toBe(total);
    // One Value2 per block, one Merge per merged area, style channels over rectangles of equal value.
    expect(by['Range.Value2']).toBe(1);
    expect(by['Range.Merge']).toBe(ops.merges.length);
    expect(by['Range.Font']).toBe(rectsOf('font'));
    // Far fewer style calls than StyleOps × 4 and than styled cells (a per-cell writer needs 6 per cell).
    const styleCalls = rectsOf('font') + rectsOf('horizontal') + rectsOf('vertical') + rectsOf('wrap');
    expect(styleCalls).toBeLessThan(ops.styles.length);
    let styled = 0;
    for (const s of ops.styles) styled += (s.rect.bottom - s.rect.top + 1) * (s.rect.right - s.rect.left + 1);
    expect(styleCalls).toBeLessThan(styled / 4);
    // What was measured when this was written (fixture 000 table 1: 18 rows × 7 columns, 25 merges, 38 style
    // rectangles, 1 border rectangle): 176 calls, 50 of them merges and 39 styles (304 with one set per StyleOp).
    // A regression to per-op or per-cell styling shows here.
    expect(total).toBeLessThanOrEqual(176);
  });

  it('widths: ET characters that give the template’s width in points (measured 5.625 × chars + 3.35)', () => {
    for (const w of ops.columns) {
      const chars = etColumnWidth(w);
      expect(Math.abs(etWidthPoints(chars) - columnWidthPoints(w))).toBeLessThanOrEqual(5.625 * 0.005 + 1e-9);
    }
    // 10 Excel characters = 56.25 pt = 9.4 ET characters.
    expect(etColumnWidth(10)).toBe(9.4);
  });

  it('a free name when a user sheet has the template’s name (any case); the user’s sheets untouched', () => {
    const wb = FakeWorkbook.fromSheets(grids.map(gridSheet));
    const user = wb.addSheet(ops.name);
    wb.writeValue(user, 0, 0, '用户的表', 'values');
    const et = createFakeEt(wb);
    // A user's format set through ET stays too.
    et.app.ActiveWorkbook!.Sheets.Item(ops.name).Range('A1').Font.Bold = true;
    const before = et.snapshot().sheets;
    const a = writeSheetEt(et.app, ops);
    const b = writeSheetEt(et.app, ops);
    expect([a.sheet, b.sheet]).toEqual([`${ops.name}(2)`, `${ops.name}(3)`]);
    const after = et.snapshot();
    expect(after.sheets.slice(0, before.length)).toEqual(before);
    expect(after.sheets.map((s) => s.name).slice(-2)).toEqual([a.sheet, b.sheet]);
    expectSheet(after.sheets[after.sheets.length - 1], ops, b.sheet);
  });

  it('a name at the 31-character limit stays within it with its (2)', () => {
    const long = '三'.repeat(31);
    expect(freeSheetName(long, [long])).toBe('三'.repeat(28) + '(2)');
    expect(freeSheetName('Ab', ['ab', 'AB(2)'])).toBe('Ab(3)');
    const et = createFakeEt(FakeWorkbook.fromSheets([{ name: long, cells: [], merges: [] }]));
    expect(writeSheetEt(et.app, { ...ops, name: long }).sheet).toBe('三'.repeat(28) + '(2)');
  });

  it('Sheets.Add returning null: the active sheet is the new one', () => {
    const et = createFakeEt(FakeWorkbook.fromSheets(grids.map(gridSheet)), { addReturnsNull: true });
    const before = et.snapshot().sheets;
    const res = writeSheetEt(et.app, ops);
    const snap = et.snapshot();
    expect(snap.sheets.slice(0, before.length)).toEqual(before);
    expectSheet(snap.sheets[before.length], ops, res.sheet);
    expect(snap.activeSheet).toBe(res.sheet);
  });

  it('Sheets.Add returning null without activating it: the sheet after the old last one, never the user’s active sheet', () => {
    const et = createFakeEt(FakeWorkbook.fromSheets(grids.map(gridSheet)), { addReturnsNull: true, addActivates: false });
    const before = et.snapshot().sheets;
    const res = writeSheetEt(et.app, ops);
    const snap = et.snapshot();
    expect(snap.sheets.slice(0, before.length)).toEqual(before);
    expectSheet(snap.sheets[before.length], ops, res.sheet);
  });

  it('ScreenUpdating and DisplayAlerts are restored as they were when a call throws; the error is Chinese and names the step', () => {
    for (const initial of [true, false]) {
      const et = createFakeEt(FakeWorkbook.fromSheets(grids.map(gridSheet)), { DisplayAlerts: initial, ScreenUpdating: !initial });
      et.failOn('Range.Merge', { after: 2, error: new Error('Merge failed (0x800A03EC)') });
      let err: unknown;
      try {
        writeSheetEt(et.app, ops);
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(WpsHostError);
      const e = err as WpsHostError;
      expect(e.code).toBe('merges');
      expect(e.message).toContain('合并单元格');
      expect(e.message).toContain(ops.name);
      expect(e.message).toContain('0x800A03EC');
      expect(e.message).toMatch(/请删除它后重试/);
      expect(et.appImpl.DisplayAlerts).toBe(initial);
      expect(et.appImpl.ScreenUpdating).toBe(!initial);
    }
  });

  it('a failure before the sheet exists changes nothing and says so', () => {
    const et = createFakeEt(FakeWorkbook.fromSheets(grids.map(gridSheet)));
    const before = et.snapshot();
    et.failOn('Worksheets.Add', { error: '工作簿受保护' });
    expect(() => writeSheetEt(et.app, ops)).toThrow(/新建工作表时出错（工作簿受保护），没有写入任何内容/);
    expect(et.snapshot()).toEqual(before);
    expect(et.appImpl.ScreenUpdating).toBe(true);
    expect(et.appImpl.DisplayAlerts).toBe(true);
  });

  it('no workbook: a Chinese error, nothing touched', () => {
    const et = createFakeEt(new FakeWorkbook());
    expect(() => writeSheetEt(et.app, ops)).toThrow(/没有打开的工作簿/);
  });

  it('a size ET refuses never reaches it: templates are bounded, rows are cut at 409 pt', () => {
    // A column wider than 255 characters is refused where templates are read.
    expect(() => TemplateSchema.parse({ ...findTemplate('hebei')!, columns: [300] })).toThrow();
    // A 资金用途 of 3,000 characters would need a row far taller than a spreadsheet allows.
    const long = parseGrids(grids).slice(0, 1);
    long[0].purpose.text = '用于'.repeat(1500);
    const tall = fillWorkbook(long, { template: 'hebei' }).ops.sheets[0];
    expect(Math.max(...tall.rowHeights.map((h) => h.height))).toBe(MAX_ROW_HEIGHT);
    const et = createFakeEt(FakeWorkbook.fromSheets(grids.map(gridSheet)));
    const res = writeSheetEt(et.app, tall);
    expect(et.snapshot().sheets.find((x) => x.name === res.sheet)!.rowHeights).toEqual(expectedSheet(tall, res.sheet).rowHeights);
  });

  it('Borders throwing (some builds): the sheet is written without them and the result says so in Chinese', () => {
    const et = createFakeEt(FakeWorkbook.fromSheets(grids.map(gridSheet)));
    // COM-style error object, as the JS binding may throw.
    et.failOn('Range.Borders', { error: { description: '对象不支持该属性或方法' } });
    const res = writeSheetEt(et.app, ops);
    expect(res.warnings).toEqual([{ step: 'borders', message: expect.stringContaining('无法设置单元格边框（对象不支持该属性或方法）') }]);
    expect(res.skipped).toEqual(['borders']);
    const got = et.snapshot().sheets.find((s) => s.name === res.sheet)!;
    expect(got.borders).toEqual({});
    // Everything else is there.
    expectSheet({ ...got, borders: expectedSheet(ops, res.sheet).borders }, ops, res.sheet);
    expect(et.appImpl.ScreenUpdating).toBe(true);
  });

  it('a border edge failing half-way: the lines drawn stay, the rest is skipped, the result says so', () => {
    const et = createFakeEt(FakeWorkbook.fromSheets(grids.map(gridSheet)));
    et.failOn('Border.Weight', { after: 2 });
    const res = writeSheetEt(et.app, ops);
    expect(res.warnings!.map((w) => w.step)).toEqual(['borders']);
    expect(res.skipped).toEqual(['borders']);
    const got = et.snapshot().sheets.find((s) => s.name === res.sheet)!;
    expect(Object.keys(got.borders).length).toBeGreaterThan(0);
    expect(got.rowHeights).toEqual(expectedSheet(ops, res.sheet).rowHeights);
  });

  it('PageSetup throwing (no printer): print is skipped, as the Excel adapter reports it, the rest written', () => {
    const et = createFakeEt(FakeWorkbook.fromSheets(grids.map(gridSheet)));
    et.failOn('PageSetup.PaperSize', { error: new Error('无法设置 PageSetup 类的 PaperSize 属性') });
    const res = writeSheetEt(et.app, ops);
    expect(res.skipped).toEqual(['print']);
    expect(res.warnings).toEqual([{ step: 'print', message: expect.stringContaining('无法完成页面设置') }]);
    const got = et.snapshot().sheets.find((s) => s.name === res.sheet)!;
    expect(got.borders).toEqual(expectedSheet(ops, res.sheet).borders);
    expect(et.snapshot().activeSheet).toBe(res.sheet);
  });
});

// ---------------------------------------------------------------------------------------------------------------

describe('ops the built-in templates do not produce', () => {
  const rect = (top: number, left: number, bottom: number, right: number): Rect => ({ top, left, bottom, right });
  const font = { name: '宋体', size: 10, bold: false };
  const base: SheetOps = {
    name: '模板',
    font: { name: '宋体', fallbacks: [] },
    columns: [10, 20],
    rowHeights: [{ row: 0, height: 30 }],
    cells: [
      { row: 0, col: 0, value: '=24人', text: '=24人' },
      { row: 0, col: 1, value: '13022522001', text: '13022522001' },
      { row: 1, col: 0, value: '25%', text: '25%' },
      { row: 1, col: 1, value: 'TRUE', text: 'TRUE' },
      { row: 2, col: 0, value: "'引号", text: "'引号" },
      { row: 2, col: 1, value: 1234.5, text: '1,234.50', numberFormat: '#,##0.00' },
      { row: 3, col: 1, value: 100000, text: '100000.00', numberFormat: '0.00' },
    ],
    // Row 6 is one merged area styled in two ways (a later StyleOp over part of it): kept cell by cell.
    merges: [rect(3, 0, 4, 0), rect(5, 0, 5, 1)],
    styles: [
      { rect: rect(0, 0, 5, 1), style: { font, horizontal: 'left', vertical: 'top', wrap: false } },
      { rect: rect(1, 1, 1, 1), style: { font: { ...font, bold: true, size: 16 }, horizontal: 'right', vertical: 'bottom', wrap: true } },
      { rect: rect(5, 1, 5, 1), style: { font, horizontal: 'center', vertical: 'top', wrap: false } },
    ],
    borders: [
      { rect: rect(0, 0, 4, 1), edges: 'all', weight: 'thin' },
      { rect: rect(0, 0, 4, 1), edges: 'outline', weight: 'medium' },
      { rect: rect(2, 0, 2, 0), edges: 'all', weight: 'medium' },
    ],
    print: {
      paper: 'A4', paperSize: 9, orientation: 'landscape', fitToWidth: 1, fitToHeight: 2,
      margins: { left: 0.5, right: 0.5, top: 1, bottom: 1, header: 0.3, footer: 0.3 }, horizontalCentered: false, rowBreaks: [0, 3],
    },
    tables: [],
  };

  it('texts that ET would type as formulas, numbers, percentages or booleans stay text; numbers keep their format', () => {
    const et = createFakeEt(FakeWorkbook.fromSheets([{ name: 'Sheet1', cells: [], merges: [] }]));
    const res = writeSheetEt(et.app, base);
    const got = et.snapshot().sheets[1];
    expectSheet(got, base, res.sheet);
    expect(got.cells.A1).toEqual({ value: '=24人', text: '=24人' });
    expect(got.cells.B2).toEqual({ value: 'TRUE', text: 'TRUE' });
    expect(got.cells.B3).toEqual({ value: 1234.5, text: '1,234.50', numberFormat: '#,##0.00' });
    // Outline medium over all thin: the outer edges medium, inside thin; the single cell's edges medium.
    expect(got.borders['h:A1']).toEqual({ lineStyle: 1, weight: -4138 });
    expect(got.borders['h:A2']).toEqual({ lineStyle: 1, weight: 2 });
    expect(got.borders['v:A3']).toEqual({ lineStyle: 1, weight: -4138 });
    expect(got.page).toMatchObject({ orientation: 2, fitToPagesWide: 1, fitToPagesTall: 2, printTitleRows: '', rowBreaks: [4] });
  });

  it('more rows than one Value2 block: several blocks, the same cells', () => {
    const rows = VALUE_BLOCK_ROWS * 2 + 7;
    const cells = Array.from({ length: rows }, (_, r) => ({ row: r, col: 0, value: `第${r + 1}行`, text: `第${r + 1}行` }));
    const ops: SheetOps = { ...base, cells, merges: [], styles: [], borders: [], rowHeights: [], print: { ...base.print, rowBreaks: [] } };
    const et = createFakeEt(FakeWorkbook.fromSheets([{ name: 'Sheet1', cells: [], merges: [] }]));
    et.resetStats();
    const res = writeSheetEt(et.app, ops);
    expect(et.callsByMember['Range.Value2']).toBe(3);
    expectSheet(et.snapshot().sheets[1], ops, res.sheet);
  });

  it('formatValue agrees with the texts the renderer promises for its number formats', () => {
    for (const c of base.cells) if (typeof c.value === 'number') expect(formatValue(c.value, c.numberFormat)).toBe(c.text);
  });
});

// ---------------------------------------------------------------------------------------------------------------

describe('the fake ET behaves as ET is documented to (wps-addin.md §2)', () => {
  const make = (opts = {}) => createFakeEt(FakeWorkbook.fromSheets([{ name: 'Sheet1', cells: [{ row: 0, col: 0, value: 'a' }, { row: 0, col: 1, value: 'b' }], merges: [] }]), opts);

  it('1-based Item, Value2 a scalar for one cell and row arrays otherwise, typed input, BGR colours', () => {
    const et = make();
    const ws = et.app.ActiveWorkbook!.Worksheets.Item(1);
    expect(ws.Name).toBe('Sheet1');
    expect(() => et.app.ActiveWorkbook!.Worksheets.Item(0)).toThrow();
    expect(ws.Range('A1').Value2).toBe('a');
    expect(ws.Range('A1:B1').Value2).toEqual([['a', 'b']]);
    ws.Range('A2:B2').Value2 = [['25%', "'25%"]];
    expect(ws.Range('A2:B2').Value2).toEqual([[0.25, '25%']]);
    ws.Range('C1').Interior.Color = 0x0000ff; // BGR red
    expect(et.snapshot().sheets[0].fills.C1).toBe('#FF0000');
    expect(ws.Range('C1').Interior.Color).toBe(0x0000ff);
    expect(() => ((ws as unknown as { Cells: unknown }).Cells = 1)).toThrow(/not part of the modelled/);
    expect(() => ((ws.Range('A1') as unknown as { Row: number }).Row = 3)).toThrow(/read-only/);
  });

  it('Merge asks before dropping values unless DisplayAlerts is off; an overlapping merge takes the old area in', () => {
    const et = make();
    const ws = et.app.ActiveWorkbook!.Worksheets.Item(1);
    ws.Range('A1:B1').Merge();
    expect(et.dialogs).toHaveLength(1);
    expect(ws.Range('A1:B1').Value2).toEqual([['a', null]]);
    ws.Range('B1:C2').Merge();
    expect(et.snapshot().sheets[0].merges).toEqual(['A1:C2']);
    const et2 = make({ DisplayAlerts: false });
    et2.app.ActiveWorkbook!.Worksheets.Item(1).Range('A1:B1').Merge();
    expect(et2.dialogs).toEqual([]);
  });

  it('Sheets.Add: after the given sheet, activated, or null when the build returns null', () => {
    const et = make({ addReturnsNull: true });
    const wb = et.app.ActiveWorkbook!;
    expect(wb.Worksheets.Add(null, wb.Sheets.Item(1))).toBeNull();
    expect(wb.Sheets.Count).toBe(2);
    expect(wb.ActiveSheet!.Name).toBe('Sheet2');
    expect(wb.ActiveSheet!.Index).toBe(2);
  });

  it('counts every bridge call and fails where told', () => {
    const et = make();
    et.resetStats();
    const ws = et.app.ActiveWorkbook!.Worksheets.Item(1); // ActiveWorkbook, Worksheets, Item
    void ws.Range('A1').Value2; // Range, Value2
    expect(et.calls).toBe(5);
    et.failOn('Range.Borders', { times: 1 });
    expect(() => ws.Range('A1').Borders).toThrow();
    expect(() => ws.Range('A1').Borders.Item(8).LineStyle = 1).not.toThrow();
    expect(et.snapshot().sheets[0].borders).toEqual({ 'h:A1': { lineStyle: 1, weight: 2 } });
  });
});
