import { describe, expect, it } from 'vitest';
import { exampleNote } from '../../../src/check/example-note.js';
import rule from '../../../src/check/rules/summary-min-words.js';
import { defaultConfig } from '../../../src/config.js';
import { lintFiles, where } from '../harness.js';
import { exampleTests } from './suite.js';

describe('summary-min-words', () => {
  exampleTests(rule);

  it('should report a short summary with its word count, at the summary', () => {
    const found = lintFiles({ 'n.md': exampleNote({ summary: 'Five words in this summary.' }) }, { rules: [rule] });
    expect(found.map(where)).toEqual(['summary-min-words@8:1']);
    expect(found[0]!.message).toBe('Summary has 5 words; expected at least 10 (minSummaryWords)');
  });

  it('should follow config.minSummaryWords and leave a missing summary to summary-present', () => {
    const config = { ...defaultConfig, minSummaryWords: 3 };
    expect(lintFiles({ 'n.md': exampleNote({ summary: 'Five words in this summary.' }) }, { rules: [rule], config })).toEqual([]);
    expect(lintFiles({ 'n.md': exampleNote({ summary: '' }) }, { rules: [rule] })).toEqual([]);
  });
});
