/**
 * Builds a Library from a fixture library on disk with the real stages:
 * `readLibrary` (src/read), `loadGlossary` + `linkLibrary` (src/link).
 * No stage is mocked: emit tests see exactly what a build would give them.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { resolveConfig, type Config } from '../../src/config.js';
import { linkLibrary, loadGlossary } from '../../src/link/index.js';
import { emitAll, type EmitOptions, type OutputText } from '../../src/emit/index.js';
import { readLibrary } from '../../src/read/index.js';
import type { Library, NoteBodies } from '../../src/types.js';

const here = path.dirname(fileURLToPath(import.meta.url));

/** The lint-clean fixture library (five essays, five concepts). */
export const FIXTURE_LIBRARY = path.join(here, '../fixtures/emit/library');
/** Hostile notes and glossary: XSS payloads in bodies, front matter and concept names. */
export const HOSTILE_LIBRARY = path.join(here, '../fixtures/emit/hostile');
/** Where tests put files a person may want to look at (gitignored). */
export const TEST_OUTPUT = path.join(here, '../../test-output');

/** The handbook config the fixture tests use: two chapters by tag, the rest in "Further reading". */
export function fixtureConfig(): Config {
  return resolveConfig({
    handbook: {
      title: 'Field Notes',
      subtitle: 'Essays on teams, focus and tools',
      editor: 'The Commonplace fixtures',
      chapters: [
        { tag: 'org-design', title: 'Organisations' },
        { tag: 'focus', title: 'Focus' },
      ],
    },
  });
}

/**
 * Reads, loads the glossary and links `root` with the real stages; throws if
 * a note fails to read unless `allowFailures` (then those notes are left out, as a build would).
 */
export async function buildFixtureLibrary(root: string = FIXTURE_LIBRARY, config: Config = fixtureConfig(), options: { allowFailures?: boolean } = {}): Promise<Library> {
  const read = await readLibrary(root, config, { workers: 0 });
  if (read.failures.length > 0 && !options.allowFailures) throw new Error(`fixture notes failed to read: ${read.failures.map((f) => `${f.path}: ${f.diagnostic.message}`).join('; ')}`);
  const glossary = loadGlossary(root, config);
  const library = linkLibrary(read.notes, glossary.concepts, config, read.bodies);
  bodiesByLibrary.set(library, read.bodies);
  return library;
}

/** The bodies port of each library `buildFixtureLibrary` made (or `shareBodies` named), as the pipeline would pass it. */
const bodiesByLibrary = new WeakMap<Library, NoteBodies>();

/** The bodies port that goes with `library` (a test passes it to emit, as the pipeline does). */
export function bodiesOf(library: Library): NoteBodies {
  const bodies = bodiesByLibrary.get(library);
  if (!bodies) throw new Error('not a library from buildFixtureLibrary: pass its bodies explicitly, or shareBodies() first');
  return bodies;
}

/** Gives `derived` (a reordered or cloned copy of `original`) the same bodies port; returns `derived`. */
export function shareBodies(derived: Library, original: Library): Library {
  bodiesByLibrary.set(derived, bodiesOf(original));
  return derived;
}

/** `emitAll` with the library's own bodies port. */
export function emitFixture(library: Library, config: Config, options: Omit<EmitOptions, 'bodies'> = {}): OutputText[] {
  return emitAll(library, config, { ...options, bodies: bodiesOf(library) });
}

/** Copies a library to a fresh temp folder writing its files in REVERSE name order (different inode/readdir order). */
export function copyInReverseOrder(root: string): string {
  const copy = mkdtempSync(path.join(os.tmpdir(), 'commonplace-emit-'));
  mkdirSync(copy, { recursive: true });
  for (const name of readdirSync(root).sort().reverse()) writeFileSync(path.join(copy, name), readFileSync(path.join(root, name)));
  return copy;
}

/** A fresh empty temp folder (an empty library). */
export function emptyLibrary(): string {
  return mkdtempSync(path.join(os.tmpdir(), 'commonplace-empty-'));
}


/**
 * A copy of the fixture library whose notes gain `relations:` front matter
 * (file name → YAML lines), for tests of how relations show in the outputs.
 */
export function fixtureWithRelations(relations: Record<string, string>, root: string = FIXTURE_LIBRARY): string {
  const copy = mkdtempSync(path.join(os.tmpdir(), 'commonplace-relations-'));
  for (const name of readdirSync(root).sort()) {
    const text = readFileSync(path.join(root, name), 'utf8');
    const extra = relations[name];
    writeFileSync(path.join(copy, name), extra === undefined ? text : text.replace(/\n---\n/, `\n${extra}\n---\n`));
  }
  return copy;
}

/** The relations the relation tests add: the single-threaded note builds on Conway's paper; deep work and the maker's schedule disagree. */
export const FIXTURE_RELATIONS: Record<string, string> = {
  'single-threaded.md': 'relations:\n  builds-on: [How Do Committees Invent?]',
  'deep-work.md': 'relations:\n  contradicts: ["Maker\'s Schedule, Manager\'s Schedule"]\n  responds-to: [makers-schedule]',
};
