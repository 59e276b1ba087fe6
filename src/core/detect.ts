// Finds every target table on a sheet by its labels: the indicator header row (一级/二级/三级…) anchors a
// table; the meta block (title, 项目编码, 预算, 支出计划, 绩效目标) is looked for above it, up to the previous table.
import { Grid } from './grid';
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
}

const DEPT_L1 = /^部门(产出|效果|效益)(指标)?$/;

function headerColumns(grid: Grid, row: number): Partial<Record<ColumnRole, number>> | undefined {
  const cols = grid.filledCols(row);
  if (cols.length < 3) return undefined;
  // Cheap gate: a header row names the 三级 column.
  let named = false;
  for (const c of cols) if (grid.rawText(row, c).indexOf('三级') >= 0) named = true;
  if (!named) return undefined;
  const found: Partial<Record<ColumnRole, number>> = {};
  for (const c of cols) {
    const role = columnRole(grid.text(row, c));
    if (role && found[role] === undefined) found[role] = c;
  }
  const levels = (found.l1 !== undefined ? 1 : 0) + (found.l2 !== undefined ? 1 : 0) + (found.l3 !== undefined ? 1 : 0);
  if (found.l3 === undefined || levels < 2) return undefined;
  return found;
}

/** Rows that start something else: a title, a meta label in the first filled cell, or another header. */
function startsSomethingElse(grid: Grid, row: number, headerRows: Set<number>): boolean {
  if (headerRows.has(row)) return true;
  const cols = grid.filledCols(row);
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

export function detectTables(grid: Grid): TableRegion[] {
  const headers: { row: number; columns: Partial<Record<ColumnRole, number>> }[] = [];
  for (let r = 0; r < grid.rowCount; r++) {
    const cols = headerColumns(grid, r);
    if (cols) headers.push({ row: r, columns: cols });
  }
  const headerRows = new Set(headers.map((h) => h.row));
  const regions: TableRegion[] = [];
  let prevEnd = -1;
  for (let h = 0; h < headers.length; h++) {
    const { row: headerRow } = headers[h];
    const columns = { ...headers[h].columns };
    let bodyTop = headerRow + 1;
    // A two-row header: 指标值 over 符号 · 值 · 单位.
    const sub = grid.filledCols(headerRow + 1).map((c) => [c, columnRole(grid.text(headerRow + 1, c))] as const);
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

    const limit = h + 1 < headers.length ? headers[h + 1].row : grid.rowCount;
    let bodyBottom = bodyTop - 1;
    for (let r = bodyTop; r < limit; r++) {
      if (grid.isBlankRow(r)) {
        // Tolerate a stray blank row inside a table when an indicator row follows directly.
        if (r + 1 < limit && !grid.isBlankRow(r + 1) && looksLikeIndicatorRow(grid, r + 1, columns) && !startsSomethingElse(grid, r + 1, headerRows)) {
          continue;
        }
        break;
      }
      if (startsSomethingElse(grid, r, headerRows)) break;
      bodyBottom = r;
    }
    if (bodyBottom < bodyTop) {
      prevEnd = Math.max(prevEnd, headerRow);
      continue;
    }

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
      // One region per project: consecutive rows with the same 项目名称 (blank continues the previous one).
      let current: number[] = [];
      let currentName = '';
      const flush = () => {
        if (current.length)
          regions.push({ kind, sheet: grid.name, headerRow, columns, bodyTop: current[0], bodyBottom: current[current.length - 1], metaTop: headerRow, rows: current });
        current = [];
      };
      for (let r = bodyTop; r <= bodyBottom; r++) {
        if (grid.isBlankRow(r)) continue;
        const name = grid.effectiveText(r, columns.project!).trim();
        if (name && name !== currentName) {
          flush();
          currentName = name;
        }
        current.push(r);
      }
      flush();
    } else {
      // The meta block: from just after the previous table (or the sheet top) to the header, skipping blank rows.
      let metaTop = headerRow;
      for (let r = headerRow - 1; r > prevEnd && r >= 0 && headerRow - r <= 30; r--) {
        if (!grid.isBlankRow(r)) metaTop = r;
      }
      regions.push({ kind, sheet: grid.name, headerRow, columns, bodyTop, bodyBottom, metaTop });
    }
    prevEnd = bodyBottom;
  }
  return regions;
}
