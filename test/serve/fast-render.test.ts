/**
 * The fast path of `serve` (src/serve/fast-render.ts) on a copy of the
 * bundled library: an edited note's page is rendered in memory as the full
 * build writes it, a lint error in the edit is reported instead, and what
 * only a full build can show (a new, deleted or renamed note, the glossary)
 * is declined.
 */
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultCacheDir, hashConfig, openNoteCache } from '../../src/cache/index.js';
import type { EssayBodies } from '../../src/emit/context.js';
import { SITE_DIR } from '../../src/emit/site/paths.js';
import { buildProject, findProject } from '../../src/project.js';
import { cacheKey } from '../../src/read/index.js';
import { FastRenderer } from '../../src/serve/fast-render.js';
import { libraryCopy } from './serve-process.js';

const NOTE = 'choose-boring-technology.md';
const PAGE = 'essays/choose-boring-technology.html';

let cwd: string;
let fast: FastRenderer;

/** A site-only build of the copy, as serve's full build makes it. */
async function build() {
  const project = findProject(cwd, undefined);
  const config = { ...project.config, outputs: ['site'] };
  const cache = openNoteCache({ dir: defaultCacheDir(project.configDir), configHash: hashConfig(project.config) });
  const outcome = await buildProject({ ...project, config }, path.join(cwd, 'dist'), cache, { sourceDateEpoch: undefined });
  return { project, config, cache, outcome };
}

beforeEach(async () => {
  cwd = libraryCopy();
  const { project, config, cache, outcome } = await build();
  if (outcome.status !== 'built') throw new Error(`the bundled library did not build: ${outcome.status}`);
  const bodies: EssayBodies = { get: (note, parts) => cache.body(cacheKey(note.path, note.hash), parts) };
  fast = new FastRenderer(project.root, bodies);
  fast.prime(outcome.library, config);
}, 120_000);

afterEach(() => {
  fast.close();
  rmSync(cwd, { recursive: true, force: true });
});

const note = (name = NOTE): string => path.join(cwd, 'library', name);
const edit = (from: string, to: string): void => writeFileSync(note(), readFileSync(note(), 'utf8').replace(from, to));

describe('FastRenderer', () => {
  it("should render an edited note's page byte for byte as the next full build writes it", async () => {
    edit('McKinley argues', 'McKinley (fast) argues');
    const outcome = await fast.render([NOTE]);
    expect(outcome.kind).toBe('pages');
    const pages = outcome.kind === 'pages' ? outcome.pages : new Map<string, Buffer>();
    expect([...pages.keys()]).toEqual([PAGE]);
    expect(pages.get(PAGE)!.toString('utf8')).toContain('McKinley (fast) argues');
    // Nothing is written by the fast path: dist still has the old page.
    const onDisk = (): string => readFileSync(path.join(cwd, 'dist', SITE_DIR, PAGE), 'utf8');
    expect(onDisk()).not.toContain('(fast)');
    expect((await build()).outcome.status).toBe('built');
    expect(onDisk()).toBe(pages.get(PAGE)!.toString('utf8'));
  }, 120_000);

  it('should build on its own earlier edits', async () => {
    edit('McKinley argues', 'McKinley (first) argues');
    expect((await fast.render([NOTE])).kind).toBe('pages');
    edit('(first)', '(second)');
    const outcome = await fast.render([NOTE]);
    const html = outcome.kind === 'pages' ? outcome.pages.get(PAGE)!.toString('utf8') : '';
    expect(html).toContain('McKinley (second) argues');
    expect(html).not.toContain('(first)');
  }, 60_000);

  it('should report a lint error in the edit with its file and position, and render nothing', async () => {
    writeFileSync(note(), readFileSync(note(), 'utf8').replace(/^title: .*$/m, 'title:'));
    const outcome = await fast.render([NOTE]);
    expect(outcome.kind).toBe('errors');
    const errors = outcome.kind === 'errors' ? outcome.errors : [];
    expect(errors.length).toBeGreaterThan(0);
    expect(errors[0]).toMatchObject({ file: NOTE, severity: 'error', line: expect.any(Number), column: expect.any(Number) });
  }, 60_000);

  it('should leave a deleted, a renamed and a new note and the glossary to the full build', async () => {
    renameSync(note(), note('renamed.md'));
    expect(await fast.render([NOTE, 'renamed.md'])).toMatchObject({ kind: 'declined', why: `${NOTE} was deleted` });
    expect(await fast.render(['renamed.md'])).toMatchObject({ kind: 'declined', why: 'renamed.md is a new note' });
    expect(await fast.render(['concepts.yml'])).toMatchObject({ kind: 'declined', why: 'concepts.yml is not a note' });
    fast.reset();
    expect(await fast.render(['the-nature-of-the-firm.md'])).toMatchObject({ kind: 'declined', why: 'no build to start from yet' });
  }, 60_000);
});
