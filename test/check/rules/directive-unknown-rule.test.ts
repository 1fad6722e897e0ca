import { describe, expect, it } from 'vitest';
import { exampleNote, EXAMPLE_SUMMARY } from '../../../src/check/example-note.js';
import rule from '../../../src/check/rules/directive-unknown-rule.js';
import { lintFiles, where } from '../harness.js';
import { exampleTests } from './suite.js';

describe('directive-unknown-rule', () => {
  exampleTests(rule);

  it('should report each unknown id at its comment with the closest known id, and accept read-stage ids', () => {
    const note = exampleNote({ summary: `<!-- commonplace-disable raw-htm discovery-collision -->\n<!-- commonplace-enable placeholdr -->\n${EXAMPLE_SUMMARY}` });
    const found = lintFiles({ 'n.md': note }, { rules: [rule] });
    expect(found.map(where)).toEqual(['directive-unknown-rule@8:1', 'directive-unknown-rule@9:1']);
    expect(found.map((d) => d.message)).toEqual([
      'Unknown rule id "raw-htm" in a commonplace-disable comment: it switches nothing; did you mean "raw-html"?',
      'Unknown rule id "placeholdr" in a commonplace-enable comment: it switches nothing; did you mean "placeholder"?',
    ]);
  });

  it('should report each unknown id once, and at most 10 of them then a count, so thousands of ids stay cheap', () => {
    const ids = Array.from({ length: 5000 }, (_, i) => `x${i} x${i}`).join(' ');
    const found = lintFiles({ 'n.md': exampleNote({ summary: `<!-- commonplace-disable ${ids} -->\n${EXAMPLE_SUMMARY}` }) }, { rules: [rule] });
    expect(found).toHaveLength(11);
    expect(found.map((d) => d.message).at(-1)).toBe('…and 4990 more unknown rule ids in commonplace comments');
  });
});
