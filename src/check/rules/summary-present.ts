import { exampleNote, EXAMPLE_BODY } from '../example-note.js';
import { defineRule } from '../rule.js';

/** The summary is the prose between the front matter and the first heading. */
export default defineRule({
  id: 'summary-present',
  description: 'A note must have a summary: prose between the front matter and the first section heading.',
  severity: 'error',
  scope: 'note',
  examples: {
    ok: [exampleNote()],
    notOk: [exampleNote({ summary: '' }), exampleNote({ summary: '', body: `# Just a heading\n\n${EXAMPLE_BODY}` })],
  },
  check(note, report) {
    if (note.summary !== null && note.summary.wordCount > 0) return;
    const line = note.summary?.line ?? note.sections[0]?.line ?? (note.frontmatter ? note.frontmatter.endLine + 1 : 1);
    report({
      message: 'Missing summary; write one or more paragraphs before the first `##` section saying what the work argues',
      line,
      column: 1,
    });
  },
});
