/**
 * The language server's library state over the persistent cache: a body
 * whose cached copy is damaged after the library was loaded is read again
 * from its file (a server cannot start over as a build does), and only from
 * the very bytes the note was read from.
 */
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { hashConfig, openNoteCache } from '../../src/cache/index.js';
import { defaultConfig } from '../../src/config.js';
import { LibraryState } from '../../src/lsp/library.js';
import { CachedNoteLost } from '../../src/read/index.js';
import { makeProject } from './client.js';

const project = makeProject('test/fixtures/lsp');
const cacheDir = path.join(project.dir, 'cache');
afterAll(() => rmSync(project.dir, { recursive: true, force: true }));

const location = { root: project.library, config: defaultConfig, configDir: project.dir };
const configHash = hashConfig(defaultConfig);

/** Every per-note entry file of the cache (the snapshot left whole, so heads come from it and bodies later). */
const entryFiles = (): string[] =>
  readdirSync(cacheDir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && !e.name.startsWith('snapshot'))
    .map((e) => path.join(e.parentPath, e.name));

/** A state loaded through a warm cache, then every cached body damaged on disk. */
async function loadedThenDamaged(): Promise<LibraryState> {
  const cold = new LibraryState(location);
  const writer = openNoteCache({ dir: cacheDir, configHash });
  await cold.load(writer);
  writer.flush();
  cold.close();
  const state = new LibraryState(location);
  await state.load(openNoteCache({ dir: cacheDir, configHash }));
  const files = entryFiles();
  expect(files.length).toBeGreaterThan(0);
  for (const file of files) writeFileSync(file, readFileSync(file).subarray(0, 16));
  return state;
}

describe('LibraryState over a cache damaged after loading', () => {
  it('should read a lost body again from the unchanged file, the same text as on disk', async () => {
    const state = await loadedThenDamaged();
    try {
      const note = state.note('how-committees-invent.md')!;
      expect(note.path).toBe('how-committees-invent.md');
      const { source } = state.bodies.get(note, ['source']);
      expect(source).toBe(readFileSync(path.join(project.library, note.path), 'utf8'));
      // Once read again it is kept: a second fetch asks neither the cache nor the disk.
      rmSync(path.join(project.library, note.path));
      expect(state.bodies.get(note, ['source', 'prose']).source).toBe(source);
    } finally {
      state.close();
    }
  });

  it('should keep the loss when the file no longer holds the bytes the note was read from', async () => {
    const state = await loadedThenDamaged();
    try {
      const note = state.note('team-topologies.md')!;
      writeFileSync(path.join(project.library, note.path), 'changed since the library was loaded\n');
      expect(() => state.bodies.get(note, ['source'])).toThrow(CachedNoteLost);
    } finally {
      state.close();
    }
  });
});
