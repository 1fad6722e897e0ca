import { exampleNote, EXAMPLE_FRONTMATTER } from '../example-note.js';
import { FIELD_ORDER, isKnownField } from '../fields.js';
import { defineRule } from '../rule.js';
import { didYouMean } from '../suggest.js';

/** A field Commonplace does not know is usually a typo (`auhtor`). */
export default defineRule({
  id: 'unknown-field',
  description: 'Front-matter fields must be known ones; an unknown field is reported with the closest known name.',
  severity: 'warning',
  scope: 'note',
  examples: {
    ok: [exampleNote(), exampleNote({ frontmatter: `${EXAMPLE_FRONTMATTER}\nvenue: Personal blog` })],
    notOk: [exampleNote({ frontmatter: `${EXAMPLE_FRONTMATTER}\ntgas: [leadership]` })],
  },
  check(note, report, ctx) {
    const frontmatter = note.frontmatter;
    if (!frontmatter?.data) return;
    const known = new Set<string>([...FIELD_ORDER, ...ctx.config.requiredFields]);
    for (const key of frontmatter.keyOrder) {
      if (isKnownField(key) || known.has(key)) continue;
      const field = frontmatter.fields[key];
      const suggestion = didYouMean(key, known);
      report({
        message: `Unknown front-matter field "${key}"${suggestion === '' ? `; known fields: ${[...known].join(', ')}` : suggestion}`,
        line: field?.key.line ?? frontmatter.startLine,
        column: field?.key.column ?? 1,
        endLine: field?.key.endLine,
        endColumn: field?.key.endColumn,
      });
    }
  },
});
