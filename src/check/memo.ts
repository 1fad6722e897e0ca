/**
 * Per-run indexes shared by every note of a run (a title lookup, a link
 * resolver), so a note rule does not rebuild an O(notes) index per note.
 * Keyed weakly on the run's own arrays: nothing outlives the run.
 */
const cache = new WeakMap<object, Map<string, unknown>>();

/** Builds `name` for `owner` once; later calls with the same owner get the same value. */
export function memoize<T>(owner: object, name: string, build: () => T): T {
  let entries = cache.get(owner);
  if (!entries) cache.set(owner, (entries = new Map()));
  if (!entries.has(name)) entries.set(name, build());
  return entries.get(name) as T;
}
