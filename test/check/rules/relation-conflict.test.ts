/**
 * relation-conflict (one of the relation rules) on small libraries through the real reader and runner:
 * each reports at the `relations:` item (or the relation's name), with the
 * closest name suggested, and `relation-unknown-target` fixes an unambiguous
 * typo through `fixFile` with the library's other notes.
 */
import { describe, expect, it } from 'vitest';
import { fixFile } from '../../../src/check/fix.js';
import relationConflict from '../../../src/check/rules/relation-conflict.js';
import { lintFiles, where } from '../harness.js';
import { exampleTests } from './suite.js';

const note = (title: string, id: string, relations = '') =>
  `---\ntitle: ${title}\nauthor: B\nyear: 2020\nsource: https://example.com/${id}${relations === '' ? '' : `\n${relations}`}\n---\n\nSummary.\n`;
const spotify = note('Scaling Agile at Spotify', 'spotify');

describe('relation-conflict', () => {
  exampleTests(relationConflict);

  it('should report supports beside contradicts between the same notes, either way round, at the supports item', () => {
    const found = lintFiles(
      { 'a.md': note('A', 'a', 'relations:\n  contradicts: [spotify]'), 'spotify.md': note('Scaling Agile at Spotify', 'spotify', 'relations:\n  supports: [a]') },
      { rules: [relationConflict] },
    );
    expect(found.map((d) => `${d.file}:${where(d)}`)).toEqual(['spotify.md:relation-conflict@7:14']);
    expect(found[0]!.message).toBe('"a" is both supported and contradicted: "A" says it contradicts this note; keep the one that is true');
    expect(found[0]!.related).toEqual([{ file: 'a.md', line: 7, column: 17, message: 'the contradiction' }]);
  });
});
