// Marking flagged cells in WPS 表格 and taking the marks off again, through the synchronous ET object model:
//   - fills by severity (MARK_FILL, as BGR) on packed rectangles, many per call as multi-area addresses of ≤ 255
//     characters (VBA's limit for a Range address, assumed for ET): 3 calls per address list;
//   - the findings as a legacy comment on each flagged cell (ET has no notes/threads distinction): a user's comment
//     is kept — the findings go above its text, and clearMarks puts the text back verbatim; ours replace only ours;
//   - the 审核意见 sheet with HYPERLINK links, written in 500-row Value2 blocks;
//   - before the first mark, the original fill and comment of every touched cell are recorded in the workbook
//     (store.ts: a very hidden sheet, since PluginStorage is not persisted), in the Excel adapter's record format;
//   - marking again first restores the earlier marks, so they never stack.
// ET has no batch and no rollback: everything that can be checked is checked before the first write (a workbook or
// sheet protected, the record saved), ScreenUpdating and DisplayAlerts are off while writing and always restored,
// and a marking that fails half-way is undone from the record just saved, so the workbook is left as it was.
import { Diagnostic } from '../../core/diagnostic';
import { Grid, Rect, parseRange, rectToA1 } from '../../core/grid';
import { annotateText } from '../../core/i18n/host';
import { excelText } from '../../core/i18n/excel';
import { WpsStep, wpsStepText, wpsText } from '../../core/i18n/wps';
import { CellMark, MARK_FILL, addressChunks, fillPlan, findingsSheetRows, freeSheetName, packRects, planMarks } from '../../core/marks';
import { MarkRecord, SettingsStore, loadRecord, saveRecord } from '../excel/record';
import { MarkSummary } from '../host';
import { EtApplication, EtWorkbook, EtWorksheet, XL } from './et';
import { WpsHostError, etErrorDetail } from './errors';
import { normalise2D } from './read';
import { STORE_SHEET } from './store';
import { addNamedSheet } from './write';

/** VBA refuses a Range address longer than this; assumed for ET (device checklist, docs/wps.md). */
export const ADDRESS_CHARS = 255;
/** Rows per Value2 write of the findings sheet. */
const FINDINGS_BLOCK_ROWS = 500;
/** Column widths of the findings sheet, in ET characters (序号 … 建议); ET has no autofit we rely on. */
const FINDINGS_WIDTHS = [6, 14, 10, 6, 16, 60, 40];

const NO_FILL = -4142;
const WHITE = 0xffffff;

export const hexToBgr = (hex: string): number => {
  const n = parseInt(hex.replace('#', ''), 16);
  return ((n >> 16) & 0xff) + ((n >> 8) & 0xff) * 256 + (n & 0xff) * 65536;
};

export const bgrToHex = (c: number): string => {
  const rgb = [c & 0xff, (c >> 8) & 0xff, (c >> 16) & 0xff];
  return '#' + rgb.map((x) => (x < 16 ? '0' : '') + x.toString(16)).join('').toUpperCase();
};

/** Every sheet of the workbook by lower-case name: [name, visible]. */
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

/** A failure of ET during `step`, carried to the caller with the step. */
class StepError extends Error {
  constructor(
    readonly step: WpsStep,
    readonly original: unknown,
  ) {
    super(etErrorDetail(original));
  }
}

function inStep<T>(step: WpsStep, f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof StepError || e instanceof WpsHostError) throw e;
    throw new StepError(step, e);
  }
}

const detailOf = (e: unknown): string => (e instanceof StepError ? e.message : etErrorDetail(e));
const stepOf = (e: unknown, fallback: WpsStep): string => wpsStepText[e instanceof StepError ? e.step : fallback];

/** Sets one fill key ('' no fill, '#RRGGBB', or an Excel-made pattern key 'c|p|pc': its colour) on rectangles. */
function setFills(ws: EtWorksheet, rects: readonly Rect[], key: string): void {
  const color = key.split('|')[0];
  for (const list of addressChunks(rects, ADDRESS_CHARS)) {
    const interior = ws.Range(list).Interior;
    if (!color) interior.ColorIndex = XL.colorIndexNone;
    else interior.Color = hexToBgr(color);
  }
}

