import { describe, expect, it } from 'vitest';
import { EXAMPLE_FRONTMATTER, exampleNote } from '../../../src/check/example-note.js';
import rule from '../../../src/check/rules/unknown-concept.js';
import { lintFiles, where } from '../harness.js';
import { exampleTests } from './suite.js';

const concepts = [{ name: 'single-threaded leader' }, { name: "Conway's law", aliases: ['mirroring'] }];

describe('unknown-concept', () => {
  exampleTests(rule);

  it('should warn at the entry itself with the closest glossary name', () => {
    const text = exampleNote({ frontmatter: `${EXAMPLE_FRONTMATTER}\nconcepts:\n  - mirroring\n  - single threaded leadr` });
    const found = lintFiles({ 'n.md': text }, { rules: [rule], concepts });
    expect(found.map(where)).toEqual(['unknown-concept@8:5']);
    expect(found[0]!.message).toBe('Unknown concept "single threaded leadr": not in the glossary (concepts.yml); did you mean "single-threaded leader"?');
  });

  it('should check nothing when the library has no glossary', () => {
    const text = exampleNote({ frontmatter: `${EXAMPLE_FRONTMATTER}\nconcepts: [anything]` });
    expect(lintFiles({ 'n.md': text }, { rules: [rule] })).toEqual([]);
  });
});
