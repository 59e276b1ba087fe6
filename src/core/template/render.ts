// (template, FilledTable) → host-neutral write operations. A table renders exactly the blocks it has (see
// BlockSchema); the indicator grid keeps the rows in order, 一级/二级 merged down their groups, and a row split by a
// page break as written. Heights are computed here because no spreadsheet grows a row for text a program wrote.
import { Rect } from '../grid';
import { templateText as TT } from '../i18n/template';
import { titleNumber } from '../labels';
import { cellWidthPx, heightFor, lineCount } from './measure';
import { BorderOp, CellOp, CellStyleOp, MAX_ROW_HEIGHT, PlacedTable, SheetOps, StyleOp, WorkbookOps, numberFor } from './ops';
import { Block, FieldCell, FieldKey, FilledRow, FilledTable, GridColumn, PresenceKey, Template } from './schema';

export type Layout = 'per-sheet' | 'stacked';

export function fieldText(t: FilledTable, k: FieldKey): string | undefined {
  switch (k) {
    case 'budget.total':
      return t.budget ? t.budget.total : undefined;
    case 'budget.fiscal':
      return t.budget ? t.budget.fiscal : undefined;
    case 'budget.other':
      return t.budget ? t.budget.other : undefined;
    default:
      return t[k];
  }
}

function present(t: FilledTable, k: PresenceKey): boolean {
  if (k === 'budget') return !!t.budget;
  if (k === 'plan') return !!t.plan && t.plan.length > 0;
  return fieldText(t, k) !== undefined;
}

/** 指标值 as 符号 · 值 · 单位 such that sign + num + unit is the text again (the parser joins them that way). */
export function splitValue(text: string): { sign: string; num: string; unit: string } {
  if (!text.trim()) return { sign: '', num: '', unit: '' };
  // One \s* unless a comparator sits between them: two adjacent \s* would split a run of spaces every way.
  const m = /^(\s*(?:(?:>=|<=|≥|≤|＞|＜|＝|＞＝|＜＝|>|<|=)\s*)?)(\d+(?:\.\d+)?)([\s\S]*)$/.exec(text);
  if (m && !/^\d/.test(m[3])) return { sign: m[1], num: m[2], unit: m[3] };
  // 文字描述 in the 符号 column means "no comparator, the text is the value" (seed 001).
  return { sign: '文字描述', num: '', unit: text };
}

/** Where a table landed and what it wrote, rows absolute on its sheet. */
interface TableRender {
  cells: CellOp[];
  merges: Rect[];
  styles: StyleOp[];
  borders: BorderOp[];
  heights: Map<number, number>;
  placed: Omit<PlacedTable, 'index'>;
}

interface Need {
  top: number;
  bottom: number;
  height: number;
}

class TableWriter {
  readonly cells: CellOp[] = [];
  readonly merges: Rect[] = [];
  readonly styles: StyleOp[] = [];
  readonly borders: BorderOp[] = [];
  private needs: Need[] = [];
  /** Rows holding bordered cells (every such row is a full-width row of the table). */
  readonly borderedRows = new Set<number>();
  private styleCache = new Map<string, CellStyleOp>();

  constructor(private readonly tpl: Template) {}

  style(name: string): CellStyleOp {
    let s = this.styleCache.get(name);
    if (!s) {
      const d = this.tpl.styles[name];
      const f = this.tpl.font;
      s = {
        font: { name: f.name, size: d.size || f.size, bold: d.bold, charset: f.charset, family: f.family },
        horizontal: d.horizontal,
        vertical: d.vertical,
        wrap: d.wrap,
      };
      this.styleCache.set(name, s);
    }
    return s;
  }

  /** Text and style for one (possibly merged) cell; `styled: false` when a column-wide style op covers it. */
  put(row: number, col: number, rowSpan: number, colSpan: number, text: string, styleName: string, opts: { number?: boolean; styled?: boolean } = {}): void {
    const rect: Rect = { top: row, left: col, bottom: row + rowSpan - 1, right: col + colSpan - 1 };
    if (text !== '') {
      const num = opts.number ? numberFor(text) : null;
      this.cells.push(num ? { row, col, value: num.value, text, numberFormat: num.format } : { row, col, value: text, text });
    }
    if (rowSpan > 1 || colSpan > 1) this.merges.push(rect);
    if (opts.styled !== false) this.styles.push({ rect, style: this.style(styleName) });
    const d = this.tpl.styles[styleName];
    if (d.border) for (let r = rect.top; r <= rect.bottom; r++) this.borderedRows.add(r);
    const size = d.size || this.tpl.font.size;
    const widths = this.tpl.columns.slice(col, col + colSpan);
    while (widths.length < colSpan) widths.push(8.43);
    const lines = text ? lineCount(text, cellWidthPx(widths), size, d.wrap) : 1;
    const h = Math.max(heightFor(lines, size, this.tpl.lineHeight, this.tpl.rowPadding), d.minHeight || 0);
    this.needs.push({ top: rect.top, bottom: rect.bottom, height: h });
  }