const rectsOf = (list: string): Rect[] => list.split(',').filter(Boolean).map((a) => parseRange(a));

/** Puts the record's cells back: fills, comments, and deletes the findings sheet the add-in made. */
function restoreRecord(wb: EtWorkbook, rec: MarkRecord, sheets: Map<string, { name: string }>): void {
  const find = (name: string) => {
    const s = sheets.get(name.toLowerCase());
    return s ? wb.Sheets.Item(s.name) : null;
  };
  inStep('restore', () => {
    for (const [sheet, groups] of Object.entries(rec.fills)) {
      const ws = find(sheet);
      if (!ws) continue;
      for (const [key, list] of Object.entries(groups)) setFills(ws, rectsOf(list), key);
    }
    for (const [sheet, cells] of Object.entries(rec.notes || {})) {
      const ws = find(sheet);
      if (!ws) continue;
      // The add-in's own comments go in address lists; a user's comment gets its text back, cell by cell.
      const ours: Rect[] = [];
      for (const [addr, original] of Object.entries(cells)) {
        if (original === null) {
          ours.push(parseRange(addr));
          continue;
        }
        const range = ws.Range(addr);
        const c = range.Comment;
        if (c) c.Delete();
        range.AddComment(original);
      }
      for (const list of addressChunks(packRects(ours.map((r) => ({ row: r.top, col: r.left }))), ADDRESS_CHARS)) ws.Range(list).ClearComments();
    }
    if (rec.findings) {
      const ws = find(rec.findings.name);
      // Only the sheet that still looks like the add-in's (its header row): never a sheet the user made.
      if (ws) {
        const header = normalise2D(ws.Range('A1:G1').Value2, 1, 7)[0].map((v) => String(v === null || v === undefined ? '' : v));
        if (header.join('\u0001') === annotateText.headers.join('\u0001')) {
          ws.Delete();
          sheets.delete(rec.findings.name.toLowerCase());
        }
      }
    }
  });
}

/** The record, or null; a record that is there but unreadable is reported instead of being ignored. */
function readRecord(store: SettingsStore): MarkRecord | null {
  const rec = loadRecord(store);
  if (!rec && store.get('ptcheck.marks') !== null) throw new WpsHostError('record', wpsText.recordUnreadable);
  return rec;
}

async function saveOrThrow(store: SettingsStore, rec: MarkRecord | null): Promise<void> {
  try {
    await saveRecord(store, rec);
  } catch (e) {
    throw new StepError('record', e);
  }
}

interface Target extends CellMark {
  /** Original fill key ('' none, '#RRGGBB'). */
  orig: string;
  /** The user's comment text, or null (none). */
  comment: string | null;
}

/** Original fills of the targets of one sheet: per address list, then per rectangle, then per cell where mixed. */
function readFills(ws: EtWorksheet, targets: Target[]): void {
  const at = new Map(targets.map((t) => [t.row + ':' + t.col, t]));
  const cellsOf = (r: Rect) => {
    const out: Target[] = [];
    for (let row = r.top; row <= r.bottom; row++) for (let col = r.left; col <= r.right; col++) out.push(at.get(row + ':' + col)!);
    return out;
  };
  const uniformKey = (addr: string): string | null => {
    const interior = ws.Range(addr).Interior;
    if (interior.ColorIndex === NO_FILL) return '';
    const c = interior.Color;
    // White reads like no fill; a mix of the two reads white with no single ColorIndex: ask cell by cell.
    return c === null || c === WHITE ? null : bgrToHex(c);
  };
  const rects = packRects(targets);
  for (const list of addressChunks(rects, ADDRESS_CHARS)) {
    const k = uniformKey(list);
    const inList = rectsOf(list);
    if (k !== null) {
      for (const r of inList) for (const t of cellsOf(r)) t.orig = k;
      continue;
    }
    for (const r of inList) {
      const rk = inList.length > 1 ? uniformKey(rectToA1(r)) : null;
      for (const t of cellsOf(r)) {
        if (rk !== null) t.orig = rk;
        else {
          const interior = ws.Range(t.address).Interior;
          if (interior.ColorIndex === NO_FILL) t.orig = '';
          else {
            const c = interior.Color;
            t.orig = c === null ? '' : bgrToHex(c);
          }
        }
      }
    }
  }
}

