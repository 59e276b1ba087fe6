// ET failures as one error class the task pane can show: a stable code (the step that failed) and a Chinese message
// that says what happened and what to do (src/core/i18n/wps.ts). Mirrors src/hosts/excel/errors.ts.
import { WpsStep, wpsStepText, wpsText } from '../../core/i18n/wps';

export type WpsErrorCode = WpsStep | 'no-workbook' | 'no-new-sheet';

export class WpsHostError extends Error {
  readonly code: WpsErrorCode;
  readonly original?: unknown;
  constructor(code: WpsErrorCode, message: string, original?: unknown) {
    super(message);
    this.name = 'WpsHostError';
    this.code = code;
    this.original = original;
  }
}

/**
 * What WPS said. Its JS binding throws Error objects on some builds and COM-style objects (`description`) or plain
 * strings on others (not settled from the sources: wps-addin.md §7), so each shape is read.
 */
export function etErrorDetail(e: unknown): string {
  if (typeof e === 'string') return e || wpsText.noDetail;
  if (e && typeof e === 'object') {
    const o = e as { message?: unknown; description?: unknown };
    if (typeof o.message === 'string' && o.message) return o.message;
    if (typeof o.description === 'string' && o.description) return o.description;
  }
  return wpsText.noDetail;
}

/**
 * Any failure of an ET call during `step` as a WpsHostError. `sheet` is the new sheet's name once it exists (the
 * message then says it may be half-written: ET has no rollback), undefined before.
 */
export function toWpsError(e: unknown, step: WpsStep, sheet?: string): WpsHostError {
  if (e instanceof WpsHostError) return e;
  const detail = etErrorDetail(e);
  const text = sheet === undefined ? wpsText.failedBeforeWrite(wpsStepText[step], detail) : wpsText.stepFailed(wpsStepText[step], sheet, detail);
  return new WpsHostError(step, text, e);
}
