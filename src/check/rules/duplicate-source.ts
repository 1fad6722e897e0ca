import { exampleLibrary } from '../examples.js';
import { exampleNote } from '../example-note.js';
import { reportGroups } from '../duplicates.js';
import { defineRule } from '../rule.js';
import { sourceKey } from '../same-work.js';

const fm = (title: string, source: string) => `title: ${title}\nauthor: B\nyear: 2020\nsource: ${source}`;

/** Two notes on the same source URL are one note too many. */
export default defineRule({
  id: 'duplicate-source',
  description: 'Each `source` URL must be used by one note only (http/https, trailing slash and #fragment ignored); reported on every file involved.',
  severity: 'error',
  scope: 'library',
  examples: {
    ok: [exampleLibrary({ 'a.md': exampleNote({ frontmatter: fm('First example', 'https://example.com/1') }), 'b.md': exampleNote({ frontmatter: fm('Second example', 'https://example.com/2') }) })],
    notOk: [exampleLibrary({ 'a.md': exampleNote({ frontmatter: fm('First example', 'https://example.com/essay') }), 'b.md': exampleNote({ frontmatter: fm('Second example', 'http://example.com/essay/#top') }) })],
  },
  check(notes, report) {
    reportGroups(
      notes,
      (note) => sourceKey(note.meta.source),
      (note) => note.frontmatter?.fields.source?.value,
      (_note, others) => `Duplicate source URL: also the source of ${others.join(', ')}; merge the notes or correct the URL`,
      report,
    );
  },
});
