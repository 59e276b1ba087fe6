// Writing a rendered template (SheetOps, src/core/template/ops.ts) onto a NEW sheet through WPS 表格's synchronous
// ET object model: the WPS twin of src/hosts/excel/write.ts (office-js) and src/hosts/workbook/fill.ts (ExcelJS).
//
// What it does, in order: reads the sheet names (the new sheet takes a free name: 项目表 or 项目表(2), never a
// user's sheet), adds a sheet after the last one, names it, writes number formats, then the values (text with a
// leading apostrophe, as the Excel adapter does, so "=24人", "25%" or "13022522001" stay text: valueMatrix), merges
// the merged areas, sets fonts, alignment and wrapping (see styleChannels) and borders per border rectangle, column
// widths and row heights, the print setup (A4, orientation, fit to one page wide, margins, print title rows, a break
// above each stacked table), and activates the sheet. ScreenUpdating and DisplayAlerts are off meanwhile (Merge
// would otherwise ask before dropping a value) and restored to what they were, also when a call throws.
//
// Call count: every property access or method call is a cross-process call (≈0.2 ms, wps-addin.md §2.3
// "Performance") and ET has no batching, so work is grouped by what the ops already group, never per cell:
//   values     2 calls per block of ≤ 500 rows (one Value2 = rows×cols array; very large blocks froze ET, §2.3)
//   formats    2 per rectangle of cells sharing a number format (ET's NumberFormat takes one string, not a matrix)
//   merges     2 per merged area
//   styles     per channel, over rectangles of cells sharing its value (styleChannels): 5 per font rectangle (Range,
//              Font, Name, Size, Bold), 2 per HorizontalAlignment / VerticalAlignment / WrapText rectangle
//   borders    2 per border rectangle + 3 per edge (Borders.Item(i), LineStyle, Weight), 4 edges + inside lines
//   sizes      2 per run of adjacent columns (rows) of equal width (height): Range("A:C").ColumnWidth
//   print      15, + 1 + 2 per page break; sheet names 2 + 2 per existing sheet; add, name, activate, switches ≈15
//
// Failures: any ET exception becomes a WpsHostError with a Chinese message naming the step (errors.ts). Two
// steps are reported instead of failing, because some builds refuse them while the rest works: Borders (throws on
// some builds, §2.3 "Borders") and PageSetup (Excel's throws on machines without a printer; assumed for ET). The sheet is
// then complete but for those, and the result says so (`warnings`; print also in `skipped`, as the Excel adapter
// reports print setup it could not do).
import { Rect, colToLetters, rectToA1 } from '../../core/grid';
import { wpsText } from '../../core/i18n/wps';
import type { WpsStep } from '../../core/i18n/wps';
import { freeSheetName, packRects } from '../../core/marks';
import { columnWidthPoints } from '../../core/template/measure';
import { BorderEdge, BorderOp, CellStyleOp, SheetOps, borderEdges, marginPoints, sheetSizeRuns, valueMatrix } from '../../core/template/ops';
import { WriteSheetResult, WriteSkipped } from '../host';
import { EtApplication, EtWorkbook, EtWorksheet, XL } from './et';
import { WpsHostError, etErrorDetail, toWpsError } from './errors';

/** Something the sheet lacks because this WPS refused it; the message is Chinese, for the pane. */
export interface EtWriteWarning {
  step: 'borders' | 'print';
  message: string;
}

export interface EtWriteSheetResult extends WriteSheetResult {
  warnings?: EtWriteWarning[];
}

/** Rows per Value2 assignment. */
export const VALUE_BLOCK_ROWS = 500;

/** WPS 12.1.0.28043, measured (wps-addin.md §2.3): a column of `c` characters is 5.625 × c + 3.35 points wide. */
const ET_POINTS_PER_CHAR = 5.625;
const ET_PADDING_POINTS = 3.35;

/**
 * ET ColumnWidth for a width in Excel character units (SheetOps.columns). Both hosts count "characters", but of
 * different fonts and paddings (Excel: 7 px + 5 px; WPS: 7.5 px + ≈4.5 px), so the width is carried over in points
 * — the width the template was measured for (row heights depend on it) — and converted with WPS's measured line.
 */
