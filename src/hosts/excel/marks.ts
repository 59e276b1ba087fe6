/// <reference types="office-js" />
// The mark backend (src/core/mark-backend.ts) in office-js: the core's queued calls become proxy calls, flush()
// becomes context.sync() (plus the follow-up syncs a read needs: cells of a mixed-fill rectangle, users' threads
// located, comment ids before ExcelApi 1.14, the old findings sheet's header). What to mark, what to record,
// restoring, scoped checks, remarks and roll-back are the core's (src/core/marking.ts).
//   - fills on rectangles, as multi-area ranges where the client has getRanges (ExcelApi 1.9, address lists ≤ 8 KB
//     each), else one range per rectangle; the core flushes once per CELLS_PER_SYNC marked cells;
//   - text as a note (1.18) or a threaded comment (1.10); a cell with a user's thread gets none (Excel allows no
//     note beside a thread, and the thread is the user's);
//   - without fill.pattern (ExcelApi < 1.9) an unfilled cell reads '#FFFFFF' like a white one: both are "no fill".
import { Rect, parseA1, rectToA1 } from '../../core/grid';
import { addressChunks, packRects } from '../../core/marks';
import { BackendSheet, CellAt, CellOriginal, MarkBackend } from '../../core/mark-backend';
import { fillKey, parseFillKey, RecordStore } from '../../core/record';
import { errorCode, errorLocation, toHostError } from './errors';
import { SettingsStore, settingsRecordStore } from './record';

/** What the client can do, from isSetSupported('ExcelApi', …). */
export interface Caps {
  /** Worksheet.getRanges / RangeAreas (1.9). */
  multiArea: boolean;
  /** RangeFill.pattern (1.9): tells "no fill" from a white fill. */
  pattern: boolean;
  /** Notes (1.18), threaded comments (1.10), or neither. */
  cellText: 'note' | 'comment' | 'none';
  /** Comments at all (1.10): needed to see users' threads and to delete the add-in's own. */
  comments: boolean;
  /** CommentCollection.getItemOrNullObject (1.14). */
  commentNullObject: boolean;
  /** RangeFormat.autofitColumns (1.2). */
  autofit: boolean;
  /** Worksheet.protection (1.2): a protected sheet is refused before the first write. */
  protection: boolean;
}

/** At most one context.sync per this many marked (or restored) cells. */
export const CELLS_PER_SYNC = 5000;
/** Longest string kept under one settings key, so no single setting grows past a few tens of kilobytes. */
export const SETTINGS_PART_CHARS = 30000;
/** Attempts at adding comments when Excel refuses one (a cell with a legacy note, invisible below ExcelApi 1.18). */
const COMMENT_ATTEMPTS = 3;

const addressOf = (a: string): string => a.slice(a.lastIndexOf('!') + 1).replace(/\$/g, '');

interface Deferred<T> {
  promise: Promise<T>;
  resolve(v: T): void;
  reject(e: unknown): void;
}

function deferred<T>(): Deferred<T> {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  // A read the core never awaits (it failed with its batch) must not surface as an unhandled rejection.
  promise.catch(() => undefined);
  return { promise, resolve, reject };
}

interface CommentAdd {
  sheet: string;
  address: string;
  text: string;
  c: Excel.Comment;
  done: Deferred<string | undefined>;
}

