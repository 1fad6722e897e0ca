/**
 * Prints the README's rule table, generated from the rule objects so the
 * docs cannot drift from the code:
 *
 *   npx tsx scripts/gen-rule-docs.ts > /tmp/rules.md
 *
 * Columns: id, default severity, scope, whether `lint --fix` can fix it, and
 * the rule's one-line description. Rows follow the rule list's order.
 */
import { pathToFileURL } from 'node:url';
import { rules } from '../src/check/rules/index.js';
import type { Rule } from '../src/check/rule.js';

/** Escapes a table cell (pipes would split the column). */
const cell = (text: string): string => text.replace(/\|/g, '\\|');

/** The Markdown rule table. */
export function ruleTable(list: readonly Rule[] = rules): string {
  const rows = list.map(
    (rule) => `| \`${rule.id}\` | ${rule.severity} | ${rule.scope} | ${rule.fixable ? 'yes' : ''} | ${cell(rule.description)} |`,
  );
  return ['| Rule | Severity | Scope | Fixable | Description |', '| --- | --- | --- | --- | --- |', ...rows, ''].join('\n');
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) process.stdout.write(ruleTable());
