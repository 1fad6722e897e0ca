/**
 * relation-self (one of the relation rules) on small libraries through the real reader and runner:
 * each reports at the `relations:` item (or the relation's name), with the
 * closest name suggested, and `relation-unknown-target` fixes an unambiguous
 * typo through `fixFile` with the library's other notes.
 */
import { describe, expect, it } from 'vitest';
import { fixFile } from '../../../src/check/fix.js';
import relationSelf from '../../../src/check/rules/relation-self.js';
import { lintFiles, where } from '../harness.js';
import { exampleTests } from './suite.js';

const note = (title: string, id: string, relations = '') =>
  `---\ntitle: ${title}\nauthor: B\nyear: 2020\nsource: https://example.com/${id}${relations === '' ? '' : `\n${relations}`}\n---\n\nSummary.\n`;
const conway = note('How Do Committees Invent?', 'conway', "aliases: [Conway's paper]");

describe('relation-self', () => {
  exampleTests(relationSelf);

  it('should report the item naming this note by id, title or alias', () => {
    const text = note('A', 'a', 'aliases: [Alpha]\nrelations:\n  supports: [a]\n  builds-on: [Alpha, conway]');
    const found = lintFiles({ 'a.md': text, 'conway.md': conway }, { rules: [relationSelf] });
    expect(found.map(where)).toEqual(['relation-self@8:14', 'relation-self@9:15']);
    expect(found[0]!.message).toBe('"a" is this note: a note cannot supports itself; name another note or remove the item');
  });
});
