import { describe, expect, it } from 'vitest';
import { exampleNote, EXAMPLE_SUMMARY } from '../../../src/check/example-note.js';
import rule from '../../../src/check/rules/wikilink-heading.js';
import { lintFiles, where } from '../harness.js';
import { exampleTests } from './suite.js';

const other = exampleNote({ frontmatter: 'title: Other note\nauthor: B\nyear: 2020\nsource: https://example.com/other', body: '## Central argument\n\nx\n\n## Design notes\n\ny\n' });

describe('wikilink-heading', () => {
  exampleTests(rule);

  it('should report a heading another note does not have, at the link, suggesting its closest heading', () => {
    const note = exampleNote({ summary: `${EXAMPLE_SUMMARY} See [[Other note#Design note]].` });
    const found = lintFiles({ 'a.md': note, 'other.md': other }, { rules: [rule] });
    expect(found.map(where)).toEqual(['wikilink-heading@8:136']);
    expect(found[0]?.message).toBe('No heading "Design note" in "Other note": the link would go to the top of the note; did you mean "Design notes"?');
  });

  it('should accept a heading written in another case or spacing, as the handbook anchors match it', () => {
    const note = exampleNote({ summary: `${EXAMPLE_SUMMARY} See [[other#design  NOTES]] and [[Other note#Central argument|its argument]].` });
    expect(lintFiles({ 'a.md': note, 'other.md': other }, { rules: [rule] })).toEqual([]);
  });

  it('should leave links to concepts and unresolved links to other rules', () => {
    const note = exampleNote({ summary: `${EXAMPLE_SUMMARY} See [[ownership#anything]] and [[Nobody#x]].` });
    expect(lintFiles({ 'a.md': note }, { rules: [rule], concepts: [{ name: 'ownership' }] })).toEqual([]);
  });
});
