// The Excel adapter (src/hosts/excel) over the fake office-js, at each simulated client: ExcelApi 1.1 (Office 2016
// volume licence), 1.9, 1.13 (Office 2021 LTSC: comments, merged areas) and 1.18 (Microsoft 365: notes).
import * as path from 'path';
import { loadGrids, FIXTURES } from './helpers/load';
import { FakeSheetInit, FakeWorkbook, FakeOffice, WorkbookSnapshot, cellKey, gridSheet, installFakeOffice, stackedSheet, dataSheet, versionAtLeast } from '../src/fakes/excel';
import { createExcelHost, ExcelHost, ExcelHostError, mergeQueryRects, blockRows, loadRecord } from '../src/hosts/excel';
import { CELLS_PER_SYNC } from '../src/hosts/excel/marks';
import { splitAreas, areasToRects } from '../src/hosts/excel/address';
import { fillKey, parseFillKey } from '../src/core/record';
import { toHostError } from '../src/hosts/excel/errors';
import { checkGrids } from '../src/core/check';
import { parseGrids } from '../src/core/parse';
import { Grid, toA1, parseRange } from '../src/core/grid';
import { Diagnostic } from '../src/core/diagnostic';
import { CellMark, MARK_FILL, planMarks } from '../src/core/marks';
import { TargetTable } from '../src/core/model';
import { annotateText } from '../src/core/i18n/host';
import { excelErrorText, excelText } from '../src/core/i18n/excel';
import { markText } from '../src/core/i18n/marks';

const LEVELS = ['1.1', '1.9', '1.13', '1.18'] as const;
type Level = (typeof LEVELS)[number];
const STEMS = ['000_24cde7d862e1b3bb', '001_247e9d6eca422fe5', '002_f394b5ba38f6b2c8', '004_d64ddf90eec77ce7', '004_d64ddf90eec77ce7.per-sheet', '000_24cde7d862e1b3bb.flat-split'];

const gridCache = new Map<string, Grid[]>();
async function fixture(stem: string): Promise<Grid[]> {
  let g = gridCache.get(stem);
  if (!g) gridCache.set(stem, (g = await loadGrids(path.join(FIXTURES, stem + '.xlsx'))));
  return g;
}

/** What the fixture tests compare: every field's text, indicator rows included. */
function tableText(t: TargetTable) {
  return {
    sheet: t.sheet,
    range: t.range,
    title: t.title.text,
    org: t.org.text,
    unit: t.unit.text,
    code: t.code.text,
    name: t.name.text,
    budget: t.budget ? [t.budget.total.text, t.budget.fiscal.text, t.budget.other.text] : null,
    purpose: t.purpose.text,
    plan: t.plan.map((p) => [p.label.text, p.value.text]),
    goals: t.goals.text,
    rows: t.indicators.map((i) => [i.l1.text, i.l2.text, i.l3.text, i.desc.text, i.value.text, i.basis.text]),
  };
}

const diagKey = (d: Diagnostic) => `${d.sheet}!${d.cell} ${d.rule} ${d.severity} ${d.message}`;

const mergeLookup = (grids: readonly Grid[]) => (sheet: string, row: number, col: number) => grids.find((g) => g.name === sheet)?.mergeAt(row, col);

/** Every filled cell of the workbook: "sheet!A1" → colour (with the pattern when not solid). */
function fills(wb: FakeWorkbook): Map<string, string> {
  const out = new Map<string, string>();
  for (const s of wb.sheets) {
    for (const [k, c] of s.cells) if (c.fill) out.set(`${s.name}!${toA1(Math.floor(k / 16384), k % 16384)}`, c.fill.color + (c.fill.pattern !== 'Solid' ? '/' + c.fill.pattern : ''));
  }
  return out;
}

/** Cells where two snapshots differ, as "sheet!A1". */
function diffCells(a: WorkbookSnapshot, b: WorkbookSnapshot): string[] {
  const out: string[] = [];
  for (const sa of a.sheets) {
    const sb = b.sheets.find((s) => s.name === sa.name);
    if (!sb) {
      out.push(sa.name + '!*');
      continue;
    }
    const keys = new Set([...Object.keys(sa.cells), ...Object.keys(sb.cells)]);
    for (const k of keys) if (JSON.stringify(sa.cells[k]) !== JSON.stringify(sb.cells[k])) out.push(`${sa.name}!${k}`);
  }
  for (const sb of b.sheets) if (!a.sheets.find((s) => s.name === sb.name)) out.push(sb.name + '!*');
  return out.sort();
}

/**
 * Fixture 000 with a user's marks on cells the checker flags: a yellow fill, a white fill, a note, a comment thread
 * with a reply, and a blue fill and a note on cells it does not flag.
 */
