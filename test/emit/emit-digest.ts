/**
 * Prints one sha256 per emitted file for the fixture library, built with the
 * real stages. Run in a child process by determinism.test.ts under different
 * TZ and LANG values.
 */
import { createHash } from 'node:crypto';
import { buildFixtureLibrary, emitFixture, fixtureConfig, HOSTILE_LIBRARY } from './build-fixture.js';

for (const root of [undefined, HOSTILE_LIBRARY]) {
  for (const file of emitFixture(await buildFixtureLibrary(root), fixtureConfig())) {
    process.stdout.write(`${file.name} ${createHash('sha256').update(file.content).digest('hex')}\n`);
  }
}
