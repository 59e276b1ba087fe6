/// <reference types="office-js" />
// Marking flagged cells in Excel and taking the marks off again, batched:
//   - fills by severity (MARK_FILL) on rectangles (packRects), as multi-area ranges where the client has getRanges
//     (ExcelApi 1.9, address lists ≤ 8 KB each), else one range per rectangle; one context.sync per 5,000 marked cells;
//   - the findings as a note (1.18) or a threaded comment (1.10) on each flagged cell, and always the 审核意见 sheet
//     with HYPERLINK links, written with one numberFormat and one formulas assignment;
//   - before the first mark, the original fill (and note) of every touched cell is recorded in the workbook
//     (record.ts), so clearMarks puts every cell back as it was, also after save and reopen; marking again first
//     restores the earlier marks, so they never stack.
// Decisions: a cell that already has a user's comment thread keeps it untouched (no note or comment is added there:
// Excel does not allow a note and a thread on one cell, and the thread is the user's); it still gets the fill and
// its row on the findings sheet. A user's note is kept: the findings are written above it, and clearMarks puts the
// note text back verbatim. Without fill.pattern (ExcelApi < 1.9) an unfilled cell reads '#FFFFFF' like a white one;
// both are recorded as "no fill".
import { Diagnostic } from '../../core/diagnostic';
import { Grid, Rect, parseRange, rectToA1 } from '../../core/grid';
import { annotateText } from '../../core/i18n/host';
import { excelText } from '../../core/i18n/excel';
import { CellMark, MARK_FILL, addressChunks, fillPlan, findingsSheetRows, freeSheetName, packRects, planMarks } from '../../core/marks';
import { MarkSummary } from '../host';
import { ExcelHostError, errorLocation } from './errors';
import { MarkRecord, SettingsStore, fillKey, loadRecord, parseFillKey, saveRecord } from './record';

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
}

/** At most one context.sync per this many marked (or restored) cells. */
export const CELLS_PER_SYNC = 5000;
/** Attempts at adding comments when Excel refuses one (a cell with a legacy note, invisible below ExcelApi 1.18). */
const COMMENT_ATTEMPTS = 3;


interface SheetInfo {
  name: string;
  id: string;
}

type SheetMap = Map<string, SheetInfo>;

async function loadSheets(context: Excel.RequestContext): Promise<SheetMap> {
  const sheets = context.workbook.worksheets;
  sheets.load('items/name,items/id');
  await context.sync();
  const map: SheetMap = new Map();
  for (const s of sheets.items) map.set(s.name.toLowerCase(), { name: s.name, id: s.id });
  return map;
}

function rectCells(r: Rect): number {
  return (r.bottom - r.top + 1) * (r.right - r.left + 1);
}

/** Fills rectangles: as multi-area ranges (address lists ≤ 8,000 characters) on 1.9+, else one range each. */
function fillRects(ws: Excel.Worksheet, rects: readonly Rect[], caps: Caps, apply: (fill: Excel.RangeFill) => void): void {
  if (caps.multiArea) for (const list of addressChunks(rects)) apply(ws.getRanges(list).format.fill);
  else for (const r of rects) apply(ws.getRange(rectToA1(r)).format.fill);
}

/** A range's fill, loaded with what the client can tell ('color', or with pattern on 1.9+). */
function readFill(ws: Excel.Worksheet, address: string, props: string): Excel.RangeFill {
  const fill = ws.getRange(address).format.fill;
  fill.load(props);
  return fill;
}

function applyFillKey(fill: Excel.RangeFill, key: string): void {
  const f = parseFillKey(key);
  if (f.clear) {
    fill.clear();
    return;
  }
  if (f.pattern) {
    fill.pattern = f.pattern as Excel.FillPattern;
    fill.color = f.color;
    if (f.patternColor) fill.patternColor = f.patternColor;
  } else fill.color = f.color;
}

// ---------------------------------------------------------------------------------------------------------------
// Restoring the marks of a record

interface RestoreState {
  /** Deletions that need what the pending sync reads (comment ids on 1.10–1.13, the findings sheet's header). */
  commentLoads: { coll: Excel.CommentCollection; ours: Set<string> }[];
  header: { ws: Excel.Worksheet; range: Excel.Range; name: string } | null;
  /** Ids of the add-in's own threads being deleted: not users' threads. */
  ourThreads: Set<string>;
  /** Notes and comments this client cannot take off (an older Excel than the one that marked). */
  residual: Pick<MarkRecord, 'notes' | 'comments' | 'sheets'>;
  /** Lower-case names of sheets deleted (the old findings sheet). */
  deleted: Set<string>;
}

