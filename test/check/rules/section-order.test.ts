import { describe, expect, it } from 'vitest';
import { exampleNote, EXAMPLE_SECTION_TEXT as T } from '../../../src/check/example-note.js';
import rule from '../../../src/check/rules/section-order.js';
import { lintFiles, where } from '../harness.js';
import { exampleTests } from './suite.js';

describe('section-order', () => {
  exampleTests(rule);

  it('should report the section that comes too late', () => {
    const text = exampleNote({ body: `## Why it matters\n\n${T.whyItMatters}\n\n## Central argument\n\n${T.centralArgument}\n\n## Critique\n\n${T.critique}\n` });
    const found = lintFiles({ 'n.md': text }, { rules: [rule] });
    const line = text.split('\n').indexOf('## Central argument') + 1;
    expect(found.map(where)).toEqual([`section-order@${line}:1`, `section-order@${line + 4}:1`]);
    expect(found[0]!.message).toContain('after "Why it matters"');
  });
});
