import { describe, expect, it } from 'vitest';
import { rules } from '../../src/check/rules/index.js';
import { ruleTable } from '../../scripts/gen-rule-docs.js';

describe('gen-rule-docs', () => {
  it('should print one table row per rule, in list order, marking the fixable ones', () => {
    const rows = ruleTable().trimEnd().split('\n').slice(2);
    expect(rows.map((row) => /^\| `([a-z-]+)`/.exec(row)?.[1])).toEqual(rules.map((r) => r.id));
    expect(rows.find((row) => row.startsWith('| `trailing-whitespace`'))).toContain('| warning | note | yes |');
    expect(rows.find((row) => row.startsWith('| `duplicate-title`'))).toContain('| error | library |  |');
  });
});

describe('README rule table', () => {
  it('should equal the table generated from the rule objects (run gen-rule-docs --write after changing a rule)', async () => {
    const { readFileSync } = await import('node:fs');
    const { readmePath, withRuleTable } = await import('../../scripts/gen-rule-docs.js');
    const readme = readFileSync(readmePath, 'utf8');
    expect(withRuleTable(readme)).toBe(readme);
  });
});
