import { exampleNote, EXAMPLE_SECTION_TEXT as T } from '../example-note.js';
import { defineRule } from '../rule.js';
import { configuredSections } from '../sections.js';

const ATX = /^( {0,3})(#{1,6})(?=[ \t]|$)/;

/** Configured sections sit at `sectionDepth` (default 2, `##`); an ATX heading is fixed in place. */
export default defineRule({
  id: 'section-level',
  description: 'Configured sections must be headings of `sectionDepth` (default `##`); `#`-style headings are fixable, underlined ones are not.',
  severity: 'error',
  scope: 'note',
  fixable: true,
  examples: {
    ok: [exampleNote()],
    notOk: [exampleNote({ body: `## Central argument\n\n${T.centralArgument}\n\n### Critique\n\n${T.critique}\n\n## Why it matters\n\n${T.whyItMatters}\n` })],
  },
  check(note, report, ctx) {
    const depth = ctx.config.sectionDepth;
    for (const { section } of configuredSections(note.sections, ctx.config)) {
      if (section.depth === depth) continue;
      const line = note.source.slice(section.headingStart, section.headingEnd);
      const atx = ATX.exec(line);
      const indent = atx?.[1] ?? '';
      const hashes = atx?.[2] ?? '';
      const start = section.headingStart + indent.length;
      report({
        message: `Unexpected heading level ${section.depth} for "${section.heading}", expected ${depth} (\`${'#'.repeat(depth)} ${section.heading}\`)`,
        line: section.line,
        column: section.column,
        endLine: section.line,
        // Setext headings (underlined) are left to the writer: rewriting them moves lines.
        ...(atx ? { fix: { start, end: start + hashes.length, text: '#'.repeat(depth) } } : {}),
      });
    }
  },
});
