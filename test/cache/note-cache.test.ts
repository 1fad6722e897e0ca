import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { defaultCacheDir, hashConfig, openNoteCache } from '../../src/cache/index.js';
import { defaultConfig } from '../../src/config.js';
import { termBag } from '../../src/link/text/term-bag.js';
import { ALL_PARTS, packNote, type PackedNote } from '../../src/read/bodies.js';
import { CachedNoteLost } from '../../src/read/index.js';
import { isReadFailure, parseNote } from '../../src/read/parse.js';
import { rankingText } from '../../src/read/ranking-text.js';
import type { Note, NoteBody, ReadFailure, WholeNote } from '../../src/types.js';
import { generateCorpus } from '../../scripts/gen-corpus.js';

const temps: string[] = [];
const tempDir = (): string => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'cp-cache-'));
  temps.push(dir);
  return dir;
};
afterEach(() => {
  while (temps.length > 0) rmSync(temps.pop()!, { recursive: true, force: true });
});

/** Every entry file under a cache dir (temp files included, so strays would show). */
const filesUnder = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name));

/** The per-note entry files (not the library snapshot). */
const entryFiles = (dir: string): string[] => filesUnder(dir).filter((f) => !path.basename(f).startsWith('snapshot'));
const snapshotFile = (dir: string): string => filesUnder(dir).find((f) => path.basename(f) === 'snapshot.bin')!;

const configHash = hashConfig(defaultConfig);

/** The parsed notes (head and body), their heads, and the packed form the read stage stores. */
let whole: WholeNote;
let note: Note;
let other: Note;
let packed: PackedNote;
let packedOther: PackedNote;
let failure: ReadFailure;
/** The body parts of `whole`, as `body(key, ALL_PARTS)` should give them back. */
let body: NoteBody;

beforeAll(() => {
  // Real note files on disk, written by the corpus generator.
  const library = mkdtempSync(path.join(os.tmpdir(), 'cp-cache-lib-'));
  const [first, second] = generateCorpus({ out: library, count: 2, seed: 'cache-test', words: 400 });
  const read = (file: string): WholeNote => {
    const value = parseNote({ path: file, bytes: readFileSync(path.join(library, file)) }, defaultConfig);
    if (isReadFailure(value)) throw new Error(value.diagnostic.message);
    return value;
  };
  whole = read(first!);
  packed = packNote(whole);
  packedOther = packNote(read(second!));
  note = packed.note;
  other = packedOther.note;
  const { source, text, termBag, prose, tree } = whole;
  body = { source, text, termBag, prose, tree };
  const bad = parseNote({ path: 'binary.md', bytes: Uint8Array.from([0xff, 0xfe, 0x00, 0x41]) }, defaultConfig);
  if (!isReadFailure(bad)) throw new Error('expected invalid UTF-8 to be a ReadFailure');
  failure = bad;
  rmSync(library, { recursive: true, force: true });
});

const keyOf = (n: Note): string => `${n.path}\0${n.hash}`;

