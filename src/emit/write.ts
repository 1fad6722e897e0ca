/**
 * The only disk writer for `dist/`: every file staged as a fsynced temp file,
 * then all renamed into place, after sweeping temp files a killed run left.
 * Files may come from a lazy iterable, and a file's text may come in chunks
 * written as they are rendered, so no output need ever be one string (a
 * 100,000-note handbook.html is larger than the longest string V8 allows).
 */
import { closeSync, lstatSync, openSync, readdirSync, readSync, rmSync } from 'node:fs';
import path from 'node:path';
import { commitTemp, makeFolder, TEMP_PREFIX, writeTempChunks } from '../util/fs-write.js';

/**
 * A file to write: a name inside the output folder (plain file names joined
 * by `/`, e.g. `site/essays/a.html`), and its text, whole
 * (`content`) or as pieces to concatenate (`chunks`, iterated once, lazily).
 */
export type FileToWrite = { name: string; content: string | Uint8Array } | { name: string; chunks: Iterable<string | Uint8Array> };

/** True for a plain file name: no separator, no `.`/`..`, no NUL, not a temp-file name. */
export function isPlainFileName(name: string): boolean {
  return (
    name !== '' &&
    name !== '.' &&
    name !== '..' &&
    !/[\\/\u0000]/.test(name) &&
    !name.startsWith(TEMP_PREFIX) &&
    path.basename(name) === name
  );
}

/** True for `/`-joined plain file names (`site/essays/a.html`): it cannot escape the folder. */
export function isOutputPath(name: string): boolean {
  return name.split('/').every(isPlainFileName);
}

/**
 * Writes each file into `outDir` (created if missing) and returns the written
 * paths in order; `onStaged` sees each file's bytes as they go to disk, in
 * order, in one or more pieces (for a manifest's hashes), all of one file's
 * before the next file is rendered. A name that could escape `outDir`, or any
 * error before the last file is staged (a renderer failing halfway through a
 * file included), leaves every file as it was: nothing is renamed into place
 * until all are staged. Each file is whole or untouched. A file whose bytes
 * equal the file already there is left alone (returned all the same), so
 * after one edit only the pages that changed are rewritten.
 */
export function writeOutputs(outDir: string, files: Iterable<FileToWrite>, onStaged?: (name: string, bytes: Uint8Array) => void): string[] {
  makeFolder(outDir);
  sweepTempFiles(outDir);
  const staged: [temp: string, target: string][] = [];
  const outputs: string[] = [];
  const folders = new Set<string>([outDir]);
  try {
    for (const file of files) {
      if (!isOutputPath(file.name)) throw new Error(`refusing to write "${file.name}": output names must be plain file names inside ${outDir}`);
      const target = path.join(outDir, file.name);
      const folder = path.dirname(target);
      if (!folders.has(folder)) {
        // A sub-folder (site/essays): made on first use, and swept like the top.
        makeFolder(folder);
        sweepTempFiles(folder);
        folders.add(folder);
      }
      const chunks = 'chunks' in file ? file.chunks : [file.content];
      // Unchanged bytes are not staged, so not rewritten: its mtime stays, and one edit does not rewrite 10,000 pages.
      const temp = stageIfChanged(target, chunks, onStaged && ((bytes) => onStaged(file.name, bytes)));
      if (temp !== null) staged.push([temp, target]);
      outputs.push(target);
    }
  } catch (error) {
    for (const [temp] of staged) rmSync(temp, { force: true });
    throw error;
  }
  for (const [temp, target] of staged) commitTemp(temp, target);
  return outputs;
}

/**
 * Stages `chunks` for `target` unless they are exactly the bytes already
 * there: compared piece by piece as they are rendered (nothing held but one
 * piece), and only at the first difference is a temp file started, with the
 * equal prefix copied from the target. Returns the temp file, or null when
 * unchanged; `onBytes` sees every byte once, in order, either way.
 */
