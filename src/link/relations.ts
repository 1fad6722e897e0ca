/**
 * Typed relations (front matter `relations:`) resolved to notes and seen from
 * both ends: `out` on the note that declares one, `in` on its target. Items
 * lint reports (an unknown name, an unknown target, a note related to
 * itself) are left out here; a relation given twice counts once.
 *
 * Complexity: O(items) lookups, then a sort of each note's list.
 */
import type { Note, NoteId, Relation } from '../types.js';
import { sortBy } from '../util/sort.js';
import type { RelationPhrases } from './relation-types.js';
import type { LinkResolver } from './resolve.js';

/** A relation between two notes as declared: `from` says `type` of `to`. */
export interface ResolvedRelation {
  from: NoteId;
  type: string;
  to: NoteId;
}

/** Every declared relation that names a known type and another note, once each, sorted by from, type, to. */
export function resolveRelations(notes: readonly Note[], resolver: Pick<LinkResolver, 'note'>, vocabulary: ReadonlyMap<string, RelationPhrases>): ResolvedRelation[] {
  const seen = new Set<string>();
  const out: ResolvedRelation[] = [];
  for (const note of notes) {
    for (const entry of note.meta.relations) {
      if (!vocabulary.has(entry.type)) continue;
      const to = resolver.note(entry.target);
      if (to === null || to === note.id) continue;
      const key = `${note.id}\0${entry.type}\0${to}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({ from: note.id, type: entry.type, to });
    }
  }
  return sortBy(out, (r) => r.from, (r) => r.type, (r) => r.to);
}

/** Each note's relations both ways, sorted by type, direction (`in` before `out`), id; notes with none are absent. */
export function relationsByNote(relations: readonly ResolvedRelation[]): Map<NoteId, Relation[]> {
  const byNote = new Map<NoteId, Relation[]>();
  const add = (id: NoteId, relation: Relation): void => {
    const list = byNote.get(id);
    if (list) list.push(relation);
    else byNote.set(id, [relation]);
  };
  for (const r of relations) {
    add(r.from, { type: r.type, id: r.to, direction: 'out' });
    add(r.to, { type: r.type, id: r.from, direction: 'in' });
  }
  const seen = (list: Relation[]) => [...new Map(list.map((r) => [`${r.type}\0${r.direction}\0${r.id}`, r])).values()];
  return new Map([...byNote].map(([id, list]) => [id, sortBy(seen(list), (r) => r.type, (r) => r.direction, (r) => r.id)] as const));
}
