import { CONTRADICTS, SUPPORTS } from '../../link/relation-types.js';
import type { Note, NoteId, RelationEntry } from '../../types.js';
import { compareCodePoints } from '../../util/sort.js';
import { exampleLibrary } from '../examples.js';
import { exampleNote } from '../example-note.js';
import { at, knownEntries, relationsYaml } from '../relations.js';
import { defineRule } from '../rule.js';

const fm = (title: string, id: string, relations?: Record<string, string[]>) =>
  exampleNote({ frontmatter: `title: ${title}\nauthor: B\nyear: 2020\nsource: https://example.com/${id}${relations ? `\n${relationsYaml(relations)}` : ''}` });

/**
 * `contradicts` and `supports` between the same two notes, whichever note
 * declares each: one of them is wrong. Reported at the `supports` item,
 * pointing at the `contradicts` one. A library rule: the two may sit in
 * different notes.
 */
export default defineRule({
  id: 'relation-conflict',
  description: 'Two notes must not both contradict and support each other (in either direction, declared on either note).',
  severity: 'error',
  scope: 'library',
  examples: {
    ok: [exampleLibrary({ 'a.md': fm('First essay', 'a', { contradicts: ['b'] }), 'b.md': fm('Second essay', 'b', { 'responds-to': ['a'] }), 'c.md': fm('Third essay', 'c', { supports: ['a'] }) })],
    notOk: [
      exampleLibrary({ 'a.md': fm('First essay', 'a', { contradicts: ['b'], supports: ['Second essay'] }), 'b.md': fm('Second essay', 'b') }),
      exampleLibrary({ 'a.md': fm('First essay', 'a', { contradicts: ['b'] }), 'b.md': fm('Second essay', 'b', { supports: ['a'] }) }),
    ],
  },
  check(notes, report, ctx) {
    const pair = (a: NoteId, b: NoteId): string => (compareCodePoints(a, b) <= 0 ? `${a}\0${b}` : `${b}\0${a}`);
    const contradictions = new Map<string, { note: Note; entry: RelationEntry }>();
    const supports: { note: Note; entry: RelationEntry; key: string }[] = [];
    for (const note of notes) {
      for (const { entry, to } of knownEntries(note, ctx)) {
        if (to === null || to === note.id) continue;
        const key = pair(note.id, to);
        if (entry.type === CONTRADICTS && !contradictions.has(key)) contradictions.set(key, { note, entry });
        else if (entry.type === SUPPORTS) supports.push({ note, entry, key });
      }
    }
    for (const { note, entry, key } of supports) {
      const contra = contradictions.get(key);
      if (!contra) continue;
      const other = contra.note === note ? `this note says it contradicts "${entry.target}"` : `"${contra.note.meta.title ?? contra.note.id}" says it contradicts this note`;
      report({
        file: note.path,
        message: `"${entry.target}" is both supported and contradicted: ${other}; keep the one that is true`,
        ...at(entry),
        related: [{ file: contra.note.path, line: contra.entry.line, column: contra.entry.column, message: 'the contradiction' }],
      });
    }
  },
});
