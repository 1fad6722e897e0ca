/**
 * The project's only two ways to put a file on disk. Both are crash-safe:
 * a reader sees the old bytes or the new ones, never a truncated file.
 */
import { randomBytes } from 'node:crypto';
import { closeSync, constants, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';

/** Marks temporary files so the next run can sweep strays left by a killed process. */
export const TEMP_PREFIX = '.commonplace-tmp-';

/**
 * Writes `data` to `file` through a temporary file in the same folder,
 * fsynced and then renamed over the target (rename is atomic on POSIX).
 */
export function writeFileAtomic(file: string, data: string | Uint8Array): void {
  commitTemp(writeTemp(file, data), file);
}

/**
 * The first half of `writeFileAtomic`: `data` in a fsynced temporary file
 * beside `file`, whose path is returned. Several files can be staged this way
 * and then committed together, so a failure before the commits changes none.
 */
export function writeTemp(file: string, data: string | Uint8Array): string {
  const temp = path.join(path.dirname(file), `${TEMP_PREFIX}${path.basename(file)}-${process.pid}-${randomBytes(4).toString('hex')}`);
  const fd = openSync(temp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, 0o644);
  try {
    writeAll(fd, data);
    fsyncSync(fd);
  } catch (error) {
    closeSync(fd);
    rmSync(temp, { force: true });
    throw error;
  }
  closeSync(fd);
  return temp;
}

/** The second half: renames the staged `temp` over `file` (atomic on POSIX) and makes the rename durable. */
export function commitTemp(temp: string, file: string): void {
  try {
    renameSync(temp, file);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
  fsyncDir(path.dirname(file));
}

/**
 * Creates `file` only if nothing is there: O_EXCL refuses an existing file and
 * a planted (even dangling) symlink, and of two racing calls exactly one wins.
 * Throws the `EEXIST` error otherwise; never overwrites.
 */
export function createExclusive(file: string, data: string | Uint8Array): void {
  const fd = openSync(file, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW, 0o644);
  try {
    writeAll(fd, data);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function writeAll(fd: number, data: string | Uint8Array): void {
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  let offset = 0;
  while (offset < bytes.length) offset += writeSync(fd, bytes, offset, bytes.length - offset);
}

function fsyncDir(dir: string): void {
  // Makes the rename itself durable; some file systems refuse fsync on a directory.
  try {
    const fd = openSync(dir, constants.O_RDONLY);
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    /* best effort */
  }
}
