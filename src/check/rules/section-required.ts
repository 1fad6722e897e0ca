import { exampleNote, EXAMPLE_SECTION_TEXT as T } from '../example-note.js';
import { lineStarts, positionAt } from '../position.js';
import { defineRule } from '../rule.js';
import { configuredSections } from '../sections.js';

/** Each configured section (default Central argument, Critique, Why it matters) appears exactly once. */
export default defineRule({
  id: 'section-required',
  description: 'Each configured section (`sections`) must be present, exactly once.',
  severity: 'error',
  scope: 'note',
  examples: {
    ok: [exampleNote(), exampleNote({ body: `## Central argument\n\n${T.centralArgument}\n\n## Critique\n\n${T.critique}\n\n## Why it matters for product\n\n${T.whyItMatters}\n` })],
    notOk: [
      exampleNote({ body: `## Central argument\n\n${T.centralArgument}\n\n## Why it matters\n\n${T.whyItMatters}\n` }),
      exampleNote({ body: `## Central argument\n\n${T.centralArgument}\n\n## Critique\n\n${T.critique}\n\n## Critique\n\n${T.critique}\n\n## Why it matters\n\n${T.whyItMatters}\n` }),
    ],
  },
  check(note, report, ctx) {
    const found = configuredSections(note.sections, ctx.config);
    const starts = lineStarts(note.source);
    const end = positionAt(starts, note.source.trimEnd().length);
    for (const [index, spec] of ctx.config.sections.entries()) {
      const mine = found.filter((f) => f.match.spec.key === spec.key);
      const first = mine[0];
      if (!first) {
        // Point where it belongs: at the next configured section that is present, else the end.
        const next = found.find((f) => f.match.index > index)?.section;
        report({
          message: `Missing section "${'#'.repeat(ctx.config.sectionDepth)} ${spec.heading}"; add it${next ? ` before "${next.heading}"` : ' at the end'}`,
          line: next?.line ?? end.line,
          column: 1,
        });
        continue;
      }
      for (const extra of mine.slice(1)) {
        report({
          message: `Section "${spec.heading}" appears more than once; merge it into the first one (line ${first.section.line})`,
          line: extra.section.line,
          column: extra.section.column,
          endLine: extra.section.line,
          related: [{ file: note.path, line: first.section.line, column: first.section.column, message: 'first occurrence' }],
        });
      }
    }
  },
});
