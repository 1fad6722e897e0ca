/**
 * The relation flags of `new` and `import` (`--builds-on NOTE`…): one per
 * built-in relation, each naming existing notes, written as `relations:`.
 */
import type { LibraryIndex } from '../scaffold/create.js';
import { splitList } from '../scaffold/fields.js';
import { UsageError } from './io.js';

/** The flags, in the vocabulary's order, as `CommandSpec` flags. */
export const RELATION_FLAGS = {
  'responds-to': { type: 'string', value: 'NOTE', multiple: true, help: 'a note it responds to (file name, title or alias; repeat or comma-separate)' },
  'builds-on': { type: 'string', value: 'NOTE', multiple: true, help: 'a note it builds on' },
  contradicts: { type: 'string', value: 'NOTE', multiple: true, help: 'a note it contradicts' },
  supports: { type: 'string', value: 'NOTE', multiple: true, help: 'a note it supports' },
  summarises: { type: 'string', value: 'NOTE', multiple: true, help: 'a note it summarises' },
} as const;

type RelationFlag = keyof typeof RELATION_FLAGS;

/**
 * Each relation flag's values (repeated, or comma-separated) resolved to the
 * notes they name, written by id (unique, and stable when a title changes);
 * a value that names no note is a usage error with the closest name.
 */
export function relationFlags(values: Partial<Record<RelationFlag, string[]>>, index: LibraryIndex): [string, string[]][] {
  const out: [string, string[]][] = [];
  for (const flag of Object.keys(RELATION_FLAGS) as RelationFlag[]) {
    const ids = new Set<string>();
    for (const name of (values[flag] ?? []).flatMap((v) => splitList(v))) {
      const found = index.find(name);
      if (found.id === null) {
        const hint = found.suggestion === null ? '; name a note by its file name, title or alias' : `; did you mean "${found.suggestion}"?`;
        throw new UsageError(`--${flag} "${name}": no note in the library has that file name, title or alias${hint}`);
      }
      ids.add(found.id);
    }
    if (ids.size > 0) out.push([flag, [...ids]]);
  }
  return out;
}
