import { describe, expect, it } from 'vitest';
import { EXAMPLE_BODY, EXAMPLE_SUMMARY } from '../../../src/check/example-note.js';
import rule, { canonicalKeyOrder } from '../../../src/check/rules/frontmatter-key-order.js';
import { fixedOnce, lintFiles, where } from '../harness.js';
import { exampleTests } from './suite.js';

const note = (frontmatter: string) => `---\n${frontmatter}\n---\n\n${EXAMPLE_SUMMARY}\n\n${EXAMPLE_BODY}`;

describe('frontmatter-key-order', () => {
  exampleTests(rule);

  it('should put known keys first in canonical order, others after in written order', () => {
    expect(canonicalKeyOrder(['zeta', 'tags', 'alpha', 'title', 'year'])).toEqual(['title', 'year', 'tags', 'zeta', 'alpha']);
  });

  it('should report at the key that should come first', () => {
    const found = lintFiles({ 'n.md': note('author: B\ntitle: A\nyear: 2020\nsource: https://example.com/a') }, { rules: [rule] });
    expect(found.map(where)).toEqual(['frontmatter-key-order@3:1']);
    expect(found[0]!.fix).toBeDefined();
  });

  it('should move whole lines, keeping block values and comments with their key', () => {
    const input = note('# editor note\nyear: 2020\ntags:\n  - a   # first\n  - b\ntitle: |\n  A long\n  title\nauthor: B\nsource: https://example.com/a');
    const output = note('# editor note\ntitle: |\n  A long\n  title\nauthor: B\nyear: 2020\nsource: https://example.com/a\ntags:\n  - a   # first\n  - b');
    expect(fixedOnce(rule, input)).toBe(output);
  });

  it('should report but not fix keys it cannot move by whole lines', () => {
    const found = lintFiles({ 'n.md': note('{author: B, title: A, year: 2020, source: "https://example.com/a"}') }, { rules: [rule] });
    expect(found).toHaveLength(1);
    expect(found[0]!.fix).toBeUndefined();
  });
});
