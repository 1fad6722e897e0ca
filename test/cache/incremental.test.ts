/**
 * Warm runs through the library snapshot (src/cache/snapshot.ts) against
 * cold runs, on a copy of the bundled library: whatever changed between
 * runs, a warm lint or build must report and write exactly what a cold one
 * does, while re-reading only what changed.
 */
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { defaultCacheDir, hashConfig, openNoteCache, type PersistentNoteCache } from '../../src/cache/index.js';
import { defaultConfig } from '../../src/config.js';
import { buildLibrary, lintLibrary } from '../../src/pipeline.js';
import { buildProject } from '../../src/project.js';

const BUNDLED = path.resolve(__dirname, '../../library');
const AMAZON = 'amazons-single-threaded-model.md';
const BORING = 'choose-boring-technology.md';
// Two bundled notes without relations of their own, for the relation cases.
const MAKERS = 'makers-schedule-managers-schedule.md';
const BROOKS = 'no-silver-bullet.md';

let root: string;
let cacheDir: string;
beforeEach(() => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'cp-incremental-'));
  root = path.join(dir, 'library');
  cacheDir = path.join(dir, 'cache');
  cpSync(BUNDLED, root, { recursive: true });
  // Ten seconds on, so every file counts as settled and the runs use file
  // stamps too (a just-written file is always re-read: src/read/index.ts).
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(Date.now() + 10_000);
});
afterEach(() => {
  vi.useRealTimers();
  rmSync(path.dirname(root), { recursive: true, force: true });
});

const openCache = (): PersistentNoteCache => openNoteCache({ dir: cacheDir, configHash: hashConfig(defaultConfig) });
const config = defaultConfig;

/** A lint through a freshly opened cache (as one CLI run does), flushed; with its counters. */
async function warmLint() {
  const cache = openCache();
  const result = await lintLibrary({ root, config, incremental: cache, workers: 0 });
  cache.flush();
  return { diagnostics: result.diagnostics, stats: { ...cache.stats } };
}
const coldLint = async () => (await lintLibrary({ root, config, workers: 0 })).diagnostics;

/** An output's bytes as text (a binary output, the EPUB, as base64): the same bytes in other pieces give the same value. */
const contentOf = (chunks: Iterable<string | Uint8Array>): string => {
  const pieces = [...chunks];
  if (pieces.every((piece) => typeof piece === 'string')) return pieces.join('');
  return Buffer.concat(pieces.map((piece) => (typeof piece === 'string' ? Buffer.from(piece, 'utf8') : piece))).toString('base64');
};

const edit = (file: string, change: (text: string) => string): void => {
  const absolute = path.join(root, file);
  writeFileSync(absolute, change(readFileSync(absolute, 'utf8')));
};

