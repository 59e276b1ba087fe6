// `ptcheck`: check 预算绩效目标表 workbooks from the command line. main() never throws and never
// prints a stack trace (unless PTCHECK_DEBUG=1): it returns the exit code for bin/ptcheck.js.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { checkGrids } from '../core/check';
import { Diagnostic } from '../core/diagnostic';
import { displayName } from '../core/model';
import { ruleCatalogue } from '../core/rules/catalogue';
import { builtinProfiles, findProfile } from '../core/profiles';
import { ReportFile, ReportSummary, summarize } from '../core/report';
import { ProjectSnapshot, baselineRules } from '../core/baseline';
import { baselineText } from '../core/i18n/review';
import { cliText } from '../core/i18n/cli';
import { parseCli, ArgsError, CheckCommand, FillCommand, LibraryCommand, SuggestCommand } from './args';
import { templateText } from '../core/i18n/template';
import { filledNo, fillWorkbook, moveText, noteText } from '../core/template';
import { Library, getLibrary, libraryStats, mergeLibraries } from '../core/library';
import { suggest } from '../core/library/suggest';
import { libraryCliText } from '../core/i18n/library';
import { renderLibraryText, renderSuggestText } from './library-text';
import { CliDeps } from './deps';
import { collectInputs, outputNames, fsReason, writeReason, realPathOf, samePath } from './inputs';
import { makeStyle, wantsColour, renderTextSummary, renderRulesText } from './text';
import { Progress } from './progress';
import { Job, JobOptions, Outcome } from './job';
import { Deliver, runPool, runSerial } from './pool';
import { FileLinks, HtmlPageSink, HtmlSiteSink, JsonSink, Sink, TextSink, XlsxSummarySink } from './sinks';
import { publish, removeQuietly, removeTemp, tempFile, tempName } from './outputs';
import { neutralise } from './safe-text';

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
        // A stand-in engine or host (tests) lives in this thread only: workers would use the real ones.
        return await runCheck(cmd, deps, overrides.check !== undefined || overrides.host !== undefined);
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
  const catalogue = [...ruleCatalogue, ...baselineRules];
  if (format === 'json') {
    const rules = catalogue.map((r) => ({ id: r.id, severity: r.severity, profiles: r.profiles, description: r.description }));
    deps.stdout.write(JSON.stringify(rules, null, 2) + '\n');
  } else {
    deps.stdout.write(renderRulesText(catalogue, makeStyle(wantsColour(deps.stdout, deps.env))));
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
    const target = cmd.exportTo;
    try {
      const n = await writeNew(target, cmd.importFrom, (tmp) => io.writeLibraryWorkbook(tmp, lib));
      deps.stderr.write(`ptcheck：${libraryCliText.exported(target, n)}\n`);
    } catch (e) {
      debug(deps, e);
      deps.stderr.write(`ptcheck：${e instanceof OutputRefused ? e.message : libraryCliText.exportFailed(target, writeReason(e))}\n`);
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

async function runCheck(cmd: CheckCommand, deps: CliDeps, serialOnly: boolean): Promise<number> {
  // A misspelt profile would otherwise fail inside the engine for every file, far from its cause.
  if (cmd.profile !== undefined && !findProfile(cmd.profile)) {
    throw new ArgsError(cliText.unknownProfile(cmd.profile, builtinProfiles));
  }
  const say = (line: string) => deps.stderr.write(`ptcheck：${neutralise(line)}\n`);
  const { inputs, emptyDirs, notes } = collectInputs(cmd.inputs);
  for (const d of emptyDirs) say(cliText.emptyDirectory(d));
  for (const n of notes) say(n);
  if (inputs.length === 0) {
    say(cliText.noXlsxFound);
    return 2;
  }

  let outDir: string | undefined;
  let outNames: string[] = [];
  if (cmd.out !== undefined) {
    try {
      fs.mkdirSync(cmd.out, { recursive: true });
      outDir = realPathOf(cmd.out);
      // Found now rather than after checking every file: a folder we cannot write to.
      removeQuietly(tempFile(outDir));
    } catch (e) {
      debug(deps, e);
      const code = (e as { code?: string }).code;
      say(code === 'EEXIST' || code === 'ENOTDIR' ? cliText.outDirFailed(cmd.out, fsReason(e)) : cliText.outNotWritable(cmd.out, writeReason(e)));
      return 2;
    }
    outNames = outputNames(inputs, outDir);
  }

  const host = await deps.host();
  const workers = serialOnly ? 0 : cmd.jobs !== undefined ? cmd.jobs : Math.min(availableCores(), inputs.length);
  const options: JobOptions = { profile: cmd.profile, debug: deps.env.PTCHECK_DEBUG === '1' };
  const run = (jobs: Job[], deliver: Deliver) =>
    // One file or one core: no thread to start (and no time budget, which only a worker can enforce), unless asked.
    workers >= 2 || (workers === 1 && cmd.jobs === 1 && jobs.length > 1)
      ? runPool(jobs, { workers, timeoutMs: cmd.timeout * 1000, options }, deliver)
      : runSerial(jobs, { host, check: deps.check, options }, deliver);

  if (cmd.baseline !== undefined) {
    const loaded = await loadBaseline(cmd.baseline, run, say);
    if (loaded === null) return 2;
    options.baseline = loaded;
  }

  const style = makeStyle(wantsColour(deps.stdout, deps.env));
  const multi = inputs.length > 1;
  const progress = new Progress(deps.stderr, inputs.length, !multi ? 'off' : deps.stderr.isTTY ? 'bar' : 'lines');
  const tool = { name: 'ptcheck' as const, version: toolVersion(), profile: cmd.profile || 'auto' };
  const info = { version: tool.version, profile: tool.profile, generatedAt: deps.now(), baseline: cmd.baseline };
  let sink: Sink;
  try {
    if (cmd.format === 'text') sink = new TextSink(deps.stdout, style, () => progress.clear());
    else if (cmd.format === 'json') sink = new JsonSink(deps.stdout, tool, outDir);
    else if (cmd.format === 'xlsx-summary') sink = new XlsxSummarySink(outDir as string, info);
    else sink = outDir !== undefined ? new HtmlSiteSink(outDir, info) : new HtmlPageSink(deps.stdout, info);
  } catch (e) {
    debug(deps, e);
    say(cliText.outNotWritable(cmd.out || '', writeReason(e)));
    return 2;
  }

  const summary = emptySummary();
  let outputFailed = false;
  let copies = 0;
  let unmatched = 0;
  const jobs: Job[] = inputs.map((input, index) => ({
    index,
    abs: input.abs,
    display: input.display,
    knownError: input.error,
    annotateTo: outDir !== undefined && !input.error ? tempName(outDir, '.xlsx') : undefined,
  }));

  const deliver = (o: Outcome) => {
    const entry = o.entry;
    if (o.debug) debug(deps, o.debug);
    const links: FileLinks = {};
    const tmp = jobs[o.index].annotateTo;
    if (tmp !== undefined) {
      if (o.annotate && o.annotate.ok) {
        try {
          links.copy = publish(tmp, path.dirname(outNames[o.index]), path.basename(outNames[o.index]));
          entry.annotated = links.copy;
          copies++;
        } catch (e) {
          debug(deps, e);
          outputFailed = true;
          progress.clear();
          say(cliText.annotateFailed(outNames[o.index], writeReason(e)));
        }
      } else if (o.annotate && !entry.error) {
        outputFailed = true;
        progress.clear();
        say(cliText.annotateFailed(outNames[o.index], o.annotate.reason));
      }
      removeTemp(tmp);
    }
    if (o.unmatched) unmatched += o.unmatched;
    addToSummary(summary, entry);
    sink.file(entry, o.index + 1, links);
    progress.update(o.index + 1, path.basename(entry.file));
  };

  try {
    await run(jobs, deliver);
  } catch (e) {
    // Only a report that cannot be written gets here (each file's own failures are its error).
    progress.clear();
    sink.abort();
    for (const j of jobs) if (j.annotateTo) removeTemp(j.annotateTo);
    debug(deps, e);
    say(cliText.writeFailed(cmd.out || '', writeReason(e, cliText.internalError)));
    return 2;
  }
  progress.clear();

  if (unmatched) say(baselineText.cli.unmatched(unmatched));
  let written: string[] = [];
  try {
    written = await sink.end(summary);
  } catch (e) {
    debug(deps, e);
    outputFailed = true;
    sink.abort();
    say(cliText.writeFailed(cmd.out || '', writeReason(e)));
  }
  if (outDir !== undefined) {
    if (copies > 0) say(cliText.annotateWritten(copies, outDir));
    for (const f of written) {
      if (sink instanceof HtmlSiteSink) say(cliText.pagesWritten(f, sink.pageCount));
      else if (sink instanceof XlsxSummarySink) say(cliText.summaryWritten(f));
      else say(cliText.reportWritten(f));
    }
    if (sink instanceof XlsxSummarySink) deps.stdout.write(renderTextSummary(summary, style));
  }
  const code = summary.unreadable ? 2 : summary.errors ? 1 : 0;
  return outputFailed ? 2 : code;
}

/** Cores to use: Node 18.14+ knows the process's share (containers, affinity); older ones count the machine's. */
function availableCores(): number {
  const n = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  return Math.max(1, n);
}

function emptySummary(): ReportSummary {
  return { files: 0, tables: 0, indicators: 0, errors: 0, warnings: 0, infos: 0, unreadable: 0, verdicts: { pass: 0, revise: 0, return: 0 } };
}

function addToSummary(s: ReportSummary, f: ReportFile): void {
  const one = summarize([f]);
  s.files += one.files;
  s.tables += one.tables;
  s.indicators += one.indicators;
  s.errors += one.errors;
  s.warnings += one.warnings;
  s.infos += one.infos;
  s.unreadable = (s.unreadable || 0) + (one.unreadable || 0);
  const v = s.verdicts as Record<string, number>;
  for (const t of f.tables) if (t.verdict) v[t.verdict] = (v[t.verdict] || 0) + 1;
}

/** Last year's projects from a folder or a file; null (after saying why) when there is nothing to compare with. */
async function loadBaseline(
  arg: string,
  run: (jobs: Job[], deliver: Deliver) => Promise<void>,
  say: (line: string) => void,
): Promise<ProjectSnapshot[] | null> {
  const { inputs } = collectInputs([arg]);
  const projects: ProjectSnapshot[] = [];
  let files = 0;
  const jobs: Job[] = inputs.map((i, index) => ({ index, abs: i.abs, display: i.display, knownError: i.error, snapshot: true }));
  await run(jobs, (o) => {
    if (o.entry.error) say(baselineText.cli.unreadable(o.entry.file, o.entry.error));
    else files++;
    if (o.snapshots) projects.push(...o.snapshots);
  });
  if (!projects.length) {
    say(baselineText.cli.noProjects(arg));
    return null;
  }
  say(baselineText.cli.loaded(files, projects.length));
  return projects;
}

/** An output that would replace the input or an existing file: refused, with the Chinese reason as message. */
class OutputRefused extends Error {}

function exists(p: string): boolean {
  try {
    fs.lstatSync(p);
    return true;
  } catch {
    return false;
  }
}

/**
 * Writes a file the user named exactly, never over an existing one (nor over `input`, through links): written to a
 * hidden temporary file beside it, then linked to the name, which fails if the name appeared meanwhile.
 */
async function writeNew<R>(target: string, input: string | undefined, write: (tmp: string) => Promise<R>): Promise<R> {
  if (input !== undefined && samePath(input, target)) throw new OutputRefused(cliText.outIsInput(target));
  if (exists(target)) throw new OutputRefused(cliText.outExists(target));
  const dir = path.dirname(path.resolve(target));
  const tmp = tempFile(dir, path.extname(target) || '.tmp');
  try {
    const r = await write(tmp);
    publish(tmp, dir, path.basename(target), true);
    return r;
  } catch (e) {
    if ((e as { code?: string }).code === 'EEXIST') throw new OutputRefused(cliText.outExists(target));
    throw e;
  } finally {
    removeTemp(tmp);
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
  // Real paths: a link to the input, or an alias of its folder, is the input.
  if (samePath(input, out)) throw new ArgsError(T.outIsInput);
  if (exists(out)) {
    deps.stderr.write(`ptcheck：${cliText.outExists(cmd.out)}\n`);
    return 2;
  }

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
    await writeNew(out, input, (tmp) => io.writeWorkbookOps(res.ops, tmp));
  } catch (e) {
    debug(deps, e);
    deps.stderr.write(`ptcheck：${e instanceof OutputRefused ? e.message : T.writeFailed(cmd.out, writeReason(e, cliText.internalError))}\n`);
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
