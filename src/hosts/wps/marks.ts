// The mark backend (src/core/mark-backend.ts) over WPS 表格's ET object model: the core's one mechanism
// (src/core/marking.ts) decides which cells, what to record, restoring before marking again, scoped checks, remarks
// and roll-back; this file only reads and writes ET. ET is synchronous: every call runs at once, flush() only
// carries out the comment deletions it gathered (one ClearComments per address list instead of three calls a cell).
//   - fills: BGR colours on packed rectangles, many per call as multi-area addresses of ≤ 255 characters (VBA's limit
//     for a Range address, assumed for ET): 3 calls per address list; originals read the same way, per rectangle
//     and per cell only where a list is mixed;
//   - notes: ET's legacy comments (one text per cell, an author): cellText 'note', no separate threads;
//   - the 审核意见 sheet in 500-row Value2 blocks, text columns formatted as text, HYPERLINK cells as formulas;
//   - the record in a very hidden sheet (store.ts), since PluginStorage is not persisted.
import { Rect, parseRange, rectToA1 } from '../../core/grid';
import { wpsText } from '../../core/i18n/wps';
import { BackendSheet, CellAt, CellOriginal, MarkBackend } from '../../core/mark-backend';
import { addressChunks, packRects } from '../../core/marks';
import { EtApplication, EtWorkbook, EtWorksheet, XL } from './et';
import { etErrorDetail } from './errors';
import { normalise2D } from './read';
import { EtSheetStore, STORE_PART_CHARS, STORE_SHEET } from './store';
import { addNamedSheet } from './write';

/** VBA refuses a Range address longer than this; assumed for ET (device checklist, docs/wps.md). */
export const ADDRESS_CHARS = 255;
/** Rows per Value2 write of the findings sheet. */
const FINDINGS_BLOCK_ROWS = 500;
/** Column widths of the findings sheet, in ET characters (序号 … 建议); ET has no autofit we rely on. */
const FINDINGS_WIDTHS = [6, 14, 10, 6, 16, 60, 40];

const NO_FILL = XL.colorIndexNone;
const WHITE = 0xffffff;

export const hexToBgr = (hex: string): number => {
  const n = parseInt(hex.replace('#', ''), 16);
  return ((n >> 16) & 0xff) + ((n >> 8) & 0xff) * 256 + (n & 0xff) * 65536;
};

export const bgrToHex = (c: number): string => {
  const rgb = [c & 0xff, (c >> 8) & 0xff, (c >> 16) & 0xff];
  return '#' + rgb.map((x) => (x < 16 ? '0' : '') + x.toString(16)).join('').toUpperCase();
};

/**
 * Runs `f` with ScreenUpdating and DisplayAlerts off (§2.2 "Bulk speed", §2.3 "Dialogs": Merge and Delete would ask),
 * restoring both to what they were afterwards, each on its own, also when `f` throws.
 */
export async function quiet<T>(app: EtApplication, f: () => Promise<T>): Promise<T> {
  const screen = app.ScreenUpdating;
  const alerts = app.DisplayAlerts;
  app.ScreenUpdating = false;
  app.DisplayAlerts = false;
  try {
    return await f();
  } finally {
    try {
      app.DisplayAlerts = alerts;
    } catch {
      /* the error that matters is the one being thrown, if any */
    }
    try {
      app.ScreenUpdating = screen;
    } catch {
      /* as above */
    }
  }
}

/** Every sheet of the workbook by lower-case name. */
export function listSheets(wb: EtWorkbook): Map<string, { name: string; visible: boolean }> {
  const sheets = wb.Sheets;
  const n = sheets.Count;
  const out = new Map<string, { name: string; visible: boolean }>();
  for (let i = 1; i <= n; i++) {
    const ws = sheets.Item(i);
    const name = ws.Name;
    out.set(name.toLowerCase(), { name, visible: ws.Visible === XL.sheetVisible });
  }
  return out;
}

const rectsOf = (list: string): Rect[] => list.split(',').filter(Boolean).map((a) => parseRange(a));

