// SheetHost over WPS 表格's ET object model (window.Application in a WPS JS add-in page): a translation of the
// SheetHost calls into ET's synchronous, 1-based, BGR world. Reading lives in read.ts; marks are the core's one
// mechanism (src/core/marking.ts) over the ET mark backend in marks.ts (the record in store.ts: a very hidden sheet,
// since PluginStorage is not persisted); library rows in insert.ts; templates in write.ts. Every failure becomes a WpsHostError with a Chinese message naming the step
// (src/core/i18n/wps.ts).
//
//   const host = createWpsHost();            // window.Application
//   const host = createWpsHost(fake.app);    // or an injected one (the fake ET in tests and the playground)
import { Diagnostic } from '../../core/diagnostic';
import { Grid, parseRange, rectToA1 } from '../../core/grid';
import { WpsStep, wpsStepText, wpsText } from '../../core/i18n/wps';
import * as marking from '../../core/marking';
import type { ClearOptions, MarkSummary, RemarkInput } from '../../core/marking';
import type { Pause } from '../../core/pause';
import { Ignored, RecordError, Remark, ReviewChange, ReviewRecord, peekRecord } from '../../core/record';
import { InsertPlan } from '../../core/rows';
import { SheetOps } from '../../core/template/ops';
import { HostApplyOptions, HostFeatures, ReadProgress, SheetHost, WriteSheetResult } from '../host';
import { EtApplication, EtRange, EtSheetChangeHandler, EtWorkbook, EtWorksheet, XL } from './et';
import { WpsHostError, etErrorDetail } from './errors';
import { insertRowsEt, insertWriteRects } from './insert';
import { EtMarkBackend, etMarkBackend, listSheets, quiet } from './marks';
import { readSheetEt } from './read';
import { EtSheetStore, STORE_SHEET } from './store';
import { writeSheetEt } from './write';

export { WpsHostError } from './errors';

/** An edit the add-in made itself is not the user's: ET reports it like any other (assumed), told by address and time. */
const OWN_WRITE_MS = 5000;

/** `window.Application` of a WPS add-in page, if this is one (`window.wps` on older builds: wps-addin.md §1.5). */
export function wpsApplication(g: unknown = globalThis): EtApplication | null {
  const w = g as { Application?: unknown; wps?: { EtApplication?: () => unknown; Application?: unknown } };
  const app = w.Application || (w.wps && (w.wps.Application || (typeof w.wps.EtApplication === 'function' ? w.wps.EtApplication() : null)));
  return app && typeof app === 'object' ? (app as EtApplication) : null;
}

