/**
 * The link stage's typed relations: each declared relation shows on both
 * notes (`out` on the declaring one, `in` on its target), resolved by id,
 * title or alias, sorted by type, direction, id, whatever the input order.
 */
import { describe, expect, it } from 'vitest';
import { defaultConfig, resolveConfig } from '../../src/config.js';
import { linkLibrary } from '../../src/link/index.js';
import type { WholeNote as Note } from '../../src/types.js';
import { note } from './helpers.js';
import { wholeBodies } from '../../src/read/bodies.js';

const conway = note('conway.md', "title: How Do Committees Invent?\naliases: [Conway's paper]", 'Body.');
const leader = note('leader.md', "title: Single-threaded leaders\nrelations:\n  builds-on: [Conway's paper]\n  contradicts: spotify", 'Body.');
const spotify = note('spotify.md', 'title: Scaling Agile at Spotify\nrelations:\n  responds-to: [conway, how do committees invent?]', 'Body.');
const odd = note(
  'odd.md',
  'title: Odd\nrelations:\n  refutes: [conway]\n  supports: [odd, nowhere, conway, Conway\'s paper]\n  summarises: [leader]',
  'Body.',
);

const relationsOf = (notes: Note[], id: string, config = defaultConfig) => linkLibrary(notes, [], config, wholeBodies(notes)).notes.find((n) => n.note.id === id)!.relations;

describe('typed relations in the link stage', () => {
  it('should put each relation on both notes, out on the declaring one and in on its target', () => {
    const notes = [conway, leader, spotify];
    expect(relationsOf(notes, 'leader')).toEqual([
      { type: 'builds-on', id: 'conway', direction: 'out' },
      { type: 'contradicts', id: 'spotify', direction: 'out' },
    ]);
    expect(relationsOf(notes, 'conway')).toEqual([
      { type: 'builds-on', id: 'leader', direction: 'in' },
      { type: 'responds-to', id: 'spotify', direction: 'in' },
    ]);
    expect(relationsOf(notes, 'spotify')).toEqual([
      { type: 'contradicts', id: 'leader', direction: 'in' },
      { type: 'responds-to', id: 'conway', direction: 'out' },
    ]);
  });

  it('should leave out unknown names, unknown targets and the note itself, and count a repeat once', () => {
    expect(relationsOf([conway, leader, odd], 'odd')).toEqual([
      { type: 'summarises', id: 'leader', direction: 'out' },
      { type: 'supports', id: 'conway', direction: 'out' },
    ]);
  });

  it('should know a relation the config adds', () => {
    const config = resolveConfig({ relationTypes: { refutes: { phrase: 'Refutes', inverse: 'Refuted by' } } });
    expect(relationsOf([conway, odd], 'conway', config)).toEqual([
      { type: 'refutes', id: 'odd', direction: 'in' },
      { type: 'supports', id: 'odd', direction: 'in' },
    ]);
  });

  it('should give the same relations whatever order the notes come in', () => {
    const forward = linkLibrary([conway, leader, spotify, odd], [], defaultConfig, wholeBodies([conway, leader, spotify, odd])).notes.map((n) => n.relations);
    const backward = linkLibrary([odd, spotify, leader, conway], [], defaultConfig, wholeBodies([odd, spotify, leader, conway])).notes.map((n) => n.relations);
    expect(JSON.stringify(backward)).toBe(JSON.stringify(forward));
  });
});
