// The write operations themselves: merges, print setup, widths, heights, numbers, and the .xlsx ExcelJS makes of them.
import * as path from 'path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { FIXTURES, loadGrids } from './helpers/load';
import { parseGrids } from '../src/core/parse';
import { TargetTable } from '../src/core/model';
import { Rect } from '../src/core/grid';
import {
  SheetOps, TemplateSchema, builtinTemplates, fillWorkbook, findTemplate, numberFor, opsToGrids, renderWorkbook, sheetNameFor,
  splitValue, columnWidthPoints, fillFromTable, valueMatrix,
} from '../src/core/template';
import { heightFor, lineCount, textWidthPx } from '../src/core/template/measure';
import { workbookBuffer } from '../src/hosts/workbook/fill';

jest.setTimeout(60000);

let t000: TargetTable[];
let t002: TargetTable[];
beforeAll(async () => {
  t000 = parseGrids(await loadGrids(path.join(FIXTURES, '000_24cde7d862e1b3bb.xlsx')));
  t002 = parseGrids(await loadGrids(path.join(FIXTURES, '002_f394b5ba38f6b2c8.xlsx')));
});

const hebei = () => findTemplate('hebei')!;
const first = (tables: TargetTable[]): SheetOps => fillWorkbook(tables.slice(0, 1)).ops.sheets[0];
const textAt = (ops: SheetOps, row: number, col: number) => (ops.cells.find((c) => c.row === row && c.col === col) || { text: '' }).text;
const mergeAt = (ops: SheetOps, row: number, col: number): Rect | undefined =>
  ops.merges.find((m) => row >= m.top && row <= m.bottom && col >= m.left && col <= m.right);

describe('templates are data', () => {
  it('the built-in templates validate, with their ids and profiles', () => {
    expect(builtinTemplates.map((t) => [t.id, t.kind, t.profile])).toEqual([
      ['hebei', 'project', 'classic'],
      ['core2021', 'project', 'core2021'],
      ['department', 'department', 'department'],
    ]);
  });

  it('rejects a template whose grid does not fill its columns or names an unknown style', () => {
    const bad = JSON.parse(JSON.stringify(hebei()));
    bad.columns = bad.columns.slice(0, 6);
    expect(TemplateSchema.safeParse(bad).success).toBe(false);
    const bad2 = JSON.parse(JSON.stringify(hebei()));
    bad2.grid.columns[2].style = 'nope';
    expect(TemplateSchema.safeParse(bad2).success).toBe(false);
  });
});

