/** Test helpers: read a fixture library through the real reader and glossary loader. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultConfig } from '../../src/config.js';
import { loadGlossary } from '../../src/link/glossary.js';
import { noteFromText } from '../../src/read/parse.js';
import type { Concept, WholeNote } from '../../src/types.js';

/** Absolute path of a folder under test/fixtures/link/. */
export const fixture = (name: string): string => fileURLToPath(new URL(`../fixtures/link/${name}/`, import.meta.url));

/** The notes (given library-relative paths) and glossary of a fixture library. */
export function readFixture(name: string, files: string[]): { notes: WholeNote[]; concepts: Concept[] } {
  const root = fixture(name);
  const notes = files.map((file) => noteFromText(file, readFileSync(path.join(root, file), 'utf8')));
  return { notes, concepts: loadGlossary(root, defaultConfig).concepts };
}

/** The three notes of test/fixtures/link/library. */
export const LIBRARY_FILES = ['conways-law.md', 'single-threaded-model.md', 'sub/product-market-fit.md'];

/** A note with the given front-matter lines and body, through the real reader. */
export function note(file: string, frontmatter: string, body: string): WholeNote {
  return noteFromText(file, `---\n${frontmatter}\nauthor: A\nyear: 2000\nsource: https://example.com\n---\n\n${body}`);
}
