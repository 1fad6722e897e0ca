import { describe, expect, it } from 'vitest';
import { EXAMPLE_BODY, EXAMPLE_SUMMARY } from '../../../src/check/example-note.js';
import rule from '../../../src/check/rules/frontmatter-alias.js';
import { lintFiles } from '../harness.js';
import { exampleTests } from './suite.js';

describe('frontmatter-alias', () => {
  exampleTests(rule);

  it('should refuse a 9x9 alias bomb quickly, as an error', () => {
    const rows = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 9; i++) {
      const [prev, cur] = [String.fromCharCode(96 + i), String.fromCharCode(97 + i)];
      rows.push(`${cur}: &${cur} [${Array(9).fill(`*${prev}`).join(',')}]`);
    }
    const text = `---\ntitle: Bomb\n${rows.join('\n')}\n---\n\n${EXAMPLE_SUMMARY}\n\n${EXAMPLE_BODY}`;
    const started = Date.now();
    const found = lintFiles({ 'n.md': text }, { rules: [rule] });
    expect(Date.now() - started).toBeLessThan(5000); // does not hang
    expect(found.length).toBeGreaterThan(0);
    expect(found[0]!.severity).toBe('error');
  });
});