/** Original fills of cells of one sheet: per address list, then per rectangle, then per cell where mixed. */
function readFills(ws: EtWorksheet, cells: readonly CellAt[]): string[] {
  const out = new Array<string>(cells.length).fill('');
  const at = new Map(cells.map((c, i) => [c.row + ':' + c.col, i]));
  const each = (r: Rect, f: (i: number) => void) => {
    for (let row = r.top; row <= r.bottom; row++) for (let col = r.left; col <= r.right; col++) f(at.get(row + ':' + col)!);
  };
  const uniformKey = (addr: string): string | null => {
    const interior = ws.Range(addr).Interior;
    if (interior.ColorIndex === NO_FILL) return '';
    const c = interior.Color;
    // White reads like no fill; a mix of the two reads white with no single ColorIndex: ask cell by cell.
    return c === null || c === WHITE ? null : bgrToHex(c);
  };
  for (const list of addressChunks(packRects(cells), ADDRESS_CHARS)) {
    const key = uniformKey(list);
    const rects = rectsOf(list);
    if (key !== null) {
      for (const r of rects) each(r, (i) => (out[i] = key));
      continue;
    }
    for (const r of rects) {
      const rk = rects.length > 1 ? uniformKey(rectToA1(r)) : null;
      each(r, (i) => {
        if (rk !== null) out[i] = rk;
        else {
          const interior = ws.Range(cells[i].address).Interior;
          const c = interior.ColorIndex === NO_FILL ? null : interior.Color;
          out[i] = c === null ? '' : bgrToHex(c);
        }
      });
    }
  }
  return out;
}

/** The comments (ET's notes) of cells of one sheet, from the sheet's comment list (cheaper than asking every cell). */
function readNotes(ws: EtWorksheet, cells: readonly CellAt[]): (CellOriginal['note'])[] {
  const out: CellOriginal['note'][] = cells.map(() => null);
  const comments = ws.Comments;
  const n = comments.Count;
  if (!n) return out;
  const at = new Map(cells.map((c, i) => [c.row + ':' + c.col, i]));
  for (let k = 1; k <= n; k++) {
    const c = comments.Item(k);
    const p = c.Parent;
    const i = at.get(p.Row - 1 + ':' + (p.Column - 1));
    if (i !== undefined) out[i] = { text: c.Text(), author: c.Author };
  }
  return out;
}

export interface EtMarkBackend extends MarkBackend {
  readonly store: EtSheetStore;
}

