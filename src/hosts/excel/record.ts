/// <reference types="office-js" />
// What the add-in changed in a workbook, kept in the workbook itself (Office.context.document.settings, the Common
// API's per-document store: it works at every ExcelApi level, Office 2016 included, and travels with the file
// once saveAsync has run). 清除标记 reads it back — also after the file was saved, closed and reopened.
//
// Format (JSON, version 1), compact for big sheets:
//   { v: 1,
//     cells: 1234,                                   // cells marked
//     fills: { "Sheet1": { "": "A1:A9,C3", "#FFFF00": "B2:B4" } }
//                                                    // per sheet: original fill -> the cells that had it, packed
//                                                    // into rectangles. "" no fill; "#RRGGBB" solid colour;
//                                                    // "#RRGGBB|Gray50|#RRGGBB" a pattern with its colour
//     notes: { "Sheet1": { "B7": null, "C9": "原批注" } }
//                                                    // (ExcelApi 1.18) null: the add-in added the note, delete it;
//                                                    // text: the user's note before marking, put it back verbatim
//     comments: { "Sheet1": { "B7": "{thread id}" } } // (1.10) threads the add-in started, deleted on clear
//     findings: { name: "审核意见", id: "{…}" },     // the sheet the add-in created, deleted on clear
//     sheets: { "Sheet1": "{sheet id}" } }            // to find a marked sheet the user renamed since
// The JSON is split over several keys when long (ptcheck.marks holds { v, parts }, ptcheck.marks.0 … the text),
// so no single setting grows past a few tens of kilobytes.

export interface MarkRecord {
  v: 1;
  cells: number;
  fills: Record<string, Record<string, string>>;
  notes?: Record<string, Record<string, string | null>>;
  comments?: Record<string, Record<string, string>>;
  findings?: { name: string; id?: string };
  /** Ids of the marked sheets, so a sheet renamed since is still found. */
  sheets?: Record<string, string>;
}

export const RECORD_KEY = 'ptcheck.marks';
const PART_CHARS = 30000;

/** The settings store of the Common API (Office.context.document.settings), or a stand-in with the same calls. */
export type SettingsStore = Pick<Office.Settings, 'get' | 'set' | 'remove' | 'saveAsync'>;

export function loadRecord(settings: SettingsStore): MarkRecord | null {
  const head = settings.get(RECORD_KEY) as { v?: number; parts?: number } | null | undefined;
  if (!head || head.v !== 1 || typeof head.parts !== 'number') return null;
  let text = '';
  for (let i = 0; i < head.parts; i++) {
    const part = settings.get(`${RECORD_KEY}.${i}`);
    if (typeof part !== 'string') return null;
    text += part;
  }
  try {
    const rec = JSON.parse(text) as MarkRecord;
    return rec && rec.v === 1 && rec.fills ? rec : null;
  } catch {
    return null;
  }
}

function saveAsync(settings: SettingsStore): Promise<void> {
  return new Promise((resolve, reject) => {
    settings.saveAsync((r: Office.AsyncResult<void>) => {
      if (r && String(r.status) === 'failed') reject(r.error || new Error('saveAsync failed'));
      else resolve();
    });
  });
}

/** Writes (or, with null, removes) the record and persists it in the document. */
export async function saveRecord(settings: SettingsStore, rec: MarkRecord | null): Promise<void> {
  const head = settings.get(RECORD_KEY) as { parts?: number } | null | undefined;
  const oldParts = head && typeof head.parts === 'number' ? head.parts : 0;
  let parts = 0;
  if (rec) {
    const text = JSON.stringify(rec);
    for (let i = 0; i * PART_CHARS < text.length; i++) settings.set(`${RECORD_KEY}.${i}`, text.slice(i * PART_CHARS, (i + 1) * PART_CHARS));
    parts = Math.ceil(text.length / PART_CHARS);
    settings.set(RECORD_KEY, { v: 1, parts });
  } else settings.remove(RECORD_KEY);
  for (let i = parts; i < oldParts; i++) settings.remove(`${RECORD_KEY}.${i}`);
  await saveAsync(settings);
}

/** Fill key of the record: what the cell had before marking. */
export interface OriginalFill {
  color: string;
  /** 'None' (no fill), 'Solid', or a pattern; undefined where the client cannot tell (ExcelApi < 1.9). */
  pattern?: string;
  patternColor?: string;
}

/**
 * The record's key for a fill read from Excel. Below ExcelApi 1.9 there is no `pattern`, and an unfilled cell reads
 * '#FFFFFF' like a white one: both are recorded as "no fill" (a user's white fill comes back as no fill).
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
