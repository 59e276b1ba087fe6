// The one mark/restore mechanism every host uses (Excel adapter, WPS adapter, the CLI's ExcelJS copy), over a
// MarkBackend (src/core/mark-backend.ts). What it guarantees:
//   - before the first mark, every touched cell's fill and note (with its author) and whether it holds a user's
//     comment are recorded in the workbook (src/core/record.ts); 清除标记 restores them exactly, after reopen too;
//   - marking again restores first, so marks never stack; a check of some sheets replaces those sheets' marks and
//     findings-sheet rows only, the other sheets keep theirs;
//   - a user's note keeps its text: ours goes above it, under a heading, and comes off exactly; a cell with a
//     user's comment (Excel thread) gets no text of ours; a user's sheet named 审核意见 is never touched;
//   - a write that fails part-way is rolled back from the record, with a Chinese message naming the step;
//   - a reviewer's remarks (signed, dated) and ignored findings live in the workbook; remarks are written into the
//     cell's note or comment and always as rows of the findings sheet; ignored findings are not marked again.
import { Diagnostic, Severity } from './diagnostic';
import { Rect, parseA1, parseRange, rectToA1, toA1 } from './grid';
import { annotateText } from './i18n/host';
import { markText } from './i18n/marks';
import { Pause, noPause } from './pause';
import { BackendSheet, CellOriginal, MarkBackend } from './mark-backend';
import { MARK_FILL, MergeLookup, anchorOf, cellLink, fillPlan, findingsSheetRows, freeSheetName, packRects, planMarks } from './marks';
import {
  Ignored,
  MarkRecord,
  NoteOriginal,
  RecordError,
  Remark,
  ReviewChange,
  ReviewRecord,
  applyReviewChange,
  StoredFinding,
  decodeFindings,
  displayDate,
  encodeFindings,
  findingKey,
  hash32,
  loadRecord,
  loadReview,
  saveRecord,
  saveReview,
  own,
  sheetMap,
} from './record';

export interface MarkSummary {
  /** Cells filled by this check. */
  cells: number;
  /** Name of the findings sheet written (审核意见, or 审核意见(2) when the user has a sheet of that name). */
  findingsSheet: string;
  /** Findings of this check left unmarked because the reviewer ignored them. */
  ignored?: number;
}

export interface ApplyOptions {
  /**
   * The sheets this check read: their marks and findings-sheet rows are replaced, every other sheet keeps its own.
   * Absent: the check covers the whole workbook and replaces every mark.
   */
  sheets?: readonly string[];
  /** The merged area covering a cell (from the Grids read), so a finding inside one marks its master cell. */
  mergeAt?: MergeLookup;
  /**
   * Awaited between pieces of the work (the pane yields to the host there). When it throws, what was written is
   * rolled back from the record and a MarkWriteError carries the thrown error as its `original`.
   */
  pause?: Pause;
  /** Cells marked so far, of all to mark, after each batch. */
  onProgress?: (done: number, total: number) => void;
}

export interface ClearOptions {
  /** Ids of remarks to keep: they stay in their cells' notes/comments and on the findings sheet. */
  keepRemarks?: readonly string[];
  /** Forget a damaged or unreadable record without touching any cell (after the user restored the cells otherwise). */
  discardRecord?: boolean;
  /** Awaited between batches of restored cells (see ApplyOptions.pause). */
  pause?: Pause;
}

/** A failure while marking that was rolled back (or could not be): its message is the Chinese text to show. */
export class MarkWriteError extends Error {
  readonly step: Step;
  readonly rolledBack: boolean;
  readonly original: unknown;
  constructor(step: Step, message: string, rolledBack: boolean, original: unknown) {
    super(message);
    this.name = 'MarkWriteError';
    this.step = step;
    this.rolledBack = rolledBack;
    this.original = original;
  }
}

type Step = keyof typeof markText.steps;

/** The text of a note on a marked cell that held a user's note: ours, the heading, theirs verbatim. */
export function composeNote(ours: string, theirs: string): string {
  return `${ours}\n${markText.userNoteHeading}\n${theirs}`;
}

const noteText = (n: NoteOriginal): string | null => (n === null ? null : typeof n === 'string' ? n : n[0]);

