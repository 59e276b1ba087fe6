// `ptcheck`: check 预算绩效目标表 workbooks from the command line. main() never throws and never
// prints a stack trace (unless PTCHECK_DEBUG=1): it returns the exit code for bin/ptcheck.js.
import * as fs from 'fs';
import * as path from 'path';
import { checkGrids } from '../core/check';
import { Diagnostic } from '../core/diagnostic';
import { displayName } from '../core/model';
import { ruleCatalogue } from '../core/rules/catalogue';
import { builtinProfiles, findProfile } from '../core/profiles';
import { buildReport, reportExitCode, toReportFile, ReportFile, FileResult } from '../core/report';
import { cliText } from '../core/i18n/cli';
import { parseCli, ArgsError, Command, FillCommand, LibraryCommand, SuggestCommand } from './args';
import { templateText } from '../core/i18n/template';
import { filledNo, fillWorkbook, moveText, noteText } from '../core/template';
import { Library, getLibrary, libraryStats, mergeLibraries } from '../core/library';
import { suggest } from '../core/library/suggest';
import { libraryCliText } from '../core/i18n/library';
import { renderLibraryText, renderSuggestText } from './library-text';
import { CliDeps, WorkbookHost } from './deps';
import { collectInputs, outputNames, fsReason } from './inputs';
import { makeStyle, wantsColour, renderTextFile, renderTextSummary, renderRulesText } from './text';
import { renderHtml } from './html';
import { Progress } from './progress';

type CheckCommand = Extract<Command, { kind: 'check' }>;

let streamGuard = false;

/**
 * `ptcheck check dir | head` closes the pipe early; Node then emits EPIPE as an unhandled 'error' event,
 * which would crash with a stack trace. Swallow stream errors: the run finishes and the exit code stays right.
 */
function guardStreams(): void {
  if (streamGuard) return;
  streamGuard = true;
  const ignore = () => undefined;
  process.stdout.on('error', ignore);
  process.stderr.on('error', ignore);
}

function defaultDeps(): CliDeps {
  guardStreams();
  return {
    host: async () => (await import('./hosts')).workbookHost,
    check: checkGrids,
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    now: () => new Date(),
  };
}

/** package.json sits two levels up both from src/cli (tests) and from dist/cli (the built CLI). */
export function toolVersion(): string {
  try {
    const pkg = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8')) as { version?: unknown };
    return typeof pkg.version === 'string' ? pkg.version : '0.0.0';
  } catch {
    return '0.0.0';
  }
}

export async function main(argv: string[], overrides: Partial<CliDeps> = {}): Promise<number> {
  const deps: CliDeps = { ...defaultDeps(), ...overrides };
  try {
    const cmd = parseCli(argv);
    switch (cmd.kind) {
      case 'help':
        deps.stdout.write(cliText.help);
        return 0;
      case 'version':
        deps.stdout.write(toolVersion() + '\n');
        return 0;
      case 'rules':
        return runRules(cmd.format, deps);
      case 'check':
        return await runCheck(cmd, deps);
      case 'suggest':
        return await runSuggest(cmd, deps);
      case 'library':
        return await runLibrary(cmd, deps);
      case 'fill':
        return await runFill(cmd, deps);
    }
  } catch (e) {
    if (e instanceof ArgsError) {
      deps.stderr.write(`ptcheck：${e.message}\n${cliText.usageHint}\n`);
      return 2;
    }
    debug(deps, e);
    deps.stderr.write(`ptcheck：${cliText.internalError}\n`);
    return 2;
  }
}

function debug(deps: CliDeps, e: unknown): void {
  if (deps.env.PTCHECK_DEBUG === '1') deps.stderr.write(String((e as Error)?.stack || e) + '\n');
}

function runRules(format: 'text' | 'json', deps: CliDeps): number {
  if (format === 'json') {
    const rules = ruleCatalogue.map((r) => ({ id: r.id, severity: r.severity, profiles: r.profiles, description: r.description }));
    deps.stdout.write(JSON.stringify(rules, null, 2) + '\n');
  } else {
    deps.stdout.write(renderRulesText(ruleCatalogue, makeStyle(wantsColour(deps.stdout, deps.env))));
  }
  return 0;
}

