/**
 * The project's only two ways to put a file on disk. Both are crash-safe:
 * a reader sees the old bytes or the new ones, never a truncated file.
 */
import { randomBytes } from 'node:crypto';
import { closeSync, constants, fsyncSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
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
  return writeTempChunks(file, [data]);
}

/** Text is gathered up to about this many UTF-16 units before it is encoded and written. */
const WRITE_BATCH = 1 << 20;

/**
 * `writeTemp` for text that comes in pieces, written as it arrives: a file
 * can be larger than any one string V8 can hold (~512 M characters; a
 * 100,000-note handbook.html is ~1.8 GB). `onBytes` sees the file's bytes in
 * order, batch by batch, as they are written (to hash them on the way). If
 * `chunks` throws, the temp file is removed and the error passes on.
 */
export function writeTempChunks(file: string, chunks: Iterable<string | Uint8Array>, onBytes?: (bytes: Uint8Array) => void): string {
  const temp = path.join(path.dirname(file), `${TEMP_PREFIX}${path.basename(file)}-${process.pid}-${randomBytes(4).toString('hex')}`);
  const fd = openSync(temp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, 0o644);
  try {
    // Small pieces (a closing tag, a separator) are batched so each write and hash update is worth its call.
    let pending: string[] = [];
    let pendingLength = 0;
    const put = (bytes: Uint8Array): void => {
      writeAll(fd, bytes);
      onBytes?.(bytes);
    };
    const flush = (final: boolean): void => {
      if (pending.length === 0) return;
      let text = pending.length === 1 ? pending[0]! : pending.join('');
      pending = [];
      pendingLength = 0;
      // A surrogate pair split between two pieces must be encoded whole, so a trailing high surrogate waits for the next piece.
      const last = text.charCodeAt(text.length - 1);
      if (!final && last >= 0xd800 && last <= 0xdbff) {
        pending.push(text.slice(-1));
        pendingLength = 1;
        text = text.slice(0, -1);
      }
      put(Buffer.from(text, 'utf8'));
    };
    for (const chunk of chunks) {
      if (typeof chunk !== 'string') {
        flush(true);
        put(chunk);
        continue;
      }
      pending.push(chunk);
      pendingLength += chunk.length;
      if (pendingLength >= WRITE_BATCH) flush(false);
    }
    flush(true);
    fsyncSync(fd);
  } catch (error) {
    closeSync(fd);
    rmSync(temp, { force: true });
    throw withPath(error, temp);
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
 * `mkdir -p`, with the true cause when it fails: Node's recursive mkdir
 * reports ENOENT for a folder it cannot create on a read-only file system.
 */
export function makeFolder(dir: string): void {
  try {
    mkdirSync(dir, { recursive: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    mkdirSync(path.dirname(dir), { recursive: true });
    mkdirSync(dir); // throws the cause (EROFS, EACCES…) the recursive call hid
  }
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
  } catch (error) {
    throw withPath(error, file);
  } finally {
    closeSync(fd);
  }
}

/** A write or fsync error names no file (it has only the descriptor): give it the file, for the user's message. */
function withPath(error: unknown, file: string): unknown {
  if (error instanceof Error && 'code' in error && !('path' in error)) Object.assign(error, { path: file });
  return error;
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
