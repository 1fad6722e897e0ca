import { codeBlockLines } from '../code-lines.js';
import { exampleNote, EXAMPLE_SUMMARY } from '../example-note.js';
import { lineStarts, lineText } from '../position.js';
import { defineRule } from '../rule.js';

/**
 * Spaces or tabs at the end of a line, outside code blocks. Exactly two
 * spaces after text, followed by more text, are a Markdown hard line break
 * and are left alone (as markdownlint's MD009 does by default).
 */
export default defineRule({
  id: 'trailing-whitespace',
  description: 'Lines must not end in spaces or tabs (except a two-space hard line break); fixable.',
  severity: 'warning',
  scope: 'note',
  fixable: true,
  examples: {
    ok: [exampleNote(), exampleNote({ summary: `First line of the summary with a hard break  \n${EXAMPLE_SUMMARY}` })],
    notOk: [exampleNote({ summary: `${EXAMPLE_SUMMARY} ` }), exampleNote({ summary: `${EXAMPLE_SUMMARY}\t\n` })],
  },
  check(note, report) {
    const starts = lineStarts(note.source);
    const code = codeBlockLines(note);
    for (let line = 1; line <= starts.length; line++) {
      if (code.has(line)) continue;
      const text = lineText(starts, note.source, line);
      let end = text.length;
      while (end > 0 && (text[end - 1] === ' ' || text[end - 1] === '\t')) end--;
      if (end === text.length) continue;
      const trailing = text.slice(end);
      const hardBreak = trailing === '  ' && end > 0 && lineText(starts, note.source, line + 1).trim() !== '';
      if (hardBreak) continue;
      const start = (starts[line - 1] ?? 0) + end;
      report({
        message: `Unexpected trailing whitespace (${trailing.length} character${trailing.length === 1 ? '' : 's'}); remove it`,
        line,
        column: end + 1,
        endLine: line,
        endColumn: text.length + 1,
        fix: { start, end: start + trailing.length, text: '' },
      });
    }
  },
});
