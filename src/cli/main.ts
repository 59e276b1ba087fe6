// `ptcheck`: check 预算绩效目标表 workbooks from the command line. main() never throws and never
// prints a stack trace (unless PTCHECK_DEBUG=1): it returns the exit code for bin/ptcheck.js.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { checkGrids } from '../core/check';
import { ruleCatalogue } from '../core/rules/catalogue';
import { builtinProfiles, findProfile } from '../core/profiles';
import { ReportFile, ReportSummary, summarize } from '../core/report';
import { ProjectSnapshot, baselineRules } from '../core/baseline';
import { baselineText } from '../core/i18n/review';
import { cliText } from '../core/i18n/cli';
import { parseCli, ArgsError, CheckCommand } from './args';
import { CliDeps, debug } from './deps';
import { collectInputs, outputNames, fsReason, writeReason, realPathOf } from './inputs';
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
        return await (await import('./commands')).runSuggest(cmd, deps);
      case 'library':
        return await (await import('./commands')).runLibrary(cmd, deps);
      case 'fill':
        return await (await import('./commands')).runFill(cmd, deps);
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
  const started = Date.now();
  const times: number[] = [];
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
    times.push(o.ms);
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
  // Speed on a terminal (and for npm run bench): wall time, files per second, the median file.
  if (multi && (deps.stderr.isTTY || deps.env.PTCHECK_TIMINGS === '1')) {
    const wall = (Date.now() - started) / 1000;
    times.sort((a, b) => a - b);
    say(cliText.timings(inputs.length, wall, times[Math.floor(times.length / 2)] || 0, workers));
  }
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

