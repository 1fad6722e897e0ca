import { exampleNote, EXAMPLE_SUMMARY } from '../example-note.js';
import { defineRule } from '../rule.js';
import { didYouMean } from '../suggest.js';
import type { LintDirective } from '../../types.js';

/** Unknown ids reported one by one in a note; the rest are counted in one more finding. */
const MAX_REPORTED = 10;

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
    const known = new Set(ctx.ruleIds);
    // Each unknown id once a note, at most MAX_REPORTED of them: `disable a b c …` with thousands of ids is one mistake,
    // and every finding is matched against the note's directives afterwards.
    const unknown = new Map<string, LintDirective>();
    for (const directive of note.directives) {
      for (const id of directive.ruleIds) if (!known.has(id) && !unknown.has(id)) unknown.set(id, directive);
    }
    let shown = 0;
    for (const [id, directive] of unknown) {
      if (shown === MAX_REPORTED) {
        report({ message: `…and ${unknown.size - shown} more unknown rule ids in commonplace comments`, line: directive.line, column: 1 });
        break;
      }
      shown++;
      report({
        message: `Unknown rule id "${id}" in a commonplace-${directive.action} comment: it switches nothing${didYouMean(id, ctx.ruleIds)}`,
        line: directive.line,
        column: 1,
      });
    }
  },
});
