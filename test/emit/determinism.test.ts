import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { emitAll } from '../../src/emit/index.js';
import type { Library } from '../../src/types.js';
import { buildFixtureLibrary, copyInReverseOrder, FIXTURE_LIBRARY, fixtureConfig, HOSTILE_LIBRARY } from './build-fixture.js';

const copies: string[] = [];
afterAll(() => {
  for (const dir of copies) rmSync(dir, { recursive: true, force: true });
});

/** The same library with every list the emitters receive in reverse order. */
function reversed(library: Library): Library {
  return {
    ...library,
    notes: [...library.notes].reverse(),
    concepts: [...library.concepts].reverse(),
  };
}

describe('emitAll determinism', () => {
  it('should give identical outputs for the same library built twice', async () => {
    const first = emitAll(await buildFixtureLibrary(), fixtureConfig());
    const second = emitAll(await buildFixtureLibrary(), fixtureConfig());
    expect(second.map((f) => f.name)).toEqual(['handbook.md', 'handbook.html', 'index.json', 'index.schema.json']);
    expect(second).toEqual(first);
  });

  it('should give byte-identical outputs for a copy whose files were created in reverse order', async () => {
    for (const root of [FIXTURE_LIBRARY, HOSTILE_LIBRARY]) {
      const copy = copyInReverseOrder(root);
      copies.push(copy);
      const original = emitAll(await buildFixtureLibrary(root), fixtureConfig());
      const fromCopy = emitAll(await buildFixtureLibrary(copy), fixtureConfig());
      expect(fromCopy).toEqual(original);
      expect(fromCopy.map((f) => f.content).join('')).not.toContain(copy);
    }
  });

  it('should not depend on the order of notes and concepts in the Library it is given', async () => {
    const library = await buildFixtureLibrary();
    expect(emitAll(reversed(library), fixtureConfig())).toEqual(emitAll(library, fixtureConfig()));
  });
});
