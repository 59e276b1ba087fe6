// Applies a template's write operations (src/core/template/ops.ts) to a new ExcelJS workbook and writes it: the
// .xlsx host of `ptcheck fill`. The Excel and WPS adapters apply the same operations through their own APIs.
//
// Fonts: a cell names one font. Templates name 宋体 with charset GB2312, so Excel and WPS on Windows use 宋体 and
// WPS on UOS/Kylin or LibreOffice substitute their CJK serif (fontconfig: Noto Serif CJK SC); there is no
// per-cell fallback list in the file format.
import ExcelJS from 'exceljs';
import { Rect } from '../../core/grid';
import { BorderOp, SheetOps, WorkbookOps } from '../../core/template/ops';
import { saveWorkbook } from './save';

type Side = Partial<ExcelJS.Borders>;

function applyBorders(ws: ExcelJS.Worksheet, ops: BorderOp[]): void {
  // Edges are collected per cell first so overlapping ops combine instead of replacing each other.
  const edges = new Map<string, Side>();
  const key = (r: number, c: number) => r + ':' + c;
  const set = (r: number, c: number, side: keyof Side, style: ExcelJS.BorderStyle) => {
    let e = edges.get(key(r, c));
    if (!e) edges.set(key(r, c), (e = {}));
    (e as Record<string, unknown>)[side] = { style, color: { argb: 'FF000000' } };
  };
  for (const op of ops) {
    const { top, left, bottom, right } = op.rect;
    for (let r = top; r <= bottom; r++) {
      for (let c = left; c <= right; c++) {
        const all = op.edges === 'all';
        if (all || r === top) set(r, c, 'top', op.weight);
        if (all || r === bottom) set(r, c, 'bottom', op.weight);
        if (all || c === left) set(r, c, 'left', op.weight);
        if (all || c === right) set(r, c, 'right', op.weight);
      }
    }
  }
  edges.forEach((e, k) => {
    const [r, c] = k.split(':').map(Number);
    ws.getCell(r + 1, c + 1).border = e;
  });
}

/**
 * Merges without ExcelJS's overlap check against every earlier merge (quadratic: a stacked sheet of 94 tables
 * has thousands). The renderer never produces overlapping merges.
 */
function applyMerges(ws: ExcelJS.Worksheet, merges: Rect[]): void {
  const sheet = ws as unknown as { _merges: Record<string, unknown> };
  const all: Record<string, unknown> = {};
  for (const m of merges) {
    sheet._merges = {};
    ws.mergeCellsWithoutStyle(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
    Object.assign(all, sheet._merges);
  }
  sheet._merges = all;
}

export function addSheet(wb: ExcelJS.Workbook, ops: SheetOps): ExcelJS.Worksheet {
  const p = ops.print;
  const ws = wb.addWorksheet(ops.name, {
    pageSetup: {
      paperSize: p.paperSize as ExcelJS.PageSetup['paperSize'],
      orientation: p.orientation,
      fitToPage: true,
      fitToWidth: p.fitToWidth,
      fitToHeight: p.fitToHeight,
      horizontalCentered: p.horizontalCentered,
      margins: { ...p.margins },
    },
  });
  if (p.titleRows) ws.pageSetup.printTitlesRow = `${p.titleRows.first + 1}:${p.titleRows.last + 1}`;
  ops.columns.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  for (const h of ops.rowHeights) ws.getRow(h.row + 1).height = h.height;
  // Merges before styles: ExcelJS gives merged cells their master's style when merging.
  applyMerges(ws, ops.merges);
  for (const c of ops.cells) {
    const cell = ws.getCell(c.row + 1, c.col + 1);
    // A link: the formula with its result, so the text shows before any recalculation.
    cell.value = c.formula ? ({ formula: c.formula.slice(1), result: c.text } as ExcelJS.CellFormulaValue) : c.value;
    if (c.numberFormat) cell.numFmt = c.numberFormat;
  }
  for (const s of ops.styles) {
    const st = s.style;
    const font: Partial<ExcelJS.Font> = { name: st.font.name, size: st.font.size, bold: st.font.bold };
    if (st.font.charset !== undefined) font.charset = st.font.charset;
    if (st.font.family !== undefined) font.family = st.font.family;
    const alignment: Partial<ExcelJS.Alignment> = { horizontal: st.horizontal, vertical: st.vertical, wrapText: st.wrap };
    for (let r = s.rect.top; r <= s.rect.bottom; r++) {
      for (let c = s.rect.left; c <= s.rect.right; c++) {
        const cell = ws.getCell(r + 1, c + 1);
        cell.font = font;
        cell.alignment = alignment;
      }
    }
  }
  applyBorders(ws, ops.borders);
  // ExcelJS puts a break after the row given (1-based): a break above 0-based row r is after 1-based row r. The
  // right edge is given because ExcelJS's default (16838) is not Excel's last column index (16383).
  for (const r of p.rowBreaks) if (r > 0) ws.getRow(r).addPageBreak(1, 16384);
  return ws;
}

export function buildWorkbook(ops: WorkbookOps): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'ptcheck';
  for (const s of ops.sheets) addSheet(wb, s);
  return wb;
}

export async function workbookBuffer(ops: WorkbookOps): Promise<Buffer> {
  return Buffer.from(await buildWorkbook(ops).xlsx.writeBuffer());
}

export async function writeWorkbookOps(ops: WorkbookOps, outPath: string): Promise<void> {
  await saveWorkbook(buildWorkbook(ops), outPath);
}
