// Number formats: enough of Excel's formatting to show numbers as the user sees them (General, fixed decimals,
// thousands, percent, scientific, literal text, dates). Anything exotic falls back to General.
// Pure (no Node): the browser playground formats cells with it too.
import { generalText } from '../../core/grid';
export type NumberFormatter = (v: number, date1904: boolean) => string;

export const BUILTIN_FORMATS: Record<number, string> = {
  1: '0',
  2: '0.00',
  3: '#,##0',
  4: '#,##0.00',
  5: '"¥"#,##0;"¥"\\-#,##0',
  6: '"¥"#,##0;[Red]"¥"\\-#,##0',
  7: '"¥"#,##0.00;"¥"\\-#,##0.00',
  8: '"¥"#,##0.00;[Red]"¥"\\-#,##0.00',
  9: '0%',
  10: '0.00%',
  11: '0.00E+00',
  // 14 and 22 follow the system's short date: as Excel and WPS show them on a zh-CN desktop.
  14: 'yyyy/m/d',
  15: 'yyyy-mm-dd',
  16: 'yyyy-mm-dd',
  17: 'yyyy-mm-dd',
  18: 'h:mm',
  19: 'h:mm:ss',
  20: 'h:mm',
  21: 'h:mm:ss',
  22: 'yyyy/m/d h:mm',
  37: '#,##0 ;(#,##0)',
  38: '#,##0 ;[Red](#,##0)',
  39: '#,##0.00;(#,##0.00)',
  40: '#,##0.00;[Red](#,##0.00)',
  45: 'mm:ss',
  46: '[h]:mm:ss',
  47: 'mm:ss',
  48: '##0.0E+0',
};
// The zh-CN East Asian built-ins (ECMA-376 §18.8.30): 年/月/日 dates and 时/分/秒 times.
const YM = 'yyyy"年"m"月"';
const MD = 'm"月"d"日"';
Object.assign(BUILTIN_FORMATS, {
  27: YM, 28: MD, 29: MD, 30: 'm-d-yy', 31: 'yyyy"年"m"月"d"日"', 32: 'h"时"mm"分"', 33: 'h"时"mm"分"ss"秒"',
  34: 'h"时"mm"分"', 35: 'h"时"mm"分"ss"秒"', 36: YM, 50: YM, 51: MD, 52: YM, 53: MD, 54: MD,
  55: 'h"时"mm"分"', 56: 'h"时"mm"分"ss"秒"', 57: YM, 58: MD,
});

interface Section {
  kind: 'number' | 'general' | 'date' | 'time';
  prefix: string;
  suffix: string;
  intMin: number;
  decMax: number;
  decMin: number;
  grouping: boolean;
  percent: number;
  scale: number;
  exponent: number;
  hasPoint: boolean;
  seconds: boolean;
  /** A date or time section as written: literal text and date codes ('yyyy', 'm', 'dd', 'h', 'mm', 'ss'…) in order. */
  parts: { lit?: string; code?: string }[];
}

