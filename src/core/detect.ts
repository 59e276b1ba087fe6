// Finds every target table on a sheet by its labels: the indicator header row (一级/二级/三级…) anchors a
// table; the meta block (title, 项目编码, 预算, 支出计划, 绩效目标) is looked for above it, up to the previous table.
import { Grid, toA1 } from './grid';
import { noTableText } from './i18n/rules';
import { ColumnRole, columnRole, isTitle, metaLabel, normLabel } from './labels';
import { TableKind } from './model';

export interface TableRegion {
  kind: TableKind;
  sheet: string;
  headerRow: number;
  /** Column index by role, from the header row (and the 符号/值/单位 sub-header where present). */
  columns: Partial<Record<ColumnRole, number>>;
  /** First and last body rows (inclusive). */
  bodyTop: number;
  bodyBottom: number;
  /** First row of the meta block above the header (== headerRow when there is none). */
  metaTop: number;
  /** Flat lists: the body rows of this project (one region per project). */
  rows?: number[];
  /** Columns of this table when several stand side by side on the sheet (absent: the whole row). */
  span?: Span;
}

export interface Span {
  left: number;
  right: number;
}
const WHOLE: Span = { left: 0, right: Number.MAX_SAFE_INTEGER };
const within = (span: Span, c: number) => c >= span.left && c <= span.right;

/** Filled columns of a row inside a span. */
export function filledIn(grid: Grid, row: number, span: Span | undefined): number[] {
  const cols = grid.filledCols(row);
  return span ? cols.filter((c) => within(span, c)) : cols;
}

const DEPT_L1 = /^部门(产出|效果|效益)(指标)?$/;

/**
 * The header groups of a row: one per table. A level column (一级/二级/三级) named a second time starts another
 * table standing to the right of the first.
 */
function headerGroups(grid: Grid, row: number): { columns: Partial<Record<ColumnRole, number>>; cols: Span }[] {
  const cols = grid.filledCols(row);
  if (cols.length < 3 || !mayBeHeader(grid, row, cols)) return [];
  const groups: number[][] = [[]];
  let seen = new Set<ColumnRole>();
  for (const c of cols) {
    const role = columnRole(grid.text(row, c));
    if (role && (role === 'l1' || role === 'l2' || role === 'l3') && seen.has(role)) {
      groups.push([]);
      seen = new Set();
    }
    if (role) seen.add(role);
    groups[groups.length - 1].push(c);
  }
  const out: { columns: Partial<Record<ColumnRole, number>>; cols: Span }[] = [];
  for (const g of groups) {
    const columns = headerColumns(grid, row, g);
    if (!columns) continue;
    // The table's extent is its labelled columns (other cells on the row may belong to a table beside it).
    const at = Object.values(columns).filter((c): c is number => c !== undefined);
    const right = Math.max(...at.map((c) => grid.areaOf(row, c).right));
    out.push({ columns, cols: { left: Math.min(...at), right } });
  }
  return out;
}

/**
 * Column bands of the sheet's tables: headers whose columns overlap share a band. With one band every table owns
 * whole rows (the usual stacked layout); with several, each table owns its band and the gap to its left.
 */
function bandSpans(headers: { cols: Span }[]): Span[] {
  const sorted = headers.map((h) => h.cols).sort((a, b) => a.left - b.left);
  const bands: Span[] = [];
  for (const c of sorted) {
    const last = bands[bands.length - 1];
    if (last && c.left <= last.right) last.right = Math.max(last.right, c.right);
    else bands.push({ ...c });
  }
  if (bands.length < 2) return headers.map(() => WHOLE);
  return headers.map((h) => {
    const i = bands.findIndex((b) => h.cols.left >= b.left && h.cols.left <= b.right);
    // Columns between two bands go to the table on the right: its labels (项目名称 …) stand left of its grid.
    return { left: i === 0 ? 0 : bands[i - 1].right + 1, right: i + 1 < bands.length ? bands[i].right : WHOLE.right };
  });
}