describe('openNoteCache', () => {
  it('should return a stored note equal to the original after reopening', () => {
    const dir = tempDir();
    const writer = openNoteCache({ dir, configHash });
    writer.set(keyOf(note), packed);
    writer.set('binary.md\0x', failure);
    writer.flush();
    const reader = openNoteCache({ dir, configHash });
    expect(reader.get(keyOf(note))).toEqual(note);
    expect(reader.body(keyOf(note), ALL_PARTS)).toEqual(body);
    expect(reader.get('binary.md\0x')).toEqual(failure);
    expect(reader.stats).toMatchObject({ hits: 2, misses: 0, rejected: 0 });
    // Front matter maps come back null-prototype, as the reader made them, through the snapshot and without it.
    const loaded = reader.get(keyOf(note)) as Note;
    expect(Object.getPrototypeOf(loaded.frontmatter!.data)).toBeNull();
    expect(Object.getPrototypeOf(loaded.frontmatter!.fields)).toBeNull();
    rmSync(snapshotFile(dir));
    const direct = openNoteCache({ dir, configHash }).get(keyOf(note)) as Note;
    expect(Object.getPrototypeOf(direct.frontmatter!.data)).toBeNull();
  });

  it('should hand out heads and bodies as plain data (no getters) that clone and serialise like the original', () => {
    const dir = tempDir();
    const writer = openNoteCache({ dir, configHash });
    writer.set(keyOf(note), packed);
    writer.flush();
    const accessors = (value: object): string[] => Object.entries(Object.getOwnPropertyDescriptors(value)).flatMap(([key, d]) => (d.get || d.set ? [key] : []));
    for (const withSnapshot of [true, false]) {
      if (!withSnapshot) rmSync(snapshotFile(dir)); // the entry itself, not the snapshot's head
      const reader = openNoteCache({ dir, configHash });
      const loaded = reader.get(keyOf(note)) as Note;
      expect(Object.keys(loaded)).toEqual(Object.keys(note));
      expect(accessors(loaded)).toEqual([]);
      expect(structuredClone(loaded)).toEqual(note);
      expect(JSON.stringify(loaded)).toBe(JSON.stringify(note));
      const fetched = reader.body(keyOf(note), ALL_PARTS);
      expect(accessors(fetched)).toEqual([]);
      expect(structuredClone(fetched)).toEqual(body);
    }
  });

  it('should keep a tree as bytes, decoding a fresh copy on each fetch', () => {
    const dir = tempDir();
    const writer = openNoteCache({ dir, configHash });
    writer.set(keyOf(note), packed);
    writer.flush();
    expect(openNoteCache({ dir, configHash }).body(keyOf(note), ['tree']).tree).toEqual(whole.tree); // head through the snapshot
    rmSync(snapshotFile(dir));
    const reader = openNoteCache({ dir, configHash });
    const first = reader.body(keyOf(note), ['tree']).tree;
    expect(first).toEqual(whole.tree);
    expect(reader.body(keyOf(note), ['tree']).tree).not.toBe(first);
    expect(Object.keys(reader.body(keyOf(note), ['tree']))).toEqual(['tree']); // only the parts asked for
    // A body fetched from the cache and stored again comes back the same.
    const again = tempDir();
    const rewriter = openNoteCache({ dir: again, configHash });
    rewriter.set(keyOf(note), packNote({ ...(reader.get(keyOf(note)) as Note), ...reader.body(keyOf(note), ALL_PARTS) }));
    rewriter.flush();
    expect(openNoteCache({ dir: again, configHash }).body(keyOf(note), ['tree']).tree).toEqual(whole.tree);
  });

  it('should keep a note\'s term bag, so a warm build never tokenises it again', () => {
    const dir = tempDir();
    const writer = openNoteCache({ dir, configHash });
    writer.set(keyOf(note), packed);
    writer.flush();
    const reader = openNoteCache({ dir, configHash });
    const loaded = reader.get(keyOf(note)) as Note;
    const { termBag: bag } = reader.body(keyOf(note), ['termBag']);
    expect(whole.termBag.length).toBeGreaterThan(100);
    expect(bag).toEqual(whole.termBag);
    expect(bag).toEqual(termBag(rankingText(loaded)));
  });

  it('should miss when the note content, the tool version or the config changes', () => {
    const dir = tempDir();
    const writer = openNoteCache({ dir, configHash, version: '1.0.0' });
    writer.set(keyOf(note), packed);
    writer.flush();
    expect(openNoteCache({ dir, configHash, version: '1.0.0' }).get(`${note.path}\0${'0'.repeat(64)}`)).toBeUndefined();
    expect(openNoteCache({ dir, configHash, version: '1.0.1' }).get(keyOf(note))).toBeUndefined();
    const otherConfig = hashConfig({ ...defaultConfig, minSectionWords: 40 });
    expect(otherConfig).not.toBe(configHash);
    expect(openNoteCache({ dir, configHash: otherConfig, version: '1.0.0' }).get(keyOf(note))).toBeUndefined();
    expect(openNoteCache({ dir, configHash, version: '1.0.0' }).get(keyOf(note))).toEqual(note);
  });

  it('should remove the entries of an older version once a newer one flushes', () => {
    const dir = tempDir();
    const old = openNoteCache({ dir, configHash, version: '1.0.0' });
    old.set(keyOf(note), packed);
    old.flush();
    const next = openNoteCache({ dir, configHash, version: '2.0.0' });
    next.set(keyOf(other), packedOther);
    next.flush();
    expect(readdirSync(dir)).toHaveLength(1);
    expect(openNoteCache({ dir, configHash, version: '1.0.0' }).get(keyOf(note))).toBeUndefined();
  });

  it('should hash configs independently of key order and dependent on every value', () => {
    const reordered = Object.fromEntries(Object.entries(defaultConfig).reverse()) as typeof defaultConfig;
    expect(hashConfig(reordered)).toBe(configHash);
    expect(hashConfig({ ...defaultConfig, rules: { 'summary-missing': 'off' } })).not.toBe(configHash);
  });

  it.each([
    ['a flipped byte in the body', (b: Buffer) => Buffer.from(b.map((x, i) => (i === b.length - 100 ? x ^ 0x01 : x)))],
    ['a file cut in half', (b: Buffer) => b.subarray(0, Math.floor(b.length / 2))],
    ['an empty file', () => Buffer.alloc(0)],
    ['random bytes', (b: Buffer) => Buffer.from(b.map((_x, i) => (i * 7919) % 251))],
    ['a header that claims more bytes than the file has', (b: Buffer) => Buffer.concat([b.subarray(0, 8), Buffer.from([0xff, 0xff, 0xff, 0x7f]), b.subarray(12)])],
    ['extra bytes after the last part', (b: Buffer) => Buffer.concat([b, Buffer.from('junk')])],
  ])('should ignore and then rebuild an entry damaged by %s', (_name, damage) => {
    const dir = tempDir();
    const writer = openNoteCache({ dir, configHash });
    writer.set(keyOf(note), packed);
    writer.flush();
    const [file] = entryFiles(dir);
    writeFileSync(file!, damage(readFileSync(file!)));
    // Through the snapshot, the head is handed out before its entry is read:
    // the first body fetch finds the damage and throws.
    const reader = openNoteCache({ dir, configHash });
    expect(reader.get(keyOf(note))).toEqual(note);
    expect(() => reader.body(keyOf(note), ['source'])).toThrow(CachedNoteLost);
    // Then the cache has forgotten its shortcuts: the entry is read, and refused.
    expect(reader.get(keyOf(note))).toBeUndefined();
    expect(reader.stats.rejected).toBeGreaterThanOrEqual(1);
    reader.set(keyOf(note), packed);
    reader.flush();
    const rebuilt = openNoteCache({ dir, configHash });
    expect(rebuilt.get(keyOf(note))).toEqual(note);
    expect(rebuilt.body(keyOf(note), ALL_PARTS)).toEqual(body);
  });

  it('should check an entry whole at a run\'s first fetch, then read and check only the parts asked for', () => {
    const dir = tempDir();
    const writer = openNoteCache({ dir, configHash });
    writer.set(keyOf(note), packed);
    writer.flush();
    const [file] = entryFiles(dir);
    const intact = readFileSync(file!);
    // The tree part's last byte (parts follow the header in `toParts` order: head, source, text, tree, …).
    const treeEnd = intact.indexOf(Buffer.from(packed.body.treeBytes)) + packed.body.treeBytes.length;
    const damaged = Buffer.from(intact);
    damaged[treeEnd - 1]! ^= 0x01;

    // Damaged before the run's first fetch: even a fetch of no part finds it.
    writeFileSync(file!, damaged);
    const first = openNoteCache({ dir, configHash });
    expect(first.get(keyOf(note))).toEqual(note);
    expect(() => first.body(keyOf(note), [])).toThrow(CachedNoteLost);

    // Damaged after it: the source alone is read (and checked) and still loads; the tree is refused.
    writeFileSync(file!, intact);
    const second = openNoteCache({ dir, configHash });
    second.get(keyOf(note));
    expect(second.body(keyOf(note), [])).toEqual({});
    writeFileSync(file!, damaged);
    expect(second.body(keyOf(note), ['source', 'termBag'])).toEqual({ source: body.source, termBag: body.termBag });
    expect(() => second.body(keyOf(note), ['tree'])).toThrow(CachedNoteLost);

    // A new run (the snapshot loaded again) checks the entry whole again.
    writeFileSync(file!, intact);
    const third = openNoteCache({ dir, configHash });
    third.get(keyOf(note));
    expect(third.body(keyOf(note), ['source']).source).toBe(body.source);
    writeFileSync(file!, intact.subarray(0, intact.length - 1));
    third.flush(); // the end of a run: nothing pending, the snapshot forgotten
    third.get(keyOf(note));
    expect(() => third.body(keyOf(note), ['source'])).toThrow(CachedNoteLost);
  });

  it('should not trust a foreign entry moved under another key', () => {
    const dir = tempDir();
    const writer = openNoteCache({ dir, configHash });
    writer.set(keyOf(note), packed);
    writer.set(keyOf(other), packedOther);
    writer.flush();
    const [a, b] = entryFiles(dir);
    writeFileSync(b!, readFileSync(a!)); // intact file, wrong place
    rmSync(snapshotFile(dir)); // so the entries themselves are read
    const reader = openNoteCache({ dir, configHash });
    const found = [reader.get(keyOf(note)), reader.get(keyOf(other))].filter((v) => v !== undefined);
    expect(found).toHaveLength(1);
    expect(reader.stats.rejected).toBe(1);
  });

  it('should store per-note extras for later stages beside the note', () => {
    const dir = tempDir();
    const writer = openNoteCache({ dir, configHash });
    const diagnostics = [{ ruleId: 'x', line: 3, column: 1 }];
    writer.setExtra(keyOf(note), 'check', diagnostics);
    writer.flush();
    const reader = openNoteCache({ dir, configHash });
    expect(reader.getExtra(keyOf(note), 'check')).toEqual(diagnostics);
    expect(reader.getExtra(keyOf(note), 'fragment')).toBeUndefined();
    expect(reader.get(keyOf(note))).toBeUndefined();
  });

  it('should leave no temporary files behind and write nothing before flush', () => {
    const dir = tempDir();
    const cache = openNoteCache({ dir, configHash });
    cache.set(keyOf(note), packed);
    expect(filesUnder(dir)).toEqual([]);
    cache.flush();
    expect(filesUnder(dir).map((f) => path.basename(f)).sort()).toEqual([expect.stringMatching(/^[0-9a-f]{64}\.bin$/), 'snapshot.bin']);
  });

  it('should keep file stamps and note-rule results in the snapshot, for one context, and drop what a run did not use', () => {
    const dir = tempDir();
    const writer = openNoteCache({ dir, configHash });
    writer.set(keyOf(note), packed);
    writer.set(keyOf(other), packedOther);
    writer.recordHash(note.path, '10:1:1:7', note.hash);
    const found = [{ ruleId: 'x', severity: 'warning' as const, message: 'm', file: note.path, line: 3, column: 1, endLine: 3, endColumn: 2 }];
    writer.setNoteResults(note, 'context-1', found);
    writer.flush();

    const reader = openNoteCache({ dir, configHash });
    expect(reader.knownHash(note.path, '10:1:1:7')).toBe(note.hash);
    expect(reader.knownHash(note.path, '10:1:2:7')).toBeUndefined(); // any part of the stamp differs: unknown
    expect(reader.getNoteResults(note, 'context-1')).toEqual(found);
    expect(reader.getNoteResults(note, 'context-2')).toBeUndefined();
    expect(reader.getNoteResults(other, 'context-1')).toBeUndefined();
    // This run uses only `other`, under a new context: the rest is not written back.
    reader.get(keyOf(other));
    reader.setNoteResults(other, 'context-2', []);
    reader.flush();

    const third = openNoteCache({ dir, configHash });
    expect(third.knownHash(note.path, '10:1:1:7')).toBeUndefined();
    expect(third.getNoteResults(other, 'context-2')).toEqual([]);
    expect(third.getNoteResults(note, 'context-1')).toBeUndefined();
  });

  it.each([
    ['cut in half', (b: Buffer) => b.subarray(0, Math.floor(b.length / 2))],
    ['a flipped byte', (b: Buffer) => Buffer.from(b.map((x, i) => (i === b.length - 10 ? x ^ 0x01 : x)))],
    ['random bytes', (b: Buffer) => Buffer.from(b.map((_x, i) => (i * 7919) % 251))],
  ])('should ignore a snapshot %s and read the entries themselves', (_name, damage) => {
    const dir = tempDir();
    const writer = openNoteCache({ dir, configHash });
    writer.set(keyOf(note), packed);
    writer.recordHash(note.path, 'stamp', note.hash);
    writer.flush();
    writeFileSync(snapshotFile(dir), damage(readFileSync(snapshotFile(dir))));
    const reader = openNoteCache({ dir, configHash });
    expect(reader.knownHash(note.path, 'stamp')).toBeUndefined();
    expect(reader.get(keyOf(note))).toEqual(note); // from the entry: a plain note
    expect(reader.stats).toMatchObject({ hits: 1, rejected: 0 });
  });

  it('should write a small change as a change file beside the snapshot, and ignore one written against another snapshot', () => {
    const dir = tempDir();
    const writer = openNoteCache({ dir, configHash });
    writer.set(keyOf(note), packed);
    writer.recordHash(note.path, 'stamp-1', note.hash);
    writer.flush();
    const base = readFileSync(snapshotFile(dir));

    const next = openNoteCache({ dir, configHash });
    next.get(keyOf(note));
    next.recordHash(note.path, 'stamp-1', note.hash);
    next.set(keyOf(other), packedOther);
    next.recordHash(other.path, 'stamp-2', other.hash);
    next.flush();
    expect(readFileSync(snapshotFile(dir)).equals(base)).toBe(true); // the base is not rewritten
    const changes = filesUnder(dir).find((f) => path.basename(f) === 'snapshot-changes.bin')!;
    const reader = openNoteCache({ dir, configHash });
    expect(reader.knownHash(other.path, 'stamp-2')).toBe(other.hash);
    expect(reader.knownHash(note.path, 'stamp-1')).toBe(note.hash);
    expect(reader.get(keyOf(other))).toEqual(other);

    // A new base (here: written by a run that used only `other`) voids the old change file.
    const saved = readFileSync(changes);
    const only = openNoteCache({ dir, configHash });
    only.recordHash(other.path, 'stamp-3', other.hash);
    only.get(keyOf(other));
    only.setNoteResults(other, 'context', []); // a new context: a new base
    only.flush();
    writeFileSync(changes, saved);
    const last = openNoteCache({ dir, configHash });
    expect(last.knownHash(other.path, 'stamp-3')).toBe(other.hash); // not overwritten by the stale change file's stamp-2
    expect(last.knownHash(other.path, 'stamp-2')).toBeUndefined();
    expect(last.knownHash(note.path, 'stamp-1')).toBeUndefined(); // unused by the last run: dropped
  });

  it('should keep in the snapshot a note a later run (watch mode) took from memory', () => {
    const dir = tempDir();
    const cache = openNoteCache({ dir, configHash });
    cache.set(keyOf(note), packed);
    cache.set(keyOf(other), packedOther);
    cache.flush();
    // The second run of the same process: `note` comes from memory; a new context makes the flush write a new snapshot.
    cache.get(keyOf(note));
    cache.get(keyOf(other));
    cache.setNoteResults(other, 'context-2', []);
    cache.flush();
    for (const file of entryFiles(dir)) rmSync(file);
    const reader = openNoteCache({ dir, configHash });
    expect(reader.get(keyOf(note))).toEqual(note); // served from the snapshot (the entries are gone), not dropped from it
  });

  it('should live under the nearest project\'s node_modules/.cache/commonplace by default', () => {
    const root = path.resolve('.');
    expect(defaultCacheDir(path.join(root, 'test', 'fixtures', 'lint'))).toBe(path.join(root, 'node_modules', '.cache', 'commonplace'));
  });
});
