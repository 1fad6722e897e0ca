import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { exampleNote } from '../../../src/check/example-note.js';
import rule, { PLACEHOLDER_MARKERS } from '../../../src/check/rules/placeholder.js';
import { lintFiles } from '../harness.js';
import { exampleTests } from './suite.js';

describe('placeholder', () => {
  exampleTests(rule);

  it('should report every prompt of the real template, each at its line', () => {
    const template = readFileSync(new URL('../../../templates/essay.md', import.meta.url), 'utf8');
    const lines = template.split('\n');
    const prompts = lines.flatMap((line, i) => (line.startsWith('TODO:') ? [i + 1] : []));
    expect(prompts.length).toBeGreaterThanOrEqual(4);
    const found = lintFiles({ 'n.md': template }, { rules: [rule] });
    for (const line of prompts) expect(found.some((d) => d.line === line && d.message.includes('prompt'))).toBe(true);
  });

  it('should skip code blocks and inline code', () => {
    const text = exampleNote({ summary: 'The template uses `{{title}}` slots and prompts that start with TODO, shown here.\n\n```\nTODO: not a prompt\n{{title}}\n```' });
    expect(lintFiles({ 'n.md': text }, { rules: [rule] })).toEqual([]);
  });

  it('should export its markers', () => {
    expect(PLACEHOLDER_MARKERS).toContain('TODO:');
  });
});
