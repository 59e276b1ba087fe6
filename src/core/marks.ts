// What to mark in a sheet for a list of findings: one mark per visible cell (the master of a merged area),
// coloured by its worst finding, with a note listing them all; then the marks packed into rectangles and
// address lists for hosts that format many cells per call. Pure: every host (Excel, WPS, ExcelJS) uses it.
import { Diagnostic, Severity, severityRank } from './diagnostic';
import { parseRange, Rect, rectToA1 } from './grid';
import { annotateText, severityLabel } from './i18n/host';

/** Light fills in the spirit of Excel's Good/Bad/Neutral styles, so the cell text stays readable. RGB hex. */
export const MARK_FILL: Record<Severity, string> = { error: '#FFC7CE', warning: '#FFEB9C', info: '#DDEBF7' };

export interface CellMark {
  sheet: string;
  row: number;
  col: number;
  /** A1 address of the cell (the master cell when the finding points into a merged area). */
  address: string;
  severity: Severity;
  /** The note text: every finding on this cell, worst first. */
  note: string;
  /** Indexes into the diagnostics list, worst first. */
  findings: number[];
}

/** Looks up the merged area covering a cell of a sheet; hosts pass what they read (a Grid's `mergeAt`). */
export type MergeLookup = (sheet: string, row: number, col: number) => Rect | undefined;

/** The cell a finding is shown on: the top-left of its range, moved to the master of a merged area. */
export function anchorOf(d: Diagnostic, mergeAt?: MergeLookup): { row: number; col: number } | null {
  let r: Rect;
  try {
    r = parseRange(d.cell.replace(/\$/g, ''));
  } catch {
    return null;
  }
  const m = mergeAt && mergeAt(d.sheet, r.top, r.left);
  return m ? { row: m.top, col: m.left } : { row: r.top, col: r.left };
}

export function planMarks(diagnostics: readonly Diagnostic[], mergeAt?: MergeLookup): CellMark[] {
  const byCell = new Map<string, { sheet: string; row: number; col: number; list: number[] }>();
  diagnostics.forEach((d, i) => {
    const at = anchorOf(d, mergeAt);
    if (!at) return;
    const key = d.sheet + '\u0000' + at.row + ':' + at.col;
    let e = byCell.get(key);
    if (!e) byCell.set(key, (e = { sheet: d.sheet, row: at.row, col: at.col, list: [] }));
    e.list.push(i);
  });
  const marks: CellMark[] = [];
  for (const e of byCell.values()) {
    e.list.sort((a, b) => severityRank[diagnostics[a].severity] - severityRank[diagnostics[b].severity] || a - b);
    const worst = diagnostics[e.list[0]].severity;
    const note = e.list
      .map((i) => {
        const d = diagnostics[i];
        return annotateText.noteBlock(severityLabel[d.severity], d.message, d.suggestion);
      })
      .join('\n');
    marks.push({
      sheet: e.sheet,
      row: e.row,
      col: e.col,
      address: rectToA1({ top: e.row, left: e.col, bottom: e.row, right: e.col }),
      severity: worst,
      note,
      findings: e.list,
    });
  }
  marks.sort((a, b) => (a.sheet < b.sheet ? -1 : a.sheet > b.sheet ? 1 : a.row - b.row || a.col - b.col));
  return marks;
}

/**
 * Packs cells into few rectangles: runs along each row, then runs with the same columns stacked down.
 * Greedy, not minimal; it turns the usual column of flagged 指标值 cells into one rectangle.
 */
export function packRects(cells: readonly { row: number; col: number }[]): Rect[] {
  const rows = new Map<number, number[]>();
  for (const c of cells) {
    let l = rows.get(c.row);
    if (!l) rows.set(c.row, (l = []));
    l.push(c.col);
  }
  const rowKeys = [...rows.keys()].sort((a, b) => a - b);
  // Horizontal runs per row.
  const open = new Map<string, Rect>();
  const done: Rect[] = [];
  let prevRow = -2;
  for (const row of rowKeys) {
    const cols = [...new Set(rows.get(row)!)].sort((a, b) => a - b);
    const runs: [number, number][] = [];
    for (const c of cols) {
      const last = runs[runs.length - 1];
      if (last && last[1] === c - 1) last[1] = c;
      else runs.push([c, c]);
    }
    const next = new Map<string, Rect>();
    for (const [l, r] of runs) {
      const key = l + ':' + r;
      const prev = row === prevRow + 1 ? open.get(key) : undefined;
      if (prev) {
        prev.bottom = row;
        next.set(key, prev);
        open.delete(key);
      } else next.set(key, { top: row, left: l, bottom: row, right: r });
    }
    for (const r of open.values()) done.push(r);
    open.clear();
    for (const [k, r] of next) open.set(k, r);
    prevRow = row;
  }
  for (const r of open.values()) done.push(r);
  done.sort((a, b) => a.top - b.top || a.left - b.left);
  return done;
}