/**
 * Queues the restoring of a record: original fills (syncing every CELLS_PER_SYNC cells), notes put back, the
 * add-in's threads and findings sheet deleted. The last part stays queued for the caller's next sync; then call
 * finishRestore, which queues the deletions that needed a read.
 */
async function queueRestore(context: Excel.RequestContext, caps: Caps, rec: MarkRecord, sheets: SheetMap): Promise<RestoreState> {
  const state: RestoreState = { commentLoads: [], header: null, ourThreads: new Set(), residual: {}, deleted: new Set() };
  const worksheets = context.workbook.worksheets;
  const byId = new Map([...sheets.values()].map((s) => [s.id, s]));
  // By name, or by id when the user renamed the sheet since it was marked.
  const find = (name: string) => sheets.get(name.toLowerCase()) || (rec.sheets && rec.sheets[name] ? byId.get(rec.sheets[name]) : undefined);

  // Fills, in groups of about CELLS_PER_SYNC cells.
  let queued = 0;
  for (const [sheet, groups] of Object.entries(rec.fills)) {
    const s = find(sheet);
    if (!s) continue;
    const ws = worksheets.getItem(s.name);
    for (const [key, list] of Object.entries(groups)) {
      const rects = list.split(',').filter(Boolean).map((a) => parseRange(a));
      let part: Rect[] = [];
      let partCells = 0;
      const flush = () => {
        if (part.length) fillRects(ws, part, caps, (fill) => applyFillKey(fill, key));
        queued += partCells;
        part = [];
        partCells = 0;
      };
      for (const r of rects) {
        part.push(r);
        partCells += rectCells(r);
        if (queued + partCells >= CELLS_PER_SYNC) {
          flush();
          // eslint-disable-next-line office-addins/no-context-sync-in-loop -- intended: one sync per 5,000 restored cells keeps each request small
          await context.sync();
          queued = 0;
        }
      }
      flush();
    }
  }

  // Notes (1.18): the add-in's are deleted, a user's note gets its text back.
  if (rec.notes) {
    if (caps.cellText === 'note') {
      for (const [sheet, cells] of Object.entries(rec.notes)) {
        const s = find(sheet);
        if (!s) continue;
        const notes = worksheets.getItem(s.name).notes;
        for (const [addr, original] of Object.entries(cells)) {
          const note = notes.getItemOrNullObject(addr);
          if (original === null) note.delete();
          else note.content = original;
        }
      }
    } else state.residual.notes = rec.notes;
  }

  // The add-in's comment threads.
  if (rec.comments) {
    if (caps.comments) {
      for (const [sheet, cells] of Object.entries(rec.comments)) {
        const s = find(sheet);
        if (!s) continue;
        const ids = new Set(Object.values(cells));
        ids.forEach((id) => state.ourThreads.add(id));
        if (caps.commentNullObject) {
          for (const id of ids) context.workbook.comments.getItemOrNullObject(id).delete();
        } else {
          // Before 1.14 a missing id would fail the batch: see which still exist first.
          const coll = worksheets.getItem(s.name).comments;
          coll.load('items/id');
          state.commentLoads.push({ coll, ours: ids });
        }
      }
    } else state.residual.comments = rec.comments;
  }

  // The findings sheet the add-in made: deleted when it is still that sheet (same id), or still looks like it
  // (ids may not survive every save and reopen) — never a sheet the user made.
  if (rec.findings) {
    const s = sheets.get(rec.findings.name.toLowerCase());
    if (s) {
      const ws = worksheets.getItem(s.name);
      if (rec.findings.id && s.id === rec.findings.id) {
        ws.delete();
        state.deleted.add(s.name.toLowerCase());
      } else {
        const range = ws.getRange('A1:G1');
        range.load('values');
        state.header = { ws, range, name: s.name };
      }
    }
  }
  if (state.residual.notes || state.residual.comments) state.residual.sheets = rec.sheets;
  return state;
}

/** After the pending sync: queues the deletions that needed it. True when something was queued. */
function finishRestore(state: RestoreState): boolean {
  let queued = false;
  for (const { coll, ours } of state.commentLoads) {
    for (const c of coll.items) {
      if (ours.has(c.id)) {
        c.delete();
        queued = true;
      }
    }
  }
  state.commentLoads = [];
  if (state.header) {
    const row = state.header.range.values[0].map((v) => String(v));
    if (row.join('\u0001') === annotateText.headers.join('\u0001')) {
      state.header.ws.delete();
      queued = true;
      state.deleted.add(state.header.name.toLowerCase());
    }
  }
  return queued;
}