/**
 * A department's library workbook merged into `base`; its bad rows are listed on stderr (they are left out).
 * `code` is 2 when the file cannot be read at all.
 */
async function withDepartmentLibrary(file: string, base: Library, deps: CliDeps): Promise<{ lib: Library; bad: number; code?: number }> {
  // Loaded on demand: suggestions without a department library do not pay for ExcelJS.
  const io = await import('../hosts/workbook/library');
  const { WorkbookReadError } = await import('../hosts/workbook/read');
  let imp;
  try {
    imp = await io.readLibraryWorkbook(file, base);
  } catch (e) {
    debug(deps, e);
    const reason = e instanceof WorkbookReadError ? e.message : fsReason(e, cliText.unreadableWorkbook);
    deps.stderr.write(`ptcheck：${libraryCliText.libraryUnreadable(file, reason)}\n`);
    return { lib: base, bad: 0, code: 2 };
  }
  if (imp.issues.length) {
    deps.stderr.write(`ptcheck：${libraryCliText.importProblems(file, imp.issues.length)}\n`);
    for (const i of imp.issues) deps.stderr.write(`  ${i}\n`);
  }
  return { lib: mergeLibraries(base, imp.library), bad: imp.issues.length };
}

async function runSuggest(cmd: SuggestCommand, deps: CliDeps): Promise<number> {
  let lib = getLibrary();
  if (cmd.library !== undefined) {
    const dep = await withDepartmentLibrary(cmd.library, lib, deps);
    if (dep.code !== undefined) return dep.code;
    lib = dep.lib;
  }
  const res = suggest(
    { name: cmd.name, purpose: cmd.purpose, goals: cmd.goals, budget: cmd.budget, unit: cmd.unit, year: cmd.year },
    { top: cmd.top, profile: cmd.profile, library: lib },
  );
  if (cmd.format === 'json') {
    const body = {
      types: res.types.map((t) => ({ id: t.id, name: t.name, score: t.score })),
      suggestions: res.suggestions.map((x) => ({ type: x.type, l1: x.l1, l2: x.l2, l3: x.l3, desc: x.desc, value: x.value, unit: x.unit, basis: x.basis, score: x.score })),
      // Added after the first release: how well the best type fits (good=false: suggestions drawn from the texts).
      fit: { good: res.fit.good, reason: res.fit.reason, score: res.fit.score, best: res.fit.best ? res.fit.best.id : null, words: res.fit.words },
    };
    deps.stdout.write(JSON.stringify(body, null, 2) + '\n');
  } else {
    deps.stdout.write(renderSuggestText(cmd.name, res, makeStyle(wantsColour(deps.stdout, deps.env))));
  }
  return 0;
}

async function runLibrary(cmd: LibraryCommand, deps: CliDeps): Promise<number> {
  let lib = getLibrary();
  let bad = 0;
  if (cmd.importFrom !== undefined) {
    const dep = await withDepartmentLibrary(cmd.importFrom, lib, deps);
    if (dep.code !== undefined) return dep.code;
    lib = dep.lib;
    bad = dep.bad;
  }
  if (cmd.exportTo !== undefined) {
    const io = await import('../hosts/workbook/library');
    try {
      const n = await io.writeLibraryWorkbook(cmd.exportTo, lib);
      deps.stderr.write(`ptcheck：${libraryCliText.exported(cmd.exportTo, n)}\n`);
    } catch (e) {
      debug(deps, e);
      deps.stderr.write(`ptcheck：${libraryCliText.exportFailed(cmd.exportTo, fsReason(e))}\n`);
      return 2;
    }
  }
  if (cmd.format === 'json') {
    deps.stdout.write(JSON.stringify({ types: lib.types, indicators: lib.indicators, stats: libraryStats(lib) }, null, 2) + '\n');
  } else {
    deps.stdout.write(renderLibraryText(lib, makeStyle(wantsColour(deps.stdout, deps.env))));
  }
  // A department checking its own library sheet wants to know, in scripts too, that rows were left out.
  return bad ? 1 : 0;
}

