import { describe, expect, it } from 'vitest';
import { exampleNote } from '../../../src/check/example-note.js';
import rule from '../../../src/check/rules/duplicate-title.js';
import { lintFiles } from '../harness.js';
import { exampleTests } from './suite.js';

const fm = (title: string, n: number) => `title: ${title}\nauthor: B\nyear: 2020\nsource: https://example.com/${n}`;

describe('duplicate-title', () => {
  exampleTests(rule);

  it('should report every file of a group at its title, each pointing at the others', () => {
    const found = lintFiles(
      { 'a.md': exampleNote({ frontmatter: fm('Same', 1) }), 'b.md': exampleNote({ frontmatter: fm('same', 2) }), 'c.md': exampleNote({ frontmatter: fm(' SAME ', 3) }) },
      { rules: [rule] },
    );
    expect(found.map((d) => `${d.file}@${d.line}:${d.column}`)).toEqual(['a.md@2:8', 'b.md@2:8', 'c.md@2:9']);
    expect(found[0]!.related?.map((r) => r.file)).toEqual(['b.md', 'c.md']);
    expect(found[2]!.message).toContain('a.md, b.md');
  });
});
