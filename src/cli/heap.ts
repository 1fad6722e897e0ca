/**
 * Room in V8's heap for a large library. A build keeps every note read (~95
 * KB of heap a note after reading, measured at 10,000 notes), and V8's
 * default old-space limit is about 4 GB whatever the machine has, so a
 * 100,000-note build would abort with "heap out of memory" on a machine with
 * room to spare. The limit can only be set when a process starts, so for a
 * library too large for the current limit the command runs again in a child
 * node with `--max-old-space-size` sized to the library and the machine.
 *
 * Small libraries pay one directory listing; nothing is relaunched when the
 * user chose a limit (`--max-old-space-size` in NODE_OPTIONS or node's own
 * flags), when the current limit is enough, or when it could not grow.
 */
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import v8 from 'node:v8';
import type { CommandIO } from './io.js';

/** Heap a note needs while building, with room for the collector to work in (measured ~95 KB after reading). */
const HEAP_PER_NOTE_MB = 0.2;
/** The rest of a build: code, the glossary, the handbook model, the emit pieces in flight. */
const HEAP_BASE_MB = 512;
/** Never ask for more than this share of the machine's memory: workers, buffers and the OS need the rest. */
const MACHINE_SHARE = 0.7;
/** Set in the child, so it never relaunches itself. */
const RELAUNCHED = 'COMMONPLACE_HEAP_RELAUNCHED';

/** The old-space limit (MiB) a library of `notes` notes should run with, or undefined if the current one will do. */
export function heapLimitFor(notes: number, current: number, machine: number): number | undefined {
  const wanted = Math.ceil(HEAP_BASE_MB + notes * HEAP_PER_NOTE_MB);
  if (wanted <= current) return undefined;
  const limit = Math.min(wanted, Math.floor(machine * MACHINE_SHARE));
  return limit > current ? limit : undefined;
}

/** True when the user set the heap limit themselves (node flag or NODE_OPTIONS). */
const userChoseLimit = (env: NodeJS.ProcessEnv): boolean =>
  [...process.execArgv, env.NODE_OPTIONS ?? ''].some((arg) => /--max[-_]old[-_]space[-_]size/.test(arg));

/**
 * Runs `commonplace <command> <argv>` again in a node with a larger heap when
 * the library at `root` needs one, and resolves to its exit code; resolves
 * to undefined when this process should go on itself. Only for the real
 * process (`io` writes to this process's stdout): output goes straight to
 * the terminal, and Ctrl-C reaches the child, which decides how to end.
 */
export async function runWithRoomFor(io: CommandIO, root: string, command: string, argv: readonly string[]): Promise<number | undefined> {
  if (io.stdout !== process.stdout || io.env[RELAUNCHED] !== undefined || userChoseLimit(io.env)) return undefined;
  const current = Math.floor(v8.getHeapStatistics().heap_size_limit / 2 ** 20);
  const machine = Math.floor(os.totalmem() / 2 ** 20);
  // The cheap test first: with no room to grow, a small library costs not even the listing.
  if (heapLimitFor(Number.MAX_SAFE_INTEGER, current, machine) === undefined) return undefined;
  const limit = heapLimitFor(countNotes(root), current, machine);
  if (limit === undefined) return undefined;
  const bin = fileURLToPath(new URL('../../bin/commonplace.js', import.meta.url));
  const child = spawn(process.execPath, [...process.execArgv, `--max-old-space-size=${limit}`, bin, command, ...argv], {
    cwd: io.cwd,
    env: { ...io.env, [RELAUNCHED]: String(limit) },
    stdio: 'inherit',
  });
  // Ctrl-C reaches both processes (the terminal signals the group): this one waits for the child to end.
  // A SIGTERM is usually sent to this process alone, so it is passed on.
  const ignore = (): void => undefined;
  const forward = (): void => void child.kill('SIGTERM');
  process.on('SIGINT', ignore).on('SIGTERM', forward);
  try {
    return await new Promise<number | undefined>((resolve) => {
      // A child that cannot start (no such executable) leaves the work to this process.
      child.on('error', () => resolve(undefined));
      child.on('exit', (code, signal) => resolve(code ?? (signal ? 128 + (os.constants.signals[signal] ?? 0) : 1)));
    });
  } finally {
    process.off('SIGINT', ignore).off('SIGTERM', forward);
  }
}

/**
 * Markdown files under `root` (an estimate of the notes: what discovery will
 * find, give or take ignores). A walk of `Dirent`s, not Node 20's recursive
 * `readdirSync`, which is many times slower on large folders (measured in
 * scripts/bench/README.md); symlinks are not followed either way.
 */
function countNotes(root: string): number {
  let count = 0;
  const folders = [root];
  for (let folder = folders.pop(); folder !== undefined; folder = folders.pop()) {
    let entries;
    try {
      entries = readdirSync(folder, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const entry of entries) {
      if (entry.isDirectory()) folders.push(path.join(folder, entry.name));
      else if (entry.name.endsWith('.md')) count++;
    }
  }
  return count;
}
