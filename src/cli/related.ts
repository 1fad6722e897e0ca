/**
 * `commonplace related NOTE [--limit N] [--json] [--library DIR]`: the notes
 * most related to one note, with score and reasons (see `src/link/related.ts`
 * for the score). Exit 0 with results (or none), 1 when NOTE names no note
 * (with the closest id or title suggested), 2 for a usage or config error.
 */
import { conceptIdsByNote, noteConcepts } from '../link/index.js';
import { findNote } from '../link/find-note.js';
import { createRelatedIndex } from '../link/related.js';
import type { Note, NoteId } from '../types.js';
import type { Command } from './io.js';
import { openQueryLibrary, parseLimit, parseQueryArgs, queryText } from './query.js';

const USAGE = `Usage: commonplace related NOTE [--limit N] [--json] [--library DIR]

Shows the notes most related to NOTE (a slug, a path or a title), each with
its score and reasons: the concepts both notes share (rarest first) and the
terms that weigh most in both.

Options:
  --limit N        how many related notes (default: relatedLimit from config, 5)
  --json           print JSON: { note, related: [{ id, path, title, score, reasons }] }
  --library DIR    the library folder (default: "library" from commonplace.config.json)
  -h, --help       show this help`;

export const run: Command = async (argv, io) => {
  const { values, positionals } = parseQueryArgs(argv, USAGE);
  if (values.help) {
    io.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const query = queryText(positionals, 'NOTE', USAGE);
  const library = await openQueryLibrary(io, values.library);
  const { root, config } = library;
  const limit = parseLimit(values.limit, config.relatedLimit, USAGE);
  const found = findNote(library.notes, query, root, io.cwd);
  if (!found.note) {
    const hint = found.suggestion ? `; did you mean "${found.suggestion}"?` : '';
    io.stderr.write(`commonplace related: no note matches "${query}"${hint}\n`);
    return 1;
  }
  const note = found.note;
  const concepts = conceptIdsByNote(noteConcepts(library.notes, library.concepts, library.mentions));
  const related = createRelatedIndex(library.notes, concepts).related(note.id, limit);
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
  const lines = [`Related to ${label(note)}:`, ''];
  if (related.length === 0) lines.push('  No related notes: this note shares no concepts or significant terms with any other.');
  related.forEach((r, i) => {
    const other = byId.get(r.id as NoteId)!;
    lines.push(`${String(i + 1).padStart(3)}. ${label(other)}  score ${r.score.toFixed(4)}`);
    if (r.reasons.concepts.length > 0) lines.push(`     shared concepts: ${r.reasons.concepts.map((c) => names.get(c) ?? c).join(', ')}`);
    if (r.reasons.terms.length > 0) lines.push(`     shared terms: ${r.reasons.terms.join(', ')}`);
  });
  io.stdout.write(`${lines.join('\n')}\n`);
  return 0;
};
