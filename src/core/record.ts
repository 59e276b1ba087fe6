// What the add-in changed in a workbook, kept in the workbook itself so that 清除标记 restores every touched cell
// exactly, also after save and reopen, and what a reviewer decided (remarks, ignored findings). Host-neutral: each
// host only provides a key-value store (Excel: the document settings; the ExcelJS copy: a very hidden sheet) and
// the largest value it may hold; this module packs, splits, validates (zod) and versions the record.
//
// Marks record (key `ptcheck.marks`, version 2), compact for big sheets:
//   { v: 2,
//     cells: 1234,                                    // cells filled by the add-in
//     fills: { "Sheet1": { "": "A1:A9,C3", "#FFFF00": "B2:B4" } }
//                                                     // per sheet: original fill key -> the cells that had it,
//                                                     // packed into rectangles. "" no fill; "#RRGGBB" solid; any
//                                                     // other key is the host's own (Excel: "#RRGGBB|Gray50|#RRGGBB")
//     notes: { "Sheet1": { "B7": null, "C9": "原批注", "D2": ["原批注", "张三"] } }
//                                                     // where the add-in wrote a note: null it added the note
//                                                     // (delete it); text (and author) the user's note before
//     comments: { "Sheet1": { "B7": "{id}" } }        // comments (Excel threads) the add-in added, deleted on clear
//     findings: { name: "审核意见", id: "{…}" },      // the findings sheet the add-in created
//     sheets: { "Sheet1": "{sheet id}" },             // to find a marked sheet the user renamed since
//     texts: ["…"], marked: { "Sheet1": [[cell, severity, rule, message, suggestion, anchor?], …] }
//                                                     // the findings shown, texts pooled (one message repeats over
//                                                     // tables): a check of one sheet rewrites the findings sheet
//                                                     // with the other sheets' rows kept
//   }
// Version 1 (fills/notes/comments/findings/sheets, no findings list) is still read.
// Review record (key `ptcheck.review`, version 2): remarks (a confirmed one with its finding's key), ignored
// findings, the reviewer's verdict choices per project and a snapshot of each pass; it outlives 清除标记.
// Version 1 (remarks and ignored findings only) is still read.
// A value longer than the host's `partChars` is split: the head key holds {"v":…,"parts":n}, `key.0`… the text.
import { z } from 'zod';
import { Diagnostic, DiagnosticSchema, Severity } from './diagnostic';
import { markText } from './i18n/marks';
import { VerdictSchema } from './review';

export const RECORD_KEY = 'ptcheck.marks';
export const REVIEW_KEY = 'ptcheck.review';
export const RECORD_VERSION = 2;
export const REVIEW_VERSION = 2;
/** Review passes kept in the record (older ones are dropped: only the last is compared with). */
export const MAX_PASSES = 10;

/** A host's store of named strings inside the workbook (Excel: document settings; ExcelJS: a very hidden sheet). */
export interface RecordStore {
  /** The stored value (Excel settings may hand back the object an older version stored). */
  get(key: string): unknown;
  set(key: string, value: string): void;
  remove(key: string): void;
  /** Persists the changes in the document (Office: settings.saveAsync). */
  save(): Promise<void>;
}

/** The user's note before marking: null none, text, or [text, author]. */
export type NoteOriginal = null | string | [string, string];

const SEVERITIES: Severity[] = ['error', 'warning', 'info'];
/** [cell, severity index, rule, message, suggestion (-1 none), anchor (the marked cell, when not the range's top-left)] */
type Tuple = [string, number, number, number, number, ...string[]];
const isIndex = (x: unknown): x is number => typeof x === 'number' && x % 1 === 0;
/** Checked by hand: a zod tuple per finding costs ~30 µs, 0.2 s on a 1,000-table sheet's record. */
const StoredTuple = z.custom<Tuple>(
  (t) =>
    Array.isArray(t) &&
    (t.length === 5 || t.length === 6) &&
    typeof t[0] === 'string' &&
    isIndex(t[1]) && t[1] >= 0 && t[1] <= 2 &&
    isIndex(t[2]) && isIndex(t[3]) && isIndex(t[4]) &&
    (t.length === 5 || typeof t[5] === 'string'),
  { message: 'bad finding' },
);

