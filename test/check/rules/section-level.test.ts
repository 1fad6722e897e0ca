import { describe, expect, it } from 'vitest';
import { exampleNote, EXAMPLE_SECTION_TEXT as T } from '../../../src/check/example-note.js';
import rule from '../../../src/check/rules/section-level.js';
import { defaultConfig } from '../../../src/config.js';
import { fixedOnce, lintFiles } from '../harness.js';
import { exampleTests } from './suite.js';

const body = (critique: string) => `## Central argument\n\n${T.centralArgument}\n\n${critique}\n\n${T.critique}\n\n## Why it matters\n\n${T.whyItMatters}\n`;

describe('section-level', () => {
  exampleTests(rule);

  it('should fix an ATX heading to the configured level, changing only the hashes', () => {
    const input = exampleNote({ body: body('#### Critique ####') });
    expect(fixedOnce(rule, input)).toBe(exampleNote({ body: body('## Critique ####') }));
    expect(fixedOnce(rule, exampleNote({ body: body('# Critique') }))).toBe(exampleNote());
  });

  it('should report a setext heading of the wrong level without a fix', () => {
    const found = lintFiles({ 'n.md': exampleNote({ body: body('Critique\n========') }) }, { rules: [rule] });
    expect(found).toHaveLength(1);
    expect(found[0]!.fix).toBeUndefined();
  });

  it('should follow config.sectionDepth', () => {
    const config = { ...defaultConfig, sectionDepth: 3 };
    expect(lintFiles({ 'n.md': exampleNote() }, { rules: [rule], config })).toHaveLength(3);
  });
});
