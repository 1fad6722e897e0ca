import { describe, expect, it } from 'vitest';
import { exampleNote, EXAMPLE_SECTION_TEXT as T } from '../../../src/check/example-note.js';
import rule, { atxContent } from '../../../src/check/rules/section-heading-spelling.js';
import { fixedOnce, lintFiles } from '../harness.js';
import { exampleTests } from './suite.js';

const body = (a: string, b: string, c: string) =>
  `${a}\n\n${T.centralArgument}\n\n${b}\n\n${T.critique}\n\n${c}\n\n${T.whyItMatters}\n`;

describe('section-heading-spelling', () => {
  exampleTests(rule);

  it('should fix case and spacing, keeping an allowed suffix', () => {
    const input = exampleNote({ body: body('## central  ARGUMENT', '##   critique  #', '## why it Matters for product') });
    const output = exampleNote({ body: body('## Central argument', '##   Critique  #', '## Why it matters for product') });
    expect(fixedOnce(rule, input)).toBe(output);
  });

  it('should report other differences without a fix', () => {
    const found = lintFiles({ 'n.md': exampleNote({ body: body('## Central argument', '## Critique:', '## Why it matters') }) }, { rules: [rule] });
    expect(found).toHaveLength(1);
    expect(found[0]!.message).toBe('Unexpected heading "Critique:", expected "Critique"');
    expect(found[0]!.fix).toBeUndefined();
  });

  it('should read ATX heading content in linear time on hostile lines', () => {
    const line = `## a${' '.repeat(100_000)}b${' '.repeat(100_000)}${'#'.repeat(100_000)}`;
    const started = Date.now();
    expect(atxContent(line)?.content.endsWith('b')).toBe(true);
    expect(Date.now() - started).toBeLessThan(5000);
  });
});
