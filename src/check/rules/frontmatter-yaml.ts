import { exampleNote, EXAMPLE_BODY, EXAMPLE_SUMMARY } from '../example-note.js';
import { reportProblems } from '../frontmatter-problem.js';
import { defineRule } from '../rule.js';

/** A YAML syntax error, at the parser's own line and column. */
export default defineRule({
  id: 'frontmatter-yaml',
  description: 'Front matter must be valid YAML (reported at the parser’s line and column).',
  severity: 'error',
  scope: 'note',
  examples: {
    ok: [exampleNote()],
    notOk: [`---\ntitle: "unclosed\nauthor: [a, b\n---\n\n${EXAMPLE_SUMMARY}\n\n${EXAMPLE_BODY}`],
  },
  check(note, report) {
    reportProblems(note, 'yaml', report);
  },
});