/** Comma-joined address lists, each at most `maxChars` long (long RangeAreas strings fail in Excel, office-js #5198). */
export function addressChunks(rects: readonly Rect[], maxChars = 8000): string[] {
  const out: string[] = [];
  let cur = '';
  for (const r of rects) {
    const a = rectToA1(r);
    if (cur && cur.length + 1 + a.length > maxChars) {
      out.push(cur);
      cur = '';
    }
    cur = cur ? cur + ',' + a : a;
  }
  if (cur) out.push(cur);
  return out;
}

/** Marks of one sheet grouped by severity and packed into rectangles. */
export function fillPlan(marks: readonly Pick<CellMark, 'sheet' | 'row' | 'col' | 'severity'>[]): { sheet: string; severity: Severity; rects: Rect[] }[] {
  const groups = new Map<string, { sheet: string; severity: Severity; cells: Pick<CellMark, 'row' | 'col'>[] }>();
  for (const m of marks) {
    const key = m.sheet + '\u0000' + m.severity;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { sheet: m.sheet, severity: m.severity, cells: [] }));
    g.cells.push(m);
  }
  return [...groups.values()].map((g) => ({ sheet: g.sheet, severity: g.severity, rects: packRects(g.cells) }));
}

/** `'Sheet name'!A1` for formulas and links; quotes doubled as Excel requires. */
export function sheetRef(sheet: string, address: string): string {
  return `'${sheet.replace(/'/g, "''")}'!${address}`;
}

/**
 * The 单元格 entry of a findings or summary row: `=HYPERLINK("#'Sheet'!A1","A1:B2")` where the sheet exists and the
 * address is one, else the address as text.
 */
export function cellLink(sheet: string, cell: string, sheetExists: (sheet: string) => boolean): string {
  const cellRef = cell.replace(/\$/g, '');
  try {
    parseRange(cellRef);
  } catch {
    return cellRef;
  }
  if (!sheetExists(sheet)) return cellRef;
  return `=HYPERLINK("#${sheetRef(sheet, cellRef.split(':')[0]).replace(/"/g, '""')}","${cellRef}")`;
}

/**
 * Rows of the 审核意见 findings sheet (header first). The 单元格 column is a HYPERLINK formula where the sheet
 * exists in the workbook, so it works on every client (ExcelApi 1.1, WPS, LibreOffice).
 */
export function findingsSheetRows(
  diagnostics: readonly Diagnostic[],
  sheetExists: (sheet: string) => boolean,
): (string | number)[][] {
  const rows: (string | number)[][] = [annotateText.headers.slice()];
  diagnostics.forEach((d, k) => {
    const link = cellLink(d.sheet, d.cell, sheetExists);
    rows.push([k + 1, d.sheet, link, severityLabel[d.severity], d.rule, d.message, d.suggestion || '']);
  });
  if (!diagnostics.length) rows.push(['', '', '', '', '', annotateText.noFindings, '']);
  return rows;
}

/** Excel and WPS refuse sheet names longer than this. */
export const MAX_SHEET_NAME = 31;

/**
 * A sheet name not yet taken (case-insensitive, as spreadsheets compare them): 审核意见, 审核意见(2), … kept within
 * 31 characters: a suffix that would make the name too long shortens the base instead.
 */
export function freeSheetName(base: string, taken: readonly string[]): string {
  const set = new Set(taken.map((n) => n.toLowerCase()));
  const chars = Array.from(base);
  const fit = (suffix: string) => (chars.length + suffix.length <= MAX_SHEET_NAME ? base : chars.slice(0, MAX_SHEET_NAME - suffix.length).join('')) + suffix;
  let name = fit('');
  for (let n = 2; set.has(name.toLowerCase()); n++) name = fit(`(${n})`);
  return name;
}