  /** Row heights: each row as tall as its tallest one-row cell; merged cells that need more share the rest. */
  heights(top: number, bottom: number): Map<number, number> {
    const out = new Map<number, number>();
    for (let r = top; r <= bottom; r++) out.set(r, this.tpl.minRowHeight);
    for (const n of this.needs) if (n.top === n.bottom) out.set(n.top, Math.max(out.get(n.top)!, n.height));
    for (const n of this.needs) {
      if (n.top === n.bottom) continue;
      let sum = 0;
      for (let r = n.top; r <= n.bottom; r++) sum += out.get(r)!;
      if (sum >= n.height) continue;
      const add = (n.height - sum) / (n.bottom - n.top + 1);
      for (let r = n.top; r <= n.bottom; r++) out.set(r, Math.ceil((out.get(r)! + add) * 4) / 4);
    }
    // A spreadsheet refuses taller rows; a longer text is cut off on screen there, never refused.
    out.forEach((h, r) => h > MAX_ROW_HEIGHT && out.set(r, MAX_ROW_HEIGHT));
    return out;
  }
}

interface PlacedCell {
  col: number;
  span: number;
  spec: Block['rows'][number][number];
}

/** The row's cells that the table has, the last one extended to the right edge. */
function placeRow(row: Block['rows'][number], table: FilledTable, firstCol: number, width: number): PlacedCell[] | null {
  const kept = row.filter((c) => ('field' in c ? fieldText(table, c.field) !== undefined : !c.for || fieldText(table, c.for) !== undefined));
  if (!kept.some((c) => 'field' in c)) return null;
  const out: PlacedCell[] = [];
  let col = firstCol;
  for (const spec of kept) {
    out.push({ col, span: spec.span, spec });
    col += spec.span;
  }
  const last = out[out.length - 1];
  if (last.col + last.span < width) last.span = width - last.col;
  return out;
}

function renderBlocks(w: TableWriter, tpl: Template, table: FilledTable, top: number): number {
  const width = tpl.columns.length;
  let r = top;
  for (const b of tpl.blocks) {
    if (b.unless.some((k) => present(table, k))) continue;
    const side = b.side ? b.side.span : 0;
    const first = r;
    if (b.plan) {
      const plan = table.plan;
      if (!plan || !plan.length) continue;
      const avail = width - side;
      plan.forEach((p, i) => {
        const col = side + i;
        const span = i === plan.length - 1 && plan.length < avail ? avail - i : 1;
        w.put(r, col, 1, span, p.label, b.planStyles.label);
        w.put(r + 1, col, 1, span, p.value, b.planStyles.value);
      });
      r += 2;
    } else {
      for (const row of b.rows) {
        const cells = placeRow(row, table, side, width);
        if (!cells) continue;
        for (const c of cells) {
          if ('field' in c.spec) {
            const f: FieldCell = c.spec;
            const text = fieldText(table, f.field) || '';
            const shown = f.field === 'unit' && !text ? '' : f.format.replace('{}', () => text);
            w.put(r, c.col, 1, c.span, shown, f.style, { number: f.number });
          } else {
            w.put(r, c.col, 1, c.span, c.spec.label, c.spec.style);
          }
        }
        r++;
      }
    }
    if (r > first && b.side) w.put(first, 0, r - first, side, b.side.label, b.side.style);
  }
  return r;
}

interface GridPlace {
  col: GridColumn;
  at: number;
  span: number;
}

function gridPlaces(tpl: Template): GridPlace[] {
  let at = 0;
  return tpl.grid.columns.map((col) => {
    const span = col.split ? Math.max(col.span, 3) : col.span;
    const p = { col, at, span };
    at += span;
    return p;
  });
}

/** Runs of rows sharing a level name: a fragment stands alone, a new 一级 starts new 二级 runs. */
function levelRuns(rows: FilledRow[]): { l1: [number, number][]; l2: [number, number][] } {
  const l1: [number, number][] = [];
  const l2: [number, number][] = [];
  rows.forEach((row, i) => {
    const prev = rows[i - 1];
    const newL1 = !prev || !!prev.fragment || !!row.fragment || prev.l1 !== row.l1;
    if (newL1) l1.push([i, i]);
    else l1[l1.length - 1][1] = i;
    if (newL1 || prev.l2 !== row.l2) l2.push([i, i]);
    else l2[l2.length - 1][1] = i;
  });
  return { l1, l2 };
}

