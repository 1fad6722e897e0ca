import { exampleNote, EXAMPLE_BODY, EXAMPLE_SUMMARY } from '../example-note.js';
import { reportProblems } from '../frontmatter-problem.js';
import { defineRule } from '../rule.js';

/** Front matter is a plain `key: value` mapping, not a scalar or a list. */
export default defineRule({
  id: 'frontmatter-mapping',
  description: 'Front matter must be a plain YAML mapping of `key: value` lines (not a list or a scalar).',
  severity: 'error',
  scope: 'note',
  examples: {
    ok: [exampleNote()],
    notOk: [`---\n- title\n- author\n---\n\n${EXAMPLE_SUMMARY}\n\n${EXAMPLE_BODY}`, `---\njust a sentence\n---\n\n${EXAMPLE_SUMMARY}\n\n${EXAMPLE_BODY}`],
  },
  check(note, report) {
    reportProblems(note, 'not-mapping', report);
  },
});
