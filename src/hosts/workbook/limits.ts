// How much of a workbook the readers accept. Each limit sits far above what real 绩效目标表 workbooks reach and
// far below what exhausts memory or time; docs/security.md gives the measurements behind each figure. No Node
// APIs: the browser playground checks the same figures.
import { MAX_COLS, MAX_ROWS } from '../../core/grid';

export { MAX_COLS, MAX_ROWS };

const MiB = 1024 * 1024;

export const READ_LIMITS = {
  /** Inflated bytes of one worksheet part (the bench file's 1,000-table sheet: 6.2 MB). Bounds the time. */
  sheetPart: 256 * MiB,
  /** Inflated bytes of all worksheet parts together: what the Grids keep is bounded by it (memory). */
  sheetsTotal: 384 * MiB,
  /** Inflated bytes of sharedStrings.xml, held in memory whole (the bench file's: 0.2 MB). */
  sharedStringsPart: 64 * MiB,
  /** Inflated bytes of any other part read whole: workbook, rels, styles (fixtures' styles.xml: 3 KB). */
  otherPart: 32 * MiB,
  /** Inflated : compressed, once a part has inflated past `ratioFloor` (fixtures ≤ 9.8, bench file ≤ 6.4). */
  ratio: 100,
  ratioFloor: 1 * MiB,
  /** Characters of one <row> (or one shared string item) before its end tag; an unclosed row is refused here. */
  rowChars: 16 * MiB,
  /** Excel's own limit on one cell's text. */
  cellChars: 32767,
  /** Non-empty cells of the whole workbook (the bench file: 85,000). Bounds the Grids' memory. */
  cells: 2_000_000,
  /** Shared string items (the bench file: 3,900). */
  sharedStrings: 1_000_000,
  /** Merged areas of one sheet (the bench file: 24,500). */
  merges: 200_000,
  /** Cells covered by merged areas, whole workbook: the merge index and ExcelJS's copy hold one entry each. */
  mergedCells: 4_000_000,
};

/** Inflated size of a part that is over its limit or its ratio, as a reason code for the message. */
export function inflateOverLimit(inflated: number, compressed: number, limit: number, limits: typeof READ_LIMITS = READ_LIMITS): 'size' | 'ratio' | null {
  if (inflated > limit) return 'size';
  if (inflated > limits.ratioFloor && inflated > limits.ratio * Math.max(compressed, 1)) return 'ratio';
  return null;
}