describe('the 河北 project table (000, table 1)', () => {
  let ops: SheetOps;
  beforeAll(() => (ops = first(t000)));

  it('lays out title, unit line, 编码/名称, budget, plan, goals and the grid as the seeds show them', () => {
    const g = opsToGrids({ sheets: [ops] })[0];
    const rows: string[][] = [];
    for (let r = 0; r < 9; r++) rows.push(g.filledCols(r).map((c) => g.text(r, c)));
    expect(rows).toEqual([
      ['1.城区微型站运维费绩效目标表'],
      ['434002乐亭县人民政府办公室', '单位：万元'],
      ['项目编码', '13022522P0044CB10009G', '项目名称', '城区微型站运维费'],
      ['预算规模\n及资金用途', '预算数', '7.99', '其中：财政资金', '7.99', '其他资金'],
      ['对城区8个空气站所有监测仪器进行日常维护、质量控制、故障维修等工作，确保各项监测仪器正常稳定运行使用。'],
      ['资金支出\n计划（%）', '3月底', '6月底', '10月底', '12月底'],
      ['25%', '50%', '75%', '100%'],
      ['绩效目标', '1.在日常管理维护基础上，及时发现处置设备运行问题。\n2.能够满足实际监测需要。'],
      ['一级指标', '二级指标', '三级指标', '绩效指标描述', '指标值', '指标值确定依据'],
    ]);
    // 预算规模及资金用途 and 资金支出计划 span their two rows; 12月底 and the purpose reach the right edge.
    expect(mergeAt(ops, 3, 0)).toEqual({ top: 3, left: 0, bottom: 4, right: 0 });
    expect(mergeAt(ops, 5, 0)).toEqual({ top: 5, left: 0, bottom: 6, right: 0 });
    expect(mergeAt(ops, 5, 4)).toEqual({ top: 5, left: 4, bottom: 5, right: 6 });
    expect(mergeAt(ops, 4, 1)).toEqual({ top: 4, left: 1, bottom: 4, right: 6 });
    expect(mergeAt(ops, 0, 0)).toEqual({ top: 0, left: 0, bottom: 0, right: 6 });
  });

  it('merges 一级 and 二级 down their rows', () => {
    const body = ops.tables[0].bodyTop;
    const rows = t000[0].indicators;
    // 产出指标: 6 rows (数量×2, 质量×2, 时效, 成本); 数量指标 and 质量指标 two rows each; 时效 alone.
    expect(textAt(ops, body, 0)).toBe('产出指标');
    expect(mergeAt(ops, body, 0)).toEqual({ top: body, left: 0, bottom: body + 5, right: 0 });
    expect(mergeAt(ops, body, 1)).toEqual({ top: body, left: 1, bottom: body + 1, right: 1 });
    expect(mergeAt(ops, body + 2, 1)).toEqual({ top: body + 2, left: 1, bottom: body + 3, right: 1 });
    expect(mergeAt(ops, body + 4, 1)).toBeUndefined();
    expect(textAt(ops, body + 6, 0)).toBe('效益指标');
    expect(mergeAt(ops, body + 6, 0)).toEqual({ top: body + 6, left: 0, bottom: body + 7, right: 0 });
    // 绩效指标描述 spans two columns on every row.
    rows.forEach((_, i) => expect(mergeAt(ops, body + i, 3)).toEqual({ top: body + i, left: 3, bottom: body + i, right: 4 }));
    expect(ops.tables[0].bottom).toBe(body + rows.length - 1);
  });

  it('sets widths, print setup with the indicator header as print titles, and thin borders on the table', () => {
    expect(ops.columns).toEqual(hebei().columns);
    const p = ops.tables[0];
    expect(ops.print).toMatchObject({
      paper: 'A4', paperSize: 9, orientation: 'portrait', fitToWidth: 1, fitToHeight: 0, horizontalCentered: true,
      titleRows: { first: p.headerFirst, last: p.headerLast }, rowBreaks: [],
    });
    expect(p.headerFirst).toBe(8);
    // Title and unit line unbordered; everything from 项目编码 to the last indicator bordered.
    expect(ops.borders).toEqual([{ rect: { top: 2, left: 0, bottom: p.bottom, right: 6 }, edges: 'all', weight: 'thin' }]);
    expect(ops.font).toEqual({ name: '宋体', fallbacks: expect.arrayContaining(['SimSun', 'Noto Serif CJK SC']) });
    for (const s of ops.styles) expect(s.style.font).toMatchObject({ name: '宋体', charset: 134 });
  });

  it('gives wrapped text the height it needs', () => {
    const h = new Map(ops.rowHeights.map((x) => [x.row, x.height]));
    const min = hebei().minRowHeight;
    for (let r = 0; r <= ops.tables[0].bottom; r++) expect(h.get(r)).toBeGreaterThanOrEqual(min);
    expect(h.get(0)).toBeGreaterThanOrEqual(34); // 16 pt title
    // Goals: two lines written with a newline; the purpose wraps in its six columns.
    expect(h.get(7)).toBeGreaterThanOrEqual(heightFor(2, 10, hebei().lineHeight, hebei().rowPadding));
    expect(h.get(7)!).toBeGreaterThan(h.get(2)!);
  });

  it('writes 预算数 as numbers that show the text as written, everything else as text', () => {
    const total = ops.cells.find((c) => c.row === 3 && c.col === 2)!;
    expect(total).toEqual({ row: 3, col: 2, value: 7.99, text: '7.99', numberFormat: '0.00' });
    const ops2 = first(t002);
    expect(ops2.cells.find((c) => c.row === 3 && c.col === 2)).toEqual({ row: 3, col: 2, value: 100000, text: '100000.00', numberFormat: '0.00' });
    // Codes, percentages and indicator values stay text.
    expect(ops.cells.find((c) => c.text === '13022522P0044CB10009G')!.value).toBe('13022522P0044CB10009G');
    expect(ops.cells.find((c) => c.text === '25%')!.value).toBe('25%');
    expect(ops.cells.filter((c) => typeof c.value === 'number').map((c) => c.text)).toEqual(['7.99', '7.99']);
  });
});

