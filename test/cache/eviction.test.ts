/**
 * Cache eviction (src/cache/eviction.ts): entries no run used for a week go,
 * at most once a day; what a run used stays. On disk, after edits and a
 * week, the cache holds exactly the entries a cold build of the library
 * writes: nothing an edit left behind, nothing still in use lost.
 */
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hashConfig, openNoteCache } from '../../src/cache/index.js';
import { evictionDue, evictionPlan, EVICT_EVERY_MS, KEEP_UNUSED_MS, type EntryFileState } from '../../src/cache/eviction.js';
import { defaultConfig } from '../../src/config.js';
import { buildProject, lintProject } from '../../src/project.js';
import { TEMP_PREFIX } from '../../src/util/fs-write.js';

const DAY = 24 * 60 * 60 * 1000;
const NOW = Date.UTC(2026, 11, 3, 12);

describe('evictionPlan', () => {
  const entry = (file: string, daysOld: number, used: boolean): EntryFileState => ({ file, modified: NOW - daysOld * DAY, used });
  const cases: { name: string; files: EntryFileState[]; remove: string[]; refresh: string[] }[] = [
    { name: 'an unused entry a week and a minute old goes', files: [entry('ab/ab1.bin', 7 + 1 / 1440, false)], remove: ['ab/ab1.bin'], refresh: [] },
    { name: 'an unused entry six days old stays', files: [entry('ab/ab1.bin', 6, false)], remove: [], refresh: [] },
    { name: 'a used entry a month old stays and is refreshed', files: [entry('ab/ab1.bin', 30, true)], remove: [], refresh: ['ab/ab1.bin'] },
    { name: 'a used entry written today is left alone', files: [entry('ab/ab1.bin', 0.5, true)], remove: [], refresh: [] },
    { name: "a killed run's temp file over a day old goes", files: [entry(`ab/${TEMP_PREFIX}ab1.bin-42-00ff00ff`, 2, false)], remove: [`ab/${TEMP_PREFIX}ab1.bin-42-00ff00ff`], refresh: [] },
    { name: 'a temp file an hour old may be a live write: it stays', files: [entry(`ab/${TEMP_PREFIX}ab1.bin-42-00ff00ff`, 1 / 24, false)], remove: [], refresh: [] },
  ];
  for (const { name, files, remove, refresh } of cases) {
    it(`should decide: ${name}`, () => {
      expect(evictionPlan(files, NOW)).toEqual({ remove, refresh });
    });
  }

  it('should look at most once a day, and again when the clock went back', () => {
    expect(evictionDue(undefined, NOW)).toBe(true);
    expect(evictionDue(NOW - EVICT_EVERY_MS + 1000, NOW)).toBe(false);
    expect(evictionDue(NOW - EVICT_EVERY_MS, NOW)).toBe(true);
    expect(evictionDue(NOW + DAY, NOW)).toBe(true);
    expect(KEEP_UNUSED_MS).toBe(7 * DAY);
  });
});

