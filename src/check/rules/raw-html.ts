import { exampleNote, EXAMPLE_SUMMARY } from '../example-note.js';
import { lineStarts, offsetAt } from '../position.js';
import { defineRule } from '../rule.js';

/** Raw HTML in a note; comments (including commonplace directives) are fine. */
export default defineRule({
  id: 'raw-html',
  description: 'Notes should be Markdown, not raw HTML (the handbook sanitises HTML away); HTML comments are allowed.',
  severity: 'warning',
  scope: 'note',
  examples: {
    ok: [exampleNote(), exampleNote({ summary: `<!-- a comment for editors -->\n\n${EXAMPLE_SUMMARY}` })],
    notOk: [exampleNote({ summary: `${EXAMPLE_SUMMARY} <span style="color:red">Important</span>` }), exampleNote({ summary: `<div>\n\n${EXAMPLE_SUMMARY}\n\n</div>` })],
  },
  check(note, report) {
    const starts = lineStarts(note.source);
    for (const span of note.html) {
      const start = offsetAt(starts, note.source, span.line, span.column);
      const end = offsetAt(starts, note.source, span.endLine, span.endColumn);
      const html = note.source.slice(start, Math.max(end, start)).trim();
      if (html.startsWith('<!--')) continue;
      const shown = html.length > 40 ? `${html.slice(0, 40)}…` : html;
      report({
        message: `Unexpected raw HTML ${JSON.stringify(shown)}; use Markdown instead (raw HTML is removed from the handbook)`,
        line: span.line,
        column: span.column,
        endLine: span.endLine,
        endColumn: span.endColumn,
      });
    }
  },
});
