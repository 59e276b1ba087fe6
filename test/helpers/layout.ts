// Recorded layouts of the out-of-sample fixtures (test/fixtures/oos/*.layout.json) and the workbooks built from
// them with ExcelJS, so tests can lay a real table out the way other workbooks do (shifted, side by side, split).
import * as fs from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { parseA1, parseRange, rectToA1, toA1 } from '../../src/core/grid';
import { FIXTURES } from './load';

export type LayoutCell = string | number | { v: string | number; fmt?: string };
export interface LayoutSheet {
  name: string;
  cells: Record<string, LayoutCell>;
  merges: string[];
  hiddenCols?: string[];
}
export interface Layout {
  sheets: LayoutSheet[];
}

export const OOS_DIR = path.join(FIXTURES, 'oos');

export function loadLayout(stem: string): Layout {
  return JSON.parse(fs.readFileSync(path.join(OOS_DIR, stem + '.layout.json'), 'utf8')) as Layout;
}

export async function buildWorkbook(layout: Layout): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  for (const s of layout.sheets) {
    const ws = wb.addWorksheet(s.name);
    for (const [addr, c] of Object.entries(s.cells)) {
      const cell = ws.getCell(addr);
      if (typeof c === 'object') {
        cell.value = c.v;
        if (c.fmt) cell.numFmt = c.fmt;
      } else cell.value = c;
      if (typeof cell.value === 'string' && cell.value.indexOf('\n') >= 0) cell.alignment = { wrapText: true, vertical: 'middle' };
    }
    for (const m of s.merges) ws.mergeCells(m);
    for (const col of s.hiddenCols || []) ws.getColumn(col).hidden = true;
  }
  return wb;
}

export async function layoutBuffer(layout: Layout): Promise<Buffer> {
  return Buffer.from(await (await buildWorkbook(layout)).xlsx.writeBuffer());
}

/** The sheet moved down by `rows` and right by `cols` (cells and merges). */
export function shifted(s: LayoutSheet, rows: number, cols: number): LayoutSheet {
  const move = (a: string) => {
    const p = parseA1(a);
    return toA1(p.row + rows, p.col + cols);
  };
  const cells: Record<string, LayoutCell> = {};
  for (const [a, v] of Object.entries(s.cells)) cells[move(a)] = v;
  const merges = s.merges.map((m) => {
    const r = parseRange(m);
    return rectToA1({ top: r.top + rows, left: r.left + cols, bottom: r.bottom + rows, right: r.right + cols });
  });
  return { ...s, cells, merges };
}

/** Only the rows [top, bottom] (1-based, inclusive) of a sheet, merges clipped to them. */
export function rowsOf(s: LayoutSheet, top: number, bottom: number): LayoutSheet {
  const cells: Record<string, LayoutCell> = {};
  for (const [a, v] of Object.entries(s.cells)) {
    const r = parseA1(a).row + 1;
    if (r >= top && r <= bottom) cells[a] = v;
  }
  const merges: string[] = [];
  for (const m of s.merges) {
    const r = parseRange(m);
    const t = Math.max(r.top, top - 1);
    const b = Math.min(r.bottom, bottom - 1);
    if (t > b || !(r.top >= top - 1)) continue;
    if (t === b && r.left === r.right) continue;
    merges.push(rectToA1({ top: t, left: r.left, bottom: b, right: r.right }));
  }
  return { ...s, cells, merges };
}
