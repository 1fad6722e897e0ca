import { describe, expect, it } from 'vitest';
import { exampleNote } from '../../../src/check/example-note.js';
import rule from '../../../src/check/rules/duplicate-source.js';
import { sourceKey } from '../../../src/check/same-work.js';
import { lintFiles } from '../harness.js';
import { exampleTests } from './suite.js';

const fm = (n: number, source: string) => `title: Note ${n}\nauthor: B\nyear: 2020\nsource: ${source}`;

describe('duplicate-source', () => {
  exampleTests(rule);

  it('should compare URLs without scheme, fragment or trailing slash, keeping the query', () => {
    expect(sourceKey('https://Example.com/a/')).toBe(sourceKey('http://example.com/a#x'));
    expect(sourceKey('https://example.com/a?id=1')).not.toBe(sourceKey('https://example.com/a?id=2'));
    expect(sourceKey('not a url')).toBeNull();
  });

  it('should compare a hostile URL in linear time', () => {
    const started = Date.now();
    expect(sourceKey(`https://example.com/${'/'.repeat(60_000)}x`)).toContain('x');
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('should report each file at its source line, pointing at the others', () => {
    const found = lintFiles(
      { 'a.md': exampleNote({ frontmatter: fm(1, 'https://example.com/x') }), 'b.md': exampleNote({ frontmatter: fm(2, 'https://example.com/x/') }) },
      { rules: [rule] },
    );
    expect(found.map((d) => `${d.file}@${d.line}`)).toEqual(['a.md@5', 'b.md@5']);
    expect(found[1]!.related).toEqual([{ file: 'a.md', line: 5, column: 9, message: 'duplicate here' }]);
  });
});
