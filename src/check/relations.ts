/**
 * What the relation rules share: the vocabulary under the run's config, the
 * note resolver (memoized per run), and each note's `relations:` items with
 * their targets resolved. Lint reports on the items the link stage leaves
 * out (`src/link/relations.ts`), so both read the items the same way.
 */
import { relationVocabulary, type RelationPhrases } from '../link/relation-types.js';
import { createLinkResolver, type LinkResolver } from '../link/resolve.js';
import type { Note, NoteId, RelationEntry } from '../types.js';
import { memoize } from './memo.js';
import type { RuleContext } from './rule.js';

/** A `relations:` item with its target resolved (null: no note answers to it). */
export interface ResolvedEntry {
  entry: RelationEntry;
  to: NoteId | null;
}

/** The relation vocabulary of this run's config. */
export const vocabularyOf = (ctx: RuleContext): Map<string, RelationPhrases> => memoize(ctx, 'relationVocabulary', () => relationVocabulary(ctx.config));

/** The run's note resolver (ids, paths, titles, aliases). */
export const resolverOf = (ctx: RuleContext): LinkResolver => memoize(ctx, 'linkResolver', () => createLinkResolver(ctx.notes, ctx.concepts));

/** The note's items whose relation name is known, each with its target resolved. */
export function knownEntries(note: Note, ctx: RuleContext): ResolvedEntry[] {
  const vocabulary = vocabularyOf(ctx);
  const resolver = resolverOf(ctx);
  return note.meta.relations.filter((entry) => vocabulary.has(entry.type)).map((entry) => ({ entry, to: resolver.note(entry.target) }));
}

/** The span fields of an item, for a report. */
export const at = (entry: RelationEntry) => ({ line: entry.line, column: entry.column, endLine: entry.endLine, endColumn: entry.endColumn });

/** A relations item as a YAML front matter example: `relations:\n  type: [targets]`. */
export const relationsYaml = (relations: Record<string, string[]>): string =>
  `relations:\n${Object.entries(relations).map(([type, targets]) => `  ${type}: [${targets.join(', ')}]`).join('\n')}`;
