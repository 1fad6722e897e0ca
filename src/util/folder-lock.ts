/**
 * A lock file that says which process owns a folder (an output folder, the
 * cache), so two builds never interleave their writes there. A lock file
 * holds its owner (pid, host, when taken); it is made whole and atomically
 * (a fully written temp file hard-linked into place: link fails if the lock
 * exists), so a reader never sees half of one.
 *
 * Why not proper-lockfile: its staleness is an mtime its owner refreshes on
 * a timer, and a build blocks the event loop for seconds at a time (parsing,
 * synchronous writes), so a live build would look stale and lose its lock.
 * Here a lock is stale only when its owner is gone: same host, and the pid
 * no longer runs, or runs a process started after the lock was taken (the
 * pid was reused; Linux /proc tells when a process started).
 */
import { randomBytes } from 'node:crypto';
import { linkSync, readFileSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Who holds a lock. */
export interface LockOwner {
  pid: number;
  host: string;
  /** When the lock was taken, ms since the epoch. */
  since: number;
}

/** A lock this process holds. */
export interface HeldLock {
  readonly file: string;
  /** Removes the lock file if it is still ours; safe to call twice. */
  release(): void;
}

/** Lock options. */
export interface LockOptions {
  /** Called once, when the lock is found held by a live process and the wait begins. */
  onWait?: (owner: LockOwner) => void;
  /** Time between attempts while waiting, in ms (default 200). */
  pollMs?: number;
}

/** A breaker lock older than this was left by a process killed while breaking a stale lock. */
const BREAKER_STALE_MS = 10_000;

/**
 * Takes the lock `file` (its folder must exist), waiting while a live
 * process holds it and taking over a lock whose owner is gone. Throws only
 * for a file-system error (a read-only folder…).
 */
export async function acquireLock(file: string, options: LockOptions = {}): Promise<HeldLock> {
  let announced = false;
  for (;;) {
    const mine = tryLock(file);
    if (mine) return mine;
    const held = readLock(file);
    if (held === undefined) continue; // released between our attempt and the read: try again at once
    if (held.owner === undefined || !isAlive(held.owner)) {
      if (!breakStale(file, held.text)) await pause(options);
      continue;
    }
    if (!announced) options.onWait?.(held.owner);
    announced = true;
    await pause(options);
  }
}

const pause = (options: LockOptions): Promise<void> => new Promise((resolve) => setTimeout(resolve, options.pollMs ?? 200));

/** Creates the lock if nobody holds it; undefined when it exists. */
function tryLock(file: string): HeldLock | undefined {
  const owner: LockOwner = { pid: process.pid, host: os.hostname(), since: Date.now() };
  const text = `${JSON.stringify(owner)}\n`;
  const temp = `${file}.${process.pid}-${randomBytes(4).toString('hex')}`;
  try {
    writeFileSync(temp, text, { flag: 'wx' });
    linkSync(temp, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return undefined;
    // A full or read-only disk: say which lock could not be made (a write error names no file).
    throw Object.assign(error as Error, { path: file, dest: undefined });
  } finally {
    rmSync(temp, { force: true });
  }
  let released = false;
  const release = (): void => {
    if (released) return;
    released = true;
    process.off('exit', release);
    if (readLock(file)?.text === text) rmSync(file, { force: true });
  };
  // A process that exits without releasing (an uncaught error) still frees the folder; a killed one leaves a stale lock.
  process.on('exit', release);
  return { file, release };
}

/** The lock's text and owner (undefined owner: not a lock this tool wrote); undefined when there is no lock. */
function readLock(file: string): { text: string; owner: LockOwner | undefined } | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  return { text, owner: parseOwner(text) };
}

function parseOwner(text: string): LockOwner | undefined {
  try {
    const value = JSON.parse(text) as Record<string, unknown>;
    const { pid, host, since } = value;
    if (Number.isSafeInteger(pid) && (pid as number) > 0 && typeof host === 'string' && typeof since === 'number') {
      return { pid: pid as number, host, since };
    }
  } catch {
    // not JSON: damaged or foreign, so nobody's
  }
  return undefined;
}

/** True unless `owner` is provably gone (another host's process is assumed alive). */
export function isAlive(owner: LockOwner): boolean {
  if (owner.host !== os.hostname()) return true;
  try {
    process.kill(owner.pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'; // EPERM: alive, someone else's
  }
  const started = processStart(owner.pid);
  // A process that started after the lock was taken cannot have taken it: the pid was reused.
  return started === undefined || started <= owner.since + 1000;
}

/** When process `pid` started (ms since the epoch), from Linux's /proc; undefined elsewhere. */
function processStart(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const ticks = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19]); // field 22, after the command name
    const boot = /^btime (\d+)$/m.exec(readFileSync('/proc/stat', 'utf8'));
    if (!boot || !Number.isFinite(ticks)) return undefined;
    return Number(boot[1]) * 1000 + ticks * 10; // USER_HZ is 100 on Linux
  } catch {
    return undefined;
  }
}

/**
 * Removes a stale lock whose text is `stale`. Under a breaker lock, and only
 * if the lock still holds that text: two waiters that both found it stale
 * must not remove the fresh lock the first one took. False when another
 * process is breaking it.
 */
function breakStale(file: string, stale: string): boolean {
  const breaker = `${file}.break`;
  try {
    writeFileSync(breaker, String(process.pid), { flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    try {
      if (Date.now() - statSync(breaker).mtimeMs > BREAKER_STALE_MS) rmSync(breaker, { force: true });
    } catch {
      // gone already
    }
    return false; // someone else is breaking it; the caller waits and tries again
  }
  try {
    if (readLock(file)?.text === stale) unlinkSync(file);
  } finally {
    rmSync(breaker, { force: true });
  }
  return true;
}

/** The lock file's name inside a folder. */
export const lockFileIn = (folder: string): string => path.join(folder, '.commonplace-lock');
