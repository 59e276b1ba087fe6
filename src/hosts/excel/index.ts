/// <reference types="office-js" />
// SheetHost over office-js (Excel 2016 and later, Mac, Microsoft 365, Excel on the web). Thin: reading and marking
// live in read.ts and marks.ts; what the client can do is asked once per call with isSetSupported (version strings:
// a number cannot tell 1.1 from 1.10); inserting library rows lives in insert.ts. Every batch runs with delayForCellEdit, so it waits while the user is typing
// in a cell instead of failing; failures become ExcelHostError with a Chinese message (src/core/i18n/excel.ts).
//
//   const host = createExcelHost();                    // uses the Excel and Office globals of office.js
//   const host = createExcelHost({ Excel, Office });   // or injected ones (the fake in tests and the playground)
import { Diagnostic } from '../../core/diagnostic';
import { Grid, parseRange, rectToA1 } from '../../core/grid';
import { excelText } from '../../core/i18n/excel';
import { InsertPlan } from '../../core/rows';
import { ClearOptions, HostApplyOptions, HostFeatures, MarkSummary, ReadProgress, RemarkInput, SheetHost, WriteSheetResult } from '../host';
import type { Pause } from '../../core/pause';
import { SheetOps } from '../../core/template/ops';
import { writeSheetIn } from './write';
import { splitSheet } from './address';
import { ExcelHostError, toHostError } from './errors';
import { insertAddresses, insertRowsIn } from './insert';
import { Caps, excelMarkBackend } from './marks';
import { readSheetsInto } from './read';
import { peekSettingsRecord, settingsRecordStore } from './record';
import * as marking from '../../core/marking';
import { MarkBackend } from '../../core/mark-backend';
import { Ignored, RecordError, Remark, ReviewChange, ReviewRecord } from '../../core/record';

export { ExcelHostError } from './errors';
export { mergeQueryRects, blockRows } from './read';
export { loadRecord, RECORD_KEY } from './record';
export type { MarkRecord } from './record';

/** The two office.js globals the adapter touches. */
export interface OfficeEnv {
  Excel: Pick<typeof Excel, 'run'>;
  Office: { context: Pick<typeof Office.context, 'requirements' | 'document'> };
}

/** ExcelApi requirement sets, oldest first. */
const API_SETS = ['1.1', '1.2', '1.3', '1.4', '1.5', '1.6', '1.7', '1.8', '1.9', '1.10', '1.11', '1.12', '1.13', '1.14', '1.15', '1.16', '1.17', '1.18', '1.19', '1.20', '1.21'];

/** An edit the add-in made itself is not the user's: below ExcelApi 1.14 (no triggerSource) it is told by address and time. */
const OWN_WRITE_MS = 5000;

export interface ExcelHost extends SheetHost {
  /** Sync-free: the ExcelApi level and what it allows. */
  features(): HostFeatures;
}

