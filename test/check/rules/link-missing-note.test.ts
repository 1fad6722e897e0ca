import { describe, expect, it } from 'vitest';
import { exampleNote, EXAMPLE_SUMMARY } from '../../../src/check/example-note.js';
import rule from '../../../src/check/rules/link-missing-note.js';
import { lintFiles, where } from '../harness.js';
import { exampleTests } from './suite.js';

const other = exampleNote({ frontmatter: 'title: Other note\nauthor: B\nyear: 2020\nsource: https://example.com/other' });

describe('link-missing-note', () => {
  exampleTests(rule);

  it('should report a link to a note file that is not in the library, suggesting the closest path', () => {
    const note = exampleNote({ summary: `${EXAMPLE_SUMMARY} See [it](othr.md#critique) and [that](../other.md).` });
    const found = lintFiles({ 'sub/a.md': note, 'other.md': other }, { rules: [rule] });
    expect(found.map(where)).toEqual(['link-missing-note@8:136']);
    expect(found[0]?.message).toContain('"othr.md#critique"');
  });

  it('should resolve paths from the linking note\'s folder and leave web links, images and other files alone', () => {
    const note = exampleNote({ summary: `${EXAMPLE_SUMMARY} See [up](../other.md), [web](https://x.example/a.md), ![img](pic.png), [pdf](paper.pdf).` });
    expect(lintFiles({ 'sub/a.md': note, 'other.md': other }, { rules: [rule] })).toEqual([]);
  });
});
