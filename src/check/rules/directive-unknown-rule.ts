import { exampleNote, EXAMPLE_SUMMARY } from '../example-note.js';
import { defineRule } from '../rule.js';
import { didYouMean } from '../suggest.js';

/**
 * `<!-- commonplace-disable raw-htm -->`: a directive naming a rule id that
 * does not exist switches nothing off, silently. Reported at the comment's
 * line with the closest known id (rules, read-stage and glossary ids).
 */
export default defineRule({
  id: 'directive-unknown-rule',
  description: 'Rule ids in `<!-- commonplace-disable … -->` comments must be known ids; the closest id is suggested.',
  severity: 'warning',
  scope: 'note',
  examples: {
    ok: [exampleNote({ summary: `<!-- commonplace-disable-next-line raw-html trailing-whitespace -->\n${EXAMPLE_SUMMARY}` })],
    notOk: [exampleNote({ summary: `<!-- commonplace-disable raw-htm -->\n${EXAMPLE_SUMMARY}` })],
  },
  check(note, report, ctx) {
    for (const directive of note.directives) {
      for (const id of directive.ruleIds) {
        if (ctx.ruleIds.includes(id)) continue;
        report({
          message: `Unknown rule id "${id}" in a commonplace-${directive.action} comment: it switches nothing${didYouMean(id, ctx.ruleIds)}`,
          line: directive.line,
          column: 1,
        });
      }
    }
  },
});