/** null means General (the Grid formats those itself). */
export function compileFormat(code: string): NumberFormatter | null {
  if (!code || /^general$/i.test(code.trim()) || code.trim() === '@') return null;
  const raw = splitSections(code);
  // Conditions ([>100]) and fractions (# ?/?) are rare in these tables: show those as General.
  if (raw.some((s) => /\[[<>=]/.test(s))) return null;
  const sections = raw.map(parseSection);
  if (sections.some((s) => s === null)) return null;
  const secs = sections as Section[];
  return (v, date1904) => {
    let s = secs[0];
    let value = v;
    let sign = '';
    if (v < 0 && secs.length >= 2) {
      s = secs[1];
      value = -v;
    } else if (v === 0 && secs.length >= 3) s = secs[2];
    else if (v < 0) {
      value = -v;
      sign = s.kind === 'number' || s.kind === 'general' ? '-' : '';
    }
    if (s.kind === 'date' || s.kind === 'time') return formatDate(v, date1904, s) ?? generalText(v);
    // Padding spaces ('#,##0 ;(#,##0)') are layout, not text: trim them so rules see what the user reads.
    if (s.kind === 'general') return (s.prefix + sign + generalText(value) + s.suffix).trim();
    const body = formatPlain(value, s);
    // A negative number that rounds to zero shows without its minus sign.
    return (s.prefix + (/[1-9]/.test(body) ? sign : '') + body + s.suffix).trim();
  };
}

function splitSections(code: string): string[] {
  const out: string[] = [];
  let cur = '';
  for (let i = 0; i < code.length; i++) {
    const c = code[i];
    if (c === '"') {
      const j = code.indexOf('"', i + 1);
      const end = j < 0 ? code.length : j;
      cur += code.slice(i, end + 1);
      i = end;
    } else if (c === '\\') {
      cur += code.slice(i, i + 2);
      i++;
    } else if (c === ';') {
      out.push(cur);
      cur = '';
    } else cur += c;
  }
  out.push(cur);
  return out.slice(0, 3);
}

function parseSection(sec: string): Section | null {
  const s: Section = {
    kind: 'number', prefix: '', suffix: '', intMin: 0, decMax: 0, decMin: 0, grouping: false,
    percent: 0, scale: 0, exponent: -1, hasPoint: false, seconds: false, parts: [],
  };
  // Date codes are kept in order with the literal text between them (lit since `litMark`).
  let litMark = 0;
  const pushCode = (code: string) => {
    if (lit.length > litMark) s.parts.push({ lit: lit.slice(litMark) });
    s.parts.push({ code });
    litMark = lit.length;
  };
  let seenDigit = false;
  let afterPoint = false;
  let inExp = false;
  let pendingCommas = 0;
  let lit = '';
  let dateChars = '';
  const flushLit = () => {
    if (seenDigit) s.suffix += lit;
    else s.prefix += lit;
    lit = '';
  };
  for (let i = 0; i < sec.length; i++) {
    const c = sec[i];
    if (c === '"') {
      const j = sec.indexOf('"', i + 1);
      lit += sec.slice(i + 1, j < 0 ? sec.length : j);
      i = j < 0 ? sec.length : j;
    } else if (c === '\\') {
      lit += sec[i + 1] || '';
      i++;
    } else if (c === '[') {
      const j = sec.indexOf(']', i);
      const inner = sec.slice(i + 1, j < 0 ? sec.length : j);
      // [$¥-804] shows its currency symbol; [h]/[mm]/[ss] are elapsed time; colours and [DBNum1] show nothing.
      const cur = /^\$([^-\]]*)/.exec(inner);
      if (cur) lit += cur[1];
      else if (/^(h+|m+|s+)$/i.test(inner)) {
        dateChars += inner;
        pushCode(inner.toLowerCase());
      }
      i = j < 0 ? sec.length : j;
    } else if (c === '_' || c === '*') {
      // _x pads with the width of x, *x repeats x to fill the cell: neither is text anyone reads.
      i++;
    } else if (/[yYdDhHsSmMeEgGbB]/.test(c) && !inExp) {
      if (/^general/i.test(sec.slice(i))) {
        flushLit();
        s.kind = 'general';
        seenDigit = true;
        i += 6;
        continue;
      }
      if ((c === 'E' || c === 'e') && /^[Ee][+-]/.test(sec.slice(i)) && seenDigit) {
        inExp = true;
        s.exponent = 0;
        i++;
        continue;
      }
      if (/[eEgGbB]/.test(c)) return null; // era/buddhist years and stray letters: give up, use General
      let run = c;
      while (i + 1 < sec.length && sec[i + 1].toLowerCase() === c.toLowerCase()) run += sec[++i];
      dateChars += run;
      pushCode(run.toLowerCase());
    } else if (c === '0' || c === '#' || c === '?') {
      if (lit) flushLit();
      seenDigit = true;
      if (inExp) s.exponent++;
      else if (afterPoint) {
        s.decMax++;
        if (c !== '#') s.decMin = s.decMax;
      } else {
        if (pendingCommas) s.grouping = true;
        pendingCommas = 0;
        if (c !== '#') s.intMin++;
      }
    } else if (c === '.' && !afterPoint && !inExp) {
      if (lit) flushLit();
      afterPoint = true;
      s.hasPoint = true;
      s.scale += pendingCommas;
      pendingCommas = 0;
    } else if (c === ',') {
      if (seenDigit && !afterPoint) pendingCommas++;
      else lit += c;
    } else if (c === '%') {
      s.percent++;
      lit += '%';
    } else if (c === '/') {
      if (seenDigit) return null; // fractions
      lit += c;
    } else if (c === '@') {
      lit += '';
    } else lit += c;
  }
  if (pendingCommas) s.scale += pendingCommas;
  if (lit.length > litMark) s.parts.push({ lit: lit.slice(litMark) });
  flushLit();
  if (dateChars) {
    if (seenDigit && s.kind !== 'general') return null;
    const d = dateChars.toLowerCase();
    s.kind = /[yd]/.test(d) || (/m/.test(d) && !/[hs]/.test(d)) ? 'date' : 'time';
    s.seconds = /s/.test(d);
    return s;
  }
  if (!seenDigit && s.kind === 'number') {
    // A section of only text ("-" for zero in accounting formats) shows that text.
    return { ...s, kind: 'number', intMin: -1 };
  }
  return s;
}

function formatPlain(v: number, s: Section): string {
  if (s.intMin < 0) return '';
  const x = v * Math.pow(100, s.percent) / Math.pow(1000, s.scale);
  if (s.exponent >= 0) {
    if (!isFinite(x)) return generalText(x);
    let e = x === 0 ? 0 : Math.floor(Math.log10(x));
    let m = x / Math.pow(10, e);
    let ms = roundFixed(m, s.decMax);
    if (parseFloat(ms) >= 10) {
      e++;
      m = x / Math.pow(10, e);
      ms = roundFixed(m, s.decMax);
    }
    const es = String(Math.abs(e)).padStart(Math.max(1, s.exponent), '0');
    return trimDecimals(ms, s) + 'E' + (e < 0 ? '-' : '+') + es;
  }
  if (!isFinite(x)) return generalText(x);
  return trimDecimals(roundFixed(x, s.decMax), s);
}

