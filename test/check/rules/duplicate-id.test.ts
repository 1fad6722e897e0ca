import { describe, expect, it } from 'vitest';
import { exampleNote } from '../../../src/check/example-note.js';
import rule from '../../../src/check/rules/duplicate-id.js';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { defaultConfig } from '../../../src/config.js';
import { lintLibrary } from '../../../src/pipeline.js';
import { lintFiles } from '../harness.js';
import { exampleTests } from './suite.js';

const fm = (n: number) => `title: Note ${n}\nauthor: B\nyear: 2020\nsource: https://example.com/${n}`;

describe('duplicate-id', () => {
  exampleTests(rule);

  it('should report same-named files in different folders on every file, leaving NFC/NFD pairs to discovery-collision', () => {
    const found = lintFiles(
      { 'note.md': exampleNote({ frontmatter: fm(1) }), 'x/note.md': exampleNote({ frontmatter: fm(2) }), 'caf\u00e9.md': exampleNote({ frontmatter: fm(3) }), 'y/cafe\u0301.md': exampleNote({ frontmatter: fm(4) }) },
      { rules: [rule] },
    );
    expect(found.map((d) => d.file).sort()).toEqual(['note.md', 'x/note.md']);
    expect(found.find((d) => d.file === 'note.md')!.related).toEqual([{ file: 'x/note.md', line: 1, column: 1, message: 'duplicate here' }]);
  });

  it("should leave case-only twins to the reader's discovery-collision", () => {
    const found = lintFiles({ 'Note.md': exampleNote({ frontmatter: fm(1) }), 'x/note.md': exampleNote({ frontmatter: fm(2) }) }, { rules: [rule] });
    expect(found).toEqual([]);
  });

  // Issue 20: each file got discovery-collision AND duplicate-id, and the two names looked identical.
  it('should report two names differing only by Unicode normalisation once each, spelling out their code points', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'cp-nfc-'));
    writeFileSync(path.join(root, 'caf\u00e9.md'), exampleNote({ frontmatter: fm(1) }));
    writeFileSync(path.join(root, 'cafe\u0301.md'), exampleNote({ frontmatter: fm(2) }));
    const { diagnostics } = await lintLibrary({ root, config: defaultConfig, workers: 0 });
    const errors = diagnostics.filter((d) => d.severity === 'error');
    expect(errors.map((d) => [d.file, d.ruleId])).toEqual([
      ['cafe\u0301.md', 'discovery-collision'],
      ['caf\u00e9.md', 'discovery-collision'],
    ]);
    expect(errors[1]?.message).toContain('file name (caf<U+00E9>.md) collides with "cafe\u0301.md" (cafe<U+0301>.md)');
  });
});
