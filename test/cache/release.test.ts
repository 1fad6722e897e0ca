/**
 * What a build lets go of after linking (src/release.ts): the linked library
 * gets note heads without the link-only fields, the notes read are left
 * whole (nothing is emptied in place), a byte-backed tree is passed on
 * undecoded, and every output is byte-identical to emitting the whole notes.
 */
import { describe, expect, it } from 'vitest';
import { emitAll } from '../../src/emit/index.js';
import { readLibrary } from '../../src/read/index.js';
import { linkLibrary, loadGlossary } from '../../src/link/index.js';
import { releaseAfterLink } from '../../src/release.js';
import { fixtureConfig, FIXTURE_LIBRARY, HOSTILE_LIBRARY } from '../emit/build-fixture.js';

async function linked(root: string) {
  const config = fixtureConfig();
  // Two workers: notes come back from the parse pool with byte-backed trees, as in a real build.
  const read = await readLibrary(root, config, { workers: 2 });
  return { config, notes: read.notes, library: linkLibrary(read.notes, loadGlossary(root, config).concepts, config) };
}

describe('releaseAfterLink', () => {
  it('should give the library note heads without text, prose or term bag, and leave the notes whole', async () => {
    const { notes, library } = await linked(FIXTURE_LIBRARY);
    const before = notes.map((note) => ({ text: note.text, words: note.prose.ids.length, terms: note.termBag.length }));
    const released = releaseAfterLink(library);
    expect(released.notes.map((l) => l.note.id)).toEqual(library.notes.map((l) => l.note.id));
    for (const { note } of released.notes) {
      expect('prose' in note || 'termBag' in note || 'text' in note).toBe(false);
      expect(note.meta.title ?? '').not.toBe('');
    }
    expect(notes.map((note) => ({ text: note.text, words: note.prose.ids.length, terms: note.termBag.length }))).toEqual(before);
    expect(before.every((b) => b.text.length > 0 && b.words > 0 && b.terms > 0)).toBe(true);
    expect(library.notes[0]!.note).toBe(notes.find((n) => n.id === library.notes[0]!.note.id)); // the library given is unchanged
  });

  it('should pass a byte-backed tree on as a getter, not decode it', async () => {
    const { library } = await linked(FIXTURE_LIBRARY);
    const original = library.notes[0]!.note;
    expect(typeof Object.getOwnPropertyDescriptor(original, 'tree')?.get).toBe('function');
    const head = releaseAfterLink(library).notes[0]!.note;
    expect(typeof Object.getOwnPropertyDescriptor(head, 'tree')?.get).toBe('function');
    expect(head.tree).toEqual(original.tree);
  });

  it('should leave every output byte-identical', async () => {
    for (const root of [FIXTURE_LIBRARY, HOSTILE_LIBRARY]) {
      const { config, library } = await linked(root);
      expect(emitAll(releaseAfterLink(library), config)).toEqual(emitAll(library, config));
    }
  });
});
