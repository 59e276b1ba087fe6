// The one thing a host implements for marks: reading and writing fills, notes/comments, the findings sheet and its
// record store. Everything else — which cells, what to record before the first mark, restoring before marking
// again, scoped checks, remarks, the ignore list, roll-back — is src/core/marking.ts, the same for every host.
//
// Calls are queued: writes return nothing, reads return a promise that settles at the next flush(). A batching host
// (office-js) turns flush() into context.sync(); a synchronous host (WPS ET, ExcelJS) runs each call at once and
// flush() does nothing. The mechanism flushes at most once per `cellsPerFlush` marked cells, plus a fixed few.
import { Rect } from './grid';
import { RecordStore } from './record';

export interface BackendSheet {
  name: string;
  /** Stable id where the host has one (office-js Worksheet.id), to find a sheet the user renamed since marking. */
  id?: string;
  /** The sheet is protected: nothing can be written there (the mechanism refuses before its first write). */
  protected?: boolean;
}

export interface CellAt {
  row: number;
  col: number;
  /** A1 address of the cell. */
  address: string;
}

/** A cell before the first mark. */
export interface CellOriginal {
  /** Fill key (src/core/record.ts fillKey): '' no fill, '#RRGGBB' solid, or the host's own key. */
  fill: string;
  /** The user's note (read where `notes`): null none. */
  note?: { text: string; author?: string } | null;
  /** A comment the add-in did not make is on the cell (seen where `comments`): the add-in writes no text there. */
  userComment?: boolean;
}

export interface MarkBackend {
  /** Where a finding's text goes on its cell: a note, a comment (Excel's threads), or only the findings sheet. */
  readonly cellText: 'note' | 'comment' | 'none';
  /** Notes can be read, written and deleted (also needed to take off notes an earlier client wrote). */
  readonly notes: boolean;
  /** Comments can be listed, added and deleted. */
  readonly comments: boolean;
  /** At most this many marked or restored cells between two flushes. */
  readonly cellsPerFlush: number;
  /** The largest string the record store holds under one key. */
  readonly partChars: number;
  readonly store: RecordStore;

  /** The workbook's sheets (resolved now, not queued). */
  sheets(): Promise<BackendSheet[]>;
  /** What these cells of one sheet hold now (after the writes queued before this call). */
  readCells(sheet: string, cells: readonly CellAt[]): Promise<CellOriginal[]>;
  /** Sets the fill of every cell of these rectangles to the fill with this key ('' clears it). */
  setFill(sheet: string, rects: readonly Rect[], key: string): void;
  /** Adds a note where the cell has none. */
  addNote(sheet: string, address: string, text: string): void;
  /** Replaces the text of the cell's note (keeping its author). */
  setNoteText(sheet: string, address: string, text: string): void;
  /** Deletes the cell's note; nothing when it has none. */
  deleteNote(sheet: string, address: string): void;
  /** Adds a comment; resolves to its id (undefined when the host refused it, e.g. a legacy note hidden there). */
  addComment(sheet: string, address: string, text: string): Promise<string | undefined>;
  /** Deletes the add-in's comments by id (ids that no longer exist are skipped). */
  deleteComments(sheet: string, ids: readonly string[]): void;
  /** Deletes whatever comment is on these cells: roll-back of a failed batch, whose new comments' ids never came back. */
  deleteCommentsAt(sheet: string, addresses: readonly string[]): void;
  /** Adds the findings sheet with these rows (text stays text; "=HYPERLINK(…)" cells are formulas); resolves to its id. */
  addFindingsSheet(name: string, rows: (string | number)[][]): Promise<string | undefined>;
  /**
   * Deletes the findings sheet the add-in made: when it still has this id, or (ids may not survive a save and
   * reopen) when its first row is exactly this header — never a sheet the user made. Resolves true when deleted.
   */
  deleteFindingsSheet(name: string, id: string | undefined, header: readonly string[]): Promise<boolean>;
  flush(): Promise<void>;
  /** A failure of this host's API as a Chinese sentence. */
  errorText(e: unknown): string;
  /** The failure says the sheet cannot be written (protected) — so nothing was written there. */
  isProtectedError?(e: unknown): boolean;
}
