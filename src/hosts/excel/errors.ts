// office-js failures as one error class the task pane can show: a stable code and a Chinese message that says
// what happened and what to do (src/core/i18n/excel.ts).
import { excelErrorText, excelText } from '../../core/i18n/excel';

export class ExcelHostError extends Error {
  /** The office-js error code (OfficeExtension.Error.code), e.g. 'InvalidOperationInCellEditMode'. */
  readonly code: string;
  /** Where Excel says it failed (debugInfo.errorLocation), e.g. 'CommentCollection.add'. */
  readonly location?: string;
  readonly original?: unknown;
  constructor(code: string, message: string, original?: unknown, location?: string) {
    super(message);
    this.name = 'ExcelHostError';
    this.code = code;
    this.original = original;
    this.location = location;
  }
}

/** The code of an office-js error (OfficeExtension.Error has `code`; anything else is 'GeneralException'). */
export function errorCode(e: unknown): string {
  if (e && typeof e === 'object' && typeof (e as { code?: unknown }).code === 'string') return (e as { code: string }).code;
  return '';
}

export function errorLocation(e: unknown): string {
  const info = e && typeof e === 'object' ? (e as { debugInfo?: { errorLocation?: unknown } }).debugInfo : undefined;
  return info && typeof info.errorLocation === 'string' ? info.errorLocation : '';
}

/** Maps any failure of an Excel call to an ExcelHostError with a Chinese message. */
export function toHostError(e: unknown): ExcelHostError {
  if (e instanceof ExcelHostError) return e;
  const code = errorCode(e);
  const message = e instanceof Error ? e.message : String(e);
  const text = excelErrorText[code] || excelText.unknownError(code, message);
  return new ExcelHostError(code || 'GeneralException', text, e, errorLocation(e) || undefined);
}
