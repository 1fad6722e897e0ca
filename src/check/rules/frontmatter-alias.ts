import { exampleNote, EXAMPLE_FRONTMATTER } from '../example-note.js';
import { reportProblems } from '../frontmatter-problem.js';
import { defineRule } from '../rule.js';

/** YAML anchors and aliases are refused in front matter, so an alias bomb costs nothing. */
export default defineRule({
  id: 'frontmatter-alias',
  description: 'YAML anchors and aliases are not allowed in front matter (they make alias bombs possible).',
  severity: 'error',
  scope: 'note',
  examples: {
    ok: [exampleNote()],
    notOk: [exampleNote({ frontmatter: `${EXAMPLE_FRONTMATTER}\ntags: &t [a, b]\naliases: *t` })],
  },
  check(note, report) {
    reportProblems(note, 'alias', report);
  },
});