const byName = <T extends z.ZodTypeAny>(t: T) => z.record(z.string(), t);

const isNoteOriginal = (x: unknown): x is NoteOriginal =>
  x === null || typeof x === 'string' || (Array.isArray(x) && x.length === 2 && typeof x[0] === 'string' && typeof x[1] === 'string');
/**
 * A sheet's cells -> what they held, checked by hand: zod's record of strings took 50–175 ms for the ten thousand
 * cells of a 1,000-table sheet, in one blocking stretch at the start of 清除标记.
 */
const cellMap = <T>(ok: (x: unknown) => x is T) =>
  z.custom<Record<string, T>>(
    (m) => {
      if (m === null || typeof m !== 'object' || Array.isArray(m)) return false;
      for (const k of Object.keys(m)) if (!ok((m as Record<string, unknown>)[k])) return false;
      return true;
    },
    { message: 'bad cell map' },
  );
const isString = (x: unknown): x is string => typeof x === 'string';
const isStringOrNull = (x: unknown): x is string | null => x === null || typeof x === 'string';

const RecordV1 = z.object({
  v: z.literal(1),
  cells: z.number().int().nonnegative(),
  fills: byName(cellMap(isString)),
  notes: byName(cellMap(isStringOrNull)).optional(),
  comments: byName(cellMap(isString)).optional(),
  findings: z.object({ name: z.string(), id: z.string().optional() }).optional(),
  sheets: byName(z.string()).optional(),
});

export const MarkRecordSchema = z.object({
  v: z.literal(2),
  cells: z.number().int().nonnegative(),
  fills: byName(cellMap(isString)),
  notes: byName(cellMap(isNoteOriginal)).optional(),
  comments: byName(cellMap(isString)).optional(),
  findings: z.object({ name: z.string(), id: z.string().optional() }).optional(),
  sheets: byName(z.string()).optional(),
  texts: z.array(z.string()),
  marked: byName(z.array(StoredTuple)),
});
export type MarkRecord = z.infer<typeof MarkRecordSchema>;

export const RemarkSchema = z.object({
  id: z.string(),
  sheet: z.string(),
  /** A1 address of the cell. */
  cell: z.string(),
  text: z.string(),
  author: z.string(),
  /** As shown (markText.date). */
  date: z.string(),
  /** findingKey of the finding confirmed as this remark (absent: a free remark, or one from a v1 record). */
  finding: z.string().optional(),
});
export type Remark = z.infer<typeof RemarkSchema>;

export const IgnoredSchema = z.object({
  /** findingKey of the finding. */
  key: z.string(),
  finding: DiagnosticSchema.omit({ table: true }).extend({
    /** The marked cell (master of a merged area), so the mark comes back where it was when un-ignored. */
    at: z.string().nullable().optional(),
  }),
  by: z.string(),
  date: z.string(),
});
export type Ignored = z.infer<typeof IgnoredSchema>;

/** One project of a review pass: its key (core/review-pass.ts projectKey), title, verdict and findings. */
export const PassProjectSchema = z.object({
  key: z.string(),
  title: z.string(),
  verdict: VerdictSchema,
  /** hash32 of each finding's findingKey: 8 characters a finding, so a 1,000-table sheet's pass stays small. */
  f: z.array(z.string()),
});
export type PassProject = z.infer<typeof PassProjectSchema>;

/** A snapshot of one review pass, taken when the reviewer writes 审核结论. */
export const ReviewPassSchema = z.object({
  id: z.string(),
  /** ISO time. */
  at: z.string(),
  /** As shown (markText.date). */
  date: z.string(),
  by: z.string(),
  projects: z.array(PassProjectSchema),
});
export type ReviewPass = z.infer<typeof ReviewPassSchema>;

