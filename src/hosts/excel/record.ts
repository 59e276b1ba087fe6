/// <reference types="office-js" />
// Where the Excel adapter keeps the marks record (src/core/record.ts): Office.context.document.settings, the Common
// API's per-document store. It works at every ExcelApi level, Office 2016 included, and travels with the file once
// saveAsync has run, so 清除标记 restores after the file was saved, closed and reopened.
import { MarkRecord, RecordStore, loadRecord as loadCoreRecord, peekRecord } from '../../core/record';

export { RECORD_KEY, fillKey, parseFillKey } from '../../core/record';
export type { MarkRecord, OriginalFill } from '../../core/record';

/** The settings store of the Common API (Office.context.document.settings), or a stand-in with the same calls. */
export type SettingsStore = Pick<Office.Settings, 'get' | 'set' | 'remove' | 'saveAsync'>;

export function settingsRecordStore(settings: SettingsStore): RecordStore {
  return {
    get: (key) => settings.get(key),
    set: (key, value) => settings.set(key, value),
    remove: (key) => settings.remove(key),
    save: () =>
      new Promise((resolve, reject) => {
        settings.saveAsync((r: Office.AsyncResult<void>) => {
          if (r && String(r.status) === 'failed') reject(r.error || new Error('saveAsync failed'));
          else resolve();
        });
      }),
  };
}

/** The record in these settings; throws RecordError (a Chinese message) when it is damaged or newer. */
export function loadRecord(settings: SettingsStore): MarkRecord | null {
  return loadCoreRecord(settingsRecordStore(settings));
}

/** The record, or null also when it cannot be read (for "which sheet is ours"). */
export function peekSettingsRecord(settings: SettingsStore): MarkRecord | null {
  return peekRecord(settingsRecordStore(settings));
}
