/// <reference types="office-js" />
// Reading sheets into Grids with as few round trips as possible: at most 3 context.sync calls for any number of
// sheets of any size —
//   1. the used range of every sheet (by values, where the client can: ExcelApi 1.2);
//   2. values, display text and value types of every sheet, in row blocks (each block ≤ 2,000,000 cells: under the
//      5,000,000-cell read limit, where Excel would hand back null);
//   3. (ExcelApi 1.13) the merged areas, asked for in rectangles that cannot hold more than 512 of them (the
//      documented limit of getMergedAreasOrNullObject), sized from the blank cells read in step 2: every merged
//      area has a blank continuation cell right of or below its top-left cell.
// Below 1.13 merges cannot be read; the two-row labels the engine needs are inferred (src/core/infer-merges.ts).
// Past 3 syncs only when Excel refuses: on the web (5 MB per response) the blocks are read again one per sync; when
// a file breaks the blank-cell bound (values left in merged continuation cells) the merged areas are asked for once
// more in pieces 8 times smaller, and if that fails too they are inferred as below 1.13.
import { Grid, Rect, generalText, rectToA1 } from '../../core/grid';
import { addInferredMerges } from '../../core/infer-merges';
import { ReadProgress } from '../host';
import { Pause, noPause } from '../../core/pause';
import { areasToRects } from './address';
import { errorCode } from './errors';

/** Row blocks: ≤ 5,000 rows and ≤ 2,000,000 cells each. */
export function blockRows(cols: number): number {
  return Math.max(1, Math.min(5000, Math.floor(2_000_000 / Math.max(1, cols))));
}

/** Smaller blocks for Excel on the web, one per sync (≈ 100,000 cells ≈ a few MB of values and text). */
const WEB_BLOCK_CELLS = 100_000;

/** Most merged areas one getMergedAreasOrNullObject call may return (excel.d.ts). */
export const MERGED_AREAS_LIMIT = 512;

/**
 * Rectangles (0-based, relative to the used range) to ask for merged areas, each able to hold at most `limit`
 * areas: an area's top-left cell lies in the rectangle and one of its blank continuation cells right of it or
 * in the row below, so the blanks of the rectangle plus the row below bound the count. The column right of the
 * range and the row below it count as blank (a used range by values can end where a merged area goes on).
 */
export function mergeQueryRects(rows: number, cols: number, isBlank: (r: number, c: number) => boolean, limit = MERGED_AREAS_LIMIT): Rect[] {
  const blank = (r: number, c: number) => r >= rows || c >= cols || isBlank(r, c);
  const rowBlanks = new Array<number>(rows + 1).fill(0);
  for (let r = 0; r <= rows; r++) {
    let n = 0;
    for (let c = 0; c <= cols; c++) if (blank(r, c)) n++;
    rowBlanks[r] = n;
  }
  const out: Rect[] = [];
  let a = 0;
  while (a < rows) {
    let sum = rowBlanks[a] + rowBlanks[a + 1];
    if (sum > limit) {
      // A row too blank to ask at once: split it by columns. Bound for columns c1..c2: blanks of the row from c1
      // to c2 + 1, and of the row below from c1 to c2.
      let c1 = 0;
      while (c1 < cols) {
        let n = (blank(a, c1) ? 1 : 0) + (blank(a, c1 + 1) ? 1 : 0) + (blank(a + 1, c1) ? 1 : 0);
        let c2 = c1;
        while (c2 + 1 < cols) {
          const more = (blank(a, c2 + 2) ? 1 : 0) + (blank(a + 1, c2 + 1) ? 1 : 0);
          if (n + more > limit) break;
          n += more;
          c2++;
        }
        out.push({ top: a, left: c1, bottom: a, right: c2 });
        c1 = c2 + 1;
      }
      a++;
      continue;
    }
    let b = a;
    while (b + 1 < rows && sum + rowBlanks[b + 2] <= limit) {
      sum += rowBlanks[b + 2];
      b++;
    }
    out.push({ top: a, left: 0, bottom: b, right: cols - 1 });
    a = b + 1;
  }
  return out;
}

interface Block {
  top: number;
  rows: number;
  range: Excel.Range;
}

interface SheetRead {
  name: string;
  used: Excel.Range;
  top: number;
  left: number;
  rows: number;
  cols: number;
  blocks: Block[];
  readonly grid: Grid;
  /** Blank cells by used-range row, for sizing the merged-area questions. */
  blank: Uint8Array[];
}

function queueBlock(ws: Excel.Worksheet, s: SheetRead, top: number, rows: number): Block {
  const range = ws.getRange(rectToA1({ top: s.top + top, left: s.left, bottom: s.top + top + rows - 1, right: s.left + s.cols - 1 }));
  range.load('values,text,valueTypes');
  return { top, rows, range };
}

