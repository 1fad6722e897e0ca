/** The ok / not-ok example tests every rule's own test file starts with. */
import { expect, it } from 'vitest';
import type { Rule } from '../../../src/check/rule.js';
import { lintExample } from '../harness.js';

/** Registers one test per example of `rule`. */
export function exampleTests(rule: Rule): void {
  rule.examples.ok.forEach((example, i) => {
    it(`should accept its ok example ${i + 1}`, () => {
      expect(lintExample(rule, example)).toEqual([]);
    });
  });
  rule.examples.notOk.forEach((example, i) => {
    it(`should report its not-ok example ${i + 1}`, () => {
      expect(lintExample(rule, example).length).toBeGreaterThan(0);
    });
  });
}