function renderGrid(w: TableWriter, tpl: Template, table: FilledTable, top: number): { headerLast: number; bodyTop: number; bottom: number } {
  const places = gridPlaces(tpl);
  const twoRows = places.some((p) => p.col.split);
  const hs = tpl.grid.header.style;
  for (const p of places) {
    if (p.col.split) {
      w.put(top, p.at, 1, p.span, p.col.label, hs);
      p.col.split.forEach((label, k) => w.put(top + 1, p.at + k, 1, k === 2 ? p.span - 2 : 1, label, hs));
    } else {
      w.put(top, p.at, twoRows ? 2 : 1, p.span, p.col.label, hs);
    }
  }
  const bodyTop = top + (twoRows ? 2 : 1);
  const rows = table.indicators;
  const bottom = bodyTop + rows.length - 1;
  const level = tpl.grid.levelStyle;
  const splitStyle = tpl.grid.splitStyle;
  // One style op per column over the whole body; the cells below only carry text.
  if (rows.length) {
    for (const p of places) {
      const name = p.col.role === 'l1' || p.col.role === 'l2' ? level : p.col.split ? splitStyle : p.col.style;
      w.styles.push({ rect: { top: bodyTop, left: p.at, bottom, right: p.at + p.span - 1 }, style: w.style(name) });
    }
  }
  const runs = levelRuns(rows);
  // A group that only continues below a page-break tail stays blank there, as in the source: the parser carries
  // the name across, and writing it again would repeat it (and every finding about it).
  const continues = (a: number, role: 'l1' | 'l2'): boolean => {
    if (a === 0 || !rows[a - 1].fragment || rows[a].fragment) return false;
    let j = a - 1;
    while (j >= 0 && rows[j].fragment) j--;
    return j >= 0 && rows[j].l1 === rows[a].l1 && (role === 'l1' || rows[j].l2 === rows[a].l2);
  };
  for (const role of ['l1', 'l2'] as const) {
    const p = places.find((x) => x.col.role === role);
    if (!p) continue;
    const merge = tpl.grid.mergeDown.indexOf(role) >= 0;
    for (const [a, b] of runs[role]) {
      const text = continues(a, role) ? '' : rows[a][role];
      if (merge && text) w.put(bodyTop + a, p.at, b - a + 1, p.span, text, level, { styled: false });
      else for (let i = a; i <= b; i++) w.put(bodyTop + i, p.at, 1, p.span, i === a || !merge ? text : '', level, { styled: false });
    }
  }
  rows.forEach((row, i) => {
    const r = bodyTop + i;
    for (const p of places) {
      const role = p.col.role;
      if (role === 'l1' || role === 'l2') continue;
      // A page-break tail keeps its (blank) cells as written: only its 一级/二级 cells hold text.
      if (role === 'value' && p.col.split && !row.fragment) {
        const s = row.split || splitValue(row.value);
        w.put(r, p.at, 1, 1, s.sign, splitStyle, { styled: false });
        w.put(r, p.at + 1, 1, 1, s.num, splitStyle, { styled: false, number: true });
        w.put(r, p.at + 2, 1, p.span - 2, s.unit, splitStyle, { styled: false });
        continue;
      }
      const text = role === 'scoring' ? row.scoring || '' : row[role];
      w.put(r, p.at, 1, p.span, text, p.col.style, { styled: false });
    }
  });
  return { headerLast: bodyTop - 1, bodyTop, bottom: Math.max(bottom, bodyTop - 1) };
}

/** One table at row `top` of its sheet. */
export function renderTable(tpl: Template, table: FilledTable, top = 0): TableRender {
  const w = new TableWriter(tpl);
  const headerFirst = renderBlocks(w, tpl, table, top);
  const g = renderGrid(w, tpl, table, headerFirst);
  const rows = [...w.borderedRows].sort((a, b) => a - b);
  for (let i = 0; i < rows.length; ) {
    let j = i;
    while (j + 1 < rows.length && rows[j + 1] === rows[j] + 1) j++;
    w.borders.push({ rect: { top: rows[i], left: 0, bottom: rows[j], right: tpl.columns.length - 1 }, edges: 'all', weight: 'thin' });
    i = j + 1;
  }
  return {
    cells: w.cells,
    merges: w.merges,
    styles: w.styles,
    borders: w.borders,
    heights: w.heights(top, g.bottom),
    placed: { template: tpl.id, top, bottom: g.bottom, headerFirst, headerLast: g.headerLast, bodyTop: g.bodyTop },
  };
}

// ---------------------------------------------------------------------------------------------------------
// Sheets and workbooks.

export interface RenderItem {
  table: FilledTable;
  template: Template;
}

const BAD_SHEET_CHARS = /[[\]:*?/\\]/g;

