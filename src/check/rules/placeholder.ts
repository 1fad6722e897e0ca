import { codeBlockLines, inlineCodeRanges } from '../code-lines.js';
import { exampleNote, EXAMPLE_FRONTMATTER, EXAMPLE_SECTION_TEXT as T } from '../example-note.js';
import { defineRule } from '../rule.js';
import { findPlaceholders, PLACEHOLDER_MARKERS } from '../../scaffold/placeholders.js';

/** The template's markers (a line starting `TODO:`, a `{{slot}}`), defined once in src/scaffold/placeholders.ts. */
export { PLACEHOLDER_MARKERS };

/** Template text left in a note (prompts, `{{slots}}`), outside code. */
export default defineRule({
  id: 'placeholder',
  description: 'Text left over from the note template (lines starting `TODO:`, `{{slot}}` tokens) must be replaced.',
  severity: 'error',
  scope: 'note',
  examples: {
    ok: [exampleNote(), exampleNote({ summary: 'A note that quotes `{{title}}` in code is fine, as is a sentence about the word TODO: in lists.' })],
    notOk: [
      exampleNote({ summary: 'TODO: Summarise the essay in a few sentences: what it is about, and why a colleague should read it.' }),
      exampleNote({ frontmatter: `${EXAMPLE_FRONTMATTER}\nvenue: "{{venue}}"` }),
      exampleNote({ body: `## Central argument\n\n${T.centralArgument}\n\n## Critique\n\n${T.critique}\n\n## Why it matters\n\n${T.whyItMatters} {{concepts}}\n` }),
    ],
  },
  check(note, report) {
    const hits = findPlaceholders(note.source);
    if (hits.length === 0) return;
    const blocks = codeBlockLines(note);
    const inline = inlineCodeRanges(note);
    for (const hit of hits) {
      if (blocks.has(hit.line) || inline.some(([start, end]) => hit.start >= start && hit.start < end)) continue;
      const shown = hit.text.length > 50 ? `${hit.text.slice(0, 50)}…` : hit.text;
      report({
        message:
          hit.kind === 'todo'
            ? `Unexpected template prompt "${shown}"; replace it with your own words`
            : `Unexpected template slot "${shown}"; fill it in or remove it`,
        line: hit.line,
        column: hit.column,
        endLine: hit.line,
        endColumn: hit.column + hit.text.length,
      });
    }
  },
});
