/**
 * relation-unknown-type (one of the relation rules) on small libraries through the real reader and runner:
 * each reports at the `relations:` item (or the relation's name), with the
 * closest name suggested, and `relation-unknown-target` fixes an unambiguous
 * typo through `fixFile` with the library's other notes.
 */
import { describe, expect, it } from 'vitest';
import { fixFile } from '../../../src/check/fix.js';
import relationUnknownType from '../../../src/check/rules/relation-unknown-type.js';
import { resolveConfig } from '../../../src/config.js';
import { lintFiles, where } from '../harness.js';
import { exampleTests } from './suite.js';

const note = (title: string, id: string, relations = '') =>
  `---\ntitle: ${title}\nauthor: B\nyear: 2020\nsource: https://example.com/${id}${relations === '' ? '' : `\n${relations}`}\n---\n\nSummary.\n`;
const conway = note('How Do Committees Invent?', 'conway', "aliases: [Conway's paper]");
const spotify = note('Scaling Agile at Spotify', 'spotify');

describe('relation-unknown-type', () => {
  exampleTests(relationUnknownType);

  it('should report an unknown name once, at the name, with the closest known one', () => {
    const found = lintFiles({ 'a.md': note('A', 'a', 'relations:\n  build-on: [conway, spotify]'), 'conway.md': conway, 'spotify.md': spotify }, { rules: [relationUnknownType] });
    expect(found.map(where)).toEqual(['relation-unknown-type@7:3']);
    expect(found[0]!.message).toBe('Unknown relation "build-on"; did you mean "builds-on"?');
  });

  it('should list the vocabulary when nothing is close, and accept a name the config adds', () => {
    const files = { 'a.md': note('A', 'a', 'relations:\n  refutes: [conway]'), 'conway.md': conway };
    expect(lintFiles(files, { rules: [relationUnknownType] })[0]!.message).toBe(
      'Unknown relation "refutes"; use one of responds-to, builds-on, contradicts, supports, summarises, or add it to config "relationTypes"',
    );
    const config = resolveConfig({ relationTypes: { refutes: { phrase: 'Refutes', inverse: 'Refuted by' } } });
    expect(lintFiles(files, { rules: [relationUnknownType], config })).toEqual([]);
  });
});