export function etColumnWidth(excelChars: number): number {
  const chars = (columnWidthPoints(excelChars) - ET_PADDING_POINTS) / ET_POINTS_PER_CHAR;
  return Math.max(0, Math.round(chars * 100) / 100);
}

/** Points of an ET column width, by the same measurement (tests; a later read of the sheet). */
export function etColumnPoints(etChars: number): number {
  return etChars * ET_POINTS_PER_CHAR + ET_PADDING_POINTS;
}


const H: Record<CellStyleOp['horizontal'], number> = { left: XL.hLeft, center: XL.center, right: XL.hRight };
const V: Record<CellStyleOp['vertical'], number> = { top: XL.vTop, middle: XL.center, bottom: XL.vBottom };

const EDGE_INDEX: Record<BorderEdge, number> = {
  left: XL.edgeLeft,
  top: XL.edgeTop,
  bottom: XL.edgeBottom,
  right: XL.edgeRight,
  insideVertical: XL.insideVertical,
  insideHorizontal: XL.insideHorizontal,
};

/** The Borders.Item indexes a border op sets. */
export function borderIndexes(b: BorderOp): number[] {
  return borderEdges(b).map((e) => EDGE_INDEX[e]);
}


/** Cells sharing a number format, packed into rectangles. */
function formatRects(ops: SheetOps): { format: string; rects: Rect[] }[] {
  const by = new Map<string, { row: number; col: number }[]>();
  for (const c of ops.cells) {
    if (!c.numberFormat) continue;
    let l = by.get(c.numberFormat);
    if (!l) by.set(c.numberFormat, (l = []));
    l.push(c);
  }
  return [...by].map(([format, cells]) => ({ format, rects: packRects(cells) }));
}

type Channel = 'font' | 'horizontal' | 'vertical' | 'wrap';
const CHANNELS: Channel[] = ['font', 'horizontal', 'vertical', 'wrap'];
const channelKey: Record<Channel, (s: CellStyleOp) => string> = {
  font: (s) => JSON.stringify([s.font.name, s.font.size, s.font.bold]),
  horizontal: (s) => s.horizontal,
  vertical: (s) => s.vertical,
  wrap: (s) => String(s.wrap),
};

/**
 * Packs rectangles ("units") into fewer: side by side in one band of rows, then stacked where the column spans match
 * (packRects' order, for units bigger than a cell), or the other way round when that gives fewer. A result is a union of whole units, so a merged area given as
 * one unit is never cut.
 */
function packUnits(units: Rect[]): Rect[] {
  const join = (list: Rect[], band: (r: Rect) => string, pos: (r: Rect) => number, adjacent: (a: Rect, b: Rect) => boolean, grow: (a: Rect, b: Rect) => void): Rect[] => {
    const bands = new Map<string, Rect[]>();
    for (const r of list) {
      const k = band(r);
      let l = bands.get(k);
      if (!l) bands.set(k, (l = []));
      l.push({ ...r });
    }
    const out: Rect[] = [];
    for (const l of bands.values()) {
      l.sort((x, y) => pos(x) - pos(y));
      let cur = l[0];
      for (const r of l.slice(1)) {
        if (adjacent(cur, r)) grow(cur, r);
        else {
          out.push(cur);
          cur = r;
        }
      }
      out.push(cur);
    }
    return out;
  };
  const across = (l: Rect[]) => join(l, (r) => r.top + ':' + r.bottom, (r) => r.left, (a, b) => a.right + 1 === b.left, (a, b) => (a.right = b.right));
  const down = (l: Rect[]) => join(l, (r) => r.left + ':' + r.right, (r) => r.top, (a, b) => a.bottom + 1 === b.top, (a, b) => (a.bottom = b.bottom));
  // Rows first suits values that run along rows (a header), columns first those that run down (an indicator column).
  const a = down(across(units));
  const b = across(down(units));
  return (b.length < a.length ? b : a).sort((x, y) => x.top - y.top || x.left - y.left);
}

