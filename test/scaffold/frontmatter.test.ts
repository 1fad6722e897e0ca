import fc from 'fast-check';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { emitFrontmatter } from '../../src/scaffold/frontmatter.js';

/** Reads a block back the way the reader does (YAML 1.2 core, unique keys, no aliases). */
function readBack(block: string, version: '1.1' | '1.2' = '1.2'): unknown {
  expect(block.startsWith('---\n')).toBe(true);
  expect(block.endsWith('\n---\n')).toBe(true);
  const inner = block.slice(4, -4);
  // The block has exactly two fence lines: no value can close it early.
  expect(inner.split('\n').filter((line) => /^---\s*$/.test(line))).toEqual([]);
  return parse(inner, { version, schema: version === '1.2' ? 'core' : 'yaml-1.1', uniqueKeys: true, maxAliasCount: 0 });
}

const hostile = ['Hello\nauthor: mallory\n---\n<script>', 'Hello: world #1', 'yes', 'NO', 'Off', '2020-01-01', '012345', '1:30', '0o17', '1_000', '~', 'null', '', ' lead', 'trail ', "'q' \"dq\"", '- item', '[a, b]', '{a: 1}', '*alias', '&anchor', '!tag', '%YAML', '@x', '`x', '\u2028\u2029', '\t', 'é\u0301', '#'];

describe('emitFrontmatter', () => {
  it.each(hostile)('should round-trip %j as exactly that string in YAML 1.2 and 1.1', (value) => {
    const block = emitFrontmatter([['title', value], ['author', [value, 'x']], ['year', 2020]]);
    expect(readBack(block)).toEqual({ title: value, author: [value, 'x'], year: 2020 });
    expect(readBack(block, '1.1')).toEqual({ title: value, author: [value, 'x'], year: 2020 });
  });

  it('should keep keys in the given order and write one value per line', () => {
    const block = emitFrontmatter([['title', 'Hello\nauthor: mallory\n---\n<script>'], ['author', 'A'], ['year', 2020]]);
    expect(block).toBe('---\ntitle: "Hello\\nauthor: mallory\\n---\\n<script>"\nauthor: A\nyear: 2020\n---\n');
  });

  it('should quote strings a YAML 1.1 reader would turn into booleans, numbers or dates', () => {
    expect(emitFrontmatter([['a', 'yes'], ['b', '2020-01-01'], ['c', 'plain words']])).toBe('---\na: "yes"\nb: "2020-01-01"\nc: plain words\n---\n');
  });

  it('should round-trip arbitrary strings for title, author and venue', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 80 }), fc.array(fc.string({ maxLength: 30 }), { minLength: 1, maxLength: 3 }), fc.string(), (title, authors, venue) => {
        const block = emitFrontmatter([['title', title], ['author', authors], ['venue', venue]]);
        expect(readBack(block)).toEqual({ title, author: authors, venue });
      }),
      { numRuns: 1000 },
    );
  });
});
