/// <reference types="office-js" />
// Writing a rendered template (SheetOps, src/core/template/ops.ts) onto a NEW sheet, in 2 context.sync calls whatever
// its size: 1. the sheet names are read (the new sheet takes a free name: 项目表 or 项目表(2), never a user's sheet);
// 2. the sheet is added and everything is queued at once: values in one assignment (text with a leading apostrophe,
// so "=24人" or "13022522001" stay text; valueMatrix), number formats in one, merged areas (Range.merge, 1.2), fonts,
// alignment and wrapping per style rectangle and borders per border rectangle (1.1), column widths and row heights in
// points (1.2), the print setup (worksheet.pageLayout and horizontalPageBreaks, 1.9: A4, orientation, fit to one page
// wide, margins, print title rows, a break above each stacked table), and the sheet is activated.
// What the client cannot do is skipped and named in the result (1.1: no merges, no sizes; below 1.9: no print setup).
import { Rect, colToLetters, rectToA1 } from '../../core/grid';
import { freeSheetName } from '../../core/marks';
import { BorderEdge, CellStyleOp, SheetOps, borderEdges, marginPoints, sheetSizeRuns, valueMatrix } from '../../core/template/ops';
import { columnWidthPoints } from '../../core/template/measure';
import { WriteSheetResult, WriteSkipped } from '../host';

const EXCEL_EDGE: Record<BorderEdge, 'EdgeLeft' | 'EdgeTop' | 'EdgeBottom' | 'EdgeRight' | 'InsideVertical' | 'InsideHorizontal'> = {
  left: 'EdgeLeft',
  top: 'EdgeTop',
  bottom: 'EdgeBottom',
  right: 'EdgeRight',
  insideVertical: 'InsideVertical',
  insideHorizontal: 'InsideHorizontal',
};

export interface WriteCaps {
  /** Range.merge, format.columnWidth / rowHeight (ExcelApi 1.2). */
  merge: boolean;
  sizes: boolean;
  /** worksheet.pageLayout, horizontalPageBreaks (1.9). */
  print: boolean;
}


const H: Record<CellStyleOp['horizontal'], Excel.HorizontalAlignment> = { left: 'Left' as Excel.HorizontalAlignment, center: 'Center' as Excel.HorizontalAlignment, right: 'Right' as Excel.HorizontalAlignment };
const V: Record<CellStyleOp['vertical'], Excel.VerticalAlignment> = { top: 'Top' as Excel.VerticalAlignment, middle: 'Center' as Excel.VerticalAlignment, bottom: 'Bottom' as Excel.VerticalAlignment };



export async function writeSheetIn(context: Excel.RequestContext, ops: SheetOps, caps: WriteCaps): Promise<WriteSheetResult> {
  const sheets = context.workbook.worksheets;
  sheets.load('items/name');
  await context.sync(); // 1: the names taken
  const name = freeSheetName(ops.name, sheets.items.map((s) => s.name));
  const ws = sheets.add(name);
  const skipped: WriteSkipped[] = [];

  const m = valueMatrix(ops);
  if (m.values.length) {
    const rect: Rect = { top: m.top, left: m.left, bottom: m.top + m.values.length - 1, right: m.left + m.values[0].length - 1 };
    const range = ws.getRange(rectToA1(rect));
    // Formats first: a number typed into a "0.00" cell shows as the template says.
    range.numberFormat = m.numberFormats;
    range.values = m.values;
  }
  if (caps.merge) for (const r of ops.merges) ws.getRange(rectToA1(r)).merge(false);
  else if (ops.merges.length) skipped.push('merges');

  for (const s of ops.styles) {
    const f = ws.getRange(rectToA1(s.rect)).format;
    f.font.name = s.style.font.name;
    f.font.size = s.style.font.size;
    f.font.bold = s.style.font.bold;
    f.horizontalAlignment = H[s.style.horizontal];
    f.verticalAlignment = V[s.style.vertical];
    f.wrapText = s.style.wrap;
  }
  for (const b of ops.borders) {
    const borders = ws.getRange(rectToA1(b.rect)).format.borders;
    for (const edge of borderEdges(b).map((e) => EXCEL_EDGE[e])) {
      const border = borders.getItem(edge as Excel.BorderIndex);
      border.style = 'Continuous' as Excel.BorderLineStyle;
      border.weight = (b.weight === 'medium' ? 'Medium' : 'Thin') as Excel.BorderWeight;
    }
  }
  if (caps.sizes) {
    const sizes = sheetSizeRuns(ops);
    for (const [a, b, w] of sizes.columns) ws.getRange(`${colToLetters(a)}:${colToLetters(b)}`).format.columnWidth = columnWidthPoints(w);
    for (const [a, b, h] of sizes.rows) ws.getRange(`${a + 1}:${b + 1}`).format.rowHeight = h;
  } else if (ops.columns.length || ops.rowHeights.length) skipped.push('sizes');

  if (caps.print) {
    const p = ops.print;
    const pl = ws.pageLayout;
    pl.paperSize = p.paper as Excel.PaperType;
    pl.orientation = (p.orientation === 'landscape' ? 'Landscape' : 'Portrait') as Excel.PageOrientation;
    // Fit to width; "as many pages tall as needed" is the absence of verticalFitToPages.
    const zoom: Excel.PageLayoutZoomOptions = { horizontalFitToPages: p.fitToWidth };
    if (p.fitToHeight) zoom.verticalFitToPages = p.fitToHeight;
    pl.zoom = zoom;
    pl.centerHorizontally = p.horizontalCentered;
    const m = marginPoints(p);
    pl.leftMargin = m.left;
    pl.rightMargin = m.right;
    pl.topMargin = m.top;
    pl.bottomMargin = m.bottom;
    pl.headerMargin = m.header;
    pl.footerMargin = m.footer;
    if (p.titleRows) pl.setPrintTitleRows(`${p.titleRows.first + 1}:${p.titleRows.last + 1}`);
    for (const r of p.rowBreaks) ws.horizontalPageBreaks.add(`A${r + 1}`);
  } else skipped.push('print');

  ws.activate();
  ws.getRange('A1').select();
  await context.sync(); // 2: the sheet, its cells, formats and print setup
  return skipped.length ? { sheet: name, skipped } : { sheet: name };
}