function stageIfChanged(target: string, chunks: Iterable<string | Uint8Array>, onBytes?: (bytes: Uint8Array) => void): string | null {
  let fd: number;
  let size: number;
  try {
    const stat = lstatSync(target);
    if (!stat.isFile()) return writeTempChunks(target, chunks, onBytes);
    fd = openSync(target, 'r');
    size = stat.size;
  } catch {
    return writeTempChunks(target, chunks, onBytes);
  }
  const iterator = chunks[Symbol.iterator]();
  let same = 0;
  let carry = '';
  try {
    for (let next = iterator.next(); ; next = iterator.next()) {
      let bytes: Uint8Array;
      if (next.done) {
        if (carry === '') return same === size ? null : stageFrom(target, fd, same, [], iterator, onBytes);
        bytes = Buffer.from(carry, 'utf8');
        carry = '';
      } else if (typeof next.value === 'string') {
        // A surrogate pair split between two pieces is encoded whole: a trailing high surrogate waits for the next piece.
        let text = carry + next.value;
        const last = text.charCodeAt(text.length - 1);
        carry = last >= 0xd800 && last <= 0xdbff ? text.slice(-1) : '';
        if (carry !== '') text = text.slice(0, -1);
        bytes = Buffer.from(text, 'utf8');
      } else {
        bytes = next.value;
        if (carry !== '') {
          const pending = Buffer.from(carry, 'utf8');
          carry = '';
          if (!matches(fd, same, size, pending)) return stageFrom(target, fd, same, [pending, bytes], iterator, onBytes);
          onBytes?.(pending);
          same += pending.length;
        }
      }
      if (!matches(fd, same, size, bytes)) return stageFrom(target, fd, same, carry === '' ? [bytes] : [bytes, carry], iterator, onBytes);
      onBytes?.(bytes);
      same += bytes.length;
      if (next.done) return same === size ? null : stageFrom(target, fd, same, [], iterator, onBytes);
    }
  } finally {
    closeSync(fd);
  }
}

/** True when the file `fd` holds `bytes` at `offset`. */
function matches(fd: number, offset: number, size: number, bytes: Uint8Array): boolean {
  if (offset + bytes.length > size) return false;
  if (bytes.length === 0) return true;
  const found = Buffer.allocUnsafe(bytes.length);
  let read = 0;
  while (read < bytes.length) {
    const n = readSync(fd, found, read, bytes.length - read, offset + read);
    if (n === 0) return false;
    read += n;
  }
  return found.equals(bytes);
}

/** The temp file for a changed output: the first `equal` bytes of the target (already reported), then `pending` and the rest. */
function stageFrom(target: string, fd: number, equal: number, pending: (string | Uint8Array)[], rest: Iterator<string | Uint8Array>, onBytes?: (bytes: Uint8Array) => void): string {
  function* pieces(): Generator<string | Uint8Array> {
    for (let at = 0; at < equal; ) {
      const piece = Buffer.allocUnsafe(Math.min(1 << 20, equal - at));
      const n = readSync(fd, piece, 0, piece.length, at);
      if (n === 0) throw new Error(`${target}: changed while being compared`);
      yield piece.subarray(0, n);
      at += n;
    }
    yield* pending;
    for (let next = rest.next(); !next.done; next = rest.next()) yield next.value;
  }
  let skip = equal;
  return writeTempChunks(target, pieces(), (bytes) => {
    if (skip >= bytes.length) return void (skip -= bytes.length);
    onBytes?.(skip === 0 ? bytes : bytes.subarray(skip));
    skip = 0;
  });
}

/** Removes temp files a killed run left behind (ours only: they carry TEMP_PREFIX). */
export function sweepTempFiles(outDir: string): string[] {
  const swept: string[] = [];
  for (const entry of readdirSync(outDir, { withFileTypes: true })) {
    if (entry.isFile() && entry.name.startsWith(TEMP_PREFIX)) {
      rmSync(path.join(outDir, entry.name), { force: true });
      swept.push(entry.name);
    }
  }
  return swept;
}

/**
 * Removes the files under `outDir/folder` that `written` (absolute paths, as
 * `writeOutputs` returns them) does not hold, so a deleted note's page goes
 * too; returns the removed paths, sorted. Only regular files and emptied
 * sub-folders are removed; a symlink is removed, never followed.
 */
export function removeStale(outDir: string, folder: string, written: readonly string[]): string[] {
  const keep = new Set(written.map((file) => path.resolve(file)));
  const top = path.join(outDir, folder);
  const removed: string[] = [];
  const walk = (dir: string): void => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        walk(file);
        if (readdirSync(file).length === 0) rmSync(file, { recursive: true, force: true });
      } else if (!keep.has(path.resolve(file))) {
        rmSync(file, { force: true });
        removed.push(file);
      }
    }
  };
  walk(top);
  return removed.sort();
}
