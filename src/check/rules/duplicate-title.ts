import { exampleLibrary } from '../examples.js';
import { exampleNote } from '../example-note.js';
import { reportGroups } from '../duplicates.js';
import { defineRule } from '../rule.js';
import { titleKey } from '../same-work.js';

const fm = (title: string, source: string) => `title: ${title}\nauthor: B\nyear: 2020\nsource: ${source}`;

/** Two notes with one title make links and the handbook ambiguous. */
export default defineRule({
  id: 'duplicate-title',
  description: 'Each note title must be unique in the library (compared ignoring case and spacing); reported on every file involved.',
  severity: 'error',
  scope: 'library',
  examples: {
    ok: [exampleLibrary({ 'a.md': exampleNote({ frontmatter: fm('First example', 'https://example.com/1') }), 'b.md': exampleNote({ frontmatter: fm('Second example', 'https://example.com/2') }) })],
    notOk: [exampleLibrary({ 'a.md': exampleNote({ frontmatter: fm('Same title', 'https://example.com/1') }), 'b.md': exampleNote({ frontmatter: fm('same  Title', 'https://example.com/2') }) })],
  },
  check(notes, report) {
    reportGroups(
      notes,
      (note) => titleKey(note.meta.title),
      (note) => note.frontmatter?.fields.title?.value,
      (note, others) => `Duplicate title "${note.meta.title ?? ''}": also the title of ${others.join(', ')}; give each note its own title`,
      report,
    );
  },
});
