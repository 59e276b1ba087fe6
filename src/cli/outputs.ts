// Writing outputs without ever replacing a file the run did not create: everything is written to a temporary file
// in the target folder and then linked to its final name, which fails if the name exists (no check-then-write race);
// the temporary file is removed. A full disk or a crash leaves at most a hidden temporary file, never a truncated
// report under the final name.
import * as fs from 'fs';
import * as path from 'path';
import * as crypto from 'crypto';
import { candidateName } from './inputs';

/** A hidden temporary name in `dir`, not created yet (see claim). */
export function tempName(dir: string, ext = '.tmp'): string {
  return path.join(dir, `.ptcheck-${process.pid}-${crypto.randomBytes(8).toString('hex')}${ext}`);
}

/** Creates `p` empty, failing if anything is there: from then on it is this run's file. */
export function claim(p: string): void {
  fs.closeSync(fs.openSync(p, 'wx'));
}

/** A fresh hidden file in `dir`, created exclusively (two runs cannot share it). */
export function tempFile(dir: string, ext = '.tmp'): string {
  for (;;) {
    const p = tempName(dir, ext);
    try {
      claim(p);
      return p;
    } catch (e) {
      if ((e as { code?: string }).code !== 'EEXIST') throw e;
    }
  }
}

/** A temporary file and what a writer that was stopped mid-way may have left beside it (save.ts's own temp). */
export function removeTemp(p: string): void {
  removeQuietly(p);
  removeQuietly(path.join(path.dirname(p), `.${path.basename(p)}.${process.pid}.tmp`));
}

export function removeQuietly(p: string | undefined): void {
  if (!p) return;
  try {
    fs.rmSync(p, { force: true });
  } catch {
    // nothing to undo
  }
}

/** Hard link without replacing; where the file system has no hard links, an exclusive copy. */
function linkNoReplace(from: string, to: string): void {
  try {
    fs.linkSync(from, to);
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EXDEV' && code !== 'ENOSYS') throw e;
    fs.copyFileSync(from, to, fs.constants.COPYFILE_EXCL);
  }
}

/**
 * Moves the finished temporary file `tmp` to `dir/name`, or `name-2`, `name-3`… when that exists; returns the
 * path used. `once`: fail with EEXIST instead of picking another name (a file the user named exactly).
 */
export function publish(tmp: string, dir: string, name: string, once = false): string {
  try {
    for (let n = 1; ; n++) {
      const target = path.join(dir, candidateName(name, n));
      try {
        linkNoReplace(tmp, target);
        return target;
      } catch (e) {
        if ((e as { code?: string }).code !== 'EEXIST' || once) throw e;
      }
    }
  } finally {
    removeQuietly(tmp);
  }
}

/** A report written piece by piece to a temporary file, published at the end. */
export class TempWriter {
  readonly path: string;
  private fd: number | null;

  constructor(dir: string, ext = '.tmp') {
    this.path = tempFile(dir, ext);
    this.fd = fs.openSync(this.path, 'w');
  }

  write(s: string): void {
    if (this.fd !== null) fs.writeSync(this.fd, s);
  }

  /**
   * Closes the file and publishes it. `durable`: flushed to disk first, so that even a power cut cannot leave a
   * published name with missing content (the run's reports; not each per-file page, where it costs seconds).
   */
  publish(dir: string, name: string, once = false, durable = false): string {
    this.close(durable);
    return publish(this.path, dir, name, once);
  }

  close(durable = false): void {
    if (this.fd === null) return;
    try {
      if (durable) fs.fsyncSync(this.fd);
    } finally {
      fs.closeSync(this.fd);
      this.fd = null;
    }
  }

  discard(): void {
    try {
      this.close();
    } catch {
      // already failing
    }
    removeQuietly(this.path);
  }
}
