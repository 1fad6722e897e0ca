/**
 * The only disk writer for `dist/`: every file staged as a fsynced temp file,
 * then all renamed into place, after sweeping temp files a killed run left.
 * Files may come from a lazy iterable, and a file's text may come in chunks
 * written as they are rendered, so no output need ever be one string (a
 * 100,000-note handbook.html is larger than the longest string V8 allows).
 */
import { readdirSync, rmSync } from 'node:fs';
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
 * until all are staged. Each file is whole or untouched.
 */
export function writeOutputs(outDir: string, files: Iterable<FileToWrite>, onStaged?: (name: string, bytes: Uint8Array) => void): string[] {
  makeFolder(outDir);
  sweepTempFiles(outDir);
  const staged: [temp: string, target: string][] = [];
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
      staged.push([writeTempChunks(target, chunks, onStaged && ((bytes) => onStaged(file.name, bytes))), target]);
    }
  } catch (error) {
    for (const [temp] of staged) rmSync(temp, { force: true });
    throw error;
  }
  for (const [temp, target] of staged) commitTemp(temp, target);
  return staged.map(([, target]) => target);
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
