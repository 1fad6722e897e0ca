/**
 * The only disk writer for `dist/`: each file through `writeFileAtomic`
 * (temp file, fsync, rename), after sweeping temp files a killed run left.
 */
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { TEMP_PREFIX, writeFileAtomic } from '../util/fs-write.js';

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
 * paths in order. Refuses, before writing anything, a name that could escape
 * `outDir`. Each file is whole or untouched: a crash leaves the old version.
 */
export function writeOutputs(outDir: string, files: readonly FileToWrite[]): string[] {
  for (const file of files) {
    if (!isPlainFileName(file.name)) throw new Error(`refusing to write "${file.name}": output names must be plain file names inside ${outDir}`);
  }
  mkdirSync(outDir, { recursive: true });
  sweepTempFiles(outDir);
  return files.map((file) => {
    const target = path.join(outDir, file.name);
    writeFileAtomic(target, file.content);
    return target;
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
