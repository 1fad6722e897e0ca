/**
 * Note heads and the bodies port (src/read/bodies.ts): what the read stage
 * hands on is plain data, a body is fetched part by part, and what a build
 * keeps after linking (`only(['source', 'tree'])`) is a narrower port, the
 * store it came from left whole, every output byte-identical either way.
 */
import { describe, expect, it } from 'vitest';
import { emitAll } from '../../src/emit/index.js';
import { linkLibrary, loadGlossary } from '../../src/link/index.js';
import { ALL_PARTS } from '../../src/read/bodies.js';
import { readLibrary } from '../../src/read/index.js';
import { fixtureConfig, FIXTURE_LIBRARY, HOSTILE_LIBRARY } from '../emit/build-fixture.js';

async function linked(root: string) {
  const config = fixtureConfig();
  // Two workers: notes come back from the parse pool packed (trees as bytes), as in a real build.
  const read = await readLibrary(root, config, { workers: 2 });
  return { config, read, library: linkLibrary(read.notes, loadGlossary(root, config).concepts, config, read.bodies) };
}

const accessors = (value: object): string[] => Object.entries(Object.getOwnPropertyDescriptors(value)).flatMap(([key, d]) => (d.get || d.set ? [key] : []));

describe('note heads and the bodies port', () => {
  it('should give plain heads without body parts, and bodies part by part', async () => {
    const { read, library } = await linked(FIXTURE_LIBRARY);
    expect(read.notes.length).toBeGreaterThan(2);
    for (const note of read.notes) {
      expect(accessors(note)).toEqual([]);
      expect(['source', 'text', 'prose', 'termBag', 'tree'].filter((part) => part in note)).toEqual([]);
      expect(structuredClone(note)).toEqual(note);
      const body = read.bodies.get(note, ALL_PARTS);
      expect(Object.keys(body).sort()).toEqual([...ALL_PARTS].sort());
      expect(body.source.length).toBeGreaterThan(0);
      expect(body.text.length).toBeGreaterThan(0);
      expect(body.prose.ids.length).toBeGreaterThan(0);
      expect(body.termBag.length).toBeGreaterThan(0);
      expect(Object.keys(read.bodies.get(note, ['termBag']))).toEqual(['termBag']);
    }
    expect(library.notes.map((l) => l.note)).toEqual(read.notes); // the linked library holds the very heads
  });

  it('should decode a fresh tree on each fetch', async () => {
    const { read } = await linked(FIXTURE_LIBRARY);
    const note = read.notes[0]!;
    const first = read.bodies.get(note, ['tree']).tree;
    const second = read.bodies.get(note, ['tree']).tree;
    expect(second).toEqual(first);
    expect(second).not.toBe(first);
    expect(first.type).toBe('root');
  });

  it('should keep only the parts asked for in a narrower port, and leave the full store whole', async () => {
    const { read } = await linked(FIXTURE_LIBRARY);
    const before = read.notes.map((note) => read.bodies.get(note, ALL_PARTS));
    const narrow = read.bodies.only(['source', 'tree']);
    for (const [i, note] of read.notes.entries()) {
      expect(narrow.get(note, ['source', 'tree'])).toEqual({ source: before[i]!.source, tree: before[i]!.tree });
      expect(read.bodies.get(note, ALL_PARTS)).toEqual(before[i]); // nothing emptied
    }
  });

  it('should leave every output byte-identical with the narrower port', async () => {
    for (const root of [FIXTURE_LIBRARY, HOSTILE_LIBRARY]) {
      const { config, read, library } = await linked(root);
      expect(emitAll(library, config, { bodies: read.bodies.only(['source', 'tree']) })).toEqual(emitAll(library, config, { bodies: read.bodies }));
    }
  });
});