describe('warm runs through the library snapshot', () => {
  it('should report what a cold lint reports, then again without parsing or checking anything', async () => {
    edit(AMAZON, (t) => t.replace('## Critique\n', '## Critique \n')); // one finding to carry over
    const cold = await coldLint();
    expect(cold.map((d) => d.ruleId)).toContain('trailing-whitespace');
    expect((await warmLint()).diagnostics).toEqual(cold);
    const second = await warmLint();
    expect(second.diagnostics).toEqual(cold);
    expect(second.stats.written).toBe(0); // nothing new to store: every note and result came from the snapshot
  });

  it('should re-check an edited note, and only find what a cold lint finds', async () => {
    await warmLint();
    edit(BORING, (t) => `${t}\nA closing line with a trailing space. \n`);
    const warm = await warmLint();
    expect(warm.diagnostics).toEqual(await coldLint());
    expect(warm.diagnostics.some((d) => d.file === BORING && d.ruleId === 'trailing-whitespace')).toBe(true);
    expect(warm.stats.written).toBe(1); // the edited note's entry
  });

  it("should report a link to another note's heading as soon as that heading is renamed, the linking note unchanged", async () => {
    edit(BORING, (t) => `${t}\nSee [[Amazon's Single-Threaded Model#Why it matters for product]].\n`);
    expect((await warmLint()).diagnostics.filter((d) => d.ruleId === 'wikilink-heading')).toEqual([]);
    edit(AMAZON, (t) => t.replace('## Why it matters for product', '## Why it matters for teams'));
    const warm = await warmLint();
    expect(warm.diagnostics).toEqual(await coldLint());
    expect(warm.diagnostics.filter((d) => d.ruleId === 'wikilink-heading').map((d) => d.file)).toEqual([BORING]);
  });

  it('should report a relation conflict as soon as the other note declares it, and a renamed target, as a cold lint does', async () => {
    const relate = (file: string, yaml: string) => edit(file, (t) => t.replace(/\n---\n/, `\n${yaml}\n---\n`));
    relate(MAKERS, 'relations:\n  contradicts: ["No Silver Bullet: Essence and Accidents of Software Engineering"]');
    expect((await warmLint()).diagnostics.filter((d) => d.ruleId.startsWith('relation-'))).toEqual([]);
    relate(BROOKS, 'relations:\n  supports: [makers-schedule-managers-schedule]');
    const warm = await warmLint();
    expect(warm.diagnostics).toEqual(await coldLint());
    expect(warm.diagnostics.filter((d) => d.ruleId === 'relation-conflict').map((d) => d.file)).toEqual([BROOKS]);
    // Brooks's title changes: the makers note, unchanged, now names no note.
    edit(BROOKS, (t) => t.replace(/^title: .*$/m, 'title: Essence and accidents'));
    const renamed = await warmLint();
    expect(renamed.diagnostics).toEqual(await coldLint());
    expect(renamed.diagnostics.filter((d) => d.ruleId === 'relation-unknown-target').map((d) => d.file)).toEqual([MAKERS]);
  });

  it('should re-check the other notes when a title changes, since their mentions may change', async () => {
    await warmLint();
    // Another note's prose says "split attention" (the Amazon note does): as a title, it is now an unlinked mention there.
    edit(BORING, (t) => t.replace(/^title: .*$/m, 'title: Split attention'));
    const warm = await warmLint();
    expect(warm.diagnostics).toEqual(await coldLint());
    expect(warm.diagnostics.some((d) => d.file === AMAZON && d.ruleId === 'unlinked-mention' && d.message.includes('Split attention'))).toBe(true);
  });

  it('should read afresh a note rewritten with the same size and its old modification time', async () => {
    await warmLint();
    const absolute = path.join(root, BORING);
    const before = readFileSync(absolute, 'utf8');
    const { mtime } = statSync(absolute);
    const after = before.replace('## Critique\n', '## Critique \n').replace(/\.\n$/, '\n'); // same length, one finding more
    expect(after).not.toBe(before);
    expect(after.length).toBe(before.length);
    writeFileSync(absolute, after);
    utimesSync(absolute, mtime, mtime);
    const warm = await warmLint();
    expect(warm.diagnostics).toEqual(await coldLint());
    expect(warm.diagnostics.some((d) => d.file === BORING && d.ruleId === 'trailing-whitespace')).toBe(true);
  });

  it('should fall back to reading afresh when cache entries are damaged after the snapshot was written', async () => {
    await warmLint();
    const entries = readdirSync(cacheDir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile() && !e.name.startsWith('snapshot'));
    expect(entries.length).toBeGreaterThan(10);
    for (const entry of entries) writeFileSync(path.join(entry.parentPath, entry.name), 'not an entry');
    // A title change makes lint re-check every note, so every damaged entry is read.
    edit(BORING, (t) => t.replace(/^title: .*$/m, 'title: Boring technology, chosen'));
    expect((await warmLint()).diagnostics).toEqual(await coldLint());
  });

  it('should build what a cold build does when a relation is added, on both essays', async () => {
    const render = async (cache?: PersistentNoteCache) => {
      const result = await buildLibrary({ root, config, workers: 0, ...(cache ? { incremental: cache } : {}) });
      expect(result.ok).toBe(true);
      const outputs = [...result.outputs].map((file) => [file.name, contentOf(file.chunks)] as const);
      cache?.flush();
      return outputs;
    };
    await render(openCache());
    edit(MAKERS, (t) => t.replace(/\n---\n/, '\nrelations:\n  responds-to: [no-silver-bullet]\n---\n'));
    const warm = await render(openCache());
    expect(warm).toEqual(await render());
    const md = warm.find(([name]) => name === 'handbook.md')![1];
    expect(md).toContain('Responded to by [*Maker\'s Schedule, Manager\'s Schedule*]');
  });

  it('should build byte-identical outputs from damaged entries, by reading the notes again', async () => {
    const render = async (cache?: PersistentNoteCache) => {
      const result = await buildLibrary({ root, config, workers: 0, ...(cache ? { incremental: cache } : {}) });
      expect(result.ok).toBe(true);
      return [...result.outputs].map((file) => [file.name, contentOf(file.chunks)]);
    };
    const cold = await render();
    const first = openCache();
    expect(await render(first)).toEqual(cold);
    first.flush();
    const entries = readdirSync(cacheDir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile() && !e.name.startsWith('snapshot'));
    for (const entry of entries) writeFileSync(path.join(entry.parentPath, entry.name), Buffer.alloc(0));
    expect(await render(openCache())).toEqual(cold);
  });

  /** One CLI-like build of the library into `out`, through a fresh cache (or none); returns the memo keys it stored. */
  const recordingBuild = async (out: string, withCache = true): Promise<string[]> => {
    const stored: string[] = [];
    const cache = withCache ? openCache() : undefined;
    const spied: PersistentNoteCache | undefined = cache && {
      ...cache,
      setExtra(key, name, value) {
        stored.push(key);
        cache.setExtra(key, name, value);
      },
    };
    const outcome = await buildProject({ root, config, configDir: path.dirname(root) }, out, spied, { sourceDateEpoch: undefined });
    expect(outcome.status).toBe('built');
    return stored;
  };

  it('should keep what emit memoised while writing, so a build after an edit takes the map layout from the cache', async () => {
    const folder = path.dirname(root);
    const out = path.join(folder, 'dist');
    // The build manifest goes to the project's cache folder, as the CLI's does (its locks create it).
    mkdirSync(defaultCacheDir(folder), { recursive: true });
    const build = () => recordingBuild(out);
    const layouts = (keys: string[]) => keys.filter((key) => key.startsWith('emit-map-layout:'));
    expect(layouts(await build())).toHaveLength(1);
    edit(AMAZON, (t) => `${t}\nOne more sentence, which links nothing and moves no point of the map.\n`);
    expect(layouts(await build())).toEqual([]);
  });

  it('should write the site a cold build writes after edits that move backlinks, related notes, concordances and a title, rendering again only the pages they touch', async () => {
    const folder = path.dirname(root);
    mkdirSync(defaultCacheDir(folder), { recursive: true });
    const build = recordingBuild;
    /** Every file under `dir`, relative path → text. */
    const files = (dir: string): Map<string, string> =>
      new Map(
        readdirSync(dir, { recursive: true, withFileTypes: true })
          .filter((e) => e.isFile())
          .map((e) => [path.relative(dir, path.join(e.parentPath, e.name)), readFileSync(path.join(e.parentPath, e.name), 'utf8')]),
      );
    const warm = path.join(folder, 'dist');
    const site = path.join(warm, 'site');
    const essays = (keys: string[]) => keys.filter((key) => key.startsWith('emit-site-essay:'));
    expect(essays(await build(warm))).toHaveLength(14); // every essay of the bundled library
    const before = files(site);
    // The makers note now links Boring technology (a backlink there), names two of its concepts (the
    // concordances of innovation tokens and accidental complexity) and shares its words (related notes).
    edit(MAKERS, (t) => `${t}\nSee [[Choose Boring Technology]]: each innovation token spent on a new tool adds accidental complexity, and boring technology keeps the maker's focus.\n`);
    const stored = await build(warm);
    const cold = path.join(folder, 'dist-cold');
    await build(cold, false);
    const after = files(site);
    expect(after).toEqual(files(path.join(cold, 'site')));
    const changed = [...after].filter(([name, text]) => before.get(name) !== text).map(([name]) => name);
    expect(changed).toEqual(expect.arrayContaining(['essays/makers-schedule-managers-schedule.html', 'essays/choose-boring-technology.html', 'concepts/innovation-tokens.html']));
    // Rendered again: exactly the essay pages whose bytes changed.
    expect(essays(stored)).toHaveLength(changed.filter((name) => name.startsWith('essays/')).length);
    // The concept pages quoting the edited note (its text is their input) are rendered again, and cut sentences
    // (so read a body) from that note only, once; the others are neither rendered nor read a body.
    const quoting = [...after].filter(([name, text]) => name.startsWith('concepts/') && /<li><a href="..\/essays\/makers-schedule-managers-schedule.html">(?:(?!<\/li>)[^])*<blockquote>/.test(text));
    expect(quoting.length).toBeGreaterThanOrEqual(2);
    expect(stored.filter((key) => key.startsWith('emit-site-concept:'))).toHaveLength(quoting.length);
    expect(stored.filter((key) => key.startsWith('emit-site-sentences:'))).toHaveLength(1);
    // A new title shows on its neighbours' previous/next links, in the lists and in the essays that name it.
    edit(MAKERS, (t) => t.replace(/^title: .*$/m, 'title: "Makers and managers"'));
    const retitled = await build(warm);
    rmSync(cold, { recursive: true, force: true });
    await build(cold, false);
    const third = files(site);
    expect(third).toEqual(files(path.join(cold, 'site')));
    const moved = [...third].filter(([name, text]) => name.startsWith('essays/') && after.get(name) !== text);
    expect(moved.length).toBeGreaterThan(1);
    expect(essays(retitled)).toHaveLength(moved.length);
  }, 180_000); // five builds of the bundled library
});