/**
 * The styles as ET calls: each cell's final style (a later StyleOp replaces an earlier one, as in the other hosts),
 * then per channel — font, horizontal, vertical, wrap, which ET sets independently — as few rectangles as we can
 * find: where a band of consecutive styled rows is styled wall to wall (a table), the band's most common value is set
 * on the whole band first and the other values over it; elsewhere, and for those other values, the cells sharing a
 * value are packed into rectangles. The template's style rectangles are small (one label, one row) but share few
 * values, so this takes about 6× fewer calls than one set per StyleOp (every fixture, both project templates,
 * both layouts: 16,488 against 110,592), and every cell ends as the StyleOps say.
 * A merged area whose cells share the value is packed whole, so no rectangle formats part of a merged area (what ET
 * does with that is not documented; the StyleOps never ask for it either).
 */
export function styleChannels(ops: SheetOps): { channel: Channel; style: CellStyleOp; rects: Rect[] }[] {
  const final = new Map<string, CellStyleOp>();
  const key = (row: number, col: number) => row + ':' + col;
  for (const s of ops.styles) {
    for (let row = s.rect.top; row <= s.rect.bottom; row++) {
      for (let col = s.rect.left; col <= s.rect.right; col++) final.set(key(row, col), s.style);
    }
  }
  const cells = [...final].map(([k, style]) => {
    const [row, col] = k.split(':').map(Number);
    return { row, col, style };
  });
  // Bands of consecutive rows holding styled cells; each one filled or not.
  const rowSet = [...new Set(cells.map((c) => c.row))].sort((x, y) => x - y);
  const bands: { box: Rect; count: number }[] = [];
  const bandOf = new Map<number, number>();
  for (const r of rowSet) {
    const last = bands[bands.length - 1];
    if (last && last.box.bottom === r - 1) last.box.bottom = r;
    else bands.push({ box: { top: r, left: Infinity, bottom: r, right: -Infinity }, count: 0 });
    bandOf.set(r, bands.length - 1);
  }
  for (const c of cells) {
    const b = bands[bandOf.get(c.row)!];
    b.box.left = Math.min(b.box.left, c.col);
    b.box.right = Math.max(b.box.right, c.col);
    b.count++;
  }
  const filled = bands.map((b) => b.count === (b.box.bottom - b.box.top + 1) * (b.box.right - b.box.left + 1));
  const inMerge = new Set<string>();
  for (const m of ops.merges) for (let row = m.top; row <= m.bottom; row++) for (let col = m.left; col <= m.right; col++) inMerge.add(key(row, col));

  const out: { channel: Channel; style: CellStyleOp; rects: Rect[] }[] = [];
  for (const channel of CHANNELS) {
    const ck = channelKey[channel];
    // Per band, per value: the style, the units (whole merged areas or single cells) and the cells they cover.
    const groups = bands.map(() => new Map<string, { style: CellStyleOp; units: Rect[]; cells: number }>());
    const add = (style: CellStyleOp, unit: Rect) => {
      const g = groups[bandOf.get(unit.top)!];
      const k = ck(style);
      let e = g.get(k);
      if (!e) g.set(k, (e = { style, units: [], cells: 0 }));
      e.units.push(unit);
      e.cells += (unit.bottom - unit.top + 1) * (unit.right - unit.left + 1);
    };
    for (const m of ops.merges) {
      const first = final.get(key(m.top, m.left));
      let whole = !!first;
      for (let row = m.top; row <= m.bottom && whole; row++) {
        for (let col = m.left; col <= m.right && whole; col++) {
          const st = final.get(key(row, col));
          whole = !!st && ck(st) === ck(first!);
        }
      }
      if (whole) add(first!, m);
      else {
        // Cells of one merged area styled differently: only where the StyleOps themselves split it, cell by cell.
        for (let row = m.top; row <= m.bottom; row++) {
          for (let col = m.left; col <= m.right; col++) {
            const st = final.get(key(row, col));
            if (st) add(st, { top: row, left: col, bottom: row, right: col });
          }
        }
      }
    }
    for (const c of cells) if (!inMerge.has(key(c.row, c.col))) add(c.style, { top: c.row, left: c.col, bottom: c.row, right: c.col });
    groups.forEach((g, i) => {
      const entries = [...g.values()];
      if (filled[i] && entries.length) {
        // The most common value over the whole band first, then the others over it.
        const major = entries.reduce((x, y) => (y.cells > x.cells ? y : x));
        out.push({ channel, style: major.style, rects: [{ ...bands[i].box }] });
        for (const e of entries) if (e !== major) out.push({ channel, style: e.style, rects: packUnits(e.units) });
      } else for (const e of entries) out.push({ channel, style: e.style, rects: packUnits(e.units) });
    });
  }
  return out;
}


