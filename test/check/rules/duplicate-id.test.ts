import { describe, expect, it } from 'vitest';
import { exampleNote } from '../../../src/check/example-note.js';
import rule from '../../../src/check/rules/duplicate-id.js';
import { lintFiles } from '../harness.js';
import { exampleTests } from './suite.js';

const fm = (n: number) => `title: Note ${n}\nauthor: B\nyear: 2020\nsource: https://example.com/${n}`;

describe('duplicate-id', () => {
  exampleTests(rule);

  it('should report same-named files in different folders (NFC and NFD alike) on every file', () => {
    const found = lintFiles(
      { 'note.md': exampleNote({ frontmatter: fm(1) }), 'x/note.md': exampleNote({ frontmatter: fm(2) }), 'caf\u00e9.md': exampleNote({ frontmatter: fm(3) }), 'y/cafe\u0301.md': exampleNote({ frontmatter: fm(4) }) },
      { rules: [rule] },
    );
    expect(found.map((d) => d.file).sort()).toEqual(['caf\u00e9.md', 'note.md', 'x/note.md', 'y/cafe\u0301.md'].sort());
    expect(found.find((d) => d.file === 'note.md')!.related).toEqual([{ file: 'x/note.md', line: 1, column: 1, message: 'duplicate here' }]);
  });

  it("should leave case-only twins to the reader's discovery-collision", () => {
    const found = lintFiles({ 'Note.md': exampleNote({ frontmatter: fm(1) }), 'x/note.md': exampleNote({ frontmatter: fm(2) }) }, { rules: [rule] });
    expect(found).toEqual([]);
  });
});