async function runCheck(cmd: CheckCommand, deps: CliDeps): Promise<number> {
  // A misspelt profile would otherwise fail inside the engine for every file, far from its cause.
  if (cmd.profile !== undefined && !findProfile(cmd.profile)) {
    throw new ArgsError(cliText.unknownProfile(cmd.profile, builtinProfiles));
  }
  const { inputs, emptyDirs } = collectInputs(cmd.inputs);
  for (const d of emptyDirs) deps.stderr.write(`ptcheck：${cliText.emptyDirectory(d)}\n`);
  if (inputs.length === 0) {
    deps.stderr.write(`ptcheck：${cliText.noXlsxFound}\n`);
    return 2;
  }

  let outNames: string[] = [];
  if (cmd.out !== undefined) {
    try {
      fs.mkdirSync(cmd.out, { recursive: true });
    } catch (e) {
      debug(deps, e);
      deps.stderr.write(`ptcheck：${cliText.outDirFailed(cmd.out, fsReason(e))}\n`);
      return 2;
    }
    outNames = outputNames(inputs, cmd.out);
  }

  // Loading the host can only fail on a broken install; main()'s catch reports it.
  const host = await deps.host();
  const style = makeStyle(wantsColour(deps.stdout, deps.env));
  const progress = new Progress(deps.stderr, inputs.length, inputs.length > 1 && !!deps.stderr.isTTY);
  // Only the small report entries are kept: grids and parsed tables are dropped after each file.
  const entries: ReportFile[] = [];
  let outputFailed = false;
  let copies = 0;

  for (let i = 0; i < inputs.length; i++) {
    const input = inputs[i];
    progress.update(i + 1, path.basename(input.display));
    const result = await checkOne(input.abs, input.display, input.error, cmd.profile, host, deps);
    const entry = toReportFile(result);
    entries.push(entry);

    if (cmd.out !== undefined && !entry.error) {
      try {
        await host.writeAnnotatedCopy(input.abs, outNames[i], result.diagnostics);
        copies++;
      } catch (e) {
        debug(deps, e);
        outputFailed = true;
        progress.clear();
        const reason = host.isReadError(e) ? (e as Error).message : fsReason(e, cliText.internalError);
        deps.stderr.write(`ptcheck：${cliText.annotateFailed(outNames[i], reason)}\n`);
      }
    }
    if (cmd.format === 'text') {
      // Print as we go so a long folder run shows results early; stdout may share the terminal with the bar.
      progress.clear();
      deps.stdout.write(renderTextFile(entry, style));
    }
  }
  progress.clear();

  const report = buildReport({ version: toolVersion(), profile: cmd.profile }, entries);
  let body: string | undefined;
  if (cmd.format === 'text') deps.stdout.write(renderTextSummary(report.summary, style));
  else {
    body = cmd.format === 'json' ? JSON.stringify(report, null, 2) + '\n' : renderHtml(report, deps.now());
    deps.stdout.write(body);
  }

  if (cmd.out !== undefined) {
    if (copies > 0) deps.stderr.write(`ptcheck：${cliText.annotateWritten(copies, cmd.out)}\n`);
    if (body !== undefined) {
      const file = path.join(cmd.out, cmd.format === 'json' ? 'report.json' : 'report.html');
      try {
        fs.writeFileSync(file, body, 'utf8');
        deps.stderr.write(`ptcheck：${cliText.reportWritten(file)}\n`);
      } catch (e) {
        debug(deps, e);
        outputFailed = true;
        deps.stderr.write(`ptcheck：${cliText.writeFailed(file, fsReason(e))}\n`);
      }
    }
  }

  const code = reportExitCode(report);
  return outputFailed ? 2 : code;
}

