import { exampleNote } from '../example-note.js';
import { defineRule } from '../rule.js';

/** A summary of a few words says nothing; `minSummaryWords` (default 10) sets the floor. */
export default defineRule({
  id: 'summary-min-words',
  description: 'The summary must have at least `minSummaryWords` words (default 10).',
  severity: 'error',
  scope: 'note',
  examples: {
    ok: [exampleNote()],
    notOk: [exampleNote({ summary: 'A short post about leaders.' })],
  },
  check(note, report, ctx) {
    const summary = note.summary;
    const min = ctx.config.minSummaryWords;
    // An absent or empty summary is summary-present's finding.
    if (summary === null || summary.wordCount === 0 || summary.wordCount >= min) return;
    report({
      message: `Summary has ${summary.wordCount} word${summary.wordCount === 1 ? '' : 's'}; expected at least ${min} (minSummaryWords)`,
      line: summary.line,
      column: summary.column,
      endLine: summary.endLine,
      endColumn: summary.endColumn,
    });
  },
});
