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

const collator = new Intl.Collator('zh-CN', { numeric: true });

const isLockFile = (name: string) => name.startsWith('~$');
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

/** Files under `dir` (recursively) that look like workbooks, in a stable, human order. */
function walk(dir: string, display: string, out: Input[]): void {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch (e) {
    out.push({ display, abs: dir, error: cliText.dirUnreadable(fsReason(e)) });
    return;
  }
  entries.sort((a, b) => collator.compare(a.name, b.name));
  for (const ent of entries) {
    const abs = path.join(dir, ent.name);
    const shown = path.join(display, ent.name);
    if (ent.isDirectory()) walk(abs, shown, out);
    else if (isXlsx(ent.name)) {
      // Symlinked files are followed; symlinked directories are not, so a link loop cannot hang the walk.
      if (ent.isFile() || (ent.isSymbolicLink() && isFileSafe(abs))) out.push({ display: shown, abs });
    }
  }
}

function isFileSafe(p: string): boolean {
  try {
    return fs.statSync(p).isFile();
  } catch {
    return false;
  }
}

export interface Collected {
  inputs: Input[];
  /** Directories given on the command line that held no workbook (reported, not an error). */
  emptyDirs: string[];
}

export function collectInputs(args: string[]): Collected {
  const inputs: Input[] = [];
  const emptyDirs: string[] = [];
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
      add({ display: arg, abs, error: fsReason(e, cliText.notFound) });
      continue;
    }
    if (st.isDirectory()) {
      const found: Input[] = [];
      walk(abs, arg, found);
      if (found.length === 0) emptyDirs.push(arg);
      found.forEach(add);
    } else {
      // An explicitly named file is read whatever its name: the reader says why if it is no workbook.
      add({ display: arg, abs });
    }
  }
  return { inputs, emptyDirs };
}

/**
 * `outDir/<basename>` for each input; a clash (same basename from two folders, or a name that would
 * overwrite one of the inputs themselves) gets `-2`, `-3`… before the extension.
 * Compared case-insensitively because Windows and macOS file systems are.
 */
export function outputNames(inputs: Input[], outDir: string): string[] {
  const outAbs = path.resolve(outDir);
  const taken = new Set<string>(inputs.map((i) => i.abs.toLowerCase()));
  return inputs.map((i) => {
    const base = path.basename(i.abs);
    const ext = path.extname(base);
    const stem = base.slice(0, base.length - ext.length);
    for (let n = 1; ; n++) {
      const name = n === 1 ? base : `${stem}-${n}${ext}`;
      const full = path.join(outAbs, name);
      if (!taken.has(full.toLowerCase())) {
        taken.add(full.toLowerCase());
        return full;
      }
    }
  });
}