/** Reads and checks one workbook; every failure becomes a Chinese `error`, never an exception. */
async function checkOne(
  abs: string,
  display: string,
  knownError: string | undefined,
  profile: string | undefined,
  host: WorkbookHost,
  deps: CliDeps,
): Promise<FileResult> {
  const failed = (error: string): FileResult => ({ file: display, tables: [], diagnostics: [], error });
  if (knownError) return failed(knownError);
  let grids;
  try {
    grids = await host.readGrids(abs);
  } catch (e) {
    debug(deps, e);
    // The reader's own errors carry a Chinese reason; anything else (zip or XML parser) does not.
    return failed(host.isReadError(e) ? (e as Error).message : fsReason(e, cliText.unreadableWorkbook));
  }
  try {
    const res = deps.check(grids, profile ? { profile } : {});
    const diagnostics: Diagnostic[] = res.diagnostics;
    return { file: display, tables: res.tables, diagnostics, error: null, unread: res.unread };
  } catch (e) {
    debug(deps, e);
    return failed(cliText.checkFailed);
  }
}

function severityCounts(ds: Diagnostic[]): [number, number, number] {
  const n = (s: string) => ds.filter((d) => d.severity === s).length;
  return [n('error'), n('warning'), n('info')];
}

/**
 * `ptcheck fill IN --out OUT`: every table of IN into the standard template, values as written. The output is
 * read back and checked, so the summary shows what a reviewer will see; the exit code follows `check`.
 */
async function runFill(cmd: FillCommand, deps: CliDeps): Promise<number> {
  const T = templateText.cli;
  const input = path.resolve(cmd.input);
  const out = path.resolve(cmd.out);
  const same = process.platform === 'win32' || process.platform === 'darwin' ? input.toLowerCase() === out.toLowerCase() : input === out;
  if (same) throw new ArgsError(T.outIsInput);

  const host = await deps.host();
  let grids;
  try {
    grids = await host.readGrids(input);
  } catch (e) {
    debug(deps, e);
    const reason = host.isReadError(e) ? (e as Error).message : fsReason(e, cliText.unreadableWorkbook);
    deps.stderr.write(`ptcheck：${T.unreadable(cmd.input, reason)}\n`);
    return 2;
  }
  const source = deps.check(grids, {});
  if (!source.tables.length) {
    deps.stderr.write(`ptcheck：${T.noTables(cmd.input)}\n`);
    return 2;
  }
  const res = fillWorkbook(
    source.tables.map((c) => c.table),
    { template: cmd.template, layout: cmd.layout, joinSplitRows: cmd.joinSplitRows, complete: cmd.complete },
  );
  try {
    const io = await import('../hosts/workbook/fill');
    await io.writeWorkbookOps(res.ops, out);
  } catch (e) {
    debug(deps, e);
    deps.stderr.write(`ptcheck：${T.writeFailed(cmd.out, fsReason(e, cliText.internalError))}\n`);
    return 2;
  }

  const lines: string[] = [T.written(cmd.out, res.items.length, res.ops.sheets.length, T.layoutName[cmd.layout])];
  res.items.forEach((item, i) => {
    const sheet = res.ops.sheets.find((s) => s.tables.some((p) => p.index === i));
    lines.push(T.tableLine(filledNo(item.table, i), displayName(source.tables[i].table), sheet ? sheet.name : '', item.template.name));
    for (const n of item.notes) {
      lines.push(T.noteLine(noteText(n)));
      if (n.kind === 'profile') for (const m of n.moves) lines.push(T.moveLine(moveText(m)));
    }
  });
  // What a reviewer opening the output will see: the same findings as in the source, values being as written.
  let code = 0;
  try {
    const written = deps.check(await host.readGrids(out), {});
    const [e, w, i] = severityCounts(written.diagnostics);
    lines.push(T.checkLine(e, w, i));
    code = e > 0 ? 1 : 0;
  } catch (e) {
    debug(deps, e);
    deps.stderr.write(`ptcheck：${T.unreadable(cmd.out, cliText.unreadableWorkbook)}\n`);
    return 2;
  }
  const [se, sw, si] = severityCounts(source.diagnostics);
  lines.push(T.sourceLine(se, sw, si));
  deps.stdout.write(lines.join('\n') + '\n');
  return code;
}
