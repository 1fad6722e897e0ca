/**
 * A file's stamp: what identifies its version without reading it (size,
 * modification and change times, inode), as git's index keeps. A stamp is
 * `settled` when both times are more than two seconds old: a later write
 * then always gives another stamp, whereas a second write within the file
 * system's timestamp granularity could leave a fresh stamp unchanged. Only
 * settled stamps may be recorded to skip reading a file (git's "racily
 * clean" entries).
 */
import { lstatSync } from 'node:fs';

export interface FileStamp {
  text: string;
  settled: boolean;
}

/** The stamp of the regular file at `file` at time `now`, or null when there is none (absent, a folder, a symlink). */
export function fileStamp(file: string, now: number = Date.now()): FileStamp | null {
  const stats = lstatSync(file, { throwIfNoEntry: false });
  if (!stats?.isFile()) return null;
  // Milliseconds with a fraction (microsecond precision): plenty, given the two-second rule.
  const settled = now - Math.max(stats.mtimeMs, stats.ctimeMs) > 2000;
  return { text: `${stats.size}:${stats.mtimeMs}:${stats.ctimeMs}:${stats.ino}`, settled };
}
