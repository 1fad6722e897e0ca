/**
 * The folders a command run owns while it runs: the output folder (a build)
 * and the cache folder (a build or lint with the cache). A second run waits,
 * saying whom it waits for; a lock left by a killed run is taken over.
 * Always the output folder before the cache (a lint takes only the cache),
 * so two runs never wait on each other in a circle.
 */
import { existsSync, readdirSync, rmdirSync } from 'node:fs';
import { acquireLock, lockFileIn, type HeldLock } from '../util/folder-lock.js';
import { makeFolder } from '../util/fs-write.js';
import type { CommandIO } from './io.js';
import { displayPath } from './library.js';

/** The folders to own; either may be absent (`--no-cache`, a lint). */
export interface OwnedFolders {
  cache?: string | undefined;
  out?: string | undefined;
}

/**
 * Runs `work` holding the locks of `folders`, and releases them after. An
 * output folder created only to hold its lock is removed again if `work`
 * left nothing in it. A cache folder that cannot hold a lock (a read-only
 * project) is used unlocked: its writes fail quietly anyway.
 */
export async function withFolderLocks<T>(io: CommandIO, folders: OwnedFolders, work: () => Promise<T>): Promise<T> {
  const held: HeldLock[] = [];
  const outCreated = folders.out !== undefined && !existsSync(folders.out);
  try {
    if (folders.out !== undefined) {
      const out = folders.out;
      makeFolder(out);
      held.push(await acquireLock(lockFileIn(out), { onWait: ({ pid }) => io.stderr.write(`waiting for another build of ${displayPath(io, out)}/ (pid ${pid})\n`) }));
    }
    if (folders.cache !== undefined) {
      const cache = folders.cache;
      const lock = await lockOrSkip(cache, (pid) => `waiting for another commonplace run using the cache ${displayPath(io, cache)} (pid ${pid})`, io);
      if (lock) held.push(lock);
    }
    return await work();
  } finally {
    for (const lock of held.reverse()) lock.release();
    if (outCreated) removeIfEmpty(folders.out!);
  }
}

async function lockOrSkip(folder: string, waiting: (pid: number) => string, io: Pick<CommandIO, 'stderr'>): Promise<HeldLock | undefined> {
  try {
    makeFolder(folder);
    return await acquireLock(lockFileIn(folder), { onWait: ({ pid }) => io.stderr.write(`${waiting(pid)}\n`) });
  } catch {
    return undefined;
  }
}

function removeIfEmpty(folder: string): void {
  try {
    if (readdirSync(folder).length === 0) rmdirSync(folder);
  } catch {
    // not ours to worry about: the folder stays
  }
}
