import { describe, expect, it } from 'vitest';
import { exampleNote, EXAMPLE_SUMMARY } from '../../../src/check/example-note.js';
import rule from '../../../src/check/rules/trailing-whitespace.js';
import { fixedOnce, lintFiles, where } from '../harness.js';
import { exampleTests } from './suite.js';

describe('trailing-whitespace', () => {
  exampleTests(rule);

  it('should report at the first trailing character and fix by removing it', () => {
    const input = exampleNote({ summary: `${EXAMPLE_SUMMARY} \t ` }).replace('year: 2020', 'year: 2020   ');
    const found = lintFiles({ 'n.md': input }, { rules: [rule] });
    expect(found.map(where)).toEqual(['trailing-whitespace@4:11', `trailing-whitespace@8:${EXAMPLE_SUMMARY.length + 1}`]);
    expect(fixedOnce(rule, input)).toBe(exampleNote());
  });

  it('should keep a two-space hard break but remove two spaces at a paragraph end', () => {
    const hardBreak = exampleNote({ summary: `Line one  \n${EXAMPLE_SUMMARY}` });
    expect(lintFiles({ 'n.md': hardBreak }, { rules: [rule] })).toEqual([]);
    expect(lintFiles({ 'n.md': exampleNote({ summary: `${EXAMPLE_SUMMARY}  ` }) }, { rules: [rule] })).toHaveLength(1);
  });

  it('should leave code blocks alone', () => {
    const text = exampleNote({ summary: `${EXAMPLE_SUMMARY}\n\n\`\`\`\ncode   \n\`\`\`` });
    expect(lintFiles({ 'n.md': text }, { rules: [rule] })).toEqual([]);
  });
});