/** The users' comments on the targets of one sheet, from the sheet's comment list (cheaper than asking every cell). */
function readComments(ws: EtWorksheet, targets: Target[]): void {
  const comments = ws.Comments;
  const n = comments.Count;
  if (!n) return;
  const at = new Map(targets.map((t) => [t.row + ':' + t.col, t]));
  for (let i = 1; i <= n; i++) {
    const c = comments.Item(i);
    const p = c.Parent;
    const t = at.get(p.Row - 1 + ':' + (p.Column - 1));
    if (t) t.comment = c.Text();
  }
}

function writeFindingsSheet(wb: EtWorkbook, name: string, rows: (string | number)[][]): void {
  const { ws } = addNamedSheet(wb, name);
  const n = rows.length;
  // Text columns as text first, so messages are never read as numbers, dates or formulas; 单元格 holds links.
  ws.Range(`B1:B${n}`).NumberFormat = '@';
  ws.Range(`D1:G${n}`).NumberFormat = '@';
  ws.Range('A1:A1').NumberFormat = '@';
  for (let i = 0; i < n; i += FINDINGS_BLOCK_ROWS) {
    const block = rows.slice(i, i + FINDINGS_BLOCK_ROWS);
    ws.Range(`A${i + 1}:G${i + block.length}`).Value2 = block;
  }
  FINDINGS_WIDTHS.forEach((w, c) => {
    const col = String.fromCharCode(65 + c);
    ws.Range(`${col}:${col}`).ColumnWidth = w;
  });
}

/** Text of the comment on a flagged cell: the findings, then a user's own comment text below them. */
function commentText(findings: string, user: string | null): string {
  return user === null ? findings : `${findings}\n${excelText.userNoteHeading}\n${user}`;
}