/** The sheet Sheets.Add made: its return value, else the active sheet, else the one after the old last (§2.3). */
function addedSheet(wb: EtWorkbook, returned: EtWorksheet | null, taken: Set<string>, before: number): EtWorksheet {
  // A user's sheet must never be taken for the new one: a sheet holding one of the names read before is not new.
  const fresh = (s: EtWorksheet | null | undefined): s is EtWorksheet => !!s && !taken.has(s.Name.toLowerCase());
  if (fresh(returned)) return returned;
  const active = wb.ActiveSheet;
  if (fresh(active)) return active;
  if (wb.Sheets.Count > before) {
    const next = wb.Sheets.Item(before + 1);
    if (fresh(next)) return next;
  }
  throw new WpsHostError('no-new-sheet', wpsText.noNewSheet);
}

/**
 * Adds a sheet after the last one under a free name (`base`, or base(2)…, never a user's sheet) and names it.
 * `onStep` is told which step runs, so a failure names it. Adding activates the new sheet on ET (as in Excel).
 */
export function addNamedSheet(wb: EtWorkbook, base: string, onStep: (step: WpsStep) => void = () => undefined): { ws: EtWorksheet; name: string } {
  onStep('names');
  const sheets = wb.Sheets;
  const count = sheets.Count;
  const taken: string[] = [];
  for (let i = 1; i <= count; i++) taken.push(sheets.Item(i).Name);
  const name = freeSheetName(base, taken);
  onStep('add');
  const returned = count ? wb.Worksheets.Add(null, sheets.Item(count)) : wb.Worksheets.Add();
  const ws = addedSheet(wb, returned, new Set(taken.map((n) => n.toLowerCase())), count);
  onStep('rename');
  ws.Name = name;
  return { ws, name };
}