/** Puts one block's cells into the grid (blank cells are left out, as the .xlsx reader leaves them out). */
function takeBlock(s: SheetRead, b: Block): void {
  const values = b.range.values;
  const text = b.range.text;
  const types = b.range.valueTypes;
  for (let i = 0; i < b.rows; i++) {
    const vr = values[i];
    const tr = text[i];
    const yr = types[i];
    const blank = (s.blank[b.top + i] = new Uint8Array(s.cols));
    for (let j = 0; j < s.cols; j++) {
      const v = vr[j] as string | number | boolean;
      const t = tr[j];
      if ((v === '' || v === null) && !t) {
        blank[j] = 1;
        continue;
      }
      const row = s.top + b.top + i;
      const col = s.left + j;
      if (yr[j] === 'Error') {
        s.grid.setCell(row, col, { value: null, error: String(v || t) });
      } else if (typeof v === 'number') {
        // A number too wide for its column shows as ####: keep what the value says instead.
        s.grid.setCell(row, col, { value: v, text: /^#+$/.test(t) ? generalText(v) : t });
      } else {
        // Text (including numbers stored as text) stays text, as shown.
        s.grid.setCell(row, col, { value: v === '' ? '' : v, text: t });
      }
    }
  }
}

export interface ReadOptions {
  mergedAreas: boolean;
  /**
   * getUsedRange(true) (ExcelApi 1.2): the cells with values only, so a column formatted down to row 1,048,576
   * does not turn into a million-row read. Merged areas starting in it are still found.
   */
  valuesOnly: boolean;
  onProgress?: (p: ReadProgress) => void;
  /** Awaited between blocks of rows turned into a Grid (the pane yields to the host there). */
  pause?: Pause;
}

export async function readSheetsInto(context: Excel.RequestContext, names: readonly string[], opts: ReadOptions): Promise<Grid[]> {
  const pause = opts.pause || noPause;
  const sheets = context.workbook.worksheets;
  const reads: SheetRead[] = names.map((name) => {
    const used = opts.valuesOnly ? sheets.getItem(name).getUsedRange(true) : sheets.getItem(name).getUsedRange();
    used.load('rowIndex,columnIndex,rowCount,columnCount');
    return { name, used, top: 0, left: 0, rows: 0, cols: 0, blocks: [], grid: new Grid(name), blank: [] };
  });
  await context.sync(); // 1: where the data is

  for (const s of reads) {
    s.top = s.used.rowIndex;
    s.left = s.used.columnIndex;
    s.rows = s.used.rowCount;
    s.cols = s.used.columnCount;
    const ws = sheets.getItem(s.name);
    const per = blockRows(s.cols);
    for (let top = 0; top < s.rows; top += per) s.blocks.push(queueBlock(ws, s, top, Math.min(per, s.rows - top)));
  }
  let oneBlockPerSync = false;
  try {
    await context.sync(); // 2: the cells
  } catch (e) {
    const code = errorCode(e);
    if (code !== 'ResponsePayloadSizeLimitExceeded' && code !== 'RequestPayloadSizeLimitExceeded') throw e;
    oneBlockPerSync = true;
  }
  for (const s of reads) {
    if (!oneBlockPerSync) {
      for (const b of s.blocks) {
        takeBlock(s, b);
        await pause();
      }
      continue;
    }
    // Excel on the web: 5 MB per response. Smaller blocks, one per sync.
    const ws = sheets.getItem(s.name);
    const per = Math.max(1, Math.floor(WEB_BLOCK_CELLS / Math.max(1, s.cols)));
    for (let top = 0; top < s.rows; top += per) {
      const b = queueBlock(ws, s, top, Math.min(per, s.rows - top));
      // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one block per request is the point: each response must stay under 5 MB
      await context.sync();
      takeBlock(s, b);
      await pause();
    }
  }

  let merges: Map<SheetRead, Rect[]> | null = null;
  if (opts.mergedAreas) {
    // The bound assumes continuation cells are blank; a file written by another program may break that: ask
    // again in smaller pieces, then fall back to inferring the merges.
    merges = await readMerges(context, reads, MERGED_AREAS_LIMIT).catch(() => readMerges(context, reads, MERGED_AREAS_LIMIT / 8).catch(() => null));
  }
  for (let i = 0; i < reads.length; i++) {
    const s = reads[i];
    if (merges) {
      let n = 0;
      for (const r of merges.get(s) || []) {
        s.grid.addMerge(r);
        if (++n % MERGES_PER_PAUSE === 0) await pause();
      }
    } else addInferredMerges(s.grid);
    if (opts.onProgress) opts.onProgress({ sheet: s.name, done: i + 1, total: reads.length });
  }
  return reads.map((s) => s.grid);
}

/**
 * Merged areas registered between two pauses (a stacked sheet of 1,000 tables has about 25,000). Never inside
 * readMerges: its failures fall back to smaller queries, and a cancel thrown by the pause must not be one of them.
 */
const MERGES_PER_PAUSE = 2000;

async function readMerges(context: Excel.RequestContext, reads: SheetRead[], limit: number): Promise<Map<SheetRead, Rect[]>> {
  const sheets = context.workbook.worksheets;
  const asked: { s: SheetRead; areas: Excel.RangeAreas }[] = [];
  for (const s of reads) {
    const ws = sheets.getItem(s.name);
    const rects = mergeQueryRects(s.rows, s.cols, (r, c) => !!s.blank[r] && s.blank[r][c] === 1, limit);
    for (const q of rects) {
      const areas = ws.getRange(rectToA1({ top: s.top + q.top, left: s.left + q.left, bottom: s.top + q.bottom, right: s.left + q.right })).getMergedAreasOrNullObject();
      areas.load('address');
      asked.push({ s, areas });
    }
  }
  await context.sync(); // 3: the merged areas
  const out = new Map<SheetRead, Rect[]>();
  for (const { s, areas } of asked) {
    if (areas.isNullObject) continue;
    let list = out.get(s);
    if (!list) out.set(s, (list = []));
    for (const r of areasToRects(areas.address)) if (r.top !== r.bottom || r.left !== r.right) list.push(r);
  }
  return out;
}
