import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type { Library } from '../../src/types.js';
import { buildFixtureLibrary, emitFixture, shareBodies, copyInReverseOrder, FIXTURE_LIBRARY, fixtureConfig, HOSTILE_LIBRARY } from './build-fixture.js';

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
    const first = emitFixture(await buildFixtureLibrary(), fixtureConfig());
    const second = emitFixture(await buildFixtureLibrary(), fixtureConfig());
    expect(second.map((f) => f.name).filter((name) => !name.startsWith('site/'))).toEqual(['handbook.md', 'handbook.html', 'index.json', 'index.schema.json', 'handbook.epub', 'references.bib', 'references.json']);
    expect(second).toEqual(first);
  });

  it('should give byte-identical outputs for a copy whose files were created in reverse order', async () => {
    for (const root of [FIXTURE_LIBRARY, HOSTILE_LIBRARY]) {
      const copy = copyInReverseOrder(root);
      copies.push(copy);
      const original = emitFixture(await buildFixtureLibrary(root), fixtureConfig());
      const fromCopy = emitFixture(await buildFixtureLibrary(copy), fixtureConfig());
      expect(fromCopy).toEqual(original);
      expect(fromCopy.map((f) => f.content).join('')).not.toContain(copy);
    }
  });

  it('should not depend on the order of notes and concepts in the Library it is given', async () => {
    const library = await buildFixtureLibrary();
    expect(emitFixture(shareBodies(reversed(library), library), fixtureConfig())).toEqual(emitFixture(library, fixtureConfig()));
  });

  it('should give identical outputs under any TZ and LANG', async () => {
    // emit-digest.ts prints a line per output of the fixture library, then of the hostile one.
    const files = emitFixture(await buildFixtureLibrary(), fixtureConfig()).length + emitFixture(await buildFixtureLibrary(HOSTILE_LIBRARY), fixtureConfig()).length;
    const script = path.join(path.dirname(fileURLToPath(import.meta.url)), 'emit-digest.ts');
    const tsx = path.join(path.dirname(fileURLToPath(import.meta.url)), '../../node_modules/.bin/tsx');
    const digest = (env: Record<string, string>): string => execFileSync(tsx, [script], { env: { ...process.env, ...env }, encoding: 'utf8' });
    const utc = digest({ TZ: 'UTC', LANG: 'en_US.UTF-8', LC_ALL: 'en_US.UTF-8' });
    expect(utc.trim().split('\n')).toHaveLength(files);
    expect(digest({ TZ: 'Pacific/Kiritimati', LANG: 'sv_SE.UTF-8', LC_ALL: 'sv_SE.UTF-8' })).toBe(utc);
  }, 120_000);
});