/** Writes `ops` onto a new sheet of the active workbook and activates it. Synchronous, as ET is. */
export function writeSheetEt(app: EtApplication, ops: SheetOps): EtWriteSheetResult {
  let step: WpsStep = 'alerts';
  /** The new sheet's name once it exists: failures after that say the sheet may be half-written. */
  let written: string | undefined;
  let screen: boolean | undefined;
  let alerts: boolean | undefined;
  const skipped: WriteSkipped[] = [];
  const warnings: EtWriteWarning[] = [];
  try {
    const wb = app.ActiveWorkbook;
    if (!wb) throw new WpsHostError('no-workbook', wpsText.noWorkbook);
    screen = app.ScreenUpdating;
    alerts = app.DisplayAlerts;
    app.ScreenUpdating = false;
    app.DisplayAlerts = false;

    const { ws, name } = addNamedSheet(wb, ops.name, (s) => (step = s));
    written = name;

    // Formats first: a number typed into a "0.00" cell shows as the template says.
    step = 'numberFormats';
    for (const f of formatRects(ops)) for (const r of f.rects) ws.Range(rectToA1(r)).NumberFormat = f.format;
    step = 'values';
    const m = valueMatrix(ops);
    for (let i = 0; i < m.values.length; i += VALUE_BLOCK_ROWS) {
      const block = m.values.slice(i, i + VALUE_BLOCK_ROWS);
      const rect: Rect = { top: m.top + i, left: m.left, bottom: m.top + i + block.length - 1, right: m.left + block[0].length - 1 };
      ws.Range(rectToA1(rect)).Value2 = block;
    }

    step = 'merges';
    for (const r of ops.merges) ws.Range(rectToA1(r)).Merge();

    step = 'styles';
    for (const f of styleChannels(ops)) {
      for (const r of f.rects) {
        const range = ws.Range(rectToA1(r));
        const st = f.style;
        if (f.channel === 'font') {
          const font = range.Font;
          // Name only: ET's Font has no charset; 宋体 is found by name on Windows and substituted on UOS/Kylin.
          font.Name = st.font.name;
          font.Size = st.font.size;
          font.Bold = st.font.bold;
        } else if (f.channel === 'horizontal') range.HorizontalAlignment = H[st.horizontal];
        else if (f.channel === 'vertical') range.VerticalAlignment = V[st.vertical];
        else range.WrapText = st.wrap;
      }
    }

    step = 'borders';
    try {
      for (const b of ops.borders) {
        const borders = ws.Range(rectToA1(b.rect)).Borders;
        const weight = b.weight === 'medium' ? XL.medium : XL.thin;
        for (const i of borderIndexes(b)) {
          const border = borders.Item(i);
          border.LineStyle = XL.continuous;
          border.Weight = weight;
        }
      }
    } catch (e) {
      // The same call fails for every rectangle on such a build: stop at the first, keep everything else.
      if (skipped.indexOf('borders') < 0) skipped.push('borders');
      warnings.push({ step: 'borders', message: wpsText.bordersSkipped(etErrorDetail(e)) });
    }

    step = 'sizes';
    const sizes = sheetSizeRuns(ops);
    for (const [a, b, w] of sizes.columns) ws.Range(`${colToLetters(a)}:${colToLetters(b)}`).ColumnWidth = etColumnWidth(w);
    for (const [a, b, h] of sizes.rows) ws.Range(`${a + 1}:${b + 1}`).RowHeight = h;

    step = 'print';
    try {
      const p = ops.print;
      const ps = ws.PageSetup;
      // OOXML's paperSize codes are Excel's XlPaperSize values (9 = A4 in both).
      ps.PaperSize = p.paperSize;
      ps.Orientation = p.orientation === 'landscape' ? XL.landscape : XL.portrait;
      if (p.fitToWidth || p.fitToHeight) {
        // FitToPages* apply only with Zoom = false; false also means "as many pages as needed" in that direction.
        ps.Zoom = false;
        ps.FitToPagesWide = p.fitToWidth || false;
        ps.FitToPagesTall = p.fitToHeight || false;
      }
      const m = marginPoints(p);
      ps.LeftMargin = m.left;
      ps.RightMargin = m.right;
      ps.TopMargin = m.top;
      ps.BottomMargin = m.bottom;
      ps.HeaderMargin = m.header;
      ps.FooterMargin = m.footer;
      ps.CenterHorizontally = p.horizontalCentered;
      if (p.titleRows) ps.PrintTitleRows = `$${p.titleRows.first + 1}:$${p.titleRows.last + 1}`;
      const breaks = p.rowBreaks.filter((r) => r > 0);
      if (breaks.length) {
        const hb = ws.HPageBreaks;
        // A break above the first row is no break (and ExcelJS's writer drops it too).
        for (const r of breaks) hb.Add(ws.Range(`A${r + 1}`));
      }
    } catch (e) {
      skipped.push('print');
      warnings.push({ step: 'print', message: wpsText.printSkipped(etErrorDetail(e)) });
    }

    step = 'activate';
    ws.Activate();
    ws.Range('A1').Select();
    const res: EtWriteSheetResult = { sheet: name };
    if (skipped.length) res.skipped = skipped;
    if (warnings.length) res.warnings = warnings;
    return res;
  } catch (e) {
    throw toWpsError(e, step, written);
  } finally {
    // Restored one by one: a failing restore must not hide the other, nor the error that brought us here.
    try {
      if (alerts !== undefined) app.DisplayAlerts = alerts;
    } catch {
      /* nothing more can be done here; the error that matters is the one being thrown, if any */
    }
    try {
      if (screen !== undefined) app.ScreenUpdating = screen;
    } catch {
      /* as above */
    }
  }
}
