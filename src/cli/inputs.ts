// Turning the command line's FILE|DIR arguments into the list of workbooks to check, and choosing
// output names for annotated copies.
import * as fs from 'fs';
import * as path from 'path';
import { cliText } from '../core/i18n/cli';

export interface Input {
  /** Path as shown in the report: the argument itself, or argument + path inside the directory. */
  display: string;
  /** Resolved absolute path. */
  abs: string;
  /** Set when the input is known to be unusable before reading it. */
  error?: string;
}

// Made on first use: building a zh-CN collator loads ICU data (a sixth of the CLI's start-up), and a single file
// never sorts.
let collator: Intl.Collator | undefined;

// Excel's lock files, and our own temporary files (a run that was killed may leave one in an output folder).
const isLockFile = (name: string) => name.startsWith('~$') || name.startsWith('.ptcheck-');
const isXlsx = (name: string) => /\.xlsx$/i.test(name) && !isLockFile(name);

/** A Chinese reason for a file-system error; `fallback` (default: the bare error code) for other codes. */
export function fsReason(e: unknown, fallback?: string): string {
  const raw = e && typeof e === 'object' ? (e as { code?: unknown }).code : undefined;
  const code = typeof raw === 'string' ? raw : undefined;
  switch (code) {
    case 'ENOENT':
    case 'ENOTDIR':
      return cliText.notFound;
    case 'EACCES':
    case 'EPERM':
      return cliText.noPermission;
    case 'EBUSY':
      return cliText.fileBusy;
    case 'EISDIR':
      return cliText.notAFile;
    case 'EEXIST':
    case 'ENOTEMPTY':
      return cliText.alreadyExists;
    case 'ENOSPC':
      return cliText.diskFull;
    case 'EROFS':
      return cliText.readOnly;
    default:
      return fallback !== undefined ? fallback : cliText.systemError(code);
  }
}

/** A Chinese reason for a failed write: the same codes as fsReason, but said as a write problem. */
export function writeReason(e: unknown, fallback?: string): string {
  const raw = e && typeof e === 'object' ? (e as { code?: unknown }).code : undefined;
  if (raw === 'EACCES' || raw === 'EPERM') return cliText.noWritePermission;
  if (raw === 'ENOENT' || raw === 'ENOTDIR') return cliText.outMissing;
  return fsReason(e, fallback);
}

/**
 * Why a path named on the command line (or met in a folder) is no file we can read as a workbook, or undefined.
 * A FIFO would block the run until someone writes to it, and a pipe (`/dev/stdin`, `<(…)`) can be read only once
 * and has no size: the reader needs random access to the zip's directory at its end, so those are refused.
 */
export function notRegularReason(st: fs.Stats, p: string): string | undefined {
  if (st.isFile()) return undefined;
  if (st.isFIFO()) return /^\/dev\/(stdin|fd\/)|^\/proc\/self\/fd\//.test(p) ? cliText.pipeInput : cliText.fifoInput;
  if (st.isSocket()) return cliText.fifoInput;
  if (st.isCharacterDevice() || st.isBlockDevice()) return cliText.deviceInput;
  return cliText.notAFile;
}

/** Files under `dir` (recursively) that look like workbooks, in a stable, human order. */
function walk(dir: string, display: string, out: Input[], notes: string[]): void {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch (e) {
    out.push({ display, abs: dir, error: cliText.dirUnreadable(fsReason(e)) });
    return;
  }
  const c = (collator = collator || new Intl.Collator('zh-CN', { numeric: true }));
  entries.sort((a, b) => c.compare(a.name, b.name));
  for (const ent of entries) {
    const abs = path.join(dir, ent.name);
    const shown = path.join(display, ent.name);
    if (ent.isDirectory()) walk(abs, shown, out, notes);
    else if (ent.isSymbolicLink()) {
      // Symlinked files are followed; symlinked directories are not (a link loop cannot hang the walk), and a link
      // that leads nowhere is said, not skipped in silence.
      let st: fs.Stats;
      try {
        st = fs.statSync(abs);
      } catch (e) {
        const code = (e as { code?: string }).code;
        if (isXlsx(ent.name)) out.push({ display: shown, abs, error: code === 'ELOOP' ? cliText.linkLoop : cliText.linkDangling });
        else notes.push(cliText.linkSkipped(shown, code === 'ELOOP' ? cliText.linkLoop : cliText.linkDangling));
        continue;
      }
      if (st.isDirectory()) notes.push(cliText.linkedDirSkipped(shown));
      else if (isXlsx(ent.name)) out.push({ display: shown, abs, error: notRegularReason(st, abs) });
    } else if (isXlsx(ent.name)) {
      out.push(ent.isFile() ? { display: shown, abs } : { display: shown, abs, error: notRegularReason(fs.lstatSync(abs), abs) || cliText.notAFile });
    }
  }
}

