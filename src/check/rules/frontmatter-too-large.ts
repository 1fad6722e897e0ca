import { exampleNote, EXAMPLE_FRONTMATTER } from '../example-note.js';
import { reportProblems } from '../frontmatter-problem.js';
import { defineRule } from '../rule.js';

/** Front matter over `maxFrontmatterBytes` is refused before it is parsed. */
export default defineRule({
  id: 'frontmatter-too-large',
  description: 'Front matter must be smaller than `maxFrontmatterBytes` (default 64 KiB); larger blocks are not parsed.',
  severity: 'error',
  scope: 'note',
  examples: {
    ok: [exampleNote()],
    notOk: [exampleNote({ frontmatter: `${EXAMPLE_FRONTMATTER}\nvenue: "${'x'.repeat(70 * 1024)}"` })],
  },
  check(note, report) {
    reportProblems(note, 'too-large', report);
  },
});