describe('layouts', () => {
  it('stacked: a blank row between tables, a page break before each, no print titles', () => {
    const { ops } = fillWorkbook(t000, { layout: 'stacked' });
    expect(ops.sheets).toHaveLength(1);
    const s = ops.sheets[0];
    expect(s.name).toBe('项目支出绩效目标表');
    expect(s.tables).toHaveLength(t000.length);
    s.tables.slice(1).forEach((t, i) => expect(t.top).toBe(s.tables[i].bottom + 2));
    expect(s.print.rowBreaks).toEqual(s.tables.slice(1).map((t) => t.top));
    expect(s.print.titleRows).toBeUndefined();
  });

  it('per-sheet: one sheet per project named "N.项目名称", valid and unique', () => {
    const { ops } = fillWorkbook(t000);
    expect(ops.sheets.map((s) => s.name).slice(0, 2)).toEqual(['1.城区微型站运维费', '2.电子政务中心城乡一体化工作经费']);
    const taken = new Set<string>();
    expect(sheetNameFor('a/b:c*d?[e]', taken)).toBe('abcde');
    expect(sheetNameFor('ABCDE', taken)).toBe('ABCDE(2)');
    const long = sheetNameFor('三'.repeat(40), taken);
    expect(Array.from(long)).toHaveLength(31);
    expect(Array.from(sheetNameFor('三'.repeat(40), taken)).slice(-3).join('')).toBe('(2)');
  });

  it('a table renders only the blocks it has (001: title, 绩效目标, grid)', async () => {
    const t001 = parseGrids(await loadGrids(path.join(FIXTURES, '001_247e9d6eca422fe5.xlsx')));
    const s = first(t001);
    const g = opsToGrids({ sheets: [s] })[0];
    expect([0, 1, 2].map((r) => g.filledCols(r).map((c) => g.text(r, c))[0])).toEqual(['1.经开区编外人员资金绩效目标表', '绩效目标', '一级指标']);
    expect(s.borders[0].rect.top).toBe(1);
  });

  it('a flat list becomes 项目名称 over the grid (no 编码 label when the source has none)', async () => {
    const flat = parseGrids(await loadGrids(path.join(FIXTURES, '000_24cde7d862e1b3bb.flat-split.xlsx')));
    const s = first(flat);
    expect(textAt(s, 0, 0)).toBe('项目名称');
    expect(mergeAt(s, 0, 1)).toEqual({ top: 0, left: 1, bottom: 0, right: 6 });
    // The split value is one 指标值 column in the 河北 table, joined as the checker reads it.
    const body = s.tables[0].bodyTop;
    expect(textAt(s, body, 5)).toBe('8个');
  });
});

describe('the .xlsx ExcelJS writes', () => {
  it('keeps merges, fonts, print setup, print titles and page breaks', async () => {
    const { ops } = fillWorkbook(t000.slice(0, 3), { layout: 'stacked' });
    const per = fillWorkbook(t000.slice(0, 1)).ops;
    const buf = await workbookBuffer({ sheets: [...ops.sheets, ...per.sheets] });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength) as ArrayBuffer);
    const [stacked, single] = wb.worksheets;
    expect(stacked.pageSetup).toMatchObject({ paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0, horizontalCentered: true });
    expect(single.pageSetup.printTitlesRow).toBe('9:9');
    const a1 = single.getCell('A1');
    expect(a1.font).toMatchObject({ name: '宋体', size: 16, bold: true, charset: 134 });
    expect(single.getCell('C4').value).toBe(7.99);
    expect(single.getCell('C4').numFmt).toBe('0.00');
    expect(single.getCell('A10').border).toMatchObject({ top: { style: 'thin' }, left: { style: 'thin' } });
    expect(single.getColumn(3).width).toBe(hebei().columns[2]);
    expect(single.getRow(1).height).toBe(per.sheets[0].rowHeights[0].height);
    // fitToHeight="0" (as many pages as needed) must be in the file, not dropped as a default.
    const zip = await JSZip.loadAsync(buf);
    const xml = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
    expect(xml).toMatch(/<pageSetup[^>]*fitToHeight="0"/);
    expect(xml).toMatch(/<pageSetUpPr fitToPage="1"\/>/);
    // A manual break after the blank row above each later table (brk id = last row of a page, 1-based).
    const breaks: number[][] = [];
    const re = /<brk id="(\d+)" max="(\d+)" man="1"\/>/g;
    for (let m = re.exec(xml); m; m = re.exec(xml)) breaks.push([Number(m[1]), Number(m[2])]);
    expect(breaks).toEqual(ops.sheets[0].print.rowBreaks.map((r) => [r, 16383]));
  });
});