export async function clearMarksIn(context: Excel.RequestContext, caps: Caps, settings: SettingsStore): Promise<{ cells: number }> {
  const rec = loadRecord(settings);
  if (!rec) return { cells: 0 };
  const sheets = await loadSheets(context);
  const state = await queueRestore(context, caps, rec, sheets);
  await context.sync();
  if (finishRestore(state)) await context.sync();
  const residual = state.residual;
  await saveRecord(settings, residual.notes || residual.comments ? { v: 1, cells: 0, fills: {}, ...residual } : null);
  return { cells: rec.cells };
}

// ---------------------------------------------------------------------------------------------------------------
// Marking

interface Target extends CellMark {
  /** Original fill (record key), once read. */
  orig?: string;
  /** 1.18: the cell's note, read before marking. */
  noteObj?: Excel.Note;
  /** The cell holds a user's comment thread: no note or comment goes there. */
  thread?: boolean;
}

/** Text of the note on a flagged cell: the findings, then a user's own note text below them. */
function noteText(findings: string, userNote: string): string {
  return `${findings}\n${excelText.userNoteHeading}\n${userNote}`;
}

const addressOf = (a: string): string => a.slice(a.lastIndexOf('!') + 1).replace(/\$/g, '');

export async function applyMarksIn(
  context: Excel.RequestContext,
  caps: Caps,
  settings: SettingsStore,
  diagnostics: readonly Diagnostic[],
  grids: readonly Grid[],
): Promise<MarkSummary> {
  const byName = new Map(grids.map((g) => [g.name, g]));
  const planned = planMarks(diagnostics, (sheet, row, col) => {
    const g = byName.get(sheet);
    return g ? g.mergeAt(row, col) : undefined;
  });
  const prev = loadRecord(settings);
  const worksheets = context.workbook.worksheets;

  // 1: the workbook's sheets.
  const sheets = await loadSheets(context);
  const oldFindings = prev && prev.findings ? prev.findings.name.toLowerCase() : '';

  // The earlier marks come off first (their last part rides with the reads below).
  const restore = prev ? await queueRestore(context, caps, prev, sheets) : null;

  const targets: Target[] = planned
    .filter((m) => sheets.has(m.sheet.toLowerCase()) && m.sheet.toLowerCase() !== oldFindings)
    .map((m) => ({ ...m, sheet: sheets.get(m.sheet.toLowerCase())!.name }));
  const bySheet = new Map<string, Target[]>();
  for (const t of targets) {
    let l = bySheet.get(t.sheet);
    if (!l) bySheet.set(t.sheet, (l = []));
    l.push(t);
  }

  // 2: what the cells have now: fills per packed rectangle, notes (1.18), users' threads (1.10).
  const fillReads: { ws: string; fill: Excel.RangeFill; cells: Target[] }[] = [];
  const threadLists: { sheet: string; coll: Excel.CommentCollection }[] = [];
  const fillProps = caps.pattern ? 'color,pattern,patternColor' : 'color';
  for (const [sheet, list] of bySheet) {
    const ws = worksheets.getItem(sheet);
    const at = new Map(list.map((t) => [t.row + ':' + t.col, t]));
    for (const rect of packRects(list)) {
      const fill = readFill(ws, rectToA1(rect), fillProps);
      const cells: Target[] = [];
      for (let r = rect.top; r <= rect.bottom; r++) for (let c = rect.left; c <= rect.right; c++) cells.push(at.get(r + ':' + c)!);
      fillReads.push({ ws: sheet, fill, cells });
    }
    if (caps.cellText === 'note') {
      for (const t of list) {
        const note = ws.notes.getItemOrNullObject(t.address);
        note.load('content');
        t.noteObj = note;
      }
    }
    if (caps.comments && caps.cellText !== 'none') {
      const coll = worksheets.getItem(sheet).comments;
      coll.load('items/id');
      threadLists.push({ sheet, coll });
    }
  }
  await context.sync();
  const restoreNeedsSync = restore ? finishRestore(restore) : false;

  // Fills that differ inside a rectangle are read cell by cell, and users' threads located: one more sync, only
  // when needed (it also carries the restore's last deletions).
  const keyOf = (f: Excel.RangeFill) => fillKey({ color: f.color, pattern: caps.pattern ? f.pattern : undefined, patternColor: caps.pattern ? f.patternColor : undefined });
  const cellReads: { t: Target; fill: Excel.RangeFill }[] = [];
  for (const r of fillReads) {
    const f = r.fill;
    const mixed = f.color === null || (caps.pattern && (f.pattern === null || (f.pattern !== 'None' && f.pattern !== 'Solid' && f.patternColor === null)));
    if (!mixed) {
      const key = keyOf(f);
      for (const t of r.cells) t.orig = key;
      continue;
    }
    const ws = worksheets.getItem(r.ws);
    for (const t of r.cells) cellReads.push({ t, fill: readFill(ws, t.address, fillProps) });
  }
  const knownThreads = new Set<string>();
  const locate: { sheet: string; loc: Excel.Range }[] = [];
  for (const { sheet, coll } of threadLists) {
    for (const c of coll.items) {
      knownThreads.add(c.id);
      if (restore && restore.ourThreads.has(c.id)) continue;
      const loc = c.getLocation();
      loc.load('address');
      locate.push({ sheet, loc });
    }
  }
  if (cellReads.length || locate.length || restoreNeedsSync) await context.sync();
  for (const { t, fill } of cellReads) t.orig = keyOf(fill);
  const threaded = new Set(locate.map(({ sheet, loc }) => sheet + '!' + addressOf(loc.address)));
  for (const t of targets) if (threaded.has(t.sheet + '!' + t.address)) t.thread = true;

  // The record, saved before the first mark.
  const deleted = restore ? restore.deleted : new Set<string>();
  const findingsName = freeSheetName(
    annotateText.sheetName,
    [...sheets.values()].map((s) => s.name).filter((n) => !deleted.has(n.toLowerCase())),
  );
  const rec: MarkRecord = { v: 1, cells: targets.length, fills: {}, findings: { name: findingsName }, sheets: {} };
  for (const name of bySheet.keys()) rec.sheets![name] = sheets.get(name.toLowerCase())!.id;
  const groups = new Map<string, Map<string, Target[]>>();
  for (const t of targets) {
    let g = groups.get(t.sheet);
    if (!g) groups.set(t.sheet, (g = new Map()));
    const key = t.orig || '';
    let l = g.get(key);
    if (!l) g.set(key, (l = []));
    l.push(t);
  }
  for (const [sheet, g] of groups) {
    rec.fills[sheet] = {};
    for (const [key, list] of g) rec.fills[sheet][key] = packRects(list).map(rectToA1).join(',');
  }
  const userNotes = new Map<Target, string | null>();
  if (caps.cellText === 'note') {
    rec.notes = {};
    for (const t of targets) {
      if (t.thread || !t.noteObj) continue;
      const original = t.noteObj.isNullObject ? null : t.noteObj.content;
      userNotes.set(t, original);
      (rec.notes[t.sheet] = rec.notes[t.sheet] || {})[t.address] = original;
    }
  }
  if (restore && restore.residual.notes) rec.notes = { ...restore.residual.notes, ...(rec.notes || {}) };
  if (restore && restore.residual.comments) rec.comments = { ...restore.residual.comments };
  if (restore && restore.residual.sheets) rec.sheets = { ...restore.residual.sheets, ...rec.sheets };
  await saveOrRefuse(settings, rec);

  // 3…: the marks, one sync per CELLS_PER_SYNC cells; the findings sheet with the first.
  const chunks: Target[][] = [];
  for (let i = 0; i < targets.length; i += CELLS_PER_SYNC) chunks.push(targets.slice(i, i + CELLS_PER_SYNC));
  if (!chunks.length) chunks.push([]);
  const existing = new Set([...sheets.values()].map((s) => s.name));
  let findingsWs: Excel.Worksheet | null = null;
  const ourComments: Record<string, Record<string, string>> = {};
  let commentsLeft: Target[] = [];
  for (let i = 0; i < chunks.length; i++) {
    if (i === 0) {
      findingsWs = worksheets.add(findingsName);
      const rows = findingsSheetRows(diagnostics, (s) => existing.has(s));
      const range = findingsWs.getRange(`A1:G${rows.length}`);
      // Text columns as text first, so messages are never read as numbers, dates or formulas; 单元格 holds links.
      range.numberFormat = rows.map((_, k) => (k === 0 ? Array(7).fill('@') : ['General', '@', 'General', '@', '@', '@', '@']));
      range.formulas = rows;
      if (caps.autofit) range.format.autofitColumns();
      findingsWs.load('id');
    }
    const chunk = chunks[i];
    for (const plan of fillPlan(chunk)) {
      const color = MARK_FILL[plan.severity];
      fillRects(worksheets.getItem(plan.sheet), plan.rects, caps, (fill) => (fill.color = color));
    }
    const commentCells: Target[] = [];
    for (const t of chunk) {
      if (t.thread) continue;
      if (caps.cellText === 'note') {
        const original = userNotes.get(t);
        if (original === null) worksheets.getItem(t.sheet).notes.add(t.address, t.note);
        else if (original !== undefined) t.noteObj!.content = noteText(t.note, original);
      } else if (caps.cellText === 'comment') commentCells.push(t);
    }
    const adds = queueComments(context, commentCells);
    try {
      // eslint-disable-next-line office-addins/no-context-sync-in-loop -- intended: one sync per 5,000 marked cells keeps each request small
      await context.sync();
      takeComments(adds, ourComments);
    } catch (e) {
      if (!adds.length || errorLocation(e).indexOf('CommentCollection.add') < 0) throw e;
      // Excel refused a comment (the cell has a legacy note, which this client cannot see). The fills of this
      // chunk are in; the comments after the refused one are added below.
      // A failed batch returns none of its loads: the new findings sheet's id is asked for again.
      const reload = i === 0 ? worksheets.getItem(findingsName) : null;
      if (reload) {
        reload.load('id');
        findingsWs = reload;
      }
      commentsLeft = commentsLeft.concat(await recoverComments(context, commentCells, knownThreads, ourComments));
    }
  }
  for (let attempt = 1; commentsLeft.length && attempt < COMMENT_ATTEMPTS; attempt++) {
    const cells = commentsLeft;
    const adds = queueComments(context, cells);
    try {
      // eslint-disable-next-line office-addins/no-context-sync-in-loop -- retries after Excel refused a comment, at most COMMENT_ATTEMPTS
      await context.sync();
      takeComments(adds, ourComments);
      commentsLeft = [];
    } catch (e) {
      if (errorLocation(e).indexOf('CommentCollection.add') < 0) throw e;
      commentsLeft = await recoverComments(context, cells, knownThreads, ourComments);
    }
  }
  rec.findings = { name: findingsName, id: findingsWs ? findingsWs.id : undefined };
  if (Object.keys(ourComments).length) {
    rec.comments = rec.comments || {};
    for (const [s, cells] of Object.entries(ourComments)) rec.comments[s] = { ...(rec.comments[s] || {}), ...cells };
  }
  await saveOrRefuse(settings, rec);
  return { cells: targets.length, findingsSheet: findingsName };
}

