import { describe, expect, it } from 'vitest';
import { isSuppressed } from '../../src/check/directives.js';
import { exampleNote, EXAMPLE_SUMMARY } from '../../src/check/example-note.js';
import type { LintDirective } from '../../src/types.js';
import { lintFiles } from './harness.js';

const d = (action: LintDirective['action'], line: number, ...ruleIds: string[]): LintDirective => ({ action, line, ruleIds });

describe('directives', () => {
  it('should switch a rule off from a disable line until its enable line', () => {
    const directives = [d('disable', 5, 'x'), d('enable', 9, 'x')];
    expect([4, 5, 8, 9, 10].map((line) => isSuppressed(directives, 'x', line))).toEqual([false, true, true, false, false]);
    expect(isSuppressed(directives, 'y', 6)).toBe(false);
  });

  it('should treat no id as every rule, and let a later id-specific enable win', () => {
    const directives = [d('disable', 2), d('enable', 4, 'x')];
    expect(isSuppressed(directives, 'y', 5)).toBe(true);
    expect(isSuppressed(directives, 'x', 5)).toBe(false);
    expect(isSuppressed([d('disable', 2, 'x'), d('enable', 3)], 'x', 4)).toBe(false);
  });

  it('should switch rules off for the next line only with disable-next-line', () => {
    const directives = [d('disable-next-line', 3, 'x')];
    expect([3, 4, 5].map((line) => isSuppressed(directives, 'x', line))).toEqual([false, true, false]);
    expect(isSuppressed([d('disable-next-line', 3)], 'anything', 4)).toBe(true);
  });

  it('should filter real diagnostics from comments in a note', () => {
    const text = exampleNote({
      summary: `<!-- commonplace-disable-next-line trailing-whitespace -->\n${EXAMPLE_SUMMARY} \n\nSecond paragraph. \n\n<!-- commonplace-disable -->\nThird paragraph. `,
    });
    const found = lintFiles({ 'n.md': text });
    expect(found.map((x) => `${x.ruleId}@${x.line}`)).toEqual(['trailing-whitespace@11']);
  });
});