export function etMarkBackend(app: EtApplication, store: EtSheetStore): EtMarkBackend {
  const workbook = (): EtWorkbook => {
    const wb = app.ActiveWorkbook;
    if (!wb) throw new Error(wpsText.noWorkbook);
    return wb;
  };
  /** Worksheet objects by name, kept for the operation: each lookup is three bridge calls. */
  const known = new Map<string, EtWorksheet>();
  const sheet = (name: string): EtWorksheet => {
    let ws = known.get(name);
    if (!ws) known.set(name, (ws = workbook().Sheets.Item(name)));
    return ws;
  };
  /** Notes of the add-in to delete, per sheet: done in address lists at the next flush or note call there. */
  const pendingDeletes = new Map<string, Rect[]>();
  const drain = (name?: string) => {
    for (const [s, rects] of pendingDeletes) {
      if (name !== undefined && s !== name) continue;
      pendingDeletes.delete(s);
      const ws = sheet(s);
      for (const list of addressChunks(packRects(rects.map((r) => ({ row: r.top, col: r.left }))), ADDRESS_CHARS)) ws.Range(list).ClearComments();
    }
  };

  return {
    cellText: 'note',
    notes: true,
    comments: false,
    cellsPerFlush: Infinity,
    partChars: STORE_PART_CHARS,
    store,

    async sheets(): Promise<BackendSheet[]> {
      return [...listSheets(workbook()).values()].filter((s) => s.name.toLowerCase() !== STORE_SHEET.toLowerCase()).map((s) => ({ name: s.name }));
    },

    async readCells(name: string, cells: readonly CellAt[]): Promise<CellOriginal[]> {
      drain(name);
      const ws = sheet(name);
      const fills = readFills(ws, cells);
      const notes = readNotes(ws, cells);
      return cells.map((_, i) => ({ fill: fills[i], note: notes[i] }));
    },

    setFill(name: string, rects: readonly Rect[], key: string): void {
      const ws = sheet(name);
      for (const list of addressChunks(rects, ADDRESS_CHARS)) {
        const interior = ws.Range(list).Interior;
        // '' no fill, '#RRGGBB', or a pattern key an Excel client recorded ('#RRGGBB|Gray50|…'): its colour, solid.
        const color = key.split('|')[0];
        if (!/^#[0-9A-F]{6}$/i.test(color)) interior.ColorIndex = NO_FILL;
        else interior.Color = hexToBgr(color);
      }
    },

    addNote(name: string, address: string, text: string): void {
      drain(name);
      sheet(name).Range(address).AddComment(text);
    },

    setNoteText(name: string, address: string, text: string): void {
      drain(name);
      const range = sheet(name).Range(address);
      const c = range.Comment;
      if (c) c.Text(text);
      else range.AddComment(text);
    },

    deleteNote(name: string, address: string): void {
      let l = pendingDeletes.get(name);
      if (!l) pendingDeletes.set(name, (l = []));
      l.push(parseRange(address));
    },

    // ET has legacy comments only, handled as notes: there are no threads to add or delete.
    addComment: () => Promise.resolve(undefined),
    deleteComments: () => undefined,
    deleteCommentsAt: () => undefined,

    async addFindingsSheet(name: string, rows: (string | number)[][]): Promise<string | undefined> {
      drain();
      const wb = workbook();
      const active = wb.ActiveSheet;
      const { ws } = addNamedSheet(wb, name);
      try {
        const n = rows.length;
        // Text columns as text first, so messages are never read as numbers, dates or formulas; 单元格 holds links.
        ws.Range(`B1:B${n}`).NumberFormat = '@';
        ws.Range(`D1:G${n}`).NumberFormat = '@';
        ws.Range('A1').NumberFormat = '@';
        for (let i = 0; i < n; i += FINDINGS_BLOCK_ROWS) {
          const block = rows.slice(i, i + FINDINGS_BLOCK_ROWS);
          ws.Range(`A${i + 1}:G${i + block.length}`).Value2 = block;
        }
        FINDINGS_WIDTHS.forEach((w, c) => {
          const col = String.fromCharCode(65 + c);
          ws.Range(`${col}:${col}`).ColumnWidth = w;
        });
      } catch (e) {
        // ET has no rollback: a half-written sheet may lack the header the roll-back knows it by. It is the one just
        // added, so it goes now.
        try {
          ws.Delete();
        } catch {
          /* the roll-back's header check is the fallback */
        }
        if (active) active.Activate();
        throw e;
      }
      // Adding a sheet activates it on ET: the user stays where they were.
      if (active) active.Activate();
      // ET sheets have no stable id: the findings sheet is known again by its header row.
      return undefined;
    },

    async deleteFindingsSheet(name: string, _id: string | undefined, header: readonly string[]): Promise<boolean> {
      drain();
      let ws: EtWorksheet;
      try {
        ws = sheet(name);
      } catch {
        return false;
      }
      const first = normalise2D(ws.Range(rectToA1({ top: 0, left: 0, bottom: 0, right: header.length - 1 })).Value2, 1, header.length)[0];
      const text = first.map((v) => (v === null || v === undefined ? '' : String(v)));
      if (text.join('\u0001') !== header.join('\u0001')) return false;
      ws.Delete();
      known.delete(name);
      return true;
    },

    async flush(): Promise<void> {
      drain();
    },

    errorText: (e: unknown) => wpsText.etSaid(etErrorDetail(e)),
  };
}
