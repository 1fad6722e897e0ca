import type { Note, RelatedLocation, RelationEntry } from '../../types.js';
import { exampleLibrary } from '../examples.js';
import { exampleNote } from '../example-note.js';
import { CONTRADICTS } from '../../link/relation-types.js';
import { at, knownEntries, relationsYaml } from '../relations.js';
import { defineRule, type LibraryReport } from '../rule.js';

const fm = (title: string, id: string, relations?: Record<string, string[]>) =>
  exampleNote({ frontmatter: `title: ${title}\nauthor: B\nyear: 2020\nsource: https://example.com/${id}${relations ? `\n${relationsYaml(relations)}` : ''}` });

/**
 * The same relation given twice: the same target under one name of one note
 * (by id and by title, say), or `contradicts` (which reads the same both
 * ways) declared on both notes. The second is reported, pointing at the
 * first. A library rule: the second case needs the other note's relations.
 */
export default defineRule({
  id: 'relation-duplicate',
  description: 'A relation must be given once: not the same note twice under one name, nor `contradicts` on both notes.',
  severity: 'warning',
  scope: 'library',
  examples: {
    ok: [exampleLibrary({ 'a.md': fm('First essay', 'a', { contradicts: ['b'], 'builds-on': ['b'] }), 'b.md': fm('Second essay', 'b', { 'responds-to': ['a'] }) })],
    notOk: [
      exampleLibrary({ 'a.md': fm('First essay', 'a', { 'builds-on': ['b', 'Second essay'] }), 'b.md': fm('Second essay', 'b') }),
      exampleLibrary({ 'a.md': fm('First essay', 'a', { contradicts: ['b'] }), 'b.md': fm('Second essay', 'b', { contradicts: ['First essay'] }) }),
    ],
  },
  check(notes, report, ctx) {
    const first = new Map<string, { note: Note; entry: RelationEntry }>();
    const related = (note: Note, entry: RelationEntry, message: string): RelatedLocation[] => [{ file: note.path, line: entry.line, column: entry.column, message }];
    const emit = (note: Note, entry: RelationEntry, message: string, earlier: { note: Note; entry: RelationEntry }): void => {
      const r: LibraryReport = { file: note.path, message, ...at(entry), related: related(earlier.note, earlier.entry, 'given first here') };
      report(r);
    };
    for (const note of notes) {
      for (const { entry, to } of knownEntries(note, ctx)) {
        if (to === null || to === note.id) continue;
        const key = `${note.id}\0${entry.type}\0${to}`;
        const earlier = first.get(key);
        if (earlier) {
          emit(note, entry, `"${entry.target}" is already under "${entry.type}" in this note; remove this one`, earlier);
          continue;
        }
        first.set(key, { note, entry });
        if (entry.type !== CONTRADICTS) continue;
        const mirror = first.get(`${to}\0${entry.type}\0${note.id}`);
        if (mirror) emit(note, entry, `"${mirror.note.meta.title ?? mirror.note.id}" already says it contradicts this note (${mirror.note.path}); a contradiction reads both ways, so keep it on one note`, mirror);
      }
    }
  },
});