/** Cheap gate: a header row names the 三级 column, or both 一级 and 二级 (in these columns). */
function mayBeHeader(grid: Grid, row: number, cols: readonly number[]): boolean {
  let l1 = false;
  let l2 = false;
  for (const c of cols) {
    const t = grid.rawText(row, c);
    if (t.indexOf('三级') >= 0) return true;
    if (t.indexOf('一级') >= 0) l1 = true;
    if (t.indexOf('二级') >= 0) l2 = true;
  }
  return l1 && l2;
}

function headerColumns(grid: Grid, row: number, cols: number[] = grid.filledCols(row)): Partial<Record<ColumnRole, number>> | undefined {
  if (cols.length < 3) return undefined;
  // A row that fails the gate has no group that passes it: headerGroups asks once for the whole row.
  if (!mayBeHeader(grid, row, cols)) return undefined;
  const found: Partial<Record<ColumnRole, number>> = {};
  for (const c of cols) {
    const role = columnRole(grid.text(row, c));
    if (role && found[role] === undefined) found[role] = c;
  }
  // No 三级 header, but the 二级 header spans two columns: the second holds the indicator names (鄂州 目标表).
  if (found.l3 === undefined && found.l2 !== undefined) {
    const area = grid.areaOf(row, found.l2);
    if (area.right > area.left) found.l3 = area.left + 1;
  }
  const levels = (found.l1 !== undefined ? 1 : 0) + (found.l2 !== undefined ? 1 : 0) + (found.l3 !== undefined ? 1 : 0);
  if (found.l3 === undefined || levels < 2) return undefined;
  // 绩效标准 is a basis when it follows the value, a description when it comes before it.
  if (found.standard !== undefined) {
    const v = found.value !== undefined ? found.value : found.num;
    if (v !== undefined && found.standard > v) {
      if (found.basis === undefined) found.basis = found.standard;
    } else if (found.desc === undefined) found.desc = found.standard;
    delete found.standard;
  }
  // 指标性质 · 指标值 · 度量单位 (一体化 exports): the value column is the number of a split value.
  if (found.value !== undefined && found.num === undefined && (found.sign !== undefined || found.unit !== undefined)) {
    found.num = found.value;
    delete found.value;
  }
  return found;
}

/** Rows that start something else: a title, a meta label in the first filled cell, or another header. */
function startsSomethingElse(grid: Grid, row: number, headerRows: Set<number>, span?: Span): boolean {
  if (headerRows.has(row)) return true;
  const cols = filledIn(grid, row, span);
  if (cols.length === 0) return false;
  const first = grid.text(row, cols[0]);
  if (cols.length <= 2 && isTitle(first)) return true;
  const ml = metaLabel(first);
  return !!ml && ml !== 'name';
}

function looksLikeIndicatorRow(grid: Grid, row: number, columns: Partial<Record<ColumnRole, number>>): boolean {
  const l3 = columns.l3 !== undefined ? grid.text(row, columns.l3) : '';
  const l2 = columns.l2 !== undefined ? grid.effectiveText(row, columns.l2) : '';
  return l3.trim() !== '' && /指标$/.test(normLabel(l2));
}

/** A blank row inside the merged 一级/二级 cell of the rows around it: a row left empty under a 二级 (自评表). */
function insideLevelMerge(grid: Grid, row: number, columns: Partial<Record<ColumnRole, number>>): boolean {
  for (const col of [columns.l1, columns.l2]) {
    if (col === undefined) continue;
    const m = grid.mergeAt(row, col);
    if (m && m.top < row && m.bottom > row) return true;
  }
  return false;
}

const GRID_ROLES: ColumnRole[] = ['l1', 'l2', 'l3', 'desc', 'value', 'sign', 'num', 'unit', 'basis', 'scoring', 'project', 'org', 'budget', 'goals', 'weight', 'direction'];