interface Prepared {
  wb: FakeWorkbook;
  grids: Grid[];
  marks: CellMark[];
  yellow: CellMark;
  white: CellMark;
  noted: CellMark;
  threaded: CellMark;
  untouched: { sheet: string; row: number; col: number };
}

async function prepared(): Promise<Prepared> {
  const grids = await fixture('000_24cde7d862e1b3bb');
  const marks = planMarks(checkGrids(grids).diagnostics, mergeLookup(grids));
  const [yellow, white, noted, threaded] = [marks[3], marks[10], marks[20], marks[30]];
  const sheets: FakeSheetInit[] = grids.map(gridSheet);
  const s0 = sheets.find((s) => s.name === yellow.sheet)!;
  const setFill = (m: { row: number; col: number }, fill: string) => {
    const c = s0.cells.find((x) => x.row === m.row && x.col === m.col);
    if (c) c.fill = fill;
    else s0.cells.push({ row: m.row, col: m.col, value: null, fill });
  };
  setFill(yellow, '#FFFF00');
  setFill(white, '#FFFFFF');
  const untouched = { sheet: s0.name, row: 0, col: 8 };
  setFill(untouched, '#DDEEFF');
  s0.notes = [
    { row: noted.row, col: noted.col, text: '这是用户自己的批注', author: '张三' },
    { row: 1, col: 8, text: '未被标记的批注', author: '张三' },
  ];
  s0.comments = [{ row: threaded.row, col: threaded.col, text: '请财政股复核', author: '李四', replies: ['已复核'] }];
  return { wb: FakeWorkbook.fromSheets(sheets), grids, marks, yellow, white, noted, threaded, untouched };
}

const cellOf = (wb: FakeWorkbook, m: { sheet: string; row: number; col: number }) => wb.sheet(m.sheet)!.cell(m.row, m.col);

let fake: FakeOffice | undefined;
afterEach(() => {
  fake?.uninstall();
  fake = undefined;
});

function install(wb: FakeWorkbook, level: string, opts: { payloadLimitBytes?: number } = {}): { host: ExcelHost; fake: FakeOffice } {
  fake = installFakeOffice(wb, { apiLevel: level, ...opts });
  return { host: createExcelHost(), fake };
}

