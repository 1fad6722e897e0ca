import { describe, expect, it } from 'vitest';
import { exampleNote, EXAMPLE_SUMMARY } from '../../../src/check/example-note.js';
import rule from '../../../src/check/rules/raw-html.js';
import { lintFiles } from '../harness.js';
import { exampleTests } from './suite.js';

describe('raw-html', () => {
  exampleTests(rule);

  it('should warn at the HTML and quote it', () => {
    const found = lintFiles({ 'n.md': exampleNote({ summary: `${EXAMPLE_SUMMARY}\n\n<script>alert(1)</script>` }) }, { rules: [rule] });
    expect(found).toHaveLength(1);
    expect(found[0]!.severity).toBe('warning');
    expect(found[0]!.line).toBe(10);
    expect(found[0]!.message).toContain('<script>alert(1)</script>');
  });

  it('should allow commonplace directives and other comments', () => {
    const text = exampleNote({ summary: `<!-- commonplace-disable trailing-whitespace -->\n${EXAMPLE_SUMMARY}` });
    expect(lintFiles({ 'n.md': text }, { rules: [rule] })).toEqual([]);
  });
});
