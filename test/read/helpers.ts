/** Shared helpers for the read-stage tests: fixture paths and bytes. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** `test/fixtures/read`. */
export const fixturesDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/read');

/** The bytes of a fixture file, e.g. `fixture('notes/good.md')`. */
export function fixture(rel: string): Uint8Array {
  return new Uint8Array(readFileSync(path.join(fixturesDir, rel)));
}

/** A fixture as parseNote input (path = the file name, as a library-relative path). */
export function fixtureInput(rel: string): { path: string; bytes: Uint8Array } {
  return { path: path.basename(rel), bytes: fixture(rel) };
}