export async function applyMarksEt(
  app: EtApplication,
  store: SettingsStore,
  diagnostics: readonly Diagnostic[],
  grids: readonly Grid[],
): Promise<MarkSummary> {
  const wb = app.ActiveWorkbook;
  if (!wb) throw new WpsHostError('no-workbook', wpsText.noWorkbook);
  const prev = readRecord(store);
  const byName = new Map(grids.map((g) => [g.name, g]));
  const planned = planMarks(diagnostics, (sheet, row, col) => {
    const g = byName.get(sheet);
    return g ? g.mergeAt(row, col) : undefined;
  });
  let sheets: Map<string, { name: string; visible: boolean }>;
  try {
    sheets = listSheets(wb);
  } catch (e) {
    throw new WpsHostError('sheets', wpsText.failed(wpsStepText.sheets, etErrorDetail(e)), e);
  }
  const oldFindings = prev && prev.findings ? prev.findings.name.toLowerCase() : '';
  const targets: Target[] = planned
    .filter((m) => {
      const s = m.sheet.toLowerCase();
      return sheets.has(s) && s !== oldFindings && s !== STORE_SHEET.toLowerCase();
    })
    .map((m) => ({ ...m, sheet: sheets.get(m.sheet.toLowerCase())!.name, orig: '', comment: null }));
  const bySheet = new Map<string, Target[]>();
  for (const t of targets) {
    let l = bySheet.get(t.sheet);
    if (!l) bySheet.set(t.sheet, (l = []));
    l.push(t);
  }

  // Before the first write: what ET would refuse half-way.
  try {
    if (wb.ProtectStructure) throw new WpsHostError('findings', wpsText.protectedStructure);
    for (const name of bySheet.keys()) if (wb.Sheets.Item(name).ProtectContents) throw new WpsHostError('fills', wpsText.protectedSheet(name));
  } catch (e) {
    if (e instanceof WpsHostError) throw e;
    throw new WpsHostError('sheets', wpsText.failed(wpsStepText.sheets, etErrorDetail(e)), e);
  }

  let rec: MarkRecord | null = null;
  let restored = false;
  try {
    return await quiet(app, async () => {
      if (prev) {
        restoreRecord(wb, prev, sheets);
        restored = true;
      }
      inStep('readFormats', () => {
        for (const [sheet, list] of bySheet) {
          const ws = wb.Sheets.Item(sheet);
          readFills(ws, list);
          readComments(ws, list);
        }
      });
      const findingsName = freeSheetName(annotateText.sheetName, [...sheets.values()].map((s) => s.name));
      const r: MarkRecord = { v: 1, cells: targets.length, fills: {}, notes: {}, findings: { name: findingsName } };
      for (const [sheet, list] of bySheet) {
        const groups = new Map<string, Target[]>();
        for (const t of list) {
          let g = groups.get(t.orig);
          if (!g) groups.set(t.orig, (g = []));
          g.push(t);
          (r.notes![sheet] = r.notes![sheet] || {})[t.address] = t.comment;
        }
        r.fills[sheet] = {};
        for (const [key, g] of groups) r.fills[sheet][key] = packRects(g).map(rectToA1).join(',');
      }
      // The record goes into the workbook before the first mark.
      await saveOrThrow(store, r);
      rec = r;

      inStep('fills', () => {
        for (const plan of fillPlan(targets)) setFills(wb.Sheets.Item(plan.sheet), plan.rects, MARK_FILL[plan.severity]);
      });
      inStep('comments', () => {
        for (const [sheet, list] of bySheet) {
          const ws = wb.Sheets.Item(sheet);
          for (const t of list) {
            const range = ws.Range(t.address);
            if (t.comment !== null) {
              const c = range.Comment;
              if (c) c.Delete();
            }
            range.AddComment(commentText(t.note, t.comment));
          }
        }
      });
      inStep('findings', () => {
        const active = wb.ActiveSheet;
        writeFindingsSheet(wb, findingsName, findingsSheetRows(diagnostics, (s) => sheets.has(s.toLowerCase())));
        // Adding a sheet activates it on ET: the user stays where they were.
        if (active) active.Activate();
      });
      return { cells: targets.length, findingsSheet: findingsName };
    });
  } catch (e) {
    if (e instanceof WpsHostError) throw e;
    // Undo from the record: the cells as they were before this check (and before the earlier marks).
    const undo: MarkRecord | null = rec || (restored ? null : prev);
    try {
      if (undo) {
        await quiet(app, async () => {
          restoreRecord(wb, undo, listSheets(wb));
          await saveOrThrow(store, null);
        });
      }
    } catch (e2) {
      throw new WpsHostError(e instanceof StepError ? e.step : 'fills', wpsText.markRollbackFailed(stepOf(e, 'fills'), detailOf(e) + '；' + detailOf(e2)), e);
    }
    throw new WpsHostError(e instanceof StepError ? e.step : 'fills', wpsText.markRolledBack(stepOf(e, 'fills'), detailOf(e)), e);
  }
}

/**
 * Runs `f` with ScreenUpdating and DisplayAlerts off (§2.2 "Bulk speed", §2.3 "Dialogs"), restoring both to what
 * they were afterwards, each on its own, also when `f` throws.
 */
export async function quiet<T>(app: EtApplication, f: () => Promise<T>): Promise<T> {
  let screen: boolean | undefined;
  let alerts: boolean | undefined;
  try {
    screen = app.ScreenUpdating;
    alerts = app.DisplayAlerts;
    app.ScreenUpdating = false;
    app.DisplayAlerts = false;
  } catch (e) {
    throw new StepError('alerts', e);
  }
  try {
    return await f();
  } finally {
    try {
      if (alerts !== undefined) app.DisplayAlerts = alerts;
    } catch {
      /* the error that matters is the one being thrown, if any */
    }
    try {
      if (screen !== undefined) app.ScreenUpdating = screen;
    } catch {
      /* as above */
    }
  }
}

export async function clearMarksEt(app: EtApplication, store: SettingsStore): Promise<{ cells: number }> {
  const wb = app.ActiveWorkbook;
  if (!wb) throw new WpsHostError('no-workbook', wpsText.noWorkbook);
  const rec = readRecord(store);
  if (!rec) return { cells: 0 };
  try {
    return await quiet(app, async () => {
      restoreRecord(wb, rec, inStep('sheets', () => listSheets(wb)));
      await saveOrThrow(store, null);
      return { cells: rec.cells };
    });
  } catch (e) {
    if (e instanceof WpsHostError) throw e;
    throw new WpsHostError(e instanceof StepError ? e.step : 'restore', wpsText.clearFailed(stepOf(e, 'restore'), detailOf(e)), e);
  }
}