/** A row with text only outside the indicator columns (a 审核意见 line under the grid, a signature) ends the body. */
function hasGridText(grid: Grid, row: number, columns: Partial<Record<ColumnRole, number>>): boolean {
  for (const role of GRID_ROLES) {
    const col = columns[role];
    if (col !== undefined && grid.text(row, col).trim() !== '') return true;
  }
  return false;
}

/** A flat-list row that carries an indicator (not a department subtotal line above the projects). */
function hasIndicator(grid: Grid, row: number, columns: Partial<Record<ColumnRole, number>>): boolean {
  for (const role of ['l1', 'l2', 'l3', 'value', 'num'] as ColumnRole[]) {
    const col = columns[role];
    if (col !== undefined && grid.text(row, col).trim() !== '') return true;
  }
  return false;
}

/**
 * Header rows of the headers whose spans overlap `span`, computed once per distinct span: a stacked sheet of 1,000
 * tables has one span for all, and building the set for each header was quadratic.
 */
function headerRowsIn(headers: readonly { row: number; span: Span }[], span: Span, cache: Map<string, Set<number>>): Set<number> {
  const key = span.left + ':' + span.right;
  let rows = cache.get(key);
  if (!rows) {
    rows = new Set(headers.filter((x) => x.span.left <= span.right && span.left <= x.span.right).map((x) => x.row));
    cache.set(key, rows);
  }
  return rows;
}

/**
 * Where the previous table in a span ends: the last body row of the regions found so far in overlapping columns
 * above this header, or an earlier overlapping header's row, whichever is lower on the sheet (-1: none). The
 * headers come in sheet order and the regions only grow, so each span's answer is kept up to date instead of
 * scanning every region and header again for each header (quadratic on a stacked sheet of 1,000 tables).
 */
class PrevEnds {
  private bySpan = new Map<string, { regions: number; headers: number; end: number; later: TableRegion[] }>();

  before(regions: readonly TableRegion[], headers: readonly { row: number; span: Span }[], h: number, span: Span): number {
    const key = span.left + ':' + span.right;
    let s = this.bySpan.get(key);
    if (!s) this.bySpan.set(key, (s = { regions: 0, headers: 0, end: -1, later: [] }));
    const headerRow = headers[h].row;
    const over = (o: Span) => o.left <= span.right && span.left <= o.right;
    for (; s.regions < regions.length; s.regions++) {
      const reg = regions[s.regions];
      if (over(reg.span || WHOLE)) s.later.push(reg);
    }
    // Regions ending at or below this header count for a later one (further down) only.
    if (s.later.length) {
      const still: TableRegion[] = [];
      for (const reg of s.later) {
        if (reg.bodyBottom < headerRow) s.end = Math.max(s.end, reg.bodyBottom);
        else still.push(reg);
      }
      s.later = still;
    }
    for (; s.headers < h; s.headers++) if (over(headers[s.headers].span)) s.end = Math.max(s.end, headers[s.headers].row);
    return s.end;
  }
}

/** Rows scanned for headers, and headers followed, between two steps of detectSteps. */
const STEP_ROWS = 512;
const STEP_HEADERS = 32;

export function detectTables(grid: Grid): TableRegion[] {
  const steps = detectSteps(grid);
  let s = steps.next();
  while (!s.done) s = steps.next();
  return s.value;
}

/**
 * detectTables in steps, for a host that must not block: yields the row reached every few hundred rows scanned
 * and every few dozen headers followed (a stacked sheet of 1,000 tables takes a few hundred milliseconds in all).
 */