/** A verdict the reviewer chose for a project (by project key): it stays until they change it. */
export const VerdictChoiceSchema = z.object({ verdict: VerdictSchema, by: z.string(), date: z.string() });
export type VerdictChoice = z.infer<typeof VerdictChoiceSchema>;

const ReviewRecordV1 = z.object({
  v: z.literal(1),
  remarks: z.array(RemarkSchema),
  ignored: z.array(IgnoredSchema),
});

export const ReviewRecordSchema = z.object({
  v: z.literal(2),
  remarks: z.array(RemarkSchema),
  ignored: z.array(IgnoredSchema),
  passes: z.array(ReviewPassSchema),
  verdicts: z.record(z.string(), VerdictChoiceSchema),
});
export type ReviewRecord = z.infer<typeof ReviewRecordSchema>;

export const emptyReview = (): ReviewRecord => ({ v: 2, remarks: [], ignored: [], passes: [], verdicts: {} });

/** A change of the review record that touches no cell: a verdict chosen (null: back to the proposal), a pass kept. */
export type ReviewChange =
  | { kind: 'verdict'; project: string; choice: VerdictChoice | null }
  | { kind: 'pass'; pass: ReviewPass };

/** The record after a change (pure). A pass with a known id replaces it (the same pass written again). */
export function applyReviewChange(rec: ReviewRecord, change: ReviewChange): ReviewRecord {
  if (change.kind === 'verdict') {
    const verdicts = { ...rec.verdicts };
    if (change.choice) verdicts[change.project] = change.choice;
    else delete verdicts[change.project];
    return { ...rec, verdicts };
  }
  const at = rec.passes.findIndex((p) => p.id === change.pass.id);
  const passes = at >= 0 ? rec.passes.map((p, i) => (i === at ? change.pass : p)) : [...rec.passes, change.pass];
  return { ...rec, passes: passes.slice(-MAX_PASSES) };
}

/** A record that cannot be used: damaged (bad JSON, a missing part, fails the schema) or from a newer version. */
export class RecordError extends Error {
  readonly code: 'damaged' | 'newer';
  constructor(code: 'damaged' | 'newer', message: string) {
    super(message);
    this.name = 'RecordError';
    this.code = code;
  }
}

/** The text of a split value, or null when the head key is absent. Throws RecordError when a part is missing. */
function readParts(store: RecordStore, key: string): { v: number; text: string } | null {
  let head = store.get(key);
  if (head === null || head === undefined) return null;
  if (typeof head === 'string') {
    try {
      head = JSON.parse(head);
    } catch {
      throw new RecordError('damaged', markText.recordDamaged('头部无法解析'));
    }
  }
  const h = head as { v?: unknown; parts?: unknown };
  if (!h || typeof h !== 'object' || typeof h.v !== 'number' || typeof h.parts !== 'number' || h.parts < 0 || h.parts % 1) {
    throw new RecordError('damaged', markText.recordDamaged('头部格式不对'));
  }
  let text = '';
  for (let i = 0; i < h.parts; i++) {
    const part = store.get(`${key}.${i}`);
    if (typeof part !== 'string') throw new RecordError('damaged', markText.recordDamaged(`缺少第 ${i + 1} 段`));
    text += part;
  }
  return { v: h.v, text };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new RecordError('damaged', markText.recordDamaged('内容无法解析'));
  }
}

function validate<T>(schema: z.ZodType<T>, data: unknown): T {
  const r = schema.safeParse(data);
  if (!r.success) {
    const issue = r.error.issues[0];
    throw new RecordError('damaged', markText.recordDamaged(`字段 ${issue.path.join('.') || '（根）'} 不符合格式`));
  }
  return r.data;
}