/** Excel's rules: ≤ 31 characters, none of []:*?/\, unique ignoring case. */
export function sheetNameFor(wanted: string, taken: Set<string>): string {
  let base = wanted.replace(BAD_SHEET_CHARS, '').replace(/^'+|'+$/g, '').trim() || 'Sheet';
  if (base.toLowerCase() === 'history') base += '1';
  const cut = (s: string) => Array.from(s).slice(0, 31).join('');
  let name = cut(base);
  for (let n = 2; taken.has(name.toLowerCase()); n++) {
    const suffix = `(${n})`;
    name = cut(Array.from(base).slice(0, 31 - suffix.length).join('') + suffix);
  }
  taken.add(name.toLowerCase());
  return name;
}

/** The project's name for sheet names and reports: 项目名称, else the title without number and suffix. */
export function filledName(t: FilledTable): string {
  if (t.name && t.name.trim()) return t.name.trim();
  return (t.title || '')
    .replace(/^\s*\d+\s*[.．、]\s*/, '')
    .replace(/(项目支出|部门整体支出)?绩效(目标|指标)表?\s*$/, '')
    .trim();
}

export function filledNo(t: FilledTable, index: number): number {
  const n = t.title ? titleNumber(t.title) : undefined;
  return n !== undefined ? n : index + 1;
}

function sheetOps(name: string, tpl: Template, parts: { render: TableRender; index: number }[]): SheetOps {
  const heights = new Map<number, number>();
  const ops: SheetOps = {
    name,
    font: { name: tpl.font.name, fallbacks: tpl.font.fallbacks },
    columns: tpl.columns.slice(),
    rowHeights: [],
    cells: [],
    merges: [],
    styles: [],
    borders: [],
    print: {
      paper: tpl.print.paper,
      paperSize: 9,
      orientation: tpl.print.orientation,
      fitToWidth: tpl.print.fitToWidth,
      fitToHeight: tpl.print.fitToHeight,
      margins: { ...tpl.print.margins },
      horizontalCentered: tpl.print.horizontalCentered,
      rowBreaks: [],
    },
    tables: [],
  };
  parts.forEach(({ render, index }, k) => {
    // A loop, not push(...items): spreading a 100,000-row table's cells overflows the call stack.
    append(ops.cells, render.cells);
    append(ops.merges, render.merges);
    append(ops.styles, render.styles);
    append(ops.borders, render.borders);
    render.heights.forEach((h, r) => heights.set(r, h));
    ops.tables.push({ index, ...render.placed });
    if (k > 0) ops.print.rowBreaks.push(render.placed.top);
  });
  // With one table per sheet its header can repeat on every page; stacked tables each start a page instead
  // (a sheet has one print-title range, and another table's header above a title would be wrong).
  if (parts.length === 1 && tpl.print.repeatHeader) {
    const p = parts[0].render.placed;
    ops.print.titleRows = { first: p.headerFirst, last: p.headerLast };
  }
  ops.rowHeights = [...heights.entries()].sort((a, b) => a[0] - b[0]).map(([row, height]) => ({ row, height }));
  return ops;
}

/**
 * Tables into sheets: `per-sheet` one sheet per table ("3.环境监测费"); `stacked` one sheet per kind of table
 * (project tables together, department tables together), a blank row between tables and a page break before each.
 */
export function renderWorkbook(items: RenderItem[], layout: Layout = 'per-sheet'): WorkbookOps {
  const taken = new Set<string>();
  const sheets: SheetOps[] = [];
  if (layout === 'per-sheet') {
    items.forEach((it, index) => {
      const name = sheetNameFor(TT.perSheetName(filledNo(it.table, index), filledName(it.table)), taken);
      sheets.push(sheetOps(name, it.template, [{ render: renderTable(it.template, it.table, 0), index }]));
    });
    return { sheets };
  }
  // Tables of templates with the same columns share a sheet.
  const groups: { key: string; tpl: Template; items: { item: RenderItem; index: number }[] }[] = [];
  items.forEach((item, index) => {
    const key = item.template.kind + ':' + item.template.columns.join(',');
    let g = groups.find((x) => x.key === key);
    if (!g) groups.push((g = { key, tpl: item.template, items: [] }));
    g.items.push({ item, index });
  });
  for (const g of groups) {
    let top = 0;
    const parts = g.items.map(({ item, index }) => {
      const render = renderTable(item.template, item.table, top);
      top = render.placed.bottom + 2;
      return { render, index };
    });
    sheets.push(sheetOps(sheetNameFor(TT.stackedSheet[g.tpl.kind] || g.tpl.name, taken), g.tpl, parts));
  }
  return { sheets };
}

/** Appends items one by one (any count: push(...items) passes them as arguments and overflows the stack). */
export function append<T>(target: T[], items: readonly T[]): void {
  for (const item of items) target.push(item);
}
