/**
 * Finding the note a person means on the command line: `related NOTE` accepts
 * a slug (id), a path (relative to the current folder or to the library) or
 * a title/alias, written loosely. First hit wins, in that order.
 */
import path from 'node:path';
import type { Note } from '../types.js';
import { closestName } from './glossary.js';
import { phraseKey } from './phrase.js';

/** The note, or the closest id/title to suggest (null when nothing is close). */
export type FoundNote = { note: Note } | { note: null; suggestion: string | null };

/**
 * Looks `query` up among `notes`: exact id; a path (`library/x.md`, `x.md`,
 * `sub/x`) resolved against `cwd` and the library `root`; an exact title or
 * alias ignoring case; an id ignoring case; then a title or alias compared as
 * a normalised phrase (`conway’s laws` finds "Conway's Law").
 */
export function findNote(notes: readonly Note[], query: string, root: string, cwd: string): FoundNote {
  const wanted = query.trim();
  const lower = wanted.toLowerCase();
  const byId = notes.find((n) => n.id === wanted);
  if (byId) return { note: byId };

  const fromCwd = path.relative(root, path.resolve(cwd, wanted)).split(path.sep).join('/');
  const paths = new Set([fromCwd, wanted.replace(/^\.\//u, '')].flatMap((p) => [p, `${p}.md`]));
  const byPath = notes.find((n) => paths.has(n.path));
  if (byPath) return { note: byPath };

  const names = (n: Note): string[] => [n.meta.title, ...n.meta.aliases].filter((t): t is string => typeof t === 'string');
  const exact = notes.find((n) => names(n).some((t) => t.trim().toLowerCase() === lower) || n.id.toLowerCase() === lower);
  if (exact) return { note: exact };
  const key = phraseKey(wanted);
  const loose = key === '' ? undefined : notes.find((n) => names(n).some((t) => phraseKey(t) === key));
  if (loose) return { note: loose };

  const candidates = notes.flatMap((n) => [n.id as string, ...names(n)]);
  return { note: null, suggestion: closestName(wanted, candidates) };
}
