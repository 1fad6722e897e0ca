/**
 * relation-duplicate (one of the relation rules) on small libraries through the real reader and runner:
 * each reports at the `relations:` item (or the relation's name), with the
 * closest name suggested, and `relation-unknown-target` fixes an unambiguous
 * typo through `fixFile` with the library's other notes.
 */
import { describe, expect, it } from 'vitest';
import { fixFile } from '../../../src/check/fix.js';
import relationDuplicate from '../../../src/check/rules/relation-duplicate.js';
import { lintFiles, where } from '../harness.js';
import { exampleTests } from './suite.js';

const note = (title: string, id: string, relations = '') =>
  `---\ntitle: ${title}\nauthor: B\nyear: 2020\nsource: https://example.com/${id}${relations === '' ? '' : `\n${relations}`}\n---\n\nSummary.\n`;
const conway = note('How Do Committees Invent?', 'conway', "aliases: [Conway's paper]");
const spotify = note('Scaling Agile at Spotify', 'spotify');

describe('relation-duplicate', () => {
  exampleTests(relationDuplicate);

  it('should report the second mention of one target under one name, pointing at the first', () => {
    const found = lintFiles({ 'a.md': note('A', 'a', "relations:\n  builds-on: [conway, Conway's paper]"), 'conway.md': conway }, { rules: [relationDuplicate] });
    expect(found.map(where)).toEqual(['relation-duplicate@7:23']);
    expect(found[0]!.related).toEqual([{ file: 'a.md', line: 7, column: 15, message: 'given first here' }]);
  });

  it('should report contradicts declared on both notes, on the second one', () => {
    const found = lintFiles(
      { 'a.md': note('A', 'a', 'relations:\n  contradicts: [spotify]'), 'spotify.md': note('Scaling Agile at Spotify', 'spotify', 'relations:\n  contradicts: [A]') },
      { rules: [relationDuplicate] },
    );
    expect(found.map((d) => `${d.file}:${where(d)}`)).toEqual(['spotify.md:relation-duplicate@7:17']);
    expect(found[0]!.message).toBe('"A" already says it contradicts this note (a.md); a contradiction reads both ways, so keep it on one note');
  });
});
