import { describe, expect, it } from 'vitest';
import { exampleNote } from '../../../src/check/example-note.js';
import rule from '../../../src/check/rules/frontmatter-duplicate-key.js';
import { lintFiles } from '../harness.js';
import { exampleTests } from './suite.js';

describe('frontmatter-duplicate-key', () => {
  exampleTests(rule);

  it('should report the second `title` at its own line', () => {
    const text = exampleNote({ frontmatter: 'title: a\nauthor: B\ntitle: b\nyear: 2020\nsource: https://example.com/a' });
    const found = lintFiles({ 'n.md': text }, { rules: [rule] });
    expect(found.map((d) => d.line)).toEqual([4]);
  });
});
