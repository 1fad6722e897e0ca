import { exampleLibrary } from '../examples.js';
import { exampleNote } from '../example-note.js';
import { reportGroups } from '../duplicates.js';
import { defineRule } from '../rule.js';

const fm = (title: string, source: string) => `title: ${title}\nauthor: B\nyear: 2020\nsource: ${source}`;

/**
 * A note's id is its file name without `.md` (in NFC), so `a/x.md` and
 * `b/x.md` would share one id and one page. Names that differ only by case
 * or Unicode normalisation (`X.md`, `x.md`) are the reader's
 * `discovery-collision` finding, so they are not reported twice here.
 */
export default defineRule({
  id: 'duplicate-id',
  description: 'Each note id (file name without `.md`) must be unique across folders; reported on every file involved.',
  severity: 'error',
  scope: 'library',
  examples: {
    ok: [exampleLibrary({ 'a.md': exampleNote({ frontmatter: fm('First example', 'https://example.com/1') }), 'b.md': exampleNote({ frontmatter: fm('Second example', 'https://example.com/2') }) })],
    notOk: [exampleLibrary({ 'one/note.md': exampleNote({ frontmatter: fm('First example', 'https://example.com/1') }), 'two/note.md': exampleNote({ frontmatter: fm('Second example', 'https://example.com/2') }) })],
  },
  check(notes, report) {
    reportGroups(
      notes,
      // The exact file name: names that differ at all (case, NFC/NFD) are discovery-collision's, reported once there.
      (note) => note.path.slice(note.path.lastIndexOf('/') + 1),
      () => undefined,
      (note, others) => `Duplicate note id "${note.id}": ${others.join(', ')} has the same file name; rename one of the files`,
      report,
    );
  },
});