describe.each(LEVELS)('ExcelApi %s', (level: Level) => {
  const merged = versionAtLeast(level, '1.13');
  const cellText = level === '1.18' ? 'note' : level === '1.13' ? 'comment' : 'none';

  it('features follow isSetSupported', () => {
    const { host } = install(FakeWorkbook.fromSheets([{ name: 'S', cells: [], merges: [] }]), level);
    expect(host.features()).toEqual({ host: 'excel', apiLevel: level, mergedAreas: merged, cellText, multiArea: level !== '1.1', changeEvents: level !== '1.1' });
    expect(typeof host.onUserEdit === 'function').toBe(level !== '1.1');
  });

  it.each(STEMS)('reads %s into the same tables as the .xlsx reader, in ≤ 3 syncs', async (stem) => {
    const grids = await fixture(stem);
    const { host, fake } = install(FakeWorkbook.fromGrids(grids), level);
    const names = await host.sheetNames();
    expect(names).toEqual(grids.map((g) => g.name));
    fake.resetStats();
    const progress: number[] = [];
    const read = await host.readSheets(names, (p) => progress.push(p.done));
    // Below 1.13 merged areas cannot be read: 2 syncs (used ranges, cells); at 1.13+ a third for the merges.
    expect(fake.stats.syncs).toBe(merged ? 3 : 2);
    expect(progress).toEqual(names.map((_, i) => i + 1));
    expect(parseGrids(read).map(tableText)).toEqual(parseGrids(grids).map(tableText));
    // Same findings as the command line, cell for cell.
    expect(checkGrids(read).diagnostics.map(diagKey)).toEqual(checkGrids(grids).diagnostics.map(diagKey));
    if (merged) {
      for (let i = 0; i < grids.length; i++) expect(read[i].merges.length).toBe(grids[i].merges.length);
    }
  });

  it('keeps formula errors as errors and numbers stored as text as text', async () => {
    const wb = FakeWorkbook.fromSheets([
      {
        name: 'S',
        cells: [
          { row: 2, col: 1, value: '0012' },
          { row: 2, col: 2, value: 7.5, text: '7.50' },
          { row: 3, col: 1, value: null, error: '#REF!', formula: '=A1/0' },
          { row: 3, col: 2, value: null, error: '#DIV/0!' },
          { row: 4, col: 1, value: 12345678, text: '########' },
        ],
        merges: [],
      },
    ]);
    const { host } = install(wb, level);
    const [g] = await host.readSheets(['S']);
    expect([g.value(2, 1), g.text(2, 1)]).toEqual(['0012', '0012']);
    expect([g.value(2, 2), g.text(2, 2)]).toEqual([7.5, '7.50']);
    expect([g.error(3, 1), g.error(3, 2), g.text(3, 2)]).toEqual(['#REF!', '#DIV/0!', '#DIV/0!']);
    expect(g.text(4, 1)).toBe('12345678');
    // The used range starts at B3: positions stay where they are in the sheet.
    expect(g.text(0, 0)).toBe('');
  });

  it('reads a 1,000-table sheet and a 60,000 × 10 sheet in row blocks, still ≤ 3 syncs', async () => {
    const [g000] = await fixture('000_24cde7d862e1b3bb');
    const wb = FakeWorkbook.fromSheets([stackedSheet(g000, 67, '项目表'), dataSheet('数据', 60000, 10)]);
    const { host, fake } = install(wb, level);
    fake.resetStats();
    const [big, data] = await host.readSheets(['项目表', '数据']);
    expect(fake.stats.syncs).toBeLessThanOrEqual(3);
    expect(fake.stats.syncs).toBe(merged ? 3 : 2);
    // 60,000 rows of 10 columns: 12 blocks of 5,000 rows (2,000,000-cell cap not reached) in the one cell sync.
    expect(blockRows(10)).toBe(5000);
    const cellSync = fake.stats.perSync[1];
    expect(cellSync.cellsRead).toBe(wb.sheet('项目表')!.rowCount * 7 + 600000);
    expect(data.rowCount).toBe(60000);
    expect(data.text(59999, 9)).toBe(String(59999 * 10 + 9));
    const tables = parseGrids([big]);
    expect(tables.length).toBe(67 * parseGrids([g000]).length);
    expect(tables[tables.length - 1].name.text).toBe(parseGrids([g000])[14].name.text);
    if (merged) expect(big.merges.length).toBe(67 * g000.merges.length);
  });

  it('marks exactly the planned cells with the severity colours, and writes the findings sheet with links', async () => {
    const p = await prepared();
    const before = p.wb.snapshot();
    const fillsBefore = fills(p.wb);
    const { host, fake } = install(p.wb, level);
    const read = await host.readSheets(await host.sheetNames());
    const diags = checkGrids(read).diagnostics;
    const planned = planMarks(diags, mergeLookup(read));
    expect(planned.map((m) => m.address)).toEqual(p.marks.map((m) => m.address));
    fake.resetStats();
    const summary = await host.applyMarks(diags, read);
    expect(summary).toEqual({ cells: planned.length, findingsSheet: annotateText.sheetName });
    // Syncs: sheets, reads, (cells of mixed fills / users' threads located), one per 5,000 cells. At 1.13 the
    // comment Excel refuses on the cell with a legacy note (invisible below 1.18) costs 2 syncs to see which
    // comments were made, and 1 to add the rest.
    const bound = 3 + Math.ceil(planned.length / CELLS_PER_SYNC) + (cellText === 'comment' ? 3 : 0);
    expect(fake.stats.syncs).toBeLessThanOrEqual(bound);
    // Fills: the planned cells in their severity's colour, every other cell as it was.
    const expected = new Map(fillsBefore);
    for (const m of planned) expected.set(`${m.sheet}!${m.address}`, MARK_FILL[m.severity]);
    expect(fills(p.wb)).toEqual(expected);
    // Notes at 1.18, comments at 1.13, neither below.
    const s = p.wb.sheet(p.yellow.sheet)!;
    const notes = [...s.notes.values()].length;
    const threads = [...s.comments.values()].length;
    if (cellText === 'note') {
      expect(cellOf(p.wb, p.yellow).note).toBe(p.yellow.note);
      expect(cellOf(p.wb, p.noted).note).toBe(`${p.noted.note}\n${markText.userNoteHeading}\n这是用户自己的批注`);
      expect(s.notes.get(cellKey(p.noted.row, p.noted.col))!.author).toBe('张三');
      // The cell with the user's thread keeps only the thread.
      expect(cellOf(p.wb, p.threaded).note).toBeUndefined();
      // A note on every flagged cell but the threaded one, plus the user's note on an unflagged cell.
      expect(notes).toBe(planned.length - 1 + 1);
      expect(threads).toBe(1);
      expect(s.comments.get(cellKey(p.threaded.row, p.threaded.col))!.replies.map((r) => r.content)).toEqual(['已复核']);
    } else if (cellText === 'comment') {
      expect(cellOf(p.wb, p.yellow).comment).toBe(p.yellow.note);
      expect(cellOf(p.wb, p.threaded).comment).toBe('请财政股复核\n已复核');
      // Excel refuses a thread on the cell with a legacy note: it keeps its note and gets no thread.
      expect(cellOf(p.wb, p.noted)).toMatchObject({ note: '这是用户自己的批注' });
      expect(cellOf(p.wb, p.noted).comment).toBeUndefined();
      expect(threads).toBe(1 + planned.length - 2);
      expect(notes).toBe(2);
    } else {
      // Fill and the findings sheet only: notes and threads exactly as they were.
      const now = p.wb.snapshot().sheets[0];
      expect(now.notes).toEqual(before.sheets[0].notes);
      expect(now.comments).toEqual(before.sheets[0].comments);
      expect(notes).toBe(2);
      expect(threads).toBe(1);
    }
    // Values are never touched by marking.
    expect(diffCells(before, p.wb.snapshot()).filter((c) => !c.startsWith(annotateText.sheetName)).every((c) => {
      const [sh, a] = c.split('!');
      const was = before.sheets.find((x) => x.name === sh)!.cells[a];
      const now = p.wb.snapshot().sheets.find((x) => x.name === sh)!.cells[a];
      return (was ? was.value : null) === (now ? now.value : null) && (was ? was.text : undefined) === (now ? now.text : undefined);
    })).toBe(true);
    // The findings sheet: header, one row per finding, 单元格 as HYPERLINK formulas showing the address.
    const f = p.wb.sheet(annotateText.sheetName)!;
    expect(f.rowCount).toBe(diags.length + 1);
    expect(annotateText.headers.map((_, c) => f.cell(0, c).text)).toEqual(annotateText.headers);
    diags.forEach((d, i) => {
      const c = f.cell(i + 1, 2);
      expect(c.formula).toMatch(/^=HYPERLINK\("#'.+'!/);
      expect(c.text).toBe(d.cell);
      expect(f.cell(i + 1, 5).text).toBe(d.message);
      expect(f.cell(i + 1, 0).value).toBe(i + 1);
    });
  });

  it('formats many cells per call where RangeAreas exist (1.9+)', async () => {
    const p = await prepared();
    const { host, fake } = install(p.wb, level);
    const read = await host.readSheets(await host.sheetNames());
    fake.resetStats();
    await host.applyMarks(checkGrids(read).diagnostics, read);
    const formatted = fake.totals().cellsFormatted;
    // Every marked cell is formatted exactly once (fills are set per rectangle, never cell by cell twice).
    expect(formatted).toBe(p.marks.length);
    const ops = fake.stats.perSync[fake.stats.perSync.length - 1].ops;
    (globalThis as any).__opsByLevel = { ...((globalThis as any).__opsByLevel || {}), [level]: ops };
    if (level === '1.9') expect(ops).toBeLessThan((globalThis as any).__opsByLevel['1.1']);
  });

  it('clearMarks restores every cell exactly (user fills, white fill, notes, comments) and removes the findings sheet', async () => {
    const p = await prepared();
    const before = p.wb.snapshot();
    const { host, fake } = install(p.wb, level);
    const read = await host.readSheets(await host.sheetNames());
    await host.applyMarks(checkGrids(read).diagnostics, read);
    expect(await host.hasMarks()).toBe(true);
    fake.resetStats();
    const res = await host.clearMarks();
    expect(res.cells).toBe(p.marks.length);
    expect(fake.stats.syncs).toBeLessThanOrEqual(3 + Math.ceil(p.marks.length / CELLS_PER_SYNC));
    expect(await host.hasMarks()).toBe(false);
    const after = p.wb.snapshot();
    if (level === '1.1') {
      // Documented limit: without fill.pattern (1.9) a white fill reads like no fill, so it comes back as none.
      expect(diffCells(before, after)).toEqual([`${p.white.sheet}!${p.white.address}`]);
      expect(cellOf(p.wb, p.white).fill).toBeNull();
      const fix = JSON.parse(JSON.stringify(after));
      fix.sheets[0].cells[p.white.address] = before.sheets[0].cells[p.white.address];
      expect(fix).toEqual(before);
    } else expect(after).toEqual(before);
    expect(cellOf(p.wb, p.yellow).fill).toBe('#FFFF00');
  });

  it('restores after save and reopen (record in the document settings)', async () => {
    const p = await prepared();
    const before = p.wb.snapshot();
    const { host } = install(p.wb, level);
    const read = await host.readSheets(await host.sheetNames());
    await host.applyMarks(checkGrids(read).diagnostics, read);
    const record = loadRecord((globalThis as any).Office.context.document.settings)!;
    expect(record.cells).toBe(p.marks.length);
    expect(Object.keys(p.wb.settings).length).toBeGreaterThan(0);
    fake!.uninstall();
    // Save, close, reopen: a new workbook from the file, a new office.js, a new host.
    const reopened = FakeWorkbook.fromJSON(JSON.parse(JSON.stringify(p.wb.toJSON())));
    const again = install(reopened, level).host;
    expect(await again.hasMarks()).toBe(true);
    expect(await again.sheetNames()).not.toContain(annotateText.sheetName);
    await again.clearMarks();
    const after = reopened.snapshot();
    if (level === '1.1') expect(diffCells(before, after)).toEqual([`${p.white.sheet}!${p.white.address}`]);
    else expect(after).toEqual(before);
  });

  it('a second check replaces the marks of the first; after clear everything is as before', async () => {
    const p = await prepared();
    const before = p.wb.snapshot();
    const { host, fake } = install(p.wb, level);
    const read = await host.readSheets(await host.sheetNames());
    const diags = checkGrids(read).diagnostics;
    await host.applyMarks(diags, read);
    // The second check finds less (the first half), with other severities on some cells.
    const second = diags.slice(0, Math.floor(diags.length / 2)).map((d, i) => (i % 3 === 0 ? { ...d, severity: 'info' as const } : d));
    fake.resetStats();
    const summary = await host.applyMarks(second, read);
    const marks2 = planMarks(second, mergeLookup(read));
    expect(summary).toEqual({ cells: marks2.length, findingsSheet: annotateText.sheetName });
    expect(fake.stats.syncs).toBeLessThanOrEqual(4 + Math.ceil(p.marks.length / CELLS_PER_SYNC) + Math.ceil(marks2.length / CELLS_PER_SYNC) + (cellText === 'comment' ? 3 : 0));
    // No stacking: only the second check's cells carry marks; one findings sheet with its rows.
    const expected = fills(FakeWorkbook.fromJSON(JSON.parse(JSON.stringify({ ...p.wb.toJSON(), sheets: before.sheets.map((s, i) => ({ ...s, id: p.wb.sheets[i].id })) }))));
    // (Below 1.9 the white fill reads as no fill: once the first marks are off it has none.)
    if (level === '1.1') expected.delete(`${p.white.sheet}!${p.white.address}`);
    for (const m of marks2) expected.set(`${m.sheet}!${m.address}`, MARK_FILL[m.severity]);
    expect(fills(p.wb)).toEqual(expected);
    expect(p.wb.sheets.map((s) => s.name)).toEqual([...before.sheets.map((s) => s.name), annotateText.sheetName]);
    expect(p.wb.sheet(annotateText.sheetName)!.rowCount).toBe(second.length + 1);
    const s = p.wb.sheet(p.yellow.sheet)!;
    if (cellText === 'note') expect(s.notes.size).toBe(marks2.filter((m) => m.address !== p.threaded.address).length + (marks2.some((m) => m.address === p.noted.address) ? 0 : 1) + 1);
    if (cellText === 'comment') expect(s.comments.size).toBe(1 + marks2.filter((m) => m.address !== p.threaded.address && m.address !== p.noted.address).length);
    await host.clearMarks();
    const after = p.wb.snapshot();
    if (level === '1.1') expect(diffCells(before, after)).toEqual([`${p.white.sheet}!${p.white.address}`]);
    else expect(after).toEqual(before);
  });

  it('never deletes a sheet the user made: a user sheet named 审核意见 stays, ours is 审核意见(2)', async () => {
    const grids = await fixture('002_f394b5ba38f6b2c8');
    const sheets = grids.map(gridSheet);
    sheets.push({ name: annotateText.sheetName, cells: [{ row: 0, col: 0, value: '用户自己的审核记录' }], merges: [] });
    const wb = FakeWorkbook.fromSheets(sheets);
    const before = wb.snapshot();
    const { host } = install(wb, level);
    const names = await host.sheetNames();
    expect(names).toContain(annotateText.sheetName);
    const read = await host.readSheets(names.filter((n) => n !== annotateText.sheetName));
    const summary = await host.applyMarks(checkGrids(read).diagnostics, read);
    expect(summary.findingsSheet).toBe(annotateText.sheetName + '(2)');
    // The findings sheet the add-in wrote is not listed and not read.
    expect(await host.sheetNames()).not.toContain(summary.findingsSheet);
    expect((await host.readSheets([summary.findingsSheet])).length).toBe(0);
    await host.clearMarks();
    expect(wb.snapshot()).toEqual(before);
  });

  it('restores the marks of a sheet the user renamed since (found by its id)', async () => {
    const p = await prepared();
    const { host } = install(p.wb, level);
    const read = await host.readSheets(await host.sheetNames());
    await host.applyMarks(checkGrids(read).diagnostics, read);
    const oldName = p.yellow.sheet;
    await (globalThis as any).Excel.run(async (context: any) => {
      context.workbook.worksheets.getItem(oldName).name = '改名后的表';
      await context.sync();
    });
    const before = p.wb.snapshot();
    await host.clearMarks();
    expect(p.wb.sheet('改名后的表')).toBeDefined();
    // Every marked cell of the renamed sheet got its fill back; the findings sheet is gone.
    expect(p.wb.sheet(annotateText.sheetName)).toBeUndefined();
    expect(cellOf(p.wb, { ...p.yellow, sheet: '改名后的表' }).fill).toBe('#FFFF00');
    const changed = diffCells(before, p.wb.snapshot()).filter((c) => !c.startsWith(annotateText.sheetName));
    expect(changed.length).toBe(p.marks.length);
  });

  it('reads by values where it can (1.2+): a far-away formatted cell does not make a huge read', async () => {
    const grids = await fixture('002_f394b5ba38f6b2c8');
    const sheet = gridSheet(grids[0]);
    sheet.cells.push({ row: 99999, col: 0, value: null, fill: '#FFFF00' });
    const wb = FakeWorkbook.fromSheets([sheet]);
    const { host, fake } = install(wb, level);
    fake.resetStats();
    const [g] = await host.readSheets([sheet.name]);
    const cols = grids[0].colCount;
    // At 1.1 the used range includes formatting: all 100,000 rows are read (in blocks); from 1.2 only the data.
    expect(fake.stats.perSync[1].cellsRead).toBe(level === '1.1' ? 100000 * cols : grids[0].rowCount * cols);
    expect(parseGrids([g]).map(tableText)).toEqual(parseGrids(grids).map(tableText));
  });

  it('writeValue changes exactly one cell; select activates the sheet and selects', async () => {
    const grids = await fixture('004_d64ddf90eec77ce7.per-sheet');
    const wb = FakeWorkbook.fromGrids(grids);
    const before = wb.snapshot();
    const { host, fake } = install(wb, level);
    const sheet = grids[3].name;
    fake.resetStats();
    await host.writeValue(sheet, 'F12', '≥95%');
    expect(fake.stats.syncs).toBe(1);
    expect(diffCells(before, wb.snapshot())).toEqual([`${sheet}!F12`]);
    expect(wb.sheet(sheet)!.cell(11, 5)).toMatchObject({ value: '≥95%', text: '≥95%' });
    await host.select(sheet, 'B7:E7');
    expect(wb.activeSheet).toBe(sheet);
    expect(wb.selection).toEqual({ sheet, address: 'B7:E7' });
    expect(await host.activeSheet()).toBe(sheet);
  });

  it('onUserEdit (1.7+): the user\'s edits reach the handler, the add-in\'s own writes do not', async () => {
    const grids = await fixture('002_f394b5ba38f6b2c8');
    const wb = FakeWorkbook.fromGrids(grids);
    const { host } = install(wb, level);
    if (level === '1.1') {
      expect(host.onUserEdit).toBeUndefined();
      return;
    }
    const seen: [string, string][] = [];
    const off = await host.onUserEdit!((s, a) => seen.push([s, a]));
    const name = grids[0].name;
    await wb.editCell(name, 9, 5, '100%');
    expect(seen).toEqual([[name, 'F10']]);
    await host.writeValue(name, 'F11', '≥90%');
    await new Promise((r) => setTimeout(r, 5));
    expect(seen).toHaveLength(1);
    // Marks (fills, notes, the findings sheet) are not edits either.
    const read = await host.readSheets([name]);
    await host.applyMarks(checkGrids(read).diagnostics, read);
    await new Promise((r) => setTimeout(r, 5));
    expect(seen).toHaveLength(1);
    off();
    await new Promise((r) => setTimeout(r, 5));
    await wb.editCell(name, 9, 5, '99%');
    expect(seen).toHaveLength(1);
  });

  it('waits while the user edits a cell (delayForCellEdit) instead of failing', async () => {
    const wb = FakeWorkbook.fromGrids(await fixture('002_f394b5ba38f6b2c8'));
    const { host } = install(wb, level);
    wb.beginCellEdit();
    let done = false;
    const pending = host.activeSheet().then((n) => ((done = true), n));
    await new Promise((r) => setTimeout(r, 10));
    expect(done).toBe(false);
    wb.endCellEdit();
    await expect(pending).resolves.toBe(wb.sheets[0].name);
  });
});

describe('errors, limits, helpers', () => {
  it('office-js errors become ExcelHostError with a Chinese message', async () => {
    const wb = FakeWorkbook.fromSheets([{ name: 'S', cells: [], merges: [] }]);
    const { host } = install(wb, '1.18');
    await expect(host.readSheets(['不存在的表'])).rejects.toMatchObject({ name: 'ExcelHostError', code: 'ItemNotFound', message: excelErrorText.ItemNotFound });
    await expect(host.select('S', 'ZZZZ1')).rejects.toBeInstanceOf(ExcelHostError);
    const e = toHostError(Object.assign(new Error('Excel is in cell-editing mode.'), { code: 'InvalidOperationInCellEditMode' }));
    expect(e.message).toBe(excelErrorText.InvalidOperationInCellEditMode);
    expect(toHostError({ code: 'RequestPayloadSizeLimitExceeded' }).message).toMatch(/5 MB/);
    expect(toHostError({ code: 'GeneralException' }).message).toMatch(/暂时无法/);
    expect(toHostError(new Error('boom')).message).toBe(excelText.unknownError('', 'boom'));
    expect(() => createExcelHost({} as any).features()).toThrow(ExcelHostError);
  });

  it('no Office: a clear Chinese error', async () => {
    const host = createExcelHost();
    await expect(host.activeSheet()).rejects.toMatchObject({ code: 'NoOffice', message: excelText.noOffice });
  });

  it('Excel on the web (5 MB per response): the cells are read again in smaller blocks, one per sync', async () => {
    const wb = FakeWorkbook.fromSheets([dataSheet('数据', 20000, 10)]);
    const { host, fake } = install(wb, '1.13', { payloadLimitBytes: 5 * 1024 * 1024 });
    fake.resetStats();
    const [g] = await host.readSheets(['数据']);
    expect(g.rowCount).toBe(20000);
    expect(g.text(19999, 8)).toBe('r19999c8');
    // used range, refused cells, 2 blocks of 10,000 rows, merged areas.
    expect(fake.stats.syncs).toBe(5);
  });

  it('merged areas are asked for in pieces that cannot hold more than 512', () => {
    // 1,000 rows of A:B merged pairs: each row has two blanks (B, and C right of the range, counted as blank):
    // 2 × (rows + the row below) ≤ 512.
    const rects = mergeQueryRects(1000, 2, (_r, c) => c === 1);
    for (const q of rects) expect(2 * (q.bottom - q.top + 2)).toBeLessThanOrEqual(512);
    expect(rects[0]).toEqual({ top: 0, left: 0, bottom: 254, right: 1 });
    expect(rects.reduce((n, q) => n + q.bottom - q.top + 1, 0)).toBe(1000);
    // A wide, empty row is split by columns.
    const wide = mergeQueryRects(1, 2000, () => true);
    expect(wide.length).toBeGreaterThan(1);
    expect(wide.every((q) => q.right - q.left + 2 <= 512)).toBe(true);
    expect(mergeQueryRects(5, 3, () => false)).toEqual([{ top: 0, left: 0, bottom: 4, right: 2 }]);
  });

  it('a sheet with more merged areas than one question may hold is read in several questions, still 3 syncs (merges reaching right of the values too)', async () => {
    const merges = Array.from({ length: 3000 }, (_, i) => ({ top: i, left: 0, bottom: i, right: 1 }));
    const cells = Array.from({ length: 3000 }, (_, i) => ({ row: i, col: 0, value: `行${i}` }));
    const wb = FakeWorkbook.fromSheets([{ name: 'M', cells, merges }]);
    const { host, fake } = install(wb, '1.13');
    fake.resetStats();
    const [g] = await host.readSheets(['M']);
    expect(fake.stats.syncs).toBe(3);
    expect(g.merges.length).toBe(3000);
  });

  it('merged areas whose continuation cells hold values (files from other programs): asked again in smaller pieces, else inferred', async () => {
    // 3 merges per row, every cell filled: the blank-cell bound is wrong, the first question fails (> 512).
    const sheet = (rows: number, perRow: number): FakeSheetInit => {
      const cells: FakeSheetInit['cells'] = [];
      const merges: FakeSheetInit['merges'] = [];
      for (let r = 0; r < rows; r++) {
        for (let k = 0; k < perRow; k++) {
          merges.push({ top: r, left: 2 * k, bottom: r, right: 2 * k + 1 });
          cells.push({ row: r, col: 2 * k, value: `m${r}-${k}` }, { row: r, col: 2 * k + 1, value: 'stale' });
        }
      }
      return { name: 'X', cells, merges };
    };
    let { host, fake } = install(FakeWorkbook.fromSheets([sheet(300, 3)]), '1.13');
    fake.resetStats();
    let [g] = await host.readSheets(['X']);
    expect(fake.stats.syncs).toBe(4);
    expect(g.merges.length).toBe(900);
    fake.uninstall();
    ({ host, fake } = install(FakeWorkbook.fromSheets([sheet(200, 20)]), '1.13'));
    fake.resetStats();
    [g] = await host.readSheets(['X']);
    // Both questions refused (syncs 3 and 4): the merges the engine needs are inferred (none here: no two-row labels).
    expect(fake.stats.syncs).toBe(4);
    expect(g.merges.length).toBe(0);
    expect(g.text(199, 38)).toBe('m199-19');
  });

  it('hidden sheets are checked like the others (one policy for every host); selecting in one says why it cannot', async () => {
    const grids = await fixture('002_f394b5ba38f6b2c8');
    const sheets = grids.map(gridSheet);
    sheets.push({ ...gridSheet(grids[0]), name: '隐藏的表', visibility: 'Hidden' });
    const { host } = install(FakeWorkbook.fromSheets(sheets), '1.13');
    const names = await host.sheetNames();
    expect(names).toContain('隐藏的表');
    const read = await host.readSheets(names);
    expect(checkGrids(read).diagnostics.some((d) => d.sheet === '隐藏的表')).toBe(true);
    const e = await host.select('隐藏的表', 'A1').catch((x) => x);
    expect(e).toBeInstanceOf(ExcelHostError);
    expect(e.message).toBe(excelText.sheetHidden('隐藏的表'));
  });

  it('RangeAreas addresses: quoted names, commas inside quotes, spaces after commas', () => {
    expect(splitAreas("Sheet1!A1:B2,Sheet1!C3:C9")).toEqual(['A1:B2', 'C3:C9']);
    expect(splitAreas("'a,b''c'!$A$1:B2, 'a,b''c'!D4")).toEqual(['A1:B2', 'D4']);
    expect(areasToRects('项目表!A4:B5')).toEqual([parseRange('A4:B5')]);
  });

  it('fill keys: the #FFFFFF trap without pattern, patterns kept with it', () => {
    expect(fillKey({ color: '#FFFFFF' })).toBe('');
    expect(fillKey({ color: '#FFFF00' })).toBe('#FFFF00');
    expect(fillKey({ color: '#FFFFFF', pattern: 'None' })).toBe('');
    expect(fillKey({ color: '#FFFFFF', pattern: 'Solid' })).toBe('#FFFFFF');
    expect(fillKey({ color: '#FF0000', pattern: 'Gray50', patternColor: '#000000' })).toBe('#FF0000|Gray50|#000000');
    expect(parseFillKey('#FF0000|Gray50|#000000')).toEqual({ clear: false, color: '#FF0000', pattern: 'Gray50', patternColor: '#000000' });
    expect(parseFillKey('')).toEqual({ clear: true });
  });

  it('a patterned fill comes back exactly (1.9+)', async () => {
    const p = await prepared();
    const s = p.wb.sheet(p.yellow.sheet)!;
    s.cells.get(cellKey(p.yellow.row, p.yellow.col))!.fill = { color: '#FF0000', pattern: 'Gray50', patternColor: '#0000FF' };
    const before = p.wb.snapshot();
    const { host } = install(p.wb, '1.9');
    const read = await host.readSheets(await host.sheetNames());
    await host.applyMarks(checkGrids(read).diagnostics, read);
    expect(cellOf(p.wb, p.yellow).fill).not.toBe('#FF0000');
    await host.clearMarks();
    expect(p.wb.snapshot()).toEqual(before);
  });

  it('a large record is split over several settings keys and read back', async () => {
    // 玉田县 (002) stacked 60 times: over 5,000 marked cells (fewer cells than 000 × 40, which now marks fewer).
    const [g002] = await fixture('002_f394b5ba38f6b2c8');
    const wb = FakeWorkbook.fromSheets([stackedSheet(g002, 60, '项目表')]);
    const before = wb.snapshot();
    const { host, fake } = install(wb, '1.18');
    const read = await host.readSheets(['项目表']);
    const diags = checkGrids(read).diagnostics;
    fake.resetStats();
    const sum = await host.applyMarks(diags, read);
    expect(sum.cells).toBeGreaterThan(CELLS_PER_SYNC);
    // More than 5,000 cells: several write syncs, never more than one per 5,000 cells (+ sheets, reads, locations).
    expect(fake.stats.syncs).toBeLessThanOrEqual(3 + Math.ceil(sum.cells / CELLS_PER_SYNC));
    expect(Object.keys(wb.settings).filter((k) => k.startsWith('ptcheck.marks.')).length).toBeGreaterThan(1);
    fake.resetStats();
    await host.clearMarks();
    expect(fake.stats.syncs).toBeLessThanOrEqual(3 + Math.ceil(sum.cells / CELLS_PER_SYNC));
    expect(wb.snapshot()).toEqual(before);
    // Not a timing test: a large workbook on a loaded machine needs more than jest's default 5 s.
  }, 60000);
});
