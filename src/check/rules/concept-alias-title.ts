import { exampleLibrary } from '../examples.js';
import { exampleNote } from '../example-note.js';
import { defineRule } from '../rule.js';
import { GLOSSARY_FILE } from '../../link/glossary.js';
import { phraseKey } from '../../link/phrase.js';

const fm = (title: string) => `title: ${title}\nauthor: B\nyear: 2020\nsource: https://example.com/1`;

/**
 * A glossary alias that is also a note title makes `[[that name]]` and every
 * mention ambiguous. Compared as phrases (case, hyphens, plurals ignored), the
 * way links and mentions are matched. Reported in concepts.yml at the entry.
 */
export default defineRule({
  id: 'concept-alias-title',
  description: 'A glossary alias must not equal a note title (it would make links and mentions ambiguous).',
  severity: 'error',
  scope: 'library',
  examples: {
    concepts: [{ name: 'single-threaded leader', aliases: ['STL'] }],
    ok: [exampleLibrary({ 'a.md': exampleNote({ frontmatter: fm("Amazon's single-threaded model") }) })],
    notOk: [exampleLibrary({ 'a.md': exampleNote({ frontmatter: fm('STL') }) })],
  },
  check(notes, report, ctx) {
    const titles = new Map<string, (typeof notes)[number]>();
    for (const note of notes) {
      const key = note.meta.title === undefined ? '' : phraseKey(note.meta.title);
      if (key !== '' && !titles.has(key)) titles.set(key, note);
    }
    for (const concept of ctx.concepts) {
      for (const alias of concept.aliases) {
        const note = titles.get(phraseKey(alias));
        if (!note) continue;
        const at = note.frontmatter?.fields.title?.value;
        report({
          file: GLOSSARY_FILE,
          message: `Glossary alias "${alias}" of concept "${concept.name}" is also the title of ${note.path}; rename the alias or the note`,
          line: concept.line,
          column: concept.column,
          related: [{ file: note.path, line: at?.line ?? 1, column: at?.column ?? 1, message: 'note with this title' }],
        });
      }
    }
  },
});
