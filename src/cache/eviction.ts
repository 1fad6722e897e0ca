/**
 * Which cache entries to remove: those no run has used for a week. Every
 * edit leaves entries no later run asks for (the note's old entry, the
 * rendered fragments of the essays it changed), so without this the cache
 * grows with every edit. The rule is Gradle's build cache's: entries unused
 * for 7 days go, and a run looks for them at most once a day.
 *
 * "Used" is kept in the files' modification times: the run that evicts
 * refreshes the time of every entry it used that is over a day old, so an
 * entry some kind of run keeps using (lint, a site-only build, `serve`)
 * never looks unused to another kind that does not.
 */
import { TEMP_PREFIX } from '../util/fs-write.js';

const DAY = 24 * 60 * 60 * 1000;
/** An entry unused for longer than this is removed. */
export const KEEP_UNUSED_MS = 7 * DAY;
/** A run looks for unused entries only if the last look is this old. */
export const EVICT_EVERY_MS = DAY;
/** A used entry older than this gets a fresh modification time (so not every run writes 10,000 times). */
const REFRESH_AFTER_MS = DAY;

/** One file in a cache scope's entry folders, as the walk found it. */
export interface EntryFileState {
  /** The file's name, unique within the scope (its folder and name). */
  file: string;
  /** Its modification time, ms since the epoch. */
  modified: number;
  /** Whether this run read or wrote it. */
  used: boolean;
}

export interface EvictionPlan {
  remove: string[];
  refresh: string[];
}

/** Whether a run should look for unused entries, given when one last did (`undefined`: never). */
export function evictionDue(lastLook: number | undefined, now: number): boolean {
  // A clock set back makes the last look lie in the future: look again rather than never.
  return lastLook === undefined || now - lastLook >= EVICT_EVERY_MS || lastLook > now;
}

/**
 * What to do with each file: remove an entry unused for a week, or a temp
 * file a killed run left (over a day old, so never one a live run is
 * writing); refresh a used entry over a day old; leave the rest.
 */
export function evictionPlan(files: readonly EntryFileState[], now: number): EvictionPlan {
  const plan: EvictionPlan = { remove: [], refresh: [] };
  for (const { file, modified, used } of files) {
    const age = now - modified;
    const name = file.slice(file.lastIndexOf('/') + 1);
    if (name.startsWith(TEMP_PREFIX)) {
      if (age > DAY) plan.remove.push(file);
    } else if (used) {
      if (age > REFRESH_AFTER_MS) plan.refresh.push(file);
    } else if (age > KEEP_UNUSED_MS) {
      plan.remove.push(file);
    }
  }
  return plan;
}
