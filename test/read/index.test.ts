import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { defaultConfig } from '../../src/config.js';
import * as read from '../../src/read/index.js';
import { cacheKey, type NoteCache, readLibrary } from '../../src/read/index.js';
import { hashBytes } from '../../src/read/parse.js';
import type { Note, ReadFailure } from '../../src/types.js';
import { fixturesDir } from './helpers.js';
import { bodyParts, type PackedNote } from '../../src/read/bodies.js';

/** A test cache's head of a stored entry (a ReadFailure as it is). */
const headOf = (value: PackedNote | ReadFailure | undefined): Note | ReadFailure | undefined => (value && 'note' in value ? value.note : value);

const libraryFixture = path.join(fixturesDir, 'library');
let root: string;
beforeAll(() => {
  root = mkdtempSync(path.join(tmpdir(), 'cp-read-'));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A fresh folder under the test's temp root, optionally seeded with fixture files. */
const folder = (name: string, files: Record<string, string> = {}): string => {
  const dir = path.join(root, name);
  mkdirSync(dir, { recursive: true });
  for (const [file, fixture] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    cpSync(path.join(fixturesDir, fixture), path.join(dir, file));
  }
  return dir;
};

const summary = (result: { notes: Note[]; failures: ReadFailure[] }) => ({
  notes: result.notes.map((n) => n.id),
  failures: result.failures.map((f) => [f.path, f.diagnostic.ruleId]),
});

describe('readLibrary', () => {
  it('should pin the public API of the read stage', () => {
    expect(Object.keys(read).sort()).toEqual(['CachedNoteLost', 'cacheKey', 'isReadFailure', 'readLibrary']);
  });

  it('should read the notes, fail the broken file and pass on discovery warnings', async () => {
    const result = await readLibrary(libraryFixture, defaultConfig, { workers: 0 });
    expect(summary(result)).toEqual({
      notes: ['alpha', 'beta', 'epsilon'],
      failures: [['broken.md', 'file-not-utf8']],
    });
    expect(result.diagnostics.map((d) => d.ruleId)).toEqual(['discovery-extension', 'discovery-extension', 'discovery-extension']);
  });

  it('should give the same notes through the worker pool as inline, with null-prototype front matter', async () => {
    const inline = await readLibrary(libraryFixture, defaultConfig, { workers: 0 });
    const pooled = await readLibrary(libraryFixture, defaultConfig, { workers: 1 });
    expect(pooled).toEqual(inline);
    expect(Object.getPrototypeOf(pooled.notes[0]!.frontmatter!.data)).toBeNull();
    expect(Object.getPrototypeOf(pooled.notes[0]!.frontmatter!.fields)).toBeNull();
  });

  it('should refuse oversize files from stat alone, a sparse 600 MB one included', async () => {
    const dir = folder('oversize', { 'ok.md': 'notes/good.md' });
    writeFileSync(path.join(dir, 'five.md'), '');
    truncateSync(path.join(dir, 'five.md'), 5 * 1024 * 1024);
    writeFileSync(path.join(dir, 'huge.md'), '');
    truncateSync(path.join(dir, 'huge.md'), 600 * 1024 * 1024);
    const heapBefore = process.memoryUsage().arrayBuffers;
    const result = await readLibrary(dir, defaultConfig, { workers: 0 });
    expect(process.memoryUsage().arrayBuffers - heapBefore).toBeLessThan(100 * 1024 * 1024);
    expect(summary(result)).toEqual({ notes: ['ok'], failures: [['five.md', 'file-too-large'], ['huge.md', 'file-too-large']] });
    expect(result.failures[1]!.diagnostic.message).toBe(
      'file is 600.0 MiB, over the 1.0 MiB limit (maxFileBytes); split the note or raise maxFileBytes in commonplace.config.json',
    );
  });

  it('should read only the named files, and refuse paths outside the library', async () => {
    const dir = folder('named', { 'a.md': 'notes/good.md', 'sub/b.md': 'notes/good-crlf.md', 'UPPER.MD': 'notes/good.md' });
    const outside = folder('outside', { 'secret.md': 'notes/good.md' });
    symlinkSync(outside, path.join(dir, 'linked'));
    const result = await readLibrary(dir, defaultConfig, {
      workers: 0,
      files: ['sub/b.md', path.join(dir, 'a.md'), '../outside/secret.md', 'linked/secret.md', 'missing.md', 'UPPER.MD'],
    });
    expect(summary(result)).toEqual({
      notes: ['a', 'b'],
      failures: [
        ['../outside/secret.md', 'file-outside-library'],
        ['linked/secret.md', 'file-outside-library'],
        ['missing.md', 'file-not-found'],
      ],
    });
    expect(result.diagnostics.map((d) => [d.file, d.ruleId])).toEqual([['UPPER.MD', 'discovery-extension']]);
  });

  it('should never read through a symlink named on purpose', async () => {
    const dir = folder('named-link', {});
    symlinkSync('/etc/passwd', path.join(dir, 'passwd.md'));
    const result = await readLibrary(dir, defaultConfig, { workers: 0, files: ['passwd.md'] });
    expect(result.notes).toEqual([]);
    expect(result.diagnostics).toMatchObject([{ file: 'passwd.md', ruleId: 'discovery-symlink' }]);
  });

  it('should ask the cache first and store what it parsed under path + sha256', async () => {
    const dir = folder('cached', { 'a.md': 'notes/good.md', 'b.md': 'decode/png.md' });
    const store = new Map<string, PackedNote | ReadFailure>();
    const cache: NoteCache = { get: (key) => headOf(store.get(key)), body: (key, parts) => bodyParts((store.get(key) as PackedNote).body, parts), set: (key, value) => void store.set(key, value) };
    const first = await readLibrary(dir, defaultConfig, { workers: 0, cache });
    const keyA = cacheKey('a.md', hashBytes(readFileSync(path.join(dir, 'a.md'))));
    expect([...store.keys()].sort()).toEqual([keyA, cacheKey('b.md', hashBytes(readFileSync(path.join(dir, 'b.md'))))].sort());
    // A planted entry proves the second run takes the cached value instead of parsing.
    const planted = store.get(keyA) as PackedNote;
    store.set(keyA, { ...planted, note: { ...planted.note, wordCount: -1 } });
    const second = await readLibrary(dir, defaultConfig, { workers: 0, cache });
    expect(second.notes[0]!.wordCount).toBe(-1);
    expect(summary(second)).toEqual(summary(first));
  });

  it('should trust a recorded hash for an unchanged stamp, and record stamps only once they have settled', async () => {
    const dir = folder('stamped', { 'a.md': 'notes/good.md', 'b.md': 'notes/good-crlf.md' });
    const store = new Map<string, PackedNote | ReadFailure>();
    const stamps = new Map<string, [string, string]>();
    const cache: NoteCache = {
      get: (key) => headOf(store.get(key)),
      body: (key, parts) => bodyParts((store.get(key) as PackedNote).body, parts),
      set: (key, value) => void store.set(key, value),
      knownHash: (file, stamp) => (stamps.get(file)?.[0] === stamp ? stamps.get(file)?.[1] : undefined),
      recordHash: (file, stamp, sha256) => void stamps.set(file, [stamp, sha256]),
    };
    // Just written: a second write within the clock's granularity could keep the stamp, so none is recorded.
    await readLibrary(dir, defaultConfig, { workers: 0, cache });
    expect(stamps.size).toBe(0);
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(Date.now() + 10_000);
      const first = await readLibrary(dir, defaultConfig, { workers: 0, cache });
      expect([...stamps.keys()].sort()).toEqual(['a.md', 'b.md']);
      // Planted under the recorded hash: served without reading the file (whose bytes would give another key).
      const keyA = cacheKey('a.md', stamps.get('a.md')![1]);
      const planted = store.get(keyA) as PackedNote;
    store.set(keyA, { ...planted, note: { ...planted.note, wordCount: -1 } });
      const second = await readLibrary(dir, defaultConfig, { workers: 0, cache });
      expect(second.notes.find((n) => n.path === 'a.md')!.wordCount).toBe(-1);
      // Any change to the file changes its stamp (size, times or inode): it is read and hashed again.
      writeFileSync(path.join(dir, 'a.md'), `${readFileSync(path.join(dir, 'a.md'), 'utf8')}\nOne more line.\n`);
      vi.setSystemTime(Date.now() + 10_000);
      const third = await readLibrary(dir, defaultConfig, { workers: 0, cache });
      expect(third.notes.find((n) => n.path === 'a.md')!.wordCount).toBeGreaterThan(first.notes.find((n) => n.path === 'a.md')!.wordCount);
      expect(stamps.get('a.md')![1]).not.toBe(keyA.split('\0')[1]);
    } finally {
      vi.useRealTimers();
    }
  });

  it('should report progress once per file', async () => {
    const calls: [number, number][] = [];
    await readLibrary(libraryFixture, defaultConfig, { workers: 0, onProgress: (done, total) => calls.push([done, total]) });
    expect(calls).toEqual([[1, 4], [2, 4], [3, 4], [4, 4]]);
  });

  it('should read a hostile library in one run: every bad file reported, no code run, good notes intact', async () => {
    const dir = folder('hostile', {
      'good.md': 'notes/good.md',
      'good-crlf.md': 'notes/good-crlf.md',
      'good-bom.md': 'notes/good-bom.md',
      'binary.md': 'decode/png.md',
      'empty.md': 'decode/empty.md',
      'unterminated.md': 'frontmatter/unterminated.md',
      'invalid-yaml.md': 'frontmatter/invalid-yaml.md',
      'js.md': 'frontmatter/lang-js.md',
      'bomb.md': 'frontmatter/alias-bomb.md',
      'nul.md': 'decode/nul.md',
    });
    writeFileSync(path.join(dir, 'star.md'), '*_'.repeat(20_000) + 'x');
    writeFileSync(path.join(dir, 'quotes.md'), '>'.repeat(2000) + ' a');
    const marker = path.join(tmpdir(), 'commonplace-read-marker');
    rmSync(marker, { force: true });
    const started = performance.now();
    const result = await readLibrary(dir, { ...defaultConfig, parseTimeoutMs: 1000 }, { workers: 2 });
    expect(performance.now() - started).toBeLessThan(30_000);
    const failures = Object.fromEntries(result.failures.map((f) => [f.path, f.diagnostic.ruleId]));
    expect(failures).toMatchObject({ 'binary.md': 'file-not-utf8', 'empty.md': 'file-empty', 'nul.md': 'file-nul-byte', 'star.md': 'file-parse-timeout' });
    const problems = Object.fromEntries(result.notes.map((n) => [n.id, n.frontmatter?.problems.map((p) => p.kind) ?? []]));
    expect(problems).toMatchObject({ unterminated: ['unterminated'], 'invalid-yaml': ['yaml'], js: ['language'], bomb: ['alias'], good: [], 'good-crlf': [], 'good-bom': [] });
    expect(result.notes.map((n) => n.id)).toContain('good');
    // `>` x 2000 is either read or a clean per-file failure, never a crash of the run.
    expect(result.notes.some((n) => n.id === 'quotes') || ['file-parse-overflow', 'file-parse-timeout'].includes(failures['quotes.md'] ?? '')).toBe(true);
    expect(readFileSync(path.join(dir, 'js.md'), 'utf8')).toContain('writeFileSync');
    expect(() => readFileSync(marker)).toThrow();
  }, 60_000);
});