/** The marks record, null when the workbook has none. Throws RecordError (Chinese message) when it cannot be used. */
export function loadRecord(store: RecordStore): MarkRecord | null {
  const raw = readParts(store, RECORD_KEY);
  if (!raw) return null;
  if (raw.v > RECORD_VERSION) throw new RecordError('newer', markText.recordNewer(raw.v));
  const data = parseJson(raw.text) as { v?: unknown };
  const v = data && typeof data === 'object' ? data.v : undefined;
  if (typeof v === 'number' && v > RECORD_VERSION) throw new RecordError('newer', markText.recordNewer(v));
  if (v === 1) {
    const old = validate(RecordV1, data);
    return { ...old, v: 2, texts: [], marked: {} };
  }
  const rec = validate(MarkRecordSchema, data);
  decodeFindings(rec); // every text index in range, or RecordError now rather than half-way through a restore
  return rec;
}

/** Like loadRecord, but null instead of an error: for "which sheet is ours" questions that must not fail. */
export function peekRecord(store: RecordStore): MarkRecord | null {
  try {
    return loadRecord(store);
  } catch {
    return null;
  }
}

export function loadReview(store: RecordStore): ReviewRecord {
  const raw = readParts(store, REVIEW_KEY);
  if (!raw) return emptyReview();
  if (raw.v > REVIEW_VERSION) throw new RecordError('newer', markText.recordNewer(raw.v));
  const data = parseJson(raw.text) as { v?: unknown };
  if (data && typeof data === 'object' && data.v === 1) {
    const old = validate(ReviewRecordV1, data);
    return { ...old, v: 2, passes: [], verdicts: {} };
  }
  return validate(ReviewRecordSchema, data);
}

function writeParts(store: RecordStore, key: string, v: number, value: unknown | null, partChars: number): void {
  let oldParts = 0;
  try {
    const head = store.get(key);
    const h = (typeof head === 'string' ? JSON.parse(head) : head) as { parts?: unknown } | null;
    if (h && typeof h.parts === 'number') oldParts = h.parts;
  } catch {
    // A damaged head: nothing to clean up beyond what is overwritten.
  }
  let parts = 0;
  if (value !== null) {
    const text = JSON.stringify(value);
    parts = Math.ceil(text.length / partChars);
    for (let i = 0; i < parts; i++) store.set(`${key}.${i}`, text.slice(i * partChars, (i + 1) * partChars));
    store.set(key, JSON.stringify({ v, parts }));
  } else store.remove(key);
  for (let i = parts; i < oldParts; i++) store.remove(`${key}.${i}`);
}

/** Writes (or, with null, removes) the marks record and persists it. */
export async function saveRecord(store: RecordStore, rec: MarkRecord | null, partChars: number): Promise<void> {
  writeParts(store, RECORD_KEY, RECORD_VERSION, rec, partChars);
  await store.save();
}

export async function saveReview(store: RecordStore, review: ReviewRecord, partChars: number): Promise<void> {
  const empty = !review.remarks.length && !review.ignored.length && !review.passes.length && !Object.keys(review.verdicts).length;
  writeParts(store, REVIEW_KEY, REVIEW_VERSION, empty ? null : review, partChars);
  await store.save();
}

// ---------------------------------------------------------------------------------------------------------------
// The findings of a record

/** A finding as the record keeps it: the diagnostic and the cell its mark is on (the master of a merged area). */
export interface StoredFinding extends Diagnostic {
  /** A1 address of the marked cell; null when the finding's cell is not an address (it has a findings-sheet row only). */
  at: string | null;
}

export function encodeFindings(findings: readonly StoredFinding[]): Pick<MarkRecord, 'texts' | 'marked'> {
  const texts: string[] = [];
  const index = new Map<string, number>();
  const id = (s: string) => {
    let i = index.get(s);
    if (i === undefined) {
      i = texts.length;
      texts.push(s);
      index.set(s, i);
    }
    return i;
  };
  const marked: MarkRecord['marked'] = sheetMap();
  for (const f of findings) {
    const anchorSame = f.at !== null && f.cell.replace(/\$/g, '').split(':')[0] === f.at;
    const t: MarkRecord['marked'][string][number] = [f.cell, SEVERITIES.indexOf(f.severity), id(f.rule), id(f.message), f.suggestion ? id(f.suggestion) : -1];
    if (!anchorSame) t.push(f.at || '');
    (marked[f.sheet] = own(marked, f.sheet) || []).push(t);
  }
  return { texts, marked };
}