function trimDecimals(fixed: string, s: Section): string {
  let [int, dec = ''] = fixed.split('.');
  while (dec.length > s.decMin && dec.endsWith('0')) dec = dec.slice(0, -1);
  if (int === '0' && s.intMin === 0) int = '';
  else if (int.length < s.intMin) int = int.padStart(s.intMin, '0');
  if (s.grouping) int = groupThousands(int);
  return s.hasPoint ? int + '.' + dec : int;
}

/** x ≥ 0 rounded to d decimals the way a spreadsheet does: on the 15-significant-digit decimal, half up. */
function roundFixed(x: number, d: number): string {
  if (x === 0) return d > 0 ? '0.' + '0'.repeat(d) : '0';
  const [mant, expStr] = x.toExponential(14).split('e');
  let digits = mant.replace('.', '');
  const keep = parseInt(expStr, 10) + 1 + d;
  if (keep < 0) digits = '';
  else if (keep < digits.length) {
    const up = digits.charCodeAt(keep) >= 53;
    digits = digits.slice(0, keep);
    if (up) {
      const a = digits.split('');
      let i = a.length - 1;
      for (; i >= 0; i--) {
        if (a[i] === '9') a[i] = '0';
        else {
          a[i] = String.fromCharCode(a[i].charCodeAt(0) + 1);
          break;
        }
      }
      digits = (i < 0 ? '1' : '') + a.join('');
    }
  } else digits = digits.padEnd(keep, '0');
  digits = digits.padStart(d + 1, '0');
  const int = digits.slice(0, digits.length - d).replace(/^0+(?=\d)/, '');
  return d > 0 ? int + '.' + digits.slice(digits.length - d) : int;
}

function formatDate(serial: number, date1904: boolean, s: Section): string | null {
  if (!isFinite(serial) || serial < 0 || serial > 2958465) return null;
  let days = date1904 ? serial + 1462 : serial;
  // The 1900 system counts a 29 February 1900 that never was: serials before it are one day off.
  if (!date1904 && days < 60) days += 1;
  const secs = Math.round(days * 86400);
  const d = new Date(Date.UTC(1899, 11, 30) + Math.floor(secs / 86400) * 86400000);
  const tod = secs % 86400;
  const hh = String(Math.floor(tod / 3600)).padStart(2, '0');
  const mm = String(Math.floor((tod % 3600) / 60)).padStart(2, '0');
  const ss = String(tod % 60).padStart(2, '0');
  const shown = renderDate(s.parts, d, tod);
  if (shown !== null) return shown;
  if (s.kind === 'time') return hh + ':' + mm + (s.seconds ? ':' + ss : '');
  return d.toISOString().slice(0, 10);
}

/**
 * A date as its format shows it (the one display form of every host: Excel and WPS show the format, so the CLI
 * does too). null for what this does not render (weekday and month names, AM/PM), which falls back to ISO.
 */
function renderDate(parts: Section['parts'], d: Date, tod: number): string | null {
  const two = (n: number) => (n < 10 ? '0' : '') + n;
  const codes = parts.map((p) => p.code || '');
  let out = '';
  for (let k = 0; k < parts.length; k++) {
    const p = parts[k];
    if (p.lit !== undefined) {
      if (/[AaPp上下]/.test(p.lit) && /午|AM|PM/i.test(p.lit)) return null;
      out += p.lit;
      continue;
    }
    const c = p.code!;
    const prev = codes.slice(0, k).reverse().find(Boolean) || '';
    const next = codes.slice(k + 1).find(Boolean) || '';
    const minute = c[0] === 'm' && c.length <= 2 && (prev[0] === 'h' || next[0] === 's');
    if (c[0] === 'y') out += c.length <= 2 ? two(d.getUTCFullYear() % 100) : String(d.getUTCFullYear());
    else if (minute) out += c.length === 2 ? two(Math.floor((tod % 3600) / 60)) : String(Math.floor((tod % 3600) / 60));
    else if (c[0] === 'm' && c.length <= 2) out += c.length === 2 ? two(d.getUTCMonth() + 1) : String(d.getUTCMonth() + 1);
    else if (c[0] === 'd' && c.length <= 2) out += c.length === 2 ? two(d.getUTCDate()) : String(d.getUTCDate());
    else if (c[0] === 'h') out += c.length === 2 ? two(Math.floor(tod / 3600)) : String(Math.floor(tod / 3600));
    else if (c[0] === 's') out += c.length === 2 ? two(tod % 60) : String(tod % 60);
    else return null;
  }
  return out;
}


/** "1234567" → "1,234,567" in one pass (a lookahead per digit would rescan the digits after it). */
function groupThousands(int: string): string {
  let out = '';
  for (let i = 0; i < int.length; i++) {
    if (i > 0 && (int.length - i) % 3 === 0) out += ',';
    out += int[i];
  }
  return out;
}