export function* detectSteps(grid: Grid): Generator<number, TableRegion[], void> {
  const found: { row: number; columns: Partial<Record<ColumnRole, number>>; cols: Span }[] = [];
  for (let r = 0; r < grid.rowCount; r++) {
    for (const g of headerGroups(grid, r)) found.push({ row: r, columns: g.columns, cols: g.cols });
    if (r % STEP_ROWS === STEP_ROWS - 1) yield r;
  }
  const spans = bandSpans(found);
  const headers = found.map((h, i) => ({ row: h.row, columns: h.columns, span: spans[i] }));
  const regions: TableRegion[] = [];
  const overlaps = (a: Span, b: Span) => a.left <= b.right && b.left <= a.right;
  const headerRowSets = new Map<string, Set<number>>();
  const prevEnds = new PrevEnds();
  for (let h = 0; h < headers.length; h++) {
    if (h % STEP_HEADERS === STEP_HEADERS - 1) yield headers[h].row;
    const { row: headerRow, span } = headers[h];
    // Header rows of the tables in these columns (a table beside this one does not end it).
    const headerRows = headerRowsIn(headers, span, headerRowSets);
    const side = span === WHOLE ? undefined : span;
    const blank = (r: number) => filledIn(grid, r, side).length === 0;
    // The previous table in these columns ends where this one's meta block may start.
    const prevEnd = prevEnds.before(regions, headers, h, span);
    const columns = { ...headers[h].columns };
    let bodyTop = headerRow + 1;
    // A two-row header: 指标值 over 符号 · 值 · 单位.
    const sub = filledIn(grid, headerRow + 1, side).map((c) => [c, columnRole(grid.text(headerRow + 1, c))] as const);
    const subRoles = sub.filter(([, role]) => role === 'sign' || role === 'num' || role === 'unit' || role === 'value');
    if (subRoles.length >= 2 && subRoles.length === sub.length) {
      for (const [c, role] of subRoles) {
        const rl = role === 'value' ? 'num' : role!;
        if (columns[rl] === undefined) columns[rl] = c;
      }
      delete columns.value;
      bodyTop = headerRow + 2;
    }
    if (columns.value !== undefined && columns.num !== undefined) delete columns.value;
    if (columns.value === undefined && columns.num === undefined) continue;

    let limit = grid.rowCount;
    for (let k = h + 1; k < headers.length; k++) if (headers[k].row > headerRow && overlaps(headers[k].span, span)) { limit = headers[k].row; break; }
    let bodyBottom = bodyTop - 1;
    for (let r = bodyTop; r < limit; r++) {
      if (blank(r) || !hasGridText(grid, r, columns)) {
        if (insideLevelMerge(grid, r, columns)) continue;
        // Tolerate a stray blank row inside a table when an indicator row follows directly.
        if (blank(r) && r + 1 < limit && !blank(r + 1) && looksLikeIndicatorRow(grid, r + 1, columns) && !startsSomethingElse(grid, r + 1, headerRows, side)) {
          continue;
        }
        break;
      }
      if (startsSomethingElse(grid, r, headerRows, side)) break;
      bodyBottom = r;
    }
    if (bodyBottom < bodyTop) continue;

    const isFlat = columns.project !== undefined;
    let kind: TableKind = isFlat ? 'flat' : 'project';
    if (!isFlat) {
      let dept = columns.scoring !== undefined;
      if (!dept && columns.l1 !== undefined) {
        for (let r = bodyTop; r <= bodyBottom && !dept; r++) dept = DEPT_L1.test(normLabel(grid.text(r, columns.l1)));
      }
      if (dept) kind = 'department';
    }

    if (isFlat) {
      // One region per project: consecutive rows with the same 项目名称 (blank continues the previous one). Two
      // projects of the same name follow each other too (two allocations of one grant): the hierarchy restarting
      // (产出 after 满意度) where the name cell is not one merged cell marks the second.
      let current: number[] = [];
      let currentName = '';
      let prevL1 = '';
      let prevArea: string | undefined;
      const flush = () => {
        if (current.length)
          regions.push({ kind, sheet: grid.name, headerRow, columns, bodyTop: current[0], bodyBottom: current[current.length - 1], metaTop: headerRow, rows: current, ...(side ? { span: side } : {}) });
        current = [];
        prevL1 = '';
      };
      const pc = columns.project!;
      for (let r = bodyTop; r <= bodyBottom; r++) {
        if (blank(r) || !hasIndicator(grid, r, columns)) continue;
        const name = grid.effectiveText(r, pc).trim();
        const area = grid.mergeAt(r, pc);
        const areaKey = area ? area.top + ':' + area.left : undefined;
        const l1 = columns.l1 !== undefined ? normLabel(grid.effectiveText(r, columns.l1)) : '';
        // The name written again in a merged cell of its own, or 产出 after 满意度 outside one merged name cell.
        const newMerge = !!areaKey && !!prevArea && areaKey !== prevArea && area!.top === r;
        const restart = current.length > 0 && (newMerge || (/^满意度/.test(prevL1) && /^(产出|成本)/.test(l1) && (!areaKey || areaKey !== prevArea)));
        if ((name && name !== currentName) || restart) {
          flush();
          if (name) currentName = name;
        }
        current.push(r);
        if (l1) prevL1 = l1;
        prevArea = areaKey;
      }
      flush();
    } else {
      // The meta block: from just after the previous table (or the sheet top) to the header, skipping blank rows.
      let metaTop = headerRow;
      for (let r = headerRow - 1; r > prevEnd && r >= 0 && headerRow - r <= 30; r--) {
        if (!blank(r)) metaTop = r;
      }
      regions.push({ kind, sheet: grid.name, headerRow, columns, bodyTop, bodyBottom, metaTop, ...(side ? { span: side } : {}) });
    }
  }
  regions.sort((a, b) => a.headerRow - b.headerRow || (a.span ? a.span.left : 0) - (b.span ? b.span.left : 0) || a.bodyTop - b.bodyTop);
  return regions;
}

