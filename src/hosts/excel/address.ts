// Addresses as office-js writes them: "Sheet1!A1:B2", "'My Sheet'!A1", and RangeAreas lists such as
// "Sheet1!A1:B4,Sheet1!D1:D4" (the docs also show a space after the comma; both are read).
import { parseRange, Rect } from '../../core/grid';

/** Splits "'a,b'!A1:B2, Sheet2!C3" into its areas, each without the sheet name. */
export function splitAreas(address: string): string[] {
  const out: string[] = [];
  let i = 0;
  const n = address.length;
  while (i < n) {
    while (i < n && (address[i] === ' ' || address[i] === ',')) i++;
    if (i >= n) break;
    if (address[i] === "'") {
      // Quoted sheet name: '' is a quote inside it.
      i++;
      while (i < n) {
        if (address[i] === "'" && address[i + 1] === "'") i += 2;
        else if (address[i] === "'") {
          i++;
          break;
        } else i++;
      }
    }
    let j = i;
    while (j < n && address[j] !== ',') j++;
    let part = address.slice(i, j).trim();
    const bang = part.lastIndexOf('!');
    if (bang >= 0) part = part.slice(bang + 1);
    if (part) out.push(part.replace(/\$/g, ''));
    i = j;
  }
  return out;
}

/** The rectangles of a RangeAreas (or Range) address; areas that are not cell ranges (whole rows/columns) are skipped. */
export function areasToRects(address: string): Rect[] {
  const rects: Rect[] = [];
  for (const a of splitAreas(address)) {
    try {
      rects.push(parseRange(a));
    } catch {
      // "A:C" or "3:5": not a merged area Excel reports for a used range.
    }
  }
  return rects;
}

/** "'My Sheet'!B3:C4" → { sheet: "My Sheet", address: "B3:C4" } (a quote inside a quoted name is written twice). */
export function splitSheet(address: string): { sheet: string; address: string } {
  const bang = address.lastIndexOf('!');
  if (bang < 0) return { sheet: '', address: address.replace(/\$/g, '') };
  let sheet = address.slice(0, bang);
  if (sheet.charAt(0) === "'" && sheet.charAt(sheet.length - 1) === "'") sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return { sheet, address: address.slice(bang + 1).replace(/\$/g, '') };
}
