/**
 * Every rule's documented examples, run through the real reader and runner:
 * the README's rule docs cannot drift from what the rules do.
 */
import { describe, expect, it } from 'vitest';
import { rules } from '../../src/check/rules/index.js';
import { lintExample } from './harness.js';

describe('rule examples', () => {
  for (const rule of rules) {
    describe(rule.id, () => {
      rule.examples.ok.forEach((example, i) => {
        it(`should report nothing on ok example ${i + 1}`, () => {
          expect(lintExample(rule, example)).toEqual([]);
        });
      });
      rule.examples.notOk.forEach((example, i) => {
        it(`should report not-ok example ${i + 1}`, () => {
          const found = lintExample(rule, example);
          expect(found.length).toBeGreaterThan(0);
          expect(found.every((d) => d.ruleId === rule.id && d.severity === rule.severity)).toBe(true);
        });
      });
    });
  }

  it('should give every rule a unique kebab-case id and a one-line description', () => {
    const ids = rules.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const rule of rules) {
      expect(rule.id).toMatch(/^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/);
      expect(rule.description).not.toContain('\n');
    }
  });
});
