import { exampleNote, EXAMPLE_BODY, EXAMPLE_SUMMARY } from '../example-note.js';
import { reportProblems } from '../frontmatter-problem.js';
import { defineRule } from '../rule.js';

/** Every note starts with a `---` front-matter block that is closed by a second `---`. */
export default defineRule({
  id: 'frontmatter-missing',
  description: 'Front matter must be present at the start of the note and closed by a `---` line.',
  severity: 'error',
  scope: 'note',
  examples: {
    ok: [exampleNote()],
    notOk: [`${EXAMPLE_SUMMARY}\n\n${EXAMPLE_BODY}`, `---\ntitle: Never closed\n\n${EXAMPLE_SUMMARY}\n\n${EXAMPLE_BODY}`],
  },
  check(note, report) {
    if (note.frontmatter === null) {
      report({
        message: 'Expected front matter at the start of the note: a `---` line, `title: …` and the other fields, then `---`',
        line: 1,
        column: 1,
      });
      return;
    }
    reportProblems(note, 'missing', report);
    reportProblems(note, 'unterminated', report);
  },
});