/**
 * An object keyed by sheet names, without a prototype: a sheet named "constructor" or "__proto__" is a key like any
 * other (on a plain object the first finds Object's constructor, the second sets the prototype).
 */
export function sheetMap<T>(from?: Record<string, T>): Record<string, T> {
  const m = Object.create(null) as Record<string, T>;
  if (from) for (const k of Object.keys(from)) m[k] = from[k];
  return m;
}

/** The value under an own key only (never one inherited from Object.prototype). */
export function own<T>(o: Record<string, T> | undefined, key: string): T | undefined {
  return o && Object.prototype.hasOwnProperty.call(o, key) ? o[key] : undefined;
}

export function decodeFindings(rec: Pick<MarkRecord, 'texts' | 'marked'>): StoredFinding[] {
  const out: StoredFinding[] = [];
  const text = (i: number) => {
    const s = rec.texts[i];
    if (s === undefined) throw new RecordError('damaged', markText.recordDamaged('文字索引越界'));
    return s;
  };
  for (const [sheet, list] of Object.entries(rec.marked)) {
    for (const [cell, sev, rule, message, suggestion, at] of list) {
      out.push({
        sheet,
        cell,
        severity: SEVERITIES[sev],
        rule: text(rule),
        message: text(message),
        suggestion: suggestion >= 0 ? text(suggestion) : null,
        at: at === undefined ? cell.replace(/\$/g, '').split(':')[0] : at || null,
      });
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Fill keys

/** A fill as Excel reports it (Range.format.fill): colour, and pattern where the client can tell (ExcelApi 1.9). */
export interface OriginalFill {
  color: string;
  /** 'None' (no fill), 'Solid', or a pattern; undefined where the client cannot tell (ExcelApi < 1.9). */
  pattern?: string;
  patternColor?: string;
}

/**
 * The record's key for a fill. Without a pattern (ExcelApi < 1.9) an unfilled cell reads '#FFFFFF' like a white
 * one: both are recorded as "no fill" (a user's white fill comes back as no fill).
 */
export function fillKey(f: OriginalFill): string {
  const color = (f.color || '').toUpperCase();
  if (f.pattern === undefined) return color === '#FFFFFF' || !color ? '' : color;
  if (f.pattern === 'None') return '';
  if (f.pattern === 'Solid') return color;
  return `${color}|${f.pattern}|${(f.patternColor || '#000000').toUpperCase()}`;
}

export function parseFillKey(key: string): { clear: true } | { clear: false; color: string; pattern?: string; patternColor?: string } {
  if (!key) return { clear: true };
  const [color, pattern, patternColor] = key.split('|');
  return pattern ? { clear: false, color, pattern, patternColor } : { clear: false, color };
}

// ---------------------------------------------------------------------------------------------------------------
// Stable keys and dates

/** FNV-1a, 32 bits, as 8 hex digits: short and stable across runs and hosts. */
export function hash32(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return ('0000000' + h.toString(16)).slice(-8);
}

/**
 * The key of a finding for the ignore list: rule, sheet, cell and a hash of the message. The message names the
 * values it found, so a finding that changed (the user edited the cell) is a new finding and shows again.
 */
export function findingKey(d: Pick<Diagnostic, 'rule' | 'sheet' | 'cell' | 'message'>): string {
  return `${d.rule}|${d.sheet}|${d.cell.replace(/\$/g, '')}|${hash32(d.message)}`;
}

/** The one date form every host shows (remark signatures, ignore entries, the findings sheet). */
export function displayDate(d: Date): string {
  return markText.date(d.getFullYear(), d.getMonth() + 1, d.getDate());
}
