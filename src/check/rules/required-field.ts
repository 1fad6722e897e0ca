import { exampleNote } from '../example-note.js';
import { frontmatterData } from '../frontmatter-problem.js';
import { defineRule } from '../rule.js';

const isEmpty = (value: unknown): boolean =>
  value === null || (typeof value === 'string' && value.trim() === '') || (Array.isArray(value) && value.length === 0);

/** Each field in `config.requiredFields` (default title, author, year, source) is present and not empty. */
export default defineRule({
  id: 'required-field',
  description: 'Each required front-matter field (`requiredFields`, default title, author, year, source) must be present and not empty.',
  severity: 'error',
  scope: 'note',
  examples: {
    ok: [exampleNote()],
    notOk: [
      exampleNote({ frontmatter: 'title: No author here\nyear: 2020\nsource: https://example.com/a' }),
      exampleNote({ frontmatter: 'title:\nauthor: Someone\nyear: 2020\nsource: https://example.com/a' }),
    ],
  },
  check(note, report, ctx) {
    const data = frontmatterData(note);
    const frontmatter = note.frontmatter;
    if (data === null || frontmatter === null) return; // the frontmatter-* rules say why
    for (const key of ctx.config.requiredFields) {
      const field = frontmatter.fields[key];
      if (!Object.hasOwn(data, key)) {
        report({
          message: `Missing required field "${key}"; add \`${key}: …\` to the front matter`,
          line: frontmatter.startLine,
          column: 1,
        });
      } else if (isEmpty(data[key])) {
        report({
          message: `Required field "${key}" is empty; give it a value`,
          line: field?.key.line ?? frontmatter.startLine,
          column: field?.key.column ?? 1,
          endLine: field?.value.endLine,
          endColumn: field?.value.endColumn,
        });
      }
    }
  },
});
