import { describe, expect, it } from 'vitest';
import { exampleNote, EXAMPLE_SECTION_TEXT as T } from '../../../src/check/example-note.js';
import rule from '../../../src/check/rules/section-required.js';
import { defaultConfig } from '../../../src/config.js';
import { lintFiles, where } from '../harness.js';
import { exampleTests } from './suite.js';

const lineOf = (text: string, line: string) => text.split('\n').indexOf(line) + 1;

describe('section-required', () => {
  exampleTests(rule);

  it('should report a missing section where it belongs', () => {
    const text = exampleNote({ body: `## Central argument\n\n${T.centralArgument}\n\n## Why it matters\n\n${T.whyItMatters}\n` });
    const found = lintFiles({ 'n.md': text }, { rules: [rule] });
    expect(found.map(where)).toEqual([`section-required@${lineOf(text, '## Why it matters')}:1`]);
    expect(found[0]!.message).toBe('Missing section "## Critique"; add it before "Why it matters"');
  });

  it('should report a repeated section at the repeat, pointing at the first', () => {
    const text = exampleNote({ body: `## Central argument\n\n${T.centralArgument}\n\n## Critique\n\n${T.critique}\n\n## Why it matters\n\n${T.whyItMatters}\n\n## critique\n\nMore.\n` });
    const found = lintFiles({ 'n.md': text }, { rules: [rule] });
    expect(found).toHaveLength(1);
    expect(found[0]!.line).toBe(lineOf(text, '## critique'));
    expect(found[0]!.related).toEqual([{ file: 'n.md', line: lineOf(text, '## Critique'), column: 1, message: 'first occurrence' }]);
  });

  it('should follow the configured sections', () => {
    const config = { ...defaultConfig, sections: [{ key: 'lessons', heading: 'Lessons', allowSuffix: false }] };
    const found = lintFiles({ 'n.md': exampleNote() }, { rules: [rule], config });
    expect(found.map((d) => d.message)).toEqual(['Missing section "## Lessons"; add it at the end']);
  });
});