/** Marked cells whose writes are queued between two pauses (a batch of cellsPerFlush can be 5,000 cells). */
const YIELD_CELLS = 1000;

/** Cells of an address list ("A1:B3,C5"). */
function listCells(list: string): number {
  let n = 0;
  for (const a of list.split(',')) {
    if (!a) continue;
    const r = parseRange(a);
    n += (r.bottom - r.top + 1) * (r.right - r.left + 1);
  }
  return n;
}

const lower = (s: string) => s.toLowerCase();

function emptyRecord(): MarkRecord {
  return { v: 2, cells: 0, fills: sheetMap(), texts: [], marked: sheetMap() };
}

// ---------------------------------------------------------------------------------------------------------------
// Restoring

interface Resolver {
  /** The sheet now holding what the record names `recorded` (by name, else by id: renamed since). */
  current(recorded: string): BackendSheet | undefined;
  exists(name: string): boolean;
}

function resolver(sheets: readonly BackendSheet[], rec: MarkRecord | null): Resolver {
  const byName = new Map(sheets.map((s) => [lower(s.name), s]));
  const byId = new Map<string, BackendSheet>();
  for (const s of sheets) if (s.id) byId.set(s.id, s);
  return {
    current(recorded) {
      const id = rec ? own(rec.sheets, recorded) : undefined;
      return byName.get(lower(recorded)) || (id ? byId.get(id) : undefined);
    },
    exists: (name) => byName.has(lower(name)),
  };
}

/**
 * What stays recorded when the record's entries on sheets in scope are restored: the entries (and findings) of the
 * other sheets, and what this client cannot take off (notes written by a client with notes, seen from one without).
 */
function keptPart(b: MarkBackend, rec: MarkRecord, res: Resolver, inScope: (sheet: string) => boolean): MarkRecord {
  const kept = emptyRecord();
  const sheetIds: Record<string, string> = sheetMap();
  const keepSheet = (cur: BackendSheet) => {
    if (cur.id) sheetIds[cur.name] = cur.id;
  };
  for (const [recorded, groups] of Object.entries(rec.fills)) {
    const cur = res.current(recorded);
    if (!cur || inScope(cur.name)) continue; // a sheet that is gone has nothing to restore
    kept.fills[cur.name] = groups;
    for (const list of Object.values(groups)) kept.cells += listCells(list);
    keepSheet(cur);
  }
  const keepMap = (part: Record<string, Record<string, unknown>> | undefined, can: boolean, into: 'notes' | 'comments') => {
    for (const [recorded, cells] of Object.entries(part || {})) {
      const cur = res.current(recorded);
      if (!cur || (inScope(cur.name) && can)) continue;
      const target = (kept as { [k in typeof into]?: Record<string, Record<string, unknown>> })[into] || sheetMap();
      target[cur.name] = cells;
      (kept as { [k in typeof into]?: Record<string, Record<string, unknown>> })[into] = target;
      keepSheet(cur);
    }
  };
  keepMap(rec.notes, b.notes, 'notes');
  keepMap(rec.comments, b.comments, 'comments');
  if (Object.keys(sheetIds).length) kept.sheets = sheetIds;
  // Only the other sheets' findings are decoded (a whole-workbook restore keeps none of the 15,000 of a big sheet).
  const marked: MarkRecord['marked'] = sheetMap();
  for (const [recorded, list] of Object.entries(rec.marked)) {
    const cur = res.current(recorded);
    if (cur && !inScope(cur.name)) marked[recorded] = list;
  }
  return { ...kept, ...encodeFindings(decodeFindings({ texts: rec.texts, marked })) };
}

const holdsMarks = (r: MarkRecord) => Object.keys(r.fills).length > 0 || !!r.notes || !!r.comments;

/**
 * Queues the restoring of the record's entries on sheets in scope: fills in groups of `cellsPerFlush` cells, notes
 * put back, the add-in's comments deleted. The last group stays queued for the caller's flush.
 */
