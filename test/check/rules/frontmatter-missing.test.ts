import { describe, expect, it } from 'vitest';
import { EXAMPLE_BODY, EXAMPLE_SUMMARY, exampleNote } from '../../../src/check/example-note.js';
import rule from '../../../src/check/rules/frontmatter-missing.js';
import { lintFiles, where } from '../harness.js';
import { exampleTests } from './suite.js';

const lint = (text: string) => lintFiles({ 'n.md': text }, { rules: [rule] });

describe('frontmatter-missing', () => {
  exampleTests(rule);

  it('should report a note without front matter at 1:1, saying what to add', () => {
    const [d, ...rest] = lint(`${EXAMPLE_SUMMARY}\n\n${EXAMPLE_BODY}`);
    expect(rest).toEqual([]);
    expect(where(d!)).toBe('frontmatter-missing@1:1');
    expect(d!.message).toContain('`---`');
  });

  it("should report an unclosed fence at line 1 with the reader's advice", () => {
    const found = lint(`---\ntitle: Never closed\nauthor: A\n\n${EXAMPLE_SUMMARY}\n\n${EXAMPLE_BODY}`);
    expect(found.map(where)).toEqual(['frontmatter-missing@1:1']);
    expect(found[0]!.message).toMatch(/never closed.*---/);
  });

  it('should accept front matter after a BOM and with CRLF line endings', () => {
    expect(lint(`\uFEFF${exampleNote()}`)).toEqual([]);
    expect(lint(exampleNote().replace(/\n/g, '\r\n'))).toEqual([]);
  });
});