export function createWpsHost(application?: EtApplication): SheetHost {
  const appOf = (): EtApplication => {
    const a = application || wpsApplication();
    if (!a) throw new WpsHostError('no-workbook', wpsText.noWps);
    return a;
  };
  const workbook = (): EtWorkbook => {
    const wb = appOf().ActiveWorkbook;
    if (!wb) throw new WpsHostError('no-workbook', wpsText.noWorkbook);
    return wb;
  };
  const store = new EtSheetStore(workbook);
  /** Runs one step; any ET failure becomes a Chinese message naming it (nothing was written by these steps). */
  const step = <T>(s: WpsStep, f: () => T): T => {
    try {
      return f();
    } catch (e) {
      if (e instanceof WpsHostError || e instanceof marking.MarkWriteError) throw e;
      throw new WpsHostError(s, wpsText.failed(wpsStepText[s], etErrorDetail(e)), e);
    }
  };
  /**
   * Runs one operation of the core's mark mechanism over the ET backend, with the screen and prompts off. Its own
   * errors (a damaged record, a write rolled back) are Chinese already; anything else is named by `s`.
   */
  const marks = async <T>(s: WpsStep, op: (b: EtMarkBackend) => Promise<T>): Promise<T> => {
    store.reset();
    try {
      return await quiet(appOf(), () => op(etMarkBackend(appOf(), store)));
    } catch (e) {
      if (e instanceof WpsHostError || e instanceof marking.MarkWriteError || e instanceof RecordError) throw e;
      throw new WpsHostError(s, wpsText.failed(wpsStepText[s], etErrorDetail(e)), e);
    }
  };
  /** Sheets the add-in wrote (the findings sheet, the record): never read, never listed. */
  const ownSheets = (): Set<string> => {
    store.reset();
    const rec = peekRecord(store);
    const own = new Set([STORE_SHEET.toLowerCase()]);
    if (rec && rec.findings) own.add(rec.findings.name.toLowerCase());
    return own;
  };
  /**
   * ET has no batch and no rollback: what it would refuse half-way is refused before the first write — a protected
   * workbook structure (the findings sheet cannot be added) or a protected sheet that holds findings.
   */
  const checkWritable = (sheets: Iterable<string>) =>
    step('sheets', () => {
      const wb = workbook();
      // Refused as the core refuses a write that failed: nothing is written, so there is nothing to roll back.
      if (wb.ProtectStructure) throw new marking.MarkWriteError('findings', wpsText.protectedStructure, true, null);
      const known = listSheets(wb);
      for (const name of sheets) {
        const s = known.get(name.toLowerCase());
        if (s && wb.Sheets.Item(s.name).ProtectContents) throw new marking.MarkWriteError('mark', wpsText.protectedSheet(s.name), true, null);
      }
    });
  const sheetOf = (name: string): EtWorksheet => workbook().Sheets.Item(name);
  const ownWrites = new Map<string, number>();
  const noteOwn = (sheet: string, address: string) => ownWrites.set(sheet.toLowerCase() + '!' + address, Date.now());

  const host: SheetHost = {
    features(): HostFeatures {
      let build = '';
      try {
        build = String(appOf().Build || '');
      } catch {
        // Not asked for by every build: the version is only shown.
      }
      return { host: 'wps', apiLevel: build || 'WPS', mergedAreas: true, cellText: 'note', multiArea: true, changeEvents: true };
    },

    async sheetNames(): Promise<string[]> {
      const own = ownSheets();
      return step('sheets', () => [...listSheets(workbook()).values()].filter((s) => s.visible && !own.has(s.name.toLowerCase())).map((s) => s.name));
    },

    async activeSheet(): Promise<string> {
      return step('sheets', () => {
        const ws = workbook().ActiveSheet;
        if (!ws) throw new WpsHostError('no-workbook', wpsText.noWorkbook);
        return ws.Name;
      });
    },

    async readSheets(names: string[], onProgress?: (p: ReadProgress) => void, pause?: Pause): Promise<Grid[]> {
      const own = ownSheets();
      const wanted = names.filter((n) => !own.has(n.toLowerCase()));
      const grids: Grid[] = [];
      for (const name of wanted) {
        grids.push(step('read', () => readSheetEt(sheetOf(name), name)));
        if (onProgress) onProgress({ sheet: name, done: grids.length, total: wanted.length });
        // Give the pane a turn to show progress between sheets (ET calls block the page).
        await (pause ? pause() : Promise.resolve());
      }
      return grids;
    },

    async applyMarks(diagnostics: readonly Diagnostic[], grids: readonly Grid[], options: HostApplyOptions = {}): Promise<MarkSummary> {
      const byName = new Map(grids.map((g) => [g.name, g]));
      const mergeAt = (sheet: string, row: number, col: number) => {
        const g = byName.get(sheet);
        return g ? g.mergeAt(row, col) : undefined;
      };
      checkWritable(new Set(diagnostics.map((d) => d.sheet)));
      return marks('fills', (b) => marking.applyMarks(b, diagnostics, { ...options, mergeAt }));
    },

    async clearMarks(options?: ClearOptions): Promise<{ cells: number }> {
      return marks('restore', (b) => marking.clearMarks(b, options));
    },

    async hasMarks(): Promise<boolean> {
      store.reset();
      return step('record', () => marking.hasMarks({ store }));
    },

    async addRemark(input: RemarkInput): Promise<Remark> {
      checkWritable([input.sheet]);
      return marks('comments', (b) => marking.addRemark(b, input));
    },

    async removeRemark(id: string): Promise<void> {
      return marks('comments', (b) => marking.removeRemark(b, id));
    },

    async ignoreFinding(finding: Diagnostic, by: string): Promise<Ignored> {
      return marks('record', (b) => marking.ignoreFinding(b, finding, by));
    },

    async unignoreFinding(key: string): Promise<void> {
      return marks('record', (b) => marking.unignoreFinding(b, key));
    },

    async reviewState(): Promise<ReviewRecord> {
      store.reset();
      return step('record', () => marking.reviewState({ store }));
    },

    async updateReview(change: ReviewChange): Promise<ReviewRecord> {
      return marks('record', (b) => marking.updateReview(b, change));
    },

    async select(sheet: string, address: string): Promise<void> {
      step('select', () => {
        const ws = sheetOf(sheet);
        ws.Activate();
        const range = ws.Range(address.replace(/\$/g, ''));
        range.Select();
        // Scroll so the cell is in view with a little context above it.
        const win = appOf().ActiveWindow;
        if (win) {
          win.ScrollRow = Math.max(1, range.Row - 3);
          win.ScrollColumn = Math.max(1, range.Column - 1);
        }
      });
    },

    async selection(): Promise<{ sheet: string; address: string } | null> {
      try {
        const sel = appOf().Selection as EtRange | null;
        if (!sel || typeof sel.Address !== 'function') return null;
        return { sheet: sel.Worksheet.Name, address: sel.Address(false, false) };
      } catch {
        // A chart or a shape is selected: no cell.
        return null;
      }
    },

    async writeValue(sheet: string, address: string, text: string): Promise<void> {
      // Exactly one cell: the top-left of what was named (the master cell of a merged area).
      const r = parseRange(address.replace(/\$/g, ''));
      const cell = rectToA1({ top: r.top, left: r.left, bottom: r.top, right: r.left });
      step('write', () => {
        const ws = sheetOf(sheet);
        if (ws.ProtectContents) throw new WpsHostError('write', wpsText.protectedSheet(ws.Name));
        noteOwn(sheet, cell);
        ws.Range(cell).Value2 = text;
      });
    },

    async insertRows(sheet: string, plan: InsertPlan): Promise<{ inserted: number }> {
      const ws = step('sheets', () => sheetOf(sheet));
      for (const a of insertWriteRects(plan)) noteOwn(sheet, a);
      return insertRowsEt(appOf(), ws, plan);
    },

    async writeSheet(ops: SheetOps): Promise<WriteSheetResult> {
      const app = appOf();
      const res = writeSheetEt(app, ops);
      const out: WriteSheetResult = { sheet: res.sheet };
      if (res.skipped) out.skipped = res.skipped;
      return out;
    },

    async onUserEdit(handler: (sheet: string, address: string) => void): Promise<() => void> {
      const app = appOf();
      const listener: EtSheetChangeHandler = (ws, target) => {
        let name: string;
        let address: string;
        try {
          name = ws.Name;
          address = target.Address(false, false);
        } catch {
          return;
        }
        const lower = name.toLowerCase();
        if (lower === STORE_SHEET.toLowerCase()) return;
        const key = lower + '!' + address;
        const at = ownWrites.get(key);
        if (at !== undefined) {
          ownWrites.delete(key);
          if (Date.now() - at < OWN_WRITE_MS) return;
        }
        if (ownSheets().has(lower)) return;
        handler(name, address);
      };
      step('events', () => app.ApiEvent.AddApiEventListener('SheetChange', listener));
      return () => {
        try {
          app.ApiEvent.RemoveApiEventListener('SheetChange', listener);
        } catch {
          // The page is going away with WPS: nothing to unsubscribe from.
        }
      };
    },
  };
  return host;
}

export { XL };
