// The one interface the task pane talks to. Each spreadsheet host (Excel via office-js, WPS via its ET object
// model) implements it in its own folder; the pane never calls a host API directly.
import { Diagnostic } from '../core/diagnostic';
import { Grid } from '../core/grid';
import type { InsertPlan } from '../core/rows';
import type { SheetOps } from '../core/template/ops';
import type { ApplyOptions, ClearOptions, MarkSummary, RemarkInput } from '../core/marking';
import type { Pause } from '../core/pause';
import type { Ignored, Remark, ReviewChange, ReviewRecord } from '../core/record';

export type { ApplyOptions, ClearOptions, MarkSummary, RemarkInput } from '../core/marking';

/** What a client too old for it could not do when writing a template sheet. */
export type WriteSkipped = 'merges' | 'sizes' | 'print' | 'borders';

export interface WriteSheetResult {
  /** The new sheet's name (the template's, or with (2), (3)… when the workbook has a sheet of that name). */
  sheet: string;
  skipped?: WriteSkipped[];
}

export interface HostFeatures {
  host: 'excel' | 'wps';
  /** Highest ExcelApi requirement set the client supports, e.g. "1.13" (WPS: its own version string). */
  apiLevel: string;
  /** Merged areas can be read (ExcelApi 1.13); otherwise blank continuation cells stand in for them. */
  mergedAreas: boolean;
  /** Where a finding's text goes on the cell: a note (1.18), a threaded comment (1.10), or only the findings sheet. */
  cellText: 'note' | 'comment' | 'none';
  /** Many cells formatted per call (RangeAreas, 1.9). */
  multiArea: boolean;
  /** Edits by the user are reported (Worksheet.onChanged, 1.7). */
  changeEvents: boolean;
}

/** What the pane may pass to applyMarks: the scope, and the slicing and progress of the core mechanism. */
export type HostApplyOptions = Pick<ApplyOptions, 'sheets' | 'pause' | 'onProgress'>;

export interface ReadProgress {
  sheet: string;
  done: number;
  total: number;
}

export interface SheetHost {
  features(): HostFeatures;
  sheetNames(): Promise<string[]>;
  activeSheet(): Promise<string>;
  /**
   * Reads the used range (values, display text, formula errors, merged areas) of each named sheet.
   * Sheets the add-in wrote itself (the findings sheet) are never read. `pause` is awaited between pieces of the
   * work done in the pane (blocks of rows turned into a Grid).
   */
  readSheets(names: string[], onProgress?: (p: ReadProgress) => void, pause?: Pause): Promise<Grid[]>;
  /**
   * Marks the cells of these findings (fill by worst severity, note or comment with the messages) and writes the
   * findings sheet, through the core's one mechanism (src/core/marking.ts). The marks of an earlier check are
   * restored first, so marks never stack; with `options.sheets` only those sheets' marks and findings-sheet rows are
   * replaced. The original fill, note and comment of every touched cell are recorded in the workbook before the first
   * write; a write failing part-way is rolled back. Findings the reviewer ignored are not marked.
   */
  applyMarks(diagnostics: readonly Diagnostic[], grids: readonly Grid[], options?: HostApplyOptions): Promise<MarkSummary>;
  /**
   * Restores every marked cell exactly as it was and removes the findings sheet (keeping the remarks named in
   * `options.keepRemarks`). Works after save and reopen. A record it cannot read is reported, nothing changed.
   */
  clearMarks(options?: ClearOptions): Promise<{ cells: number }>;
  /** True when the workbook holds marks from an earlier check (this session or a saved one), or a damaged record. */
  hasMarks(): Promise<boolean>;
  /** The reviewer's remark on a cell: signed and dated in its note or comment, and a row of the findings sheet. */
  addRemark(input: RemarkInput): Promise<Remark>;
  removeRemark(id: string): Promise<void>;
  /** Suppresses a finding on this and later checks (kept in the workbook with who and when); undone by unignore. */
  ignoreFinding(finding: Diagnostic, by: string): Promise<Ignored>;
  unignoreFinding(key: string): Promise<void>;
  /** Remarks and ignored findings kept in the workbook. */
  reviewState(): Promise<ReviewRecord>;
  /** Saves a verdict choice or a review pass in the workbook's review record (no cell changes). */
  updateReview(change: ReviewChange): Promise<ReviewRecord>;
  /** Activates the sheet and selects the cell or range (scrolled into view). */
  select(sheet: string, address: string): Promise<void>;
  /** Writes the user-accepted text into one cell (应用建议). The only call that changes a user's value. */
  writeValue(sheet: string, address: string, text: string): Promise<void>;
  /** The selected cell or range of the active sheet (its address without the sheet), or null when none (a chart). */
  selection(): Promise<{ sheet: string; address: string } | null>;
  /**
   * Inserts whole rows (everything below moves down, nothing is overwritten), writes the new rows' cells, extends
   * and makes the plan's merged areas (where the client can merge) and copies the formats of the row above (where it
   * can copy formats). Refuses, changing nothing, when the plan's `expect` cells no longer hold what they held when
   * the plan was made. The marks' record holds cell addresses: clear the marks before inserting.
   */
  insertRows(sheet: string, plan: InsertPlan): Promise<{ inserted: number }>;
  /**
   * Adds a NEW sheet (a free name, never over a user's sheet), writes a rendered template onto it (values, number
   * formats, merged areas, fonts, borders, sizes, print setup where the client can) and activates it.
   */
  writeSheet(ops: SheetOps): Promise<WriteSheetResult>;
  /**
   * Calls the handler when the user edits cells (not for the add-in's own writes). Returns an unsubscribe
   * function; absent where the client has no change events.
   */
  onUserEdit?(handler: (sheet: string, address: string) => void): Promise<() => void>;
}