export type NoTableReason = 'empty' | 'no-header' | 'no-value-column' | 'no-rows';

/** Why a sheet yields no target table: what detection looked for and which of those labels the sheet has. */
export interface NoTableExplanation {
  sheet: string;
  reason: NoTableReason;
  /** Label-like cells found (一级/二级/三级指标, 指标值 …), at most a few, in sheet order. */
  found: { cell: string; text: string }[];
  /** Row (0-based) of the header that was found but had no value column or no rows under it. */
  headerRow?: number;
  /** zh-CN sentence for the user: what was looked for, what was found. */
  message: string;
}

const LABEL_HINT = /^(一级|二级|三级)(指标)?|^指标值|^(年度)?指标值|^绩效指标$|^指标名称$|^指标内容$|^(当年)?预期(实现)?值$/;

/** Explains an empty result of detectTables (call it when that returned nothing for the sheet). */
export function explainNoTable(grid: Grid): NoTableExplanation {
  const found: { cell: string; text: string }[] = [];
  let filled = 0;
  let headerRow: number | undefined;
  let reason: NoTableReason = 'no-header';
  for (let r = 0; r < grid.rowCount; r++) {
    const cols = grid.filledCols(r);
    filled += cols.length;
    for (const c of cols) {
      const t = grid.text(r, c);
      if (t.length <= 24 && LABEL_HINT.test(normLabel(t)) && found.length < 8) found.push({ cell: toA1(r, c), text: t.trim() });
    }
    const h = headerGroups(grid, r).map((g) => g.columns)[0];
    if (h && headerRow === undefined) {
      headerRow = r;
      reason = h.value === undefined && h.num === undefined ? 'no-value-column' : 'no-rows';
    }
  }
  if (!filled) reason = 'empty';
  const message = noTableText(grid.name, reason, found.map((f) => f.cell + '“' + f.text + '”'), headerRow === undefined ? undefined : headerRow + 1);
  return headerRow === undefined ? { sheet: grid.name, reason, found, message } : { sheet: grid.name, reason, found, headerRow, message };
}
