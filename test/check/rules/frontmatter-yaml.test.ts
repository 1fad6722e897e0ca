import { describe, expect, it } from 'vitest';
import { EXAMPLE_BODY, EXAMPLE_SUMMARY } from '../../../src/check/example-note.js';
import rule from '../../../src/check/rules/frontmatter-yaml.js';
import { lintFiles } from '../harness.js';
import { exampleTests } from './suite.js';

describe('frontmatter-yaml', () => {
  exampleTests(rule);

  it("should report a syntax error at the parser's line inside the front matter", () => {
    const text = `---\ntitle: Fine\nauthor: [a, b\nyear: 2020\n---\n\n${EXAMPLE_SUMMARY}\n\n${EXAMPLE_BODY}`;
    const found = lintFiles({ 'n.md': text }, { rules: [rule] });
    expect(found.length).toBeGreaterThan(0);
    for (const d of found) {
      expect(d.line).toBeGreaterThanOrEqual(2);
      expect(d.line).toBeLessThanOrEqual(5);
      expect(d.column).toBeGreaterThanOrEqual(1);
    }
  });
});
