/**
 * `commonplace related NOTE [--limit N] [--json] [--library DIR]`: the notes
 * most related to one note, with score and reasons (see `src/link/related.ts`
 * for the score). Exit 0 with results (or none), 1 when NOTE names no note
 * (with the closest id or title suggested), 2 for a usage or config error.
 */
import { conceptIdsByNote, createLinkResolver, noteConcepts, relationsByNote, relationVocabulary, resolveRelations } from '../link/index.js';
import { findNote } from '../link/find-note.js';
import { createRelatedIndex } from '../link/related.js';
import type { Note, NoteId } from '../types.js';
import { defineCommand, type CommandSpec } from './io.js';
import { openQueryLibrary, parseLimit, queryFlags, queryText } from './query.js';

/** The command line of `related`: flags, usage line, help and examples. */
export const spec = {
  name: 'related',
  usage: 'related NOTE [--limit N] [--json] [--library DIR]',
  description: `Shows the notes most related to NOTE (a slug, a path, a title or an alias),
each with its score and reasons: the typed relation joining them (these come
first), the concepts both notes share (rarest first) and the terms that weigh
most in both.`,
  positionals: 'NOTE',
  flags: {
    limit: { type: 'string', value: 'N', help: 'how many related notes (default: relatedLimit from config, 5)' },
    ...queryFlags,
    json: { type: 'boolean', help: 'print JSON: { note, related: [{ id, path, title, score, reasons }] }' },
  },
  examples: ['commonplace related no-silver-bullet', 'commonplace related "Conway\'s law" --limit 3', 'commonplace related library/no-silver-bullet.md --json'],
  notes: 'Exit codes: 0 shown (also when none are related), 1 NOTE names no note, 2 usage or config error.',
} as const satisfies CommandSpec;

/** How a name the user typed (or was offered) relates to a note: its id, its title or one of its aliases. */
function nameKind(notes: readonly Note[], name: string): string {
  const lower = name.trim().toLowerCase();
  const note = notes.find((n) => n.id.toLowerCase() === lower || (n.meta.title ?? '').trim().toLowerCase() === lower);
  if (note) return '';
  const aliased = notes.find((n) => n.meta.aliases.some((a) => a.trim().toLowerCase() === lower));
  return aliased ? ` (an alias of ${aliased.path})` : '';
}

export const run = defineCommand(spec, async ({ values, positionals }, io) => {
  const query = queryText(positionals, 'NOTE: a slug, path, title or alias');
  const library = await openQueryLibrary(io, values.library);
  const { root, config } = library;
  const limit = parseLimit(values.limit, config.relatedLimit);
  const found = findNote(library.notes, query, root, io.cwd);
  if (!found.note) {
    const hint = found.suggestion ? `; did you mean "${found.suggestion}"${nameKind(library.notes, found.suggestion)}?` : '';
    io.stderr.write(`commonplace related: no note matches "${query}"${hint}\n`);
    return 1;
  }
  const note = found.note;
  const concepts = conceptIdsByNote(noteConcepts(library.notes, library.concepts, library.mentions));
  const vocabulary = relationVocabulary(config);
  const relations = relationsByNote(resolveRelations(library.notes, createLinkResolver(library.notes, library.concepts), vocabulary));
  const related = createRelatedIndex(library.notes, concepts, library.bodies, relations).related(note.id, limit);
  const byId = new Map(library.notes.map((n) => [n.id, n]));
  const names = new Map(library.concepts.map((c) => [c.id as string, c.name]));

  if (values.json) {
    const describe = (n: Note) => ({ id: n.id, path: n.path, title: n.meta.title ?? null });
    const output = {
      note: describe(note),
      related: related.map((r) => ({ ...describe(byId.get(r.id)!), score: r.score, reasons: r.reasons })),
    };
    io.stdout.write(`${JSON.stringify(output, null, 2)}\n`);
    return 0;
  }

  const label = (n: Note) => `${n.meta.title ?? n.id} (${n.path})`;
  const lines = [`Related to ${label(note)}${byAlias(note, query)}:`, ''];
  if (related.length === 0) lines.push('  No related notes: this note shares no concepts or significant terms with any other.');
  related.forEach((r, i) => {
    const other = byId.get(r.id as NoteId)!;
    lines.push(`${String(i + 1).padStart(3)}. ${label(other)}  score ${r.score.toFixed(4)}`);
    for (const relation of (relations.get(note.id) ?? []).filter((x) => x.id === r.id)) {
      const phrase = (vocabulary.get(relation.type)?.phrase ?? relation.type).toLowerCase();
      lines.push(`     relation: ${relation.type} (${relation.direction === 'out' ? `this note ${phrase} it` : `it ${phrase} this note`})`);
    }
    if (r.reasons.concepts.length > 0) lines.push(`     shared concepts: ${r.reasons.concepts.map((c) => names.get(c) ?? c).join(', ')}`);
    if (r.reasons.terms.length > 0) lines.push(`     shared terms: ${r.reasons.terms.join(', ')}`);
  });
  io.stdout.write(`${lines.join('\n')}\n`);
  return 0;
});

/** `, found by its alias "X"` when `query` matched one of the note's aliases rather than its id, path or title. */
function byAlias(note: Note, query: string): string {
  const lower = query.trim().toLowerCase();
  if (note.id.toLowerCase() === lower || (note.meta.title ?? '').trim().toLowerCase() === lower) return '';
  const alias = note.meta.aliases.find((a) => a.trim().toLowerCase() === lower);
  return alias === undefined ? '' : `, found by its alias "${alias}"`;
}