async function queueRestore(b: MarkBackend, rec: MarkRecord, res: Resolver, inScope: (sheet: string) => boolean, pause: Pause = noPause): Promise<void> {
  let queued = 0;
  for (const [recorded, groups] of Object.entries(rec.fills)) {
    const cur = res.current(recorded);
    if (!cur || !inScope(cur.name)) continue;
    for (const [key, list] of Object.entries(groups)) {
      let part: Rect[] = [];
      let partCells = 0;
      const flushPart = () => {
        if (part.length) b.setFill(cur.name, part, key);
        queued += partCells;
        part = [];
        partCells = 0;
      };
      for (const a of list.split(',')) {
        if (!a) continue;
        const r = parseRange(a);
        part.push(r);
        partCells += (r.bottom - r.top + 1) * (r.right - r.left + 1);
        if (queued + partCells >= b.cellsPerFlush) {
          flushPart();
          await b.flush();
          await pause();
          queued = 0;
        }
      }
      flushPart();
    }
  }
  if (b.notes) {
    for (const [recorded, cells] of Object.entries(rec.notes || {})) {
      const cur = res.current(recorded);
      if (!cur || !inScope(cur.name)) continue;
      for (const [addr, original] of Object.entries(cells)) {
        const text = noteText(original);
        if (text === null) b.deleteNote(cur.name, addr);
        else b.setNoteText(cur.name, addr, text);
      }
    }
  }
  if (b.comments) {
    for (const [recorded, cells] of Object.entries(rec.comments || {})) {
      const cur = res.current(recorded);
      if (cur && inScope(cur.name)) b.deleteComments(cur.name, Object.values(cells));
    }
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Marking

interface Target {
  sheet: string;
  row: number;
  col: number;
  address: string;
  /** Worst finding on the cell; absent for a cell with remarks only (no fill). */
  severity?: Severity;
  /** The text of ours on the cell: findings, then remarks. */
  text: string;
  orig?: CellOriginal;
  commentId?: Promise<string | undefined>;
}

interface RenderInput {
  prev: MarkRecord | null;
  /** The findings of the sheets in scope (the record's findings of the other sheets are kept). */
  findings: StoredFinding[];
  remarks: readonly Remark[];
  /** Lower-case names of the sheets whose marks are redone; null: all. */
  scope: Set<string> | null;
  /** Write the findings sheet (also when it would hold only "未发现问题"). */
  findingsSheet: boolean;
  pause?: Pause;
  onProgress?: (done: number, total: number) => void;
}

interface RenderResult {
  cells: number;
  findingsSheet: string;
}

function remarkBlock(r: Remark): string {
  return markText.remarkLine(r.author, r.date, r.text);
}

function remarkRows(remarks: readonly Remark[], exists: (s: string) => boolean): (string | number)[][] {
  return remarks.map((r) => {
    const link = cellLink(r.sheet, r.cell, exists);
    return [0, r.sheet, link, markText.remarkLevel, '', r.text, markText.remarkSigned(r.author, r.date)];
  });
}

/** The findings sheet's rows: the core's findingsSheetRows, then one row per remark, numbered on. */
export function findingsSheetContent(findings: readonly Diagnostic[], remarks: readonly Remark[], exists: (s: string) => boolean): (string | number)[][] {
  const rows = findingsSheetRows(findings, exists);
  if (!remarks.length) return rows;
  const out = findings.length ? rows : rows.slice(0, 1);
  for (const r of remarkRows(remarks, exists)) {
    r[0] = out.length;
    out.push(r);
  }
  return out;
}

async function render(b: MarkBackend, input: RenderInput): Promise<RenderResult> {
  const { prev, scope } = input;
  const pause = input.pause || noPause;
  let step: Step = 'restore';
  const sheets = await b.sheets();
  const res = resolver(sheets, prev);
  const inScope = (name: string) => !scope || scope.has(lower(name));
  const oldFindings = prev && prev.findings ? prev.findings : undefined;
  const ownSheets = new Set<string>(oldFindings ? [lower(oldFindings.name)] : []);

  // Validate before the first write: a protected sheet that would be written refuses the whole marking.
  const touched = new Set<string>();
  if (prev) for (const part of [prev.fills, prev.notes || {}, prev.comments || {}]) for (const s of Object.keys(part)) touched.add(s);
  for (const f of input.findings) if (f.at) touched.add(f.sheet);
  for (const r of input.remarks) touched.add(r.sheet);
  for (const name of touched) {
    const cur = res.current(name);
    if (cur && cur.protected && inScope(cur.name)) throw new MarkWriteError('mark', markText.protectedSheet(cur.name), true, null);
  }

  // 1: the earlier marks of the sheets in scope come off (their last part rides with the reads below).
  const kept = prev ? keptPart(b, prev, res, inScope) : emptyRecord();
  let deleting: Promise<boolean> | null = null;
  try {
    if (prev) await queueRestore(b, prev, res, inScope, pause);
    if (oldFindings && res.exists(oldFindings.name)) deleting = b.deleteFindingsSheet(oldFindings.name, oldFindings.id, annotateText.headers);
    if (deleting) deleting.catch(() => undefined);
  } catch (e) {
    return rollBack(b, prev || emptyRecord(), res, inScope, [], '', oldFindings, 'restore', e);
  }

  // The findings, on the sheets as they are named now, in workbook order: those of the sheets in scope from the
  // input, the others kept from the record.
  const order = new Map(sheets.map((s, i) => [lower(s.name), i]));
  const renamed = (f: StoredFinding): StoredFinding | null => {
    const cur = res.current(f.sheet);
    if (!cur) return scope ? null : f; // a finding outside every sheet (a deleted one) stays listed only with its check
    return cur.name !== f.sheet ? { ...f, sheet: cur.name } : f;
  };
  const outside = scope ? prevFindings(prev).map(renamed).filter((f): f is StoredFinding => !!f && !inScope(f.sheet)) : [];
  const inside = input.findings.map(renamed).filter((f): f is StoredFinding => !!f && inScope(f.sheet));
  const findings = [...outside, ...inside]
    .map((f, i) => ({ f, i }))
    .sort((x, y) => (order.get(lower(x.f.sheet)) ?? order.size) - (order.get(lower(y.f.sheet)) ?? order.size) || x.i - y.i)
    .map((x) => x.f);

  // 2: the cells to mark on the sheets in scope, and what they hold now.
  const targets = new Map<string, Target>();
  const markable = (sheet: string) => res.exists(sheet) && inScope(sheet) && !ownSheets.has(lower(sheet));
  const onCells = findings.filter((f) => f.at && markable(f.sheet));
  const planned = planMarks(onCells.map((f) => ({ ...f, cell: f.at as string })));
  try {
    await pause();
  } catch (e) {
    return rollBack(b, prev || emptyRecord(), res, inScope, [], '', oldFindings, step, e);
  }
  for (const m of planned) {
    const sheet = res.current(m.sheet)!.name;
    targets.set(sheet + '\u0000' + m.address, { sheet, row: m.row, col: m.col, address: m.address, severity: m.severity, text: m.note });
  }
  for (const r of input.remarks) {
    const cur = res.current(r.sheet);
    if (!cur || !markable(cur.name)) continue;
    const p = parseA1(r.cell);
    const address = toA1(p.row, p.col);
    const key = cur.name + '\u0000' + address;
    const t = targets.get(key);
    if (t) t.text += '\n' + remarkBlock(r);
    else targets.set(key, { sheet: cur.name, row: p.row, col: p.col, address, text: remarkBlock(r) });
  }
  const bySheet = new Map<string, Target[]>();
  for (const t of targets.values()) {
    let l = bySheet.get(t.sheet);
    if (!l) bySheet.set(t.sheet, (l = []));
    l.push(t);
  }
  // What the cells hold, read at most cellsPerFlush cells a batch (the first rides with the restore's last part).
  const batches: Target[][][] = [[]];
  let inBatch = 0;
  for (const list of bySheet.values()) {
    for (let i = 0; i < list.length; ) {
      if (inBatch >= b.cellsPerFlush) {
        batches.push([]);
        inBatch = 0;
      }
      const piece = list.slice(i, i + (b.cellsPerFlush - inBatch));
      batches[batches.length - 1].push(piece);
      inBatch += piece.length;
      i += piece.length;
    }
  }
  const reads: Promise<void>[] = [];
  let deleted = false;
  try {
    for (let i = 0; i < batches.length; i++) {
      const batch: Promise<void>[] = [];
      for (const list of batches[i]) {
        const read = b.readCells(list[0].sheet, list).then((origs) => {
          origs.forEach((o, k) => (list[k].orig = o));
        });
        // Settled at once, so a failed batch's reads never surface as unhandled rejections.
        read.catch(() => undefined);
        batch.push(read);
        reads.push(read);
      }
      if (i === batches.length - 1) break;
      await b.flush();
      step = 'read';
      await Promise.all(batch);
      await pause();
    }
    await b.flush();
    step = 'read';
    await Promise.all(reads);
    deleted = deleting ? await deleting : false;
    await pause();
  } catch (e) {
    return rollBack(b, prev || emptyRecord(), res, inScope, [], '', oldFindings, step, e);
  }

  // The record, saved before the first mark.
  const all = [...targets.values()];
  const filled = all.filter((t) => t.severity);
  const taken = sheets.map((s) => s.name).filter((n) => !(deleted && oldFindings && lower(n) === lower(oldFindings.name)));
  const findingsName = input.findingsSheet || kept.cells ? freeSheetName(annotateText.sheetName, taken) : '';
  // Own copy of the fills map: kept must stay what the other sheets had, for a roll-back to put back.
  const rec: MarkRecord = { ...kept, ...encodeFindings(findings), fills: { ...kept.fills }, cells: kept.cells + filled.length };
  if (findingsName) rec.findings = { name: findingsName };
  rec.sheets = { ...(kept.sheets || {}) };
  for (const s of bySheet.keys()) {
    const cur = res.current(s);
    if (cur && cur.id) rec.sheets[s] = cur.id;
  }
  const fillGroups = new Map<string, Map<string, Target[]>>();
  for (const t of filled) {
    let g = fillGroups.get(t.sheet);
    if (!g) fillGroups.set(t.sheet, (g = new Map()));
    const key = t.orig ? t.orig.fill : '';
    let l = g.get(key);
    if (!l) g.set(key, (l = []));
    l.push(t);
  }
  for (const [sheet, g] of fillGroups) {
    rec.fills[sheet] = {};
    for (const [key, list] of g) rec.fills[sheet][key] = packRects(list).map(rectToA1).join(',');
  }
  const writesText = (t: Target) => b.cellText !== 'none' && !(t.orig && t.orig.userComment);
  if (b.cellText === 'note') {
    // Copies of kept per-sheet maps (the record's objects are shared with `kept`), made once per sheet.
    const notes: NonNullable<MarkRecord['notes']> = sheetMap(rec.notes);
    const copied = new Set<string>();
    for (const t of all) {
      if (!writesText(t)) continue;
      const n = t.orig ? t.orig.note : null;
      const original: NoteOriginal = !n ? null : n.author ? [n.text, n.author] : n.text;
      if (!copied.has(t.sheet)) {
        notes[t.sheet] = { ...(own(notes, t.sheet) || {}) };
        copied.add(t.sheet);
      }
      notes[t.sheet][t.address] = original;
    }
    if (copied.size) rec.notes = notes;
  }
  const nothing = !Object.keys(rec.fills).length && !rec.notes && !rec.comments && !findingsName;
  try {
    await pause();
  } catch (e) {
    return rollBack(b, prev || emptyRecord(), res, inScope, [], '', oldFindings, step, e);
  }
  try {
    await saveRecord(b.store, nothing ? null : rec, b.partChars);
  } catch (e) {
    throw new MarkWriteError('record', markText.recordSaveFailed(b.errorText(e)), false, e);
  }
  if (nothing) return { cells: 0, findingsSheet: '' };

  // 3…: the marks, at most cellsPerFlush cells per flush; the findings sheet with the first.
  step = 'mark';
  const chunks: Target[][] = [];
  for (let i = 0; i < all.length; i += b.cellsPerFlush) chunks.push(all.slice(i, i + b.cellsPerFlush));
  if (!chunks.length) chunks.push([]);
  let sheetId: Promise<string | undefined> | null = null;
  const added: Target[] = [];
  try {
    for (let i = 0; i < chunks.length; i++) {
      if (i === 0 && findingsName) {
        const exists = (s: string) => res.exists(s) && !ownSheets.has(lower(s));
        const remarks = input.remarks.filter((r) => !ownSheets.has(lower(r.sheet)));
        sheetId = b.addFindingsSheet(findingsName, findingsSheetContent(findings, remarks, exists));
      }
      for (const plan of fillPlan(chunks[i].filter((t) => t.severity) as (Target & { severity: Severity })[])) {
        b.setFill(plan.sheet, plan.rects, MARK_FILL[plan.severity]);
      }
      let since = 0;
      for (const t of chunks[i]) {
        if (++since >= YIELD_CELLS) {
          // Queued writes wait in the batch; the host gets a turn while a big batch is put together.
          since = 0;
          await pause();
        }
        if (!writesText(t)) continue;
        if (b.cellText === 'note') {
          const n = t.orig ? t.orig.note : null;
          if (n) b.setNoteText(t.sheet, t.address, composeNote(t.text, n.text));
          else b.addNote(t.sheet, t.address, t.text);
        } else {
          t.commentId = b.addComment(t.sheet, t.address, t.text);
          added.push(t);
        }
      }
      await b.flush();
      if (input.onProgress) input.onProgress(Math.min(all.length, (i + 1) * b.cellsPerFlush), all.length);
      await pause();
    }
    const ids = await Promise.all(added.map((t) => t.commentId as Promise<string | undefined>));
    const comments: NonNullable<MarkRecord['comments']> = sheetMap(rec.comments);
    const copied = new Set<string>();
    added.forEach((t, k) => {
      const id = ids[k];
      if (!id) return;
      if (!copied.has(t.sheet)) {
        comments[t.sheet] = { ...(own(comments, t.sheet) || {}) };
        copied.add(t.sheet);
      }
      comments[t.sheet][t.address] = id;
    });
    if (copied.size) rec.comments = comments;
    if (findingsName) rec.findings = { name: findingsName, id: sheetId ? await sheetId : undefined };
  } catch (e) {
    await rollBack(b, rec, res, inScope, added, findingsName, oldFindings, step, e);
  }
  try {
    await saveRecord(b.store, rec, b.partChars);
  } catch (e) {
    throw new MarkWriteError('record', markText.recordSaveFailed(b.errorText(e)), false, e);
  }
  return { cells: filled.length, findingsSheet: findingsName };
}

/**
 * Takes off what a failed marking wrote — the record saved before it says what the cells held — sheet by sheet, so
 * a sheet that refuses every write (protected: nothing was written there either) does not stop the others; then
 * removes the findings sheets, saves what stays recorded and throws.
 */
async function rollBack(
  b: MarkBackend,
  rec: MarkRecord,
  res: Resolver,
  inScope: (s: string) => boolean,
  commented: Target[],
  newSheet: string,
  oldFindings: { name: string; id?: string } | undefined,
  step: Step,
  cause: unknown,
): Promise<never> {
  const why = b.errorText(cause);
  let refused = b.isProtectedError && b.isProtectedError(cause) ? '' : null;
  try {
    const sheets = new Set<string>();
    for (const part of [rec.fills, rec.notes || {}, rec.comments || {}]) {
      for (const recorded of Object.keys(part)) {
        const cur = res.current(recorded);
        if (cur && inScope(cur.name)) sheets.add(cur.name);
      }
    }
    for (const t of commented) sheets.add(t.sheet);
    for (const sheet of sheets) {
      await queueRestore(b, rec, res, (n) => n === sheet);
      const at = commented.filter((t) => t.sheet === sheet).map((t) => t.address);
      if (at.length) b.deleteCommentsAt(sheet, at);
      try {
        await b.flush();
      } catch (e) {
        if (!(b.isProtectedError && b.isProtectedError(e))) throw e;
        refused = sheet;
      }
    }
    const now = new Map((await b.sheets()).map((s) => [lower(s.name), s]));
    const gone: Promise<boolean>[] = [];
    if (newSheet && now.has(lower(newSheet))) gone.push(b.deleteFindingsSheet(newSheet, undefined, annotateText.headers));
    if (oldFindings && lower(oldFindings.name) !== lower(newSheet) && now.has(lower(oldFindings.name))) {
      gone.push(b.deleteFindingsSheet(oldFindings.name, oldFindings.id, annotateText.headers));
    }
    if (gone.length) {
      await b.flush();
      await Promise.all(gone);
    }
    const kept = keptPart(b, rec, res, inScope);
    await saveRecord(b.store, holdsMarks(kept) ? kept : null, b.partChars);
  } catch (e) {
    throw new MarkWriteError(step, markText.writeFailedNotRolledBack(markText.steps[step], why, b.errorText(e)), false, cause);
  }
  if (refused) throw new MarkWriteError(step, markText.protectedSheet(refused), true, cause);
  throw new MarkWriteError(step, markText.writeFailedRolledBack(markText.steps[step], why), true, cause);
}

// ---------------------------------------------------------------------------------------------------------------
// The operations hosts expose

function stored(d: Diagnostic, mergeAt?: MergeLookup): StoredFinding {
  const a = anchorOf(d, mergeAt);
  return { sheet: d.sheet, cell: d.cell, severity: d.severity, rule: d.rule, message: d.message, suggestion: d.suggestion || null, at: a ? toA1(a.row, a.col) : null };
}

function prevFindings(prev: MarkRecord | null): StoredFinding[] {
  return prev ? decodeFindings(prev) : [];
}

/**
 * Marks the findings of a check: restores the earlier marks of the sheets it covers first, records what every
 * touched cell holds, fills by worst severity, writes the text into notes/comments and the findings sheet.
 * Findings the reviewer ignored are left out. Throws RecordError (a record it cannot read: nothing is changed) and
 * MarkWriteError (a failed write, rolled back).
 */
export async function applyMarks(b: MarkBackend, diagnostics: readonly Diagnostic[], options: ApplyOptions = {}): Promise<MarkSummary> {
  const prev = loadRecord(b.store);
  const review = loadReview(b.store);
  const ignored = new Set(review.ignored.map((x) => x.key));
  const shown = ignored.size ? diagnostics.filter((d) => !ignored.has(findingKey(d))) : diagnostics;
  let scope: Set<string> | null = null;
  if (options.sheets) {
    scope = new Set(options.sheets.map(lower));
    for (const d of shown) scope.add(lower(d.sheet));
  }
  const fresh = shown.map((d) => stored(d, options.mergeAt));
  const r = await render(b, { prev, findings: fresh, remarks: review.remarks, scope, findingsSheet: true, pause: options.pause, onProgress: options.onProgress });
  const summary: MarkSummary = { cells: r.cells, findingsSheet: r.findingsSheet };
  if (diagnostics.length !== shown.length) summary.ignored = diagnostics.length - shown.length;
  return summary;
}

/**
 * Restores every marked cell and removes the findings sheet. Remarks whose ids are in `keepRemarks` stay (their
 * notes/comments and their rows on a findings sheet of remarks only); the others are deleted. The ignore list stays.
 */
export async function clearMarks(b: MarkBackend, options: ClearOptions = {}): Promise<{ cells: number }> {
  if (options.discardRecord) {
    await saveRecord(b.store, null, b.partChars);
    return { cells: 0 };
  }
  const prev = loadRecord(b.store);
  const review = loadReview(b.store);
  const keep = new Set(options.keepRemarks || []);
  const remarks = review.remarks.filter((r) => keep.has(r.id));
  if (remarks.length !== review.remarks.length) await saveReview(b.store, { ...review, remarks }, b.partChars);
  if (!prev && !remarks.length) return { cells: 0 };
  await render(b, { prev, findings: [], remarks, scope: null, findingsSheet: remarks.length > 0, pause: options.pause });
  return { cells: prev ? prev.cells : 0 };
}

/** True when the workbook holds marks of an earlier check, or a record it cannot read (so 清除标记 can explain). */
export function hasMarks(b: Pick<MarkBackend, 'store'>): boolean {
  try {
    return !!loadRecord(b.store);
  } catch (e) {
    if (e instanceof RecordError) return true;
    throw e;
  }
}

export interface RemarkInput {
  sheet: string;
  /** A1 address of the cell (a range: its top-left cell). */
  cell: string;
  text: string;
  author: string;
  /** Default: today. */
  date?: Date;
  /** findingKey of the finding this remark confirms: a later check shows it resolved once the finding is gone. */
  finding?: string;
}

/** Adds a reviewer's remark: signed and dated in the cell's note or comment, and a row of the findings sheet. */
export async function addRemark(b: MarkBackend, input: RemarkInput): Promise<Remark> {
  const text = input.text.trim();
  if (!text) throw new MarkWriteError('mark', markText.remarkEmpty, true, null);
  let cell: string;
  try {
    const r = parseRange(input.cell.replace(/\$/g, ''));
    cell = toA1(r.top, r.left);
  } catch {
    throw new MarkWriteError('mark', markText.remarkCellInvalid(input.cell), true, null);
  }
  const sheets = await b.sheets();
  const sheet = sheets.find((s) => lower(s.name) === lower(input.sheet));
  if (!sheet) throw new MarkWriteError('mark', markText.remarkSheetMissing(input.sheet), true, null);
  const prev = loadRecord(b.store);
  const review = loadReview(b.store);
  const date = displayDate(input.date || new Date());
  const remark: Remark = { id: hash32([sheet.name, cell, text, input.author, date, review.remarks.length].join('\u0000')), sheet: sheet.name, cell, text, author: input.author, date };
  if (input.finding) remark.finding = input.finding;
  const next: ReviewRecord = { ...review, remarks: [...review.remarks, remark] };
  await rerender(b, prev, next, sheet.name, review);
  return remark;
}

/** Deletes a remark (its text leaves the cell, its row the findings sheet). */
export async function removeRemark(b: MarkBackend, id: string): Promise<void> {
  const prev = loadRecord(b.store);
  const review = loadReview(b.store);
  const r = review.remarks.find((x) => x.id === id);
  if (!r) throw new MarkWriteError('mark', markText.remarkNotFound, true, null);
  await rerender(b, prev, { ...review, remarks: review.remarks.filter((x) => x.id !== id) }, r.sheet, review);
}

/** Ignores a finding on this and later checks (who and when kept in the workbook); its mark comes off now. */
export async function ignoreFinding(b: MarkBackend, d: Diagnostic, by: string, date: Date = new Date()): Promise<Ignored> {
  const review = loadReview(b.store);
  const key = findingKey(d);
  const known = review.ignored.find((x) => x.key === key);
  if (known) return known;
  const prev = loadRecord(b.store);
  const marked = prevFindings(prev).find((f) => findingKey(f) === key);
  const entry: Ignored = {
    key,
    finding: { sheet: d.sheet, cell: d.cell, severity: d.severity, rule: d.rule, message: d.message, suggestion: d.suggestion || null, at: marked ? marked.at : undefined },
    by,
    date: displayDate(date),
  };
  await rerender(b, prev, { ...review, ignored: [...review.ignored, entry] }, d.sheet, review);
  return entry;
}

/** Undoes an ignore: the finding is marked again now (where the workbook has marks) and on later checks. */
export async function unignoreFinding(b: MarkBackend, key: string): Promise<void> {
  const review = loadReview(b.store);
  const entry = review.ignored.find((x) => x.key === key);
  if (!entry) return;
  const prev = loadRecord(b.store);
  await rerender(b, prev, { ...review, ignored: review.ignored.filter((x) => x.key !== key) }, entry.finding.sheet, review, entry);
}

/** Saves a change of the review record that touches no cell (a verdict choice, a pass); returns the new record. */
export async function updateReview(b: Pick<MarkBackend, 'store' | 'partChars'>, change: ReviewChange): Promise<ReviewRecord> {
  const next = applyReviewChange(loadReview(b.store), change);
  await saveReview(b.store, next, b.partChars);
  return next;
}

/** The reviewer's remarks and ignored findings kept in the workbook. */
export function reviewState(b: Pick<MarkBackend, 'store'>): ReviewRecord {
  return loadReview(b.store);
}

/**
 * Saves the review record and redoes one sheet's marks with it: the record's findings minus the ignored ones (plus
 * `restored`, an un-ignored finding). On a failure the review record is put back as it was.
 */
async function rerender(b: MarkBackend, prev: MarkRecord | null, next: ReviewRecord, sheet: string, before: ReviewRecord, restored?: Ignored): Promise<void> {
  const ignored = new Set(next.ignored.map((x) => x.key));
  const findings = prevFindings(prev).filter((f) => !ignored.has(findingKey(f)));
  if (restored && prev) {
    const { at, ...f } = restored.finding;
    findings.push(at !== undefined ? { ...f, at } : stored(f));
  }
  await saveReview(b.store, next, b.partChars);
  try {
    if (!prev && !next.remarks.length && !(before.remarks.length && !next.remarks.length)) return;
    await render(b, { prev, findings, remarks: next.remarks, scope: new Set([lower(sheet)]), findingsSheet: !!prev || next.remarks.length > 0 });
  } catch (e) {
    await saveReview(b.store, before, b.partChars);
    throw e;
  }
}