export interface Collected {
  inputs: Input[];
  /** Directories given on the command line that held no workbook (reported, not an error). */
  emptyDirs: string[];
  /** What the walk left out and why (symlinked folders, links to nowhere without an .xlsx name). */
  notes: string[];
}

export function collectInputs(args: string[]): Collected {
  const inputs: Input[] = [];
  const emptyDirs: string[] = [];
  const notes: string[] = [];
  const seen = new Set<string>();
  const add = (i: Input) => {
    // The same workbook named twice (a file and its folder) is checked once.
    const key = process.platform === 'win32' ? i.abs.toLowerCase() : i.abs;
    if (seen.has(key)) return;
    seen.add(key);
    inputs.push(i);
  };
  for (const arg of args) {
    const abs = path.resolve(arg);
    let st: fs.Stats;
    try {
      st = fs.statSync(abs);
    } catch (e) {
      const code = (e as { code?: string }).code;
      let isLink = false;
      try {
        isLink = fs.lstatSync(abs).isSymbolicLink();
      } catch {
        // not there at all
      }
      add({ display: arg, abs, error: code === 'ELOOP' ? cliText.linkLoop : isLink ? cliText.linkDangling : fsReason(e, cliText.notFound) });
      continue;
    }
    if (st.isDirectory()) {
      const found: Input[] = [];
      walk(abs, arg, found, notes);
      if (found.length === 0) emptyDirs.push(arg);
      found.forEach(add);
    } else {
      // An explicitly named file is read whatever its name: the reader says why if it is no workbook.
      add({ display: arg, abs, error: notRegularReason(st, arg) });
    }
  }
  return { inputs, emptyDirs, notes };
}

/** The real path of p, or of its folder + its name when p does not exist yet; p itself when neither resolves. */
export function realPathOf(p: string): string {
  const abs = path.resolve(p);
  try {
    return fs.realpathSync(abs);
  } catch {
    try {
      return path.join(fs.realpathSync(path.dirname(abs)), path.basename(abs));
    } catch {
      return abs;
    }
  }
}

const caseFold = (p: string) => (process.platform === 'win32' || process.platform === 'darwin' ? p.toLowerCase() : p);

/** True when a and b name the same file (links and aliases resolved). */
export function samePath(a: string, b: string): boolean {
  return caseFold(realPathOf(a)) === caseFold(realPathOf(b));
}

/** `name`, then `stem-2.ext`, `stem-3.ext`… */
export function candidateName(name: string, n: number): string {
  if (n <= 1) return name;
  const ext = path.extname(name);
  return `${name.slice(0, name.length - ext.length)}-${n}${ext}`;
}

/**
 * The preferred `outDir/<basename>` for each input, in input order: a name already used in this run, one that
 * exists in the folder (whoever made it), or one that is (through links) an input, gets `-2`, `-3`…
 * Compared on real paths, case-insensitively where the file system is. The copy is still published without
 * overwriting (outputs.ts), so a file appearing meanwhile is safe too.
 */
export function outputNames(inputs: Input[], outDir: string): string[] {
  const outReal = realPathOf(outDir);
  const taken = new Set<string>(inputs.map((i) => caseFold(realPathOf(i.abs)).toLowerCase()));
  return inputs.map((i) => {
    const base = path.basename(i.abs);
    for (let n = 1; ; n++) {
      const full = path.join(outReal, candidateName(base, n));
      const key = caseFold(full).toLowerCase();
      if (!taken.has(key) && !exists(full)) {
        taken.add(key);
        return full;
      }
    }
  });
}

function exists(p: string): boolean {
  try {
    fs.lstatSync(p);
    return true;
  } catch {
    return false;
  }
}
