// How tall a wrapped cell is, without a font engine: spreadsheets do not grow rows for wrapped text written by a
// program (Excel autofits only on edit, LibreOffice and WPS keep the stored height), so the renderer sets heights.
//
// Widths are in Excel character units: the width of "0" in the workbook's default font (Calibri 11 → 7 px at
// 96 dpi). A CJK or full-width character at 10 pt is ≈13.3 px ≈ 1.9 units; Latin letters and digits ≈ half that.

const PX_PER_UNIT = 7;
/** Cell padding Excel leaves inside a column, in px. */
const CELL_PADDING_PX = 5;
/** Renderers differ (宋体 in Excel, Noto CJK in LibreOffice): leave room rather than clip the last line. */
const SAFETY = 0.96;

/** Full-width forms, CJK ideographs and punctuation, Hangul, kana: one em wide. */
export function isWide(ch: string): boolean {
  const c = ch.codePointAt(0) || 0;
  return (
    (c >= 0x1100 && c <= 0x115f) ||
    (c >= 0x2e80 && c <= 0xa4cf) ||
    (c >= 0xac00 && c <= 0xd7a3) ||
    (c >= 0xf900 && c <= 0xfaff) ||
    (c >= 0xfe30 && c <= 0xfe4f) ||
    (c >= 0xff00 && c <= 0xff60) ||
    (c >= 0xffe0 && c <= 0xffe6) ||
    c >= 0x20000 ||
    // ≥ ≤ and the like are drawn full-width by CJK fonts.
    (c >= 0x2190 && c <= 0x23ff) ||
    (c >= 0x2460 && c <= 0x27bf) ||
    c === 0x201c || c === 0x201d || c === 0x2018 || c === 0x2019 || c === 0x2026 || c === 0x2014
  );
}

/** Width of one line of text in px at `sizePt`. */
export function textWidthPx(line: string, sizePt: number): number {
  const em = (sizePt * 96) / 72;
  let w = 0;
  for (const ch of Array.from(line)) w += isWide(ch) ? em : em * 0.55;
  return w;
}

/** Drawable width in px of a cell spanning columns of these widths (character units). */
export function cellWidthPx(widths: number[]): number {
  let px = 0;
  for (const w of widths) px += w * PX_PER_UNIT + CELL_PADDING_PX;
  return Math.max(1, (px - CELL_PADDING_PX - 2) * SAFETY);
}

/** Lines a wrapped text takes in a cell: explicit newlines, then wrapping by width (CJK breaks anywhere). */
export function lineCount(text: string, widthPx: number, sizePt: number, wrap = true): number {
  const lines = text.split(/\r\n|\r|\n/);
  if (!wrap) return lines.length;
  let n = 0;
  for (const line of lines) n += Math.max(1, Math.ceil(textWidthPx(line, sizePt) / widthPx - 1e-9));
  return n;
}

/** Row height in points for `lines` lines of `sizePt` text. */
export function heightFor(lines: number, sizePt: number, lineHeight: number, padding: number): number {
  return Math.round((lines * sizePt * lineHeight + padding) * 4) / 4;
}

/** Column width in points for hosts that size columns in points (office-js `format.columnWidth`, WPS). */
export function columnWidthPoints(chars: number): number {
  return ((chars * PX_PER_UNIT + CELL_PADDING_PX) * 72) / 96;
}
