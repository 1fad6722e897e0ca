import { describe, expect, it } from 'vitest';
import { exampleNote } from '../../../src/check/example-note.js';
import rule from '../../../src/check/rules/frontmatter-too-large.js';
import { defaultConfig } from '../../../src/config.js';
import { lintFiles } from '../harness.js';
import { exampleTests } from './suite.js';

describe('frontmatter-too-large', () => {
  exampleTests(rule);

  it('should follow config.maxFrontmatterBytes', () => {
    const config = { ...defaultConfig, maxFrontmatterBytes: 64 };
    const found = lintFiles({ 'n.md': exampleNote() }, { rules: [rule], config });
    expect(found).toHaveLength(1);
    expect(found[0]!.line).toBe(1);
    expect(lintFiles({ 'n.md': exampleNote() }, { rules: [rule] })).toEqual([]);
  });
});
