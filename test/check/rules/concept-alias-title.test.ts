import { describe, expect, it } from 'vitest';
import { exampleNote } from '../../../src/check/example-note.js';
import rule from '../../../src/check/rules/concept-alias-title.js';
import { lintFiles } from '../harness.js';
import { exampleTests } from './suite.js';

describe('concept-alias-title', () => {
  exampleTests(rule);

  it('should report in concepts.yml at the entry, pointing at the note', () => {
    const note = exampleNote({ frontmatter: 'title: Mirroring hypotheses\nauthor: B\nyear: 2020\nsource: https://example.com/1' });
    const found = lintFiles({ 'm.md': note }, { rules: [rule], concepts: [{ name: 'other' }, { name: "Conway's law", aliases: ['mirroring hypothesis'] }] });
    expect(found.map((d) => `${d.file}@${d.line}:${d.column}`)).toEqual(['concepts.yml@3:3']);
    expect(found[0]!.related).toEqual([{ file: 'm.md', line: 2, column: 8, message: 'note with this title' }]);
  });
});