/** The core's mark backend over one Excel.run context. */
export function excelMarkBackend(context: Excel.RequestContext, caps: Caps, settings: SettingsStore): MarkBackend {
  const worksheets = context.workbook.worksheets;
  const store: RecordStore = settingsRecordStore(settings);
  const known = new Map<string, BackendSheet>();
  /** Sheets this backend added (the new findings sheet), for a roll-back in the same run. */
  const added = new Map<string, Excel.Worksheet>();
  /** Work to do once the pending sync has run; each may queue more (another sync follows then). */
  let followUps: (() => void)[] = [];
  /** Something was queued since the last sync. */
  let dirty = false;
  let adds: CommentAdd[] = [];
  let sheetIds: { name: string; ws: Excel.Worksheet; done: Deferred<string | undefined> }[] = [];
  /** Batch failures the core did not see yet (a read whose sync failed). */
  const readFailures: Deferred<unknown>[] = [];
  /** Ids of threads that were on cells before marking and are not the add-in's: never deleted by address. */
  const userThreads = new Set<string>();
  /** Ids of every thread seen, to tell the add-in's new threads after a failed batch. */
  const seenThreads = new Set<string>();
  /** The add-in's threads being deleted in this run: not users' threads. */
  const ours = new Set<string>();
  const queue = () => {
    dirty = true;
  };
  const then = (f: () => void) => {
    followUps.push(f);
  };

  function fillRects(ws: Excel.Worksheet, rects: readonly Rect[], apply: (fill: Excel.RangeFill) => void): void {
    if (caps.multiArea) for (const list of addressChunks(rects)) apply(ws.getRanges(list).format.fill);
    else for (const r of rects) apply(ws.getRange(rectToA1(r)).format.fill);
  }

  const fillProps = caps.pattern ? 'color,pattern,patternColor' : 'color';
  const readFill = (ws: Excel.Worksheet, address: string): Excel.RangeFill => {
    const fill = ws.getRange(address).format.fill;
    fill.load(fillProps);
    return fill;
  };
  const keyOf = (f: Excel.RangeFill) =>
    fillKey({ color: f.color, pattern: caps.pattern ? f.pattern : undefined, patternColor: caps.pattern ? f.patternColor : undefined });
  const mixed = (f: Excel.RangeFill) =>
    f.color === null || (caps.pattern && (f.pattern === null || (f.pattern !== 'None' && f.pattern !== 'Solid' && f.patternColor === null)));

  /** Comment adds after a failed batch: which Excel made (new ids, by location); returns those still to do. */
  async function recoverComments(tried: CommentAdd[]): Promise<CommentAdd[]> {
    const colls = [...new Set(tried.map((t) => t.sheet))].map((s) => {
      const coll = worksheets.getItem(s).comments;
      coll.load('items/id');
      return { s, coll };
    });
    await context.sync();
    const fresh: { s: string; id: string; loc: Excel.Range }[] = [];
    for (const { s, coll } of colls) {
      for (const c of coll.items) {
        if (seenThreads.has(c.id)) continue;
        const loc = c.getLocation();
        loc.load('address');
        fresh.push({ s, id: c.id, loc });
      }
    }
    if (fresh.length) await context.sync();
    const made = new Map<string, string>();
    for (const { s, id, loc } of fresh) made.set(s + '!' + addressOf(loc.address), id);
    let refused = -1;
    tried.forEach((t, k) => {
      const id = made.get(t.sheet + '!' + t.address);
      if (id) {
        seenThreads.add(id);
        t.done.resolve(id);
      } else if (refused < 0) refused = k;
    });
    const left = refused < 0 ? [] : tried.slice(refused + 1).filter((t) => !made.has(t.sheet + '!' + t.address));
    if (refused >= 0) tried[refused].done.resolve(undefined);
    return left;
  }

  /** One sync; Excel refusing a comment (a legacy note this client cannot see) is recovered from here. */
  async function syncOnce(): Promise<void> {
    const batch = adds;
    const loads = sheetIds;
    adds = [];
    sheetIds = [];
    dirty = false;
    try {
      await context.sync();
    } catch (e) {
      if (!batch.length || errorLocation(e).indexOf('CommentCollection.add') < 0) {
        for (const t of batch) t.done.reject(e);
        for (const s of loads) s.done.reject(e);
        throw e;
      }
      // A failed batch returns none of its loads: the new findings sheet's id is asked for again.
      for (const s of loads) {
        s.ws = worksheets.getItem(s.name);
        s.ws.load('id');
      }
      let left = await recoverComments(batch);
      for (let attempt = 1; left.length && attempt < COMMENT_ATTEMPTS; attempt++) {
        const retry = left.map((t) => {
          const c = worksheets.getItem(t.sheet).comments.add(t.address, t.text);
          c.load('id');
          return { ...t, c };
        });
        try {
          // eslint-disable-next-line office-addins/no-context-sync-in-loop -- retries after Excel refused a comment, at most COMMENT_ATTEMPTS
          await context.sync();
          for (const t of retry) {
            seenThreads.add(t.c.id);
            t.done.resolve(t.c.id);
          }
          left = [];
        } catch (e2) {
          if (errorLocation(e2).indexOf('CommentCollection.add') < 0) throw e2;
          left = await recoverComments(retry);
        }
      }
      for (const t of left) t.done.resolve(undefined);
      for (const s of loads) s.done.resolve(s.ws.id);
      return;
    }
    for (const t of batch) {
      seenThreads.add(t.c.id);
      t.done.resolve(t.c.id);
    }
    for (const s of loads) s.done.resolve(s.ws.id);
  }

  const backend: MarkBackend = {
    cellText: caps.cellText,
    notes: caps.cellText === 'note',
    comments: caps.comments,
    cellsPerFlush: CELLS_PER_SYNC,
    partChars: SETTINGS_PART_CHARS,
    store,

    async sheets(): Promise<BackendSheet[]> {
      worksheets.load(caps.protection ? 'items/name,items/id,items/protection/protected' : 'items/name,items/id');
      await context.sync();
      known.clear();
      for (const s of worksheets.items) known.set(s.name.toLowerCase(), { name: s.name, id: s.id, protected: caps.protection ? s.protection.protected : undefined });
      return [...known.values()];
    },

    readCells(sheet: string, cells: readonly CellAt[]): Promise<CellOriginal[]> {
      const done = deferred<CellOriginal[]>();
      readFailures.push(done as Deferred<unknown>);
      const ws = worksheets.getItem(sheet);
      const out: CellOriginal[] = cells.map(() => ({ fill: '' }));
      const index = new Map(cells.map((c, k) => [c.row + ':' + c.col, k]));
      // Fills per packed rectangle; a rectangle whose cells differ reads null and is read cell by cell.
      const rects = packRects(cells).map((rect) => {
        const ks: number[] = [];
        for (let r = rect.top; r <= rect.bottom; r++) for (let c = rect.left; c <= rect.right; c++) ks.push(index.get(r + ':' + c)!);
        return { fill: readFill(ws, rectToA1(rect)), ks };
      });
      const notes = caps.cellText === 'note' ? cells.map((c) => ws.notes.getItemOrNullObject(c.address).load('content,authorName')) : null;
      const threads = caps.comments && caps.cellText !== 'none' ? ws.comments.load('items/id') : null;
      queue();
      then(() => {
        const cellReads: { k: number; fill: Excel.RangeFill }[] = [];
        for (const r of rects) {
          if (!mixed(r.fill)) {
            const key = keyOf(r.fill);
            for (const k of r.ks) out[k].fill = key;
          } else for (const k of r.ks) cellReads.push({ k, fill: readFill(ws, cells[k].address) });
        }
        if (notes) notes.forEach((n, k) => (out[k].note = n.isNullObject ? null : { text: n.content, author: n.authorName }));
        const locate: { id: string; loc: Excel.Range }[] = [];
        if (threads) {
          for (const c of threads.items) {
            seenThreads.add(c.id);
            if (ours.has(c.id)) continue;
            const loc = c.getLocation();
            loc.load('address');
            locate.push({ id: c.id, loc });
          }
        }
        const finish = () => {
          for (const { k, fill } of cellReads) out[k].fill = keyOf(fill);
          for (const { id, loc } of locate) {
            const k = index.get(addrKey(addressOf(loc.address)));
            if (k !== undefined) out[k].userComment = true;
            userThreads.add(id);
          }
          readFailures.splice(readFailures.indexOf(done as Deferred<unknown>), 1);
          done.resolve(out);
        };
        if (cellReads.length || locate.length) {
          queue();
          then(finish);
        } else finish();
      });
      return done.promise;
    },

    setFill(sheet: string, rects: readonly Rect[], key: string): void {
      const f = parseFillKey(key);
      fillRects(worksheets.getItem(sheet), rects, (fill) => {
        if (f.clear) fill.clear();
        else if (f.pattern) {
          fill.pattern = f.pattern as Excel.FillPattern;
          fill.color = f.color;
          if (f.patternColor) fill.patternColor = f.patternColor;
        } else fill.color = f.color;
      });
      queue();
    },

    addNote(sheet: string, address: string, text: string): void {
      worksheets.getItem(sheet).notes.add(address, text);
      queue();
    },

    setNoteText(sheet: string, address: string, text: string): void {
      worksheets.getItem(sheet).notes.getItemOrNullObject(address).content = text;
      queue();
    },

    deleteNote(sheet: string, address: string): void {
      worksheets.getItem(sheet).notes.getItemOrNullObject(address).delete();
      queue();
    },

    addComment(sheet: string, address: string, text: string): Promise<string | undefined> {
      const c = worksheets.getItem(sheet).comments.add(address, text);
      c.load('id');
      const done = deferred<string | undefined>();
      adds.push({ sheet, address, text, c, done });
      queue();
      return done.promise;
    },

    deleteComments(sheet: string, ids: readonly string[]): void {
      for (const id of ids) ours.add(id);
      if (caps.commentNullObject) {
        for (const id of ids) context.workbook.comments.getItemOrNullObject(id).delete();
        queue();
        return;
      }
      // Before 1.14 a missing id would fail the batch: see which still exist first.
      const coll = worksheets.getItem(sheet).comments;
      coll.load('items/id');
      queue();
      const wanted = new Set(ids);
      then(() => {
        for (const c of coll.items) {
          if (wanted.has(c.id)) {
            c.delete();
            queue();
          }
        }
      });
    },

    deleteCommentsAt(sheet: string, addresses: readonly string[]): void {
      const coll = worksheets.getItem(sheet).comments;
      coll.load('items/id');
      queue();
      const at = new Set(addresses);
      then(() => {
        const locs = coll.items.filter((c) => !userThreads.has(c.id)).map((c) => ({ c, loc: c.getLocation().load('address') }));
        if (!locs.length) return;
        queue();
        then(() => {
          for (const { c, loc } of locs) {
            if (at.has(addressOf(loc.address))) {
              c.delete();
              queue();
            }
          }
        });
      });
    },

    addFindingsSheet(name: string, rows: (string | number)[][]): Promise<string | undefined> {
      const ws = worksheets.add(name);
      added.set(name.toLowerCase(), ws);
      const range = ws.getRange(`A1:G${rows.length}`);
      // Text columns as text first, so messages are never read as numbers, dates or formulas; 单元格 holds links.
      range.numberFormat = rows.map((_, k) => (k === 0 ? Array(7).fill('@') : ['General', '@', 'General', '@', '@', '@', '@']));
      range.formulas = rows;
      if (caps.autofit) range.format.autofitColumns();
      ws.load('id');
      const done = deferred<string | undefined>();
      sheetIds.push({ name, ws, done });
      queue();
      return done.promise;
    },

    deleteFindingsSheet(name: string, id: string | undefined, header: readonly string[]): Promise<boolean> {
      const mine = added.get(name.toLowerCase());
      if (mine) {
        mine.delete();
        added.delete(name.toLowerCase());
        queue();
        return Promise.resolve(true);
      }
      const s = known.get(name.toLowerCase());
      if (!s) return Promise.resolve(false);
      const ws = worksheets.getItem(s.name);
      if (id && s.id === id) {
        ws.delete();
        queue();
        return Promise.resolve(true);
      }
      const done = deferred<boolean>();
      const range = ws.getRange('A1:G1');
      range.load('values');
      queue();
      then(() => {
        const row = range.values[0].map((v) => String(v));
        const ours = row.join('\u0001') === header.join('\u0001');
        if (ours) {
          ws.delete();
          queue();
        }
        done.resolve(ours);
      });
      return done.promise;
    },

    async flush(): Promise<void> {
      try {
        while (dirty || followUps.length) {
          if (dirty) await syncOnce();
          const fs = followUps;
          followUps = [];
          for (const f of fs) f();
        }
      } catch (e) {
        followUps = [];
        dirty = false;
        for (const d of readFailures.splice(0)) d.reject(e);
        throw e;
      }
    },

    errorText(e: unknown): string {
      return toHostError(e).message;
    },

    isProtectedError: (e: unknown) => errorCode(e) === 'AccessDenied',
  };
  return backend;
}

const addrKey = (a: string): string => {
  try {
    const p = parseA1(a.split(':')[0]);
    return p.row + ':' + p.col;
  } catch {
    return '';
  }
};