function queueComments(context: Excel.RequestContext, cells: Target[]): { t: Target; c: Excel.Comment }[] {
  return cells.map((t) => {
    const c = context.workbook.worksheets.getItem(t.sheet).comments.add(t.address, t.note);
    c.load('id');
    return { t, c };
  });
}

function takeComments(adds: { t: Target; c: Excel.Comment }[], ours: Record<string, Record<string, string>>): void {
  for (const { t, c } of adds) (ours[t.sheet] = ours[t.sheet] || {})[t.address] = c.id;
}

/**
 * After a failed batch of comment adds: finds which of them Excel made (new ids, by location), records them, and
 * returns the cells still to do — those after the first one Excel refused.
 */
async function recoverComments(context: Excel.RequestContext, tried: Target[], known: Set<string>, ours: Record<string, Record<string, string>>): Promise<Target[]> {
  const worksheets = context.workbook.worksheets;
  const colls = [...new Set(tried.map((t) => t.sheet))].map((s) => {
    const coll = worksheets.getItem(s).comments;
    coll.load('items/id');
    return { s, coll };
  });
  await context.sync();
  const recorded = new Set<string>();
  for (const cells of Object.values(ours)) for (const id of Object.values(cells)) recorded.add(id);
  const fresh: { s: string; id: string; loc: Excel.Range }[] = [];
  for (const { s, coll } of colls) {
    for (const c of coll.items) {
      if (known.has(c.id) || recorded.has(c.id)) continue;
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
    if (id) (ours[t.sheet] = ours[t.sheet] || {})[t.address] = id;
    else if (refused < 0) refused = k;
  });
  return refused < 0 ? [] : tried.slice(refused + 1).filter((t) => !made.has(t.sheet + '!' + t.address));
}

async function saveOrRefuse(settings: SettingsStore, rec: MarkRecord): Promise<void> {
  try {
    await saveRecord(settings, rec);
  } catch (e) {
    throw new ExcelHostError('SettingsSaveFailed', excelText.settingsSaveFailed(e instanceof Error ? e.message : String(e)), e);
  }
}