// Up to five builds a test: a hang guard above vitest's 30 s default, not a speed claim.
describe('eviction on disk', { timeout: 180_000 }, () => {
  const BUNDLED = path.resolve(__dirname, '../../library');
  let folder: string;
  let root: string;
  beforeEach(() => {
    folder = mkdtempSync(path.join(os.tmpdir(), 'cp-eviction-'));
    root = path.join(folder, 'library');
    cpSync(BUNDLED, root, { recursive: true });
    // A package.json makes the project's cache folder node_modules/.cache/commonplace (the manifest goes there).
    writeFileSync(path.join(folder, 'package.json'), '{}\n');
  });
  afterEach(() => rmSync(folder, { recursive: true, force: true }));

  const openCache = (dir: string) => openNoteCache({ dir, configHash: hashConfig(defaultConfig) });
  const build = async (cacheDir: string, out: string) => {
    const cache = openCache(cacheDir);
    const outcome = await buildProject({ root, config: defaultConfig, configDir: folder }, out, cache, { sourceDateEpoch: undefined });
    expect(outcome.status).toBe('built');
    return cache.stats;
  };
  const append = (file: string, text: string) => writeFileSync(path.join(root, file), `${readFileSync(path.join(root, file), 'utf8')}\n${text}\n`);
  /** Every file under `dir`, relative, sorted. */
  const listing = (dir: string): string[] =>
    readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
      .sort();
  /** Every file under `dir`, relative path → bytes (base64). */
  const contents = (dir: string): Map<string, string> => new Map(listing(dir).map((file) => [file, readFileSync(path.join(dir, file)).toString('base64')]));
  /** The entry files (`scope/ab/….bin`): not the snapshot, which holds the same heads in other layouts warm and cold. */
  const entries = (dir: string): string[] => listing(dir).filter((file) => file.split(path.sep).length === 3);
  /** Sets every file's and folder's modification time `days` back. */
  const age = (dir: string, days: number) => {
    for (const file of listing(dir)) {
      const absolute = path.join(dir, file);
      const { mtimeMs } = statSync(absolute);
      const then = new Date(mtimeMs - days * DAY);
      utimesSync(absolute, then, then);
    }
  };

  it('should drop, a week after an edit, what no build uses any more, and still build what a cold build writes', async () => {
    const warm = path.join(folder, 'warm-cache');
    const out = path.join(folder, 'dist');
    mkdirSync(path.join(folder, 'node_modules', '.cache', 'commonplace'), { recursive: true });
    await build(warm, out);
    const first = entries(warm);
    append('choose-boring-technology.md', 'A first edit, which leaves the old entry of this note behind.');
    await build(warm, out);
    const afterEdit = entries(warm);
    // Within the week nothing goes: the edit's leftovers are still there.
    expect(afterEdit.length).toBeGreaterThan(first.length);
    expect(afterEdit).toEqual(expect.arrayContaining(first));

    age(warm, 8);
    append('no-silver-bullet.md', 'A second edit, a week later.');
    await build(warm, out);
    // Nothing is left that a cold build of the library would not write: the edits' leftovers went.
    const cold = path.join(folder, 'cold-cache');
    await build(cold, path.join(folder, 'dist-cold'));
    const kept = entries(warm);
    expect(entries(cold)).toEqual(expect.arrayContaining(kept));
    expect(kept.length).toBeLessThan(afterEdit.length);

    // What the builds used is still there: after one more edit only that note is read again, and the outputs are a cold build's.
    append('makers-schedule-managers-schedule.md', 'A third edit, which names Conway’s law and so quotes this note on its concept page.');
    const stats = await build(warm, out);
    expect(stats.misses).toBe(1);
    rmSync(path.join(folder, 'dist-cold'), { recursive: true });
    await buildProject({ root, config: defaultConfig, configDir: folder }, path.join(folder, 'dist-cold'), undefined, { sourceDateEpoch: undefined });
    expect(contents(out)).toEqual(contents(path.join(folder, 'dist-cold')));
  });

  it('should keep every entry a lint used a week on, and remove the one an edit left', async () => {
    const cacheDir = path.join(folder, 'cache');
    const lint = async () => {
      const cache = openCache(cacheDir);
      await lintProject({ root, config: defaultConfig }, cache, { only: undefined, fix: false });
      return cache;
    };
    await lint();
    const before = entries(cacheDir);
    expect(before.length).toBe(14); // one entry a note
    // A lint a week later, after an edit: every note's entry it used stays.
    age(cacheDir, 8);
    append('choose-boring-technology.md', 'An edit before the lint.');
    const cache = await lint();
    const after = entries(cacheDir);
    expect(cache.stats.misses).toBe(1); // only the edited note was read again: the others' heads came from the snapshot
    // The edited note's old entry was the one unused entry: it went, and its new one came.
    expect(before.filter((file) => !after.includes(file))).toHaveLength(1);
    expect(after.filter((file) => !before.includes(file))).toHaveLength(1);
    expect(after).toHaveLength(14);
  });
});
