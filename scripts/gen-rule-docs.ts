/**
 * Prints the README's rule table, generated from the rule objects so the
 * docs cannot drift from the code:
 *
 *   npx tsx scripts/gen-rule-docs.ts           # print the table
 *   npx tsx scripts/gen-rule-docs.ts --write   # put it into README.md
 *
 * Columns: id, default severity, scope, whether `lint --fix` can fix it, and
 * the rule's one-line description. Rows follow the rule list's order.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
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

const START = '<!-- rules:start -->';
const END = '<!-- rules:end -->';

/** The README text with the table between its markers replaced by `table`. */
export function withRuleTable(readme: string, table: string = ruleTable()): string {
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start < 0 || end < start) throw new Error(`README.md needs the markers ${START} and ${END}`);
  return `${readme.slice(0, start + START.length)}\n${table}${readme.slice(end)}`;
}

/** README.md at the repo root. */
export const readmePath = fileURLToPath(new URL('../README.md', import.meta.url));

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  if (process.argv.includes('--write')) writeFileSync(readmePath, withRuleTable(readFileSync(readmePath, 'utf8')));
  else process.stdout.write(ruleTable());
}