export function createExcelHost(env?: OfficeEnv): ExcelHost {
  const g = globalThis as unknown as Partial<OfficeEnv>;
  const officeEnv = (): OfficeEnv => {
    const e = env || (g.Excel && g.Office ? { Excel: g.Excel, Office: g.Office } : undefined);
    if (!e || !e.Excel || !e.Office || !e.Office.context) throw new ExcelHostError('NoOffice', excelText.noOffice);
    return e;
  };
  const supports = (v: string): boolean => officeEnv().Office.context.requirements.isSetSupported('ExcelApi', v);
  const settings = () => officeEnv().Office.context.document.settings;
  const caps = (): Caps => {
    const comments = supports('1.10');
    return {
      multiArea: supports('1.9'),
      pattern: supports('1.9'),
      cellText: supports('1.18') ? 'note' : comments ? 'comment' : 'none',
      comments,
      commentNullObject: supports('1.14'),
      autofit: supports('1.2'),
      protection: supports('1.2'),
    };
  };
  const run = async <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> => {
    try {
      return await officeEnv().Excel.run({ delayForCellEdit: true }, batch);
    } catch (e) {
      // The mark mechanism's own errors already say in Chinese what happened (and what was rolled back).
      if (e instanceof RecordError || e instanceof marking.MarkWriteError) throw e;
      throw toHostError(e);
    }
  };
  /** Runs one step of the core's mark mechanism over this client's backend, in one Excel.run. */
  const marks = <T>(op: (b: MarkBackend) => Promise<T>): Promise<T> => {
    const c = caps();
    return run((context) => op(excelMarkBackend(context, c, settings())));
  };
  /** The sheet the add-in wrote (审核意见): never read, never listed. */
  const findingsSheet = (): string => {
    const rec = peekSettingsRecord(settings());
    return rec && rec.findings ? rec.findings.name.toLowerCase() : '';
  };
  const ownWrites = new Map<string, number>();

  const host: ExcelHost = {
    features(): HostFeatures {
      let apiLevel = '1.1';
      for (const v of API_SETS) if (supports(v)) apiLevel = v;
      const c = caps();
      return { host: 'excel', apiLevel, mergedAreas: supports('1.13'), cellText: c.cellText, multiArea: c.multiArea, changeEvents: supports('1.7') };
    },

    async sheetNames(): Promise<string[]> {
      const skip = findingsSheet();
      return run(async (context) => {
        const sheets = context.workbook.worksheets;
        sheets.load('items/name');
        await context.sync();
        // Hidden sheets are checked too (docs/architecture.md, "one answer"): they are part of what was submitted.
        return sheets.items.filter((s) => s.name.toLowerCase() !== skip).map((s) => s.name);
      });
    },

    async activeSheet(): Promise<string> {
      return run(async (context) => {
        const ws = context.workbook.worksheets.getActiveWorksheet();
        ws.load('name');
        await context.sync();
        return ws.name;
      });
    },

    async readSheets(names: string[], onProgress?: (p: ReadProgress) => void, pause?: Pause): Promise<Grid[]> {
      const skip = findingsSheet();
      const wanted = names.filter((n) => n.toLowerCase() !== skip);
      const mergedAreas = supports('1.13');
      const valuesOnly = supports('1.2');
      return run((context) => readSheetsInto(context, wanted, { mergedAreas, valuesOnly, onProgress, pause }));
    },

    async applyMarks(diagnostics: readonly Diagnostic[], grids: readonly Grid[], options: HostApplyOptions = {}): Promise<MarkSummary> {
      const byName = new Map(grids.map((g) => [g.name, g]));
      const mergeAt = (sheet: string, row: number, col: number) => {
        const g = byName.get(sheet);
        return g ? g.mergeAt(row, col) : undefined;
      };
      return marks((b) => marking.applyMarks(b, diagnostics, { ...options, mergeAt }));
    },

    async clearMarks(options?: ClearOptions): Promise<{ cells: number }> {
      return marks((b) => marking.clearMarks(b, options));
    },

    async hasMarks(): Promise<boolean> {
      return marking.hasMarks({ store: settingsRecordStore(settings()) });
    },

    async addRemark(input: RemarkInput): Promise<Remark> {
      return marks((b) => marking.addRemark(b, input));
    },

    async removeRemark(id: string): Promise<void> {
      return marks((b) => marking.removeRemark(b, id));
    },

    async ignoreFinding(finding: Diagnostic, by: string): Promise<Ignored> {
      return marks((b) => marking.ignoreFinding(b, finding, by));
    },

    async unignoreFinding(key: string): Promise<void> {
      return marks((b) => marking.unignoreFinding(b, key));
    },

    async reviewState(): Promise<ReviewRecord> {
      return marking.reviewState({ store: settingsRecordStore(settings()) });
    },

    async updateReview(change: ReviewChange): Promise<ReviewRecord> {
      return marks((b) => marking.updateReview(b, change));
    },

    async select(sheet: string, address: string): Promise<void> {
      await run(async (context) => {
        const ws = context.workbook.worksheets.getItem(sheet);
        ws.activate();
        ws.getRange(address.replace(/\$/g, '')).select();
        try {
          await context.sync();
        } catch (e) {
          // A hidden sheet is checked but cannot be shown: say so rather than unhide it unasked.
          ws.load('visibility');
          await context.sync();
          if (ws.visibility !== 'Visible') throw new ExcelHostError('SheetHidden', excelText.sheetHidden(sheet));
          throw e;
        }
      });
    },

    async selection(): Promise<{ sheet: string; address: string } | null> {
      try {
        return await run(async (context) => {
          const range = context.workbook.getSelectedRange();
          range.load('address');
          await context.sync();
          return splitSheet(range.address);
        });
      } catch {
        // A chart or a shape is selected: no cell.
        return null;
      }
    },

    async insertRows(sheet: string, plan: InsertPlan): Promise<{ inserted: number }> {
      const now = Date.now();
      for (const a of insertAddresses(plan)) ownWrites.set(sheet + '!' + a, now);
      return run((context) => insertRowsIn(context, sheet, plan, { merge: supports('1.2'), copyFormats: supports('1.9') }));
    },

    async writeSheet(ops: SheetOps): Promise<WriteSheetResult> {
      return run((context) => writeSheetIn(context, ops, { merge: supports('1.2'), sizes: supports('1.2'), print: supports('1.9') }));
    },

    async writeValue(sheet: string, address: string, text: string): Promise<void> {
      // Exactly one cell: the top-left of what was named (the master cell of a merged area).
      const r = parseRange(address.replace(/\$/g, ''));
      const cell = rectToA1({ top: r.top, left: r.left, bottom: r.top, right: r.left });
      ownWrites.set(sheet + '!' + cell, Date.now());
      await run(async (context) => {
        context.workbook.worksheets.getItem(sheet).getRange(cell).values = [[text]];
        await context.sync();
      });
    },
  };

  let events = false;
  try {
    events = supports('1.7');
  } catch {
    // Office not loaded yet: no change events on this host object.
  }
  if (events) {
    host.onUserEdit = async (handler: (sheet: string, address: string) => void): Promise<() => void> => {
      const skip = findingsSheet();
      const registered = await run(async (context) => {
        const sheets = context.workbook.worksheets;
        sheets.load('items/name,items/id');
        await context.sync();
        const names = new Map(sheets.items.map((s) => [s.id, s.name]));
        const results = sheets.items
          .filter((s) => s.name.toLowerCase() !== skip)
          .map((s) =>
            s.onChanged.add(async (e: Excel.WorksheetChangedEventArgs) => {
              const name = names.get(e.worksheetId) || '';
              const key = name + '!' + e.address;
              const at = ownWrites.get(key);
              if (at !== undefined) ownWrites.delete(key);
              // 1.14+: Excel says who made the change; before that, the add-in's own writes are known by address.
              if (e.triggerSource === 'ThisLocalAddin') return;
              if (at !== undefined && Date.now() - at < OWN_WRITE_MS) return;
              handler(name, e.address);
            }),
          );
        await context.sync();
        return results;
      });
      return () => {
        if (!registered.length) return;
        void officeEnv()
          .Excel.run(registered[0].context, async (context) => {
            for (const r of registered) r.remove();
            await context.sync();
          })
          .catch(() => undefined);
      };
    };
  }
  return host;
}
