// Writing a rendered template onto a new sheet through the Excel adapter (src/hosts/excel/write.ts) over the fake
// office-js, at ExcelApi 1.1, 1.9, 1.13 and 1.18: the new sheet takes a free name, the user's sheets are untouched,
// two syncs whatever the size, and the sheet read back through the adapter parses as the source table.
import * as path from 'path';
import { FIXTURES, loadGrids } from './helpers/load';
import { normalise } from './helpers/template';
import { FakeOffice, FakeWorkbook, gridSheet, installFakeOffice, versionAtLeast } from '../src/fakes/excel';
import { createExcelHost, ExcelHost } from '../src/hosts/excel';
import { Grid } from '../src/core/grid';
import { parseGrids } from '../src/core/parse';
import { TargetTable } from '../src/core/model';
import { cellKey } from '../src/fakes/excel/workbook';
import { fillWorkbook } from '../src/core/template';

const LEVELS = ['1.1', '1.9', '1.13', '1.18'] as const;

let grids: Grid[];
let source: TargetTable[];
beforeAll(async () => {
  grids = await loadGrids(path.join(FIXTURES, '002_f394b5ba38f6b2c8.xlsx'));
  source = parseGrids(grids);
});

let fake: FakeOffice | undefined;
afterEach(() => {
  fake?.uninstall();
  fake = undefined;
});

function install(level: string): { host: ExcelHost; fake: FakeOffice; wb: FakeWorkbook } {
  const wb = FakeWorkbook.fromSheets(grids.map(gridSheet));
  fake = installFakeOffice(wb, { apiLevel: level });
  return { host: createExcelHost(), fake, wb };
}

describe.each(LEVELS)('ExcelApi %s', (level) => {
  it('writes each table on a new sheet that reads back as the source table, in 2 syncs', async () => {
    const { host, fake, wb } = install(level);
    const userNames = wb.sheets.map((s) => s.name);
    const before = JSON.stringify(wb.snapshot().sheets);
    const { ops } = fillWorkbook(source.slice(0, 3), { layout: 'per-sheet' });
    // A user's sheet already has the first table's name: the new one must not go over it.
    const taken = ops.sheets[0].name;
    wb.addSheet(taken);
    wb.writeValue(wb.sheet(taken)!, 0, 0, '用户的表', 'values');
    const withDup = JSON.stringify(wb.snapshot().sheets);
    const written: string[] = [];
    for (const s of ops.sheets) {
      fake.resetStats();
      const res = await host.writeSheet(s);
      expect(fake.stats.syncs).toBe(2);
      written.push(res.sheet);
      if (level === '1.1') expect(res.skipped).toEqual(['merges', 'sizes', 'print']);
      else if (!versionAtLeast(level, '1.9')) expect(res.skipped).toEqual(['print']);
      else expect(res.skipped).toBeUndefined();
      expect(wb.activeSheet).toBe(res.sheet);
    }
    expect(written[0]).toBe(`${taken}(2)`);
    expect(new Set(written).size).toBe(written.length);
    for (const n of written) expect(userNames).not.toContain(n);
    // The user's sheets, and the one named like the template, are as they were.
    expect(JSON.stringify(wb.snapshot().sheets.slice(0, userNames.length + 1))).toBe(withDup);
    expect(JSON.stringify(wb.snapshot().sheets.slice(0, userNames.length))).toBe(before);

    const back = await host.readSheets(written);
    const tables = parseGrids(back);
    expect(tables).toHaveLength(3);
    tables.forEach((t, i) => {
      const a = normalise(source[i]);
      const b = normalise(t);
      if (level === '1.1') {
        // No merged areas at 1.1: the cells and the 三级 rows are there; 一级/二级 are only in their first row.
        expect(b.title).toEqual(a.title);
        expect(b.indicators.map((r) => r.l3)).toEqual(a.indicators.map((r) => r.l3));
      } else expect(b).toEqual(a);
    });

    // Formats, sizes and print setup as far as the level allows.
    const s = wb.sheet(written[0])!;
    const so = ops.sheets[0];
    const st = so.styles[0];
    const font = s.layout.fonts.get(cellKey(st.rect.top, st.rect.left))!;
    expect(font).toEqual({ name: st.style.font.name, size: st.style.font.size, bold: st.style.font.bold });
    const b = so.borders[0];
    expect(s.layout.borders.get(cellKey(b.rect.top, b.rect.left))).toMatchObject({ top: b.weight === 'medium' ? 'Medium' : 'Thin' });
    if (level === '1.1') {
      expect(s.merges).toEqual([]);
      expect(s.layout.columnWidths.size).toBe(0);
    } else {
      expect(s.merges).toHaveLength(so.merges.length);
      expect(s.layout.columnWidths.size).toBe(so.columns.length);
      for (const h of so.rowHeights) expect(s.layout.rowHeights.get(h.row)).toBe(h.height);
    }
    if (versionAtLeast(level, '1.9')) {
      expect(s.layout.page).toMatchObject({ paperSize: 'A4', orientation: so.print.orientation === 'landscape' ? 'Landscape' : 'Portrait', zoom: { horizontalFitToPages: 1 } });
      if (so.print.titleRows) expect(s.layout.page.printTitleRows).toBe(`${so.print.titleRows.first + 1}:${so.print.titleRows.last + 1}`);
    } else expect(s.layout.page).toEqual({});
  });

  it('writes a stacked workbook with a page break above each later table', async () => {
    const { host, wb } = install(level);
    const { ops } = fillWorkbook(source, { layout: 'stacked' });
    const res = await host.writeSheet(ops.sheets[0]);
    const tables = parseGrids(await host.readSheets([res.sheet]));
    expect(tables.map((t) => (t.title ? t.title.text : ''))).toEqual(source.map((t) => (t.title ? t.title.text : '')));
    if (versionAtLeast(level, '1.9')) expect(wb.sheet(res.sheet)!.layout.rowBreaks.sort((a, b) => a - b)).toEqual(ops.sheets[0].print.rowBreaks);
  });
});
