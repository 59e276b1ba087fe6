// Plain-text output for a terminal: file → sheet → table → one line per finding. No box drawing
// (CJK wide characters break it); colour only when the caller says the terminal supports it.
import { ReportFile, ReportSummary, ReportDiagnostic, tableIndexOf } from '../core/report';
import { RuleInfo } from '../core/rules/catalogue';
import { Severity } from '../core/diagnostic';
import { cliText, severityLabel } from '../core/i18n/cli';
import { displayWidth, padEndWidth } from './width';

export interface Style {
  bold(s: string): string;
  dim(s: string): string;
  severity(sev: Severity, s: string): string;
  bad(s: string): string;
}

const ansi = (open: number, close: number) => (s: string) => `\x1b[${open}m${s}\x1b[${close}m`;

export function makeStyle(colour: boolean): Style {
  if (!colour) {
    const id = (s: string) => s;
    return { bold: id, dim: id, severity: (_sev, s) => s, bad: id };
  }
  const red = ansi(31, 39);
  const yellow = ansi(33, 39);
  const cyan = ansi(36, 39);
  return {
    bold: ansi(1, 22),
    dim: ansi(2, 22),
    severity: (sev, s) => (sev === 'error' ? red(s) : sev === 'warning' ? yellow(s) : cyan(s)),
    bad: red,
  };
}

/** Colour per https://no-color.org and the brief: only for a TTY, and never when NO_COLOR is set. */
export function wantsColour(stream: { isTTY?: boolean }, env: Record<string, string | undefined>): boolean {
  return !!stream.isTTY && env.NO_COLOR === undefined;
}

// Messages come from cells and rules; a newline inside would break the one-line-per-finding layout.
const oneLine = (s: string) => s.replace(/\s*[\r\n]+\s*/g, ' ').trim();

function findingLines(diags: ReportDiagnostic[], indent: string, style: Style): string[] {
  const cellW = Math.max(...diags.map((d) => displayWidth(d.cell)));
  const ruleW = Math.max(...diags.map((d) => displayWidth(d.rule)));
  return diags.map((d) => {
    let line =
      indent +
      padEndWidth(d.cell, cellW) +
      '  ' +
      style.severity(d.severity, `[${severityLabel[d.severity]}]`) +
      ' ' +
      padEndWidth(d.rule, ruleW) +
      '  ' +
      oneLine(d.message);
    if (d.suggestion !== null && d.suggestion !== '') line += '  ' + style.dim(cliText.suggestionArrow) + oneLine(d.suggestion);
    return line;
  });
}

/** One file's section, ending with a blank line; tables are numbered from 1 within the file. */
export function renderTextFile(f: ReportFile, style: Style): string {
  const out: string[] = [style.bold(cliText.fileHeading(f.file))];
  if (f.error) {
    out.push('  ' + style.bad(cliText.fileError(f.error)));
    return out.join('\n') + '\n\n';
  }
  if (f.tables.length === 0) out.push('  ' + cliText.noTables);
  // Say why a sheet yields nothing (which labels were looked for), so silence is not read as a pass.
  for (const u of f.sheetsWithoutTables || []) if (u.reason !== 'empty') out.push('  ' + style.dim(u.message));

  // Group findings by table; those outside every table stay with their sheet.
  const byTable: ReportDiagnostic[][] = f.tables.map(() => []);
  const outside = new Map<string, ReportDiagnostic[]>();
  for (const d of f.diagnostics) {
    const i = tableIndexOf(d, f.tables);
    if (i >= 0) byTable[i].push(d);
    else {
      const list = outside.get(d.sheet) || [];
      list.push(d);
      outside.set(d.sheet, list);
    }
  }

  const sheets: string[] = [];
  for (const t of f.tables) if (sheets.indexOf(t.sheet) < 0) sheets.push(t.sheet);
  outside.forEach((_v, s) => {
    if (sheets.indexOf(s) < 0) sheets.push(s);
  });

  for (const sheet of sheets) {
    out.push('  ' + cliText.sheetHeading(sheet));
    f.tables.forEach((t, i) => {
      if (t.sheet !== sheet) return;
      const diags = byTable[i];
      const head = '    ' + cliText.tableHeading(i + 1, t.name, t.range) + '  ';
      out.push(
        head +
          (diags.length ? cliText.tableFindings(t.indicators, diags.length) : style.dim(cliText.tableClean(t.indicators))),
      );
      if (diags.length) out.push(...findingLines(diags, '      ', style));
    });
    const rest = outside.get(sheet);
    if (rest && rest.length) {
      out.push('    ' + cliText.outsideTables);
      out.push(...findingLines(rest, '      ', style));
    }
  }
  return out.join('\n') + '\n\n';
}

export function renderTextSummary(s: ReportSummary, style: Style): string {
  let line = cliText.summaryLine(s);
  if (s.unreadable) line += cliText.summaryUnreadable(s.unreadable);
  return (s.errors || s.unreadable ? style.bad(line) : style.bold(line)) + '\n';
}

export function renderRulesText(rules: RuleInfo[], style: Style): string {
  if (rules.length === 0) return cliText.noRules + '\n';
  const profiles = (r: RuleInfo) =>
    r.profiles.length === 0 || r.profiles.indexOf('*') >= 0 ? cliText.allProfiles : r.profiles.join(',');
  const idW = Math.max(...rules.map((r) => displayWidth(r.id)));
  const prW = Math.max(...rules.map((r) => displayWidth(profiles(r))));
  return (
    rules
      .map(
        (r) =>
          padEndWidth(r.id, idW) +
          '  ' +
          style.severity(r.severity, `[${severityLabel[r.severity]}]`) +
          '  ' +
          padEndWidth(profiles(r), prW) +
          '  ' +
          oneLine(r.description),
      )
      .join('\n') + '\n'
  );
}
