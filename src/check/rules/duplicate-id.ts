import { exampleLibrary } from '../examples.js';
import { exampleNote } from '../example-note.js';
import { reportGroups } from '../duplicates.js';
import { defineRule } from '../rule.js';

const fm = (title: string, source: string) => `title: ${title}\nauthor: B\nyear: 2020\nsource: ${source}`;

/**
 * A note's id is its file name without `.md`, so `a/x.md` and `b/x.md` (or
 * `X.md` and `x.md`, or `café.md` in NFC and NFD) would share one id and one
 * page. Compared after NFC and lower-casing, as case-insensitive file systems do.
 */
export default defineRule({
  id: 'duplicate-id',
  description: 'Each note id (file name without `.md`, ignoring case and Unicode normalisation) must be unique; reported on every file involved.',
  severity: 'error',
  scope: 'library',
  examples: {
    ok: [exampleLibrary({ 'a.md': exampleNote({ frontmatter: fm('First example', 'https://example.com/1') }), 'b.md': exampleNote({ frontmatter: fm('Second example', 'https://example.com/2') }) })],
    notOk: [exampleLibrary({ 'one/note.md': exampleNote({ frontmatter: fm('First example', 'https://example.com/1') }), 'two/note.md': exampleNote({ frontmatter: fm('Second example', 'https://example.com/2') }) })],
  },
  check(notes, report) {
    reportGroups(
      notes,
      (note) => note.id.normalize('NFC').toLowerCase(),
      () => undefined,
      (note, others) => `Duplicate note id "${note.id}": ${others.join(', ')} has the same file name; rename one of the files`,
      report,
    );
  },
});
