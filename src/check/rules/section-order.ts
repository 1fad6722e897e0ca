import { exampleNote, EXAMPLE_SECTION_TEXT as T } from '../example-note.js';
import { defineRule } from '../rule.js';
import { configuredSections } from '../sections.js';

/** The configured sections come in the configured order. */
export default defineRule({
  id: 'section-order',
  description: 'Configured sections must appear in the configured order (default Central argument, Critique, Why it matters).',
  severity: 'error',
  scope: 'note',
  examples: {
    ok: [exampleNote(), exampleNote({ body: `## Central argument\n\n${T.centralArgument}\n\n## An aside\n\nFree headings may go anywhere.\n\n## Critique\n\n${T.critique}\n\n## Why it matters\n\n${T.whyItMatters}\n` })],
    notOk: [exampleNote({ body: `## Critique\n\n${T.critique}\n\n## Central argument\n\n${T.centralArgument}\n\n## Why it matters\n\n${T.whyItMatters}\n` })],
  },
  check(note, report, ctx) {
    const seen = new Set<string>();
    let latest: { index: number; heading: string } | null = null;
    for (const { section, match } of configuredSections(note.sections, ctx.config)) {
      if (seen.has(match.spec.key)) continue; // repeats are section-required's finding
      seen.add(match.spec.key);
      if (latest !== null && match.index < latest.index) {
        report({
          message: `Unexpected section "${section.heading}" after "${latest.heading}"; expected it before (order: ${ctx.config.sections.map((s) => s.heading).join(', ')})`,
          line: section.line,
          column: section.column,
          endLine: section.line,
        });
      } else {
        latest = { index: match.index, heading: section.heading };
      }
    }
  },
});
