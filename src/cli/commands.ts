// The commands other than `check` (suggest, library, fill): loaded by main.ts only when used, so a check does not
// pay for loading the indicator library and the templates.
import * as fs from 'fs';
import * as path from 'path';
import { Diagnostic } from '../core/diagnostic';
import { displayName } from '../core/model';
import { cliText } from '../core/i18n/cli';
import { ArgsError, FillCommand, LibraryCommand, SuggestCommand } from './args';
import { templateText } from '../core/i18n/template';
import { filledNo, fillWorkbook, moveText, noteText } from '../core/template';
import { Library, getLibrary, libraryStats, mergeLibraries } from '../core/library';
import { suggest } from '../core/library/suggest';
import { libraryCliText } from '../core/i18n/library';
import { renderLibraryText, renderSuggestText } from './library-text';
import { CliDeps, debug } from './deps';
import { fsReason, writeReason, samePath } from './inputs';
import { makeStyle, wantsColour } from './text';
import { publish, removeTemp, tempFile } from './outputs';

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

export async function runSuggest(cmd: SuggestCommand, deps: CliDeps): Promise<number> {
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

export async function runLibrary(cmd: LibraryCommand, deps: CliDeps): Promise<number> {
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
export async function runFill(cmd: FillCommand, deps: CliDeps): Promise<number> {
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