describe('helpers for every host', () => {
  it('numberFor: only plain numbers, with a format that shows the same text', () => {
    expect(numberFor('7.99')).toEqual({ value: 7.99, format: '0.00' });
    expect(numberFor('100000.00')).toEqual({ value: 100000, format: '0.00' });
    expect(numberFor('20')).toEqual({ value: 20, format: '0' });
    expect(numberFor('1,234.50')).toEqual({ value: 1234.5, format: '#,##0.00' });
    expect(numberFor('-5')).toEqual({ value: -5, format: '0' });
    for (const s of ['007', '1e5', ' 5', '5 ', '12345678901234567', '7.99万元', '', '.5', '+3', '1,23']) expect(numberFor(s)).toBeNull();
  });

  it('splitValue: 符号 + 值 + 单位 is the text again', () => {
    expect(splitValue('≥40.00件')).toEqual({ sign: '≥', num: '40.00', unit: '件' });
    expect(splitValue('100%')).toEqual({ sign: '', num: '100', unit: '%' });
    expect(splitValue('按工作计划及时完成')).toEqual({ sign: '文字描述', num: '', unit: '按工作计划及时完成' });
    expect(splitValue('')).toEqual({ sign: '', num: '', unit: '' });
    for (const v of ['≥ 95 %', '=24人', '≤64.39万元', '2023年12月底前完成', '12月']) {
      const s = splitValue(v);
      expect((s.sign === '文字描述' ? '' : s.sign) + s.num + s.unit).toBe(v);
    }
  });

  it('measures CJK text: newlines count, wide characters wrap sooner', () => {
    expect(lineCount('一\n二', 1000, 10)).toBe(2);
    expect(textWidthPx('满意度', 10)).toBeCloseTo(40, 0);
    expect(lineCount('满'.repeat(20), 100, 10)).toBe(3);
    expect(lineCount('a'.repeat(20), 100, 10)).toBe(2);
    expect(columnWidthPoints(10)).toBeCloseTo(56.25);
  });

  it('valueMatrix: one rectangle for hosts that type values in, text kept as text', () => {
    const ops = first(t002);
    const m = valueMatrix(ops);
    expect([m.top, m.left]).toEqual([0, 0]);
    expect(m.values[0][0]).toBe("'1.环保督查经费绩效目标表");
    expect(m.values[3][2]).toBe(100000);
    expect(m.numberFormats[3][2]).toBe('0.00');
    expect(m.numberFormats[0][0]).toBe('General');
    // "=24人" and digit-only codes would otherwise become a formula and a number.
    expect(m.values[2][1]).toBe("'13022923P00JXC414284D");
    expect(m.values.every((r) => r.length === 7)).toBe(true);
    expect(m.values[1][1]).toBe('');
  });

  it('renderWorkbook takes a FilledTable directly (the pane’s preview path)', () => {
    const { table } = fillFromTable(t000[0]);
    const ops = renderWorkbook([{ table, template: findTemplate('core2021')! }]);
    expect(ops.sheets[0].tables[0].template).toBe('core2021');
    expect(parseGrids(opsToGrids(ops))[0].indicators).toHaveLength(t000[0].indicators.length);
  });
});
