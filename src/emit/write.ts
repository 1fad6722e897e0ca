/**
 * The only disk writer for `dist/`: every file staged as a fsynced temp file,
 * then all renamed into place, after sweeping temp files a killed run left.
 * Files may come from a lazy iterable, so only one output's text needs to be
 * in memory at a time (a 10,000-note handbook is hundreds of megabytes).
 */
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { commitTemp, TEMP_PREFIX, writeTemp } from '../util/fs-write.js';

/** A file to write: a bare name inside the output folder, and its text. */
export interface FileToWrite {
  name: string;
  content: string;
}

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

/**
 * Writes each file into `outDir` (created if missing) and returns the written
 * paths in order; `onStaged` sees each file's bytes once they are on disk
 * (for a manifest's hashes). A name that could escape `outDir`, or any error
 * before the last file is staged, leaves every file as it was: nothing is
 * renamed into place until all are staged. Each file is whole or untouched.
 */
export function writeOutputs(outDir: string, files: Iterable<FileToWrite>, onStaged?: (name: string, bytes: Uint8Array) => void): string[] {
  mkdirSync(outDir, { recursive: true });
  sweepTempFiles(outDir);
  const staged: [temp: string, target: string][] = [];
  try {
    for (const file of files) {
      if (!isPlainFileName(file.name)) throw new Error(`refusing to write "${file.name}": output names must be plain file names inside ${outDir}`);
      const target = path.join(outDir, file.name);
      const bytes = Buffer.from(file.content, 'utf8');
      staged.push([writeTemp(target, bytes), target]);
      onStaged?.(file.name, bytes);
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
