import { exampleNote, EXAMPLE_FRONTMATTER } from '../example-note.js';
import { reportProblems } from '../frontmatter-problem.js';
import { defineRule } from '../rule.js';

/** `title: a` then `title: b`: which one was meant is unknowable, so it is an error. */
export default defineRule({
  id: 'frontmatter-duplicate-key',
  description: 'A front-matter key must appear only once.',
  severity: 'error',
  scope: 'note',
  examples: {
    ok: [exampleNote()],
    notOk: [exampleNote({ frontmatter: `${EXAMPLE_FRONTMATTER}\ntitle: Another title` })],
  },
  check(note, report) {
    reportProblems(note, 'duplicate-key', report);
  },
});
