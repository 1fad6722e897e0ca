import { describe, expect, it } from 'vitest';
import { EXAMPLE_FRONTMATTER, exampleNote, EXAMPLE_SUMMARY } from '../../../src/check/example-note.js';
import rule from '../../../src/check/rules/unlinked-mention.js';
import { lintFiles } from '../harness.js';
import { exampleTests } from './suite.js';

const concepts = [{ name: "Conway's law" }];
const fm = (title: string, source: string) => `title: ${title}\nauthor: B\nyear: 2020\nsource: ${source}`;

describe('unlinked-mention', () => {
  exampleTests(rule);

  it('should suggest a link once per target, at the first mention, as info', () => {
    const text = exampleNote({ summary: `${EXAMPLE_SUMMARY} Conway’s law, then Conway's laws again.` });
    const found = lintFiles({ 'n.md': text }, { rules: [rule], concepts });
    expect(found).toHaveLength(1);
    expect(found[0]!.severity).toBe('info');
    expect(found[0]!.column).toBe(EXAMPLE_SUMMARY.length + 2);
    expect(found[0]!.message).toBe('Unlinked mention of concept "Conway\'s law"; link it as [[Conway\'s law]]');
  });

  it("should point at another note's title", () => {
    const found = lintFiles(
      {
        'a.md': exampleNote({ frontmatter: fm('Team Topologies', 'https://example.com/1') }),
        'b.md': exampleNote({ frontmatter: fm('Platform notes', 'https://example.com/2'), summary: `${EXAMPLE_SUMMARY} Compare team topologies.` }),
      },
      { rules: [rule] },
    );
    expect(found.map((d) => `${d.file}: ${d.message}`)).toEqual(['b.md: Unlinked mention of note "Team Topologies"; link it as [[Team Topologies]]']);
  });

  it('should stay quiet when the note declares the concept', () => {
    const text = exampleNote({ frontmatter: `${EXAMPLE_FRONTMATTER}\nconcepts: ["Conway's law"]`, summary: `${EXAMPLE_SUMMARY} Conway's law.` });
    expect(lintFiles({ 'n.md': text }, { rules: [rule], concepts })).toEqual([]);
  });
});
