import { describe, expect, it } from 'vitest';
import { exampleNote } from '../../../src/check/example-note.js';
import rule from '../../../src/check/rules/summary-present.js';
import { lintFiles, where } from '../harness.js';
import { exampleTests } from './suite.js';

describe('summary-present', () => {
  exampleTests(rule);

  it('should report a missing summary at the first heading', () => {
    const text = exampleNote({ summary: '' });
    const found = lintFiles({ 'n.md': text }, { rules: [rule] });
    const headingLine = text.split('\n').indexOf('## Central argument') + 1;
    expect(found.map(where)).toEqual([`summary-present@${headingLine}:1`]);
  });
});
