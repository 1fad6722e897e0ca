/**
 * The persistent per-note cache: READ's `NoteCache` port, backed by one small
 * file per entry under the cache folder (location.ts; or any `dir`).
 *
 * Why one file per entry and not one packed file: after one note is edited
 * only that note's entry is written (a packed file would be rewritten whole:
 * ~1 GB at 10,000 notes), and a damaged file costs one entry, not the cache.
 * Measured with `scripts/bench/cache-formats.ts`.
 *
 * Why heads and bodies are apart: a body (source, tree, plain text, prose
 * words, term bag) is ~80% of a note's bytes, and a warm run that only needs
 * heads (lint never ranks), or per-note results stored as extras, should not
 * pay to rebuild 10,000 syntax trees. `get` hands out a plain head; `body`
 * loads the parts a stage asks for, one note at a time (note-entry.ts). And
 * why a warm run opens no entry at all for an unchanged note: the library
 * snapshot (snapshot.ts) holds each note's stamp, head and findings.
 *
 * Entries are scoped by tool version and config hash (a folder per scope, so
 * a new version or config starts clean and the old scope is removed on the
 * next flush), and each file also records its version, config hash and key.
 * `--no-cache` is simply not passing a cache.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Config } from '../config.js';
import type { NoteResultStore } from '../check/run.js';
import { CachedNoteLost, cacheKey, isReadFailure, type NoteCache } from '../read/index.js';
import type { Note, ReadFailure } from '../types.js';
import { TEMP_PREFIX } from '../util/fs-write.js';
import { version as toolVersion } from '../version.js';
import { decodeEntry, decodeEntryLayout, encodeEntry, readEntryParts, type EntryIdentity, type EntryPart, type PartPlace } from './entry-file.js';
import { bodyFromParts, extraParts, extraValue, headFromParts, partMap, toParts } from './note-entry.js';
import { emptySnapshot, encodeSnapshot, encodeSnapshotChanges, loadSnapshot, recordHead, recordResults, recordStamp, snapshotPlan, type Snapshot } from './snapshot.js';

/** READ's cache port (src/read): key = `${path}\0${sha256}`. */
export type { NoteCache } from '../read/index.js';

/** A NoteCache on disk, with room for per-note results of later stages. */
export interface PersistentNoteCache extends NoteCache, NoteResultStore {
  knownHash(file: string, stamp: string): string | undefined;
  recordHash(file: string, stamp: string, sha256: string): void;
  /** Another stage's per-note result (check diagnostics, a rendered fragment) stored under `name` for `key`. */
  getExtra(key: string, name: string): unknown;
  /** Stores a structured-cloneable per-note result; written on `flush`. */
  setExtra(key: string, name: string, value: unknown): void;
  /** Writes every entry set since opening (atomically, one file each) and removes stale scopes. */
  flush(): void;
  /** Counters for reports and tests. `rejected` counts files that were damaged or foreign. */
  readonly stats: { hits: number; misses: number; rejected: number; written: number };
}

/**
 * The layout of a note entry (its parts and Note fields), part of the scope:
 * entries written before a layout change are never read, and the next flush
 * removes them with the rest of the old scope. 2: the term bag. 3: prose
 * words and code regions; the tree part is kept as bytes. 4: prose words
 * as term ids and one vocabulary string. 5: the library snapshot. 6:
 * `meta.relations` and nested field positions. 7: head and body parts
 * apart; the snapshot holds whole heads. 8: `Section.title`.
 */
const ENTRY_LAYOUT = 8;

/**
 * A stable hash of a resolved config: key order does not matter, any value
 * change does, except `outputs`: which files are written changes no note's
 * entry (the build fingerprint adds it, see src/cli/build-inputs.ts).
 */
export function hashConfig(config: Config): string {
  const { outputs: _written, ...rest } = config;
  return createHash('sha256').update(stableJson(rest)).digest('hex');
}

/**
 * Opens (lazily: nothing is read until `get`) the cache in `dir` for one
 * config. `version` defaults to the tool's version (src/version.ts).
 */
export function openNoteCache(options: { dir: string; configHash: string; version?: string }): PersistentNoteCache {
  const version = options.version ?? toolVersion;
  const scope = sha256(`${version}\0${ENTRY_LAYOUT}\0${options.configHash}`).slice(0, 16);
  const scopeDir = path.join(options.dir, scope);
  const memory = new Map<string, unknown>();
  const pending = new Map<string, { identity: EntryIdentity; parts: () => EntryPart[] }>();
  const stats = { hits: 0, misses: 0, rejected: 0, written: 0 };

  const identityOf = (key: string, kind: string): EntryIdentity => ({ version, configHash: options.configHash, key: `${kind}\0${key}` });
  const fileOf = (identity: EntryIdentity): string => {
    const name = sha256(identity.key);
    return path.join(scopeDir, name.slice(0, 2), `${name}.bin`);
  };
  const load = (identity: EntryIdentity): Map<string, Buffer> | undefined => {
    let bytes: Buffer;
    try {
      bytes = readFileSync(fileOf(identity));
    } catch {
      return undefined; // absent (or unreadable): a plain miss
    }
    const parts = decodeEntry(bytes, identity);
    if (parts === null) stats.rejected++;
    return parts ?? undefined;
  };

  /**
   * Note entries this run has checked whole (every part's CRC, the file's
   * length), by key, with where each part lies: a later fetch of the same
   * note reads and checks only the parts it asks for. A run starts by
   * loading the snapshot, which forgets them: each run checks each entry
   * it uses once, before anything is written (see src/pipeline.ts).
   */
  const checked = new Map<string, ReadonlyMap<string, PartPlace>>();
  const bodyParts = (key: string, wanted: readonly string[]): Map<string, Buffer> | undefined => {
    const identity = identityOf(key, 'note');
    const places = checked.get(key);
    if (places) return readEntryParts(fileOf(identity), places, wanted) ?? undefined;
    let bytes: Buffer;
    try {
      bytes = readFileSync(fileOf(identity));
    } catch {
      return undefined;
    }
    const entry = decodeEntryLayout(bytes, identity);
    if (entry === null) stats.rejected++;
    else checked.set(key, entry.places);
    return entry?.parts;
  };

  const snapshotFiles = { base: path.join(scopeDir, 'snapshot.bin'), changes: path.join(scopeDir, 'snapshot-changes.bin') };
  const snapshotIdentity = identityOf('library', 'snapshot');
  let snapshot: Snapshot | undefined;
  let snapshotChanged = false;
  const snap = (): Snapshot => {
    if (snapshot === undefined) checked.clear();
    return (snapshot ??= loadSnapshot(snapshotFiles, snapshotIdentity));
  };

  const loadHead = (key: string): Note | ReadFailure | undefined => {
    const parts = load(identityOf(key, 'note'));
    const value = parts && headFromParts(parts);
    if (parts && value === undefined) stats.rejected++;
    return value;
  };
  // A body whose entry is gone or damaged: forget every head handed out and
  // the snapshot itself, so the pipeline's second attempt reads afresh.
  const lost = (file: string): never => {
    for (const id of memory.keys()) if (id.startsWith('note\0')) memory.delete(id);
    checked.clear();
    snapshot = emptySnapshot();
    rmSync(snapshotFiles.base, { force: true });
    throw new CachedNoteLost(file);
  };
  const remember = (key: string, value: Note | ReadFailure): void => {
    memory.set(`note\0${key}`, value);
    if (!isReadFailure(value)) {
      const s = snap();
      s.used.keys.add(key);
      if (!s.heads.has(key)) {
        recordHead(s, key, value);
        snapshotChanged = true;
      }
    }
  };

  const cache: PersistentNoteCache = {
    stats,
    get(key) {
      const id = `note\0${key}`;
      const held = memory.get(id) as Note | ReadFailure | undefined;
      if (held) {
        remember(key, held); // still in use: a watch-mode run must keep it in the snapshot it writes
        return held;
      }
      const value = snap().heads.get(key) ?? loadHead(key);
      if (value === undefined) {
        stats.misses++;
        return undefined;
      }
      stats.hits++;
      remember(key, value);
      return value;
    },
    body(key, wanted) {
      const waiting = pending.get(`note\0${key}`);
      // A first fetch checked the entry's recorded key (path and hash) and every part's CRC; a later one, the parts it read.
      const parts = waiting ? partMap(waiting.parts()) : bodyParts(key, wanted);
      const found = parts && (waiting || checked.get(key)?.has('head')) ? bodyFromParts(parts, wanted) : undefined;
      return found ?? lost(key.split('\0')[0]!);
    },
    set(key, value) {
      remember(key, 'note' in value ? value.note : value);
      pending.set(`note\0${key}`, { identity: identityOf(key, 'note'), parts: () => toParts(value) });
    },
    knownHash(file, stamp) {
      const known = snap().stamps.get(file);
      return known && known[0] === stamp ? known[1] : undefined;
    },
    recordHash(file, stamp, hash) {
      const s = snap();
      s.used.files.add(file);
      const known = s.stamps.get(file);
      if (known?.[0] === stamp && known[1] === hash) return;
      recordStamp(s, file, [stamp, hash]);
      snapshotChanged = true;
    },
    getNoteResults(note, context) {
      const s = snap();
      return s.resultsContext === context ? s.results.get(cacheKey(note.path, note.hash)) : undefined;
    },
    setNoteResults(note, context, diagnostics) {
      const s = snap();
      const key = cacheKey(note.path, note.hash);
      s.used.keys.add(key);
      recordResults(s, key, context, diagnostics);
      snapshotChanged = true;
    },
    getExtra(key, name) {
      const id = `extra:${name}\0${key}`;
      const waiting = pending.get(id);
      const parts = waiting ? partMap(waiting.parts()) : load(identityOf(key, `extra:${name}`));
      return parts ? extraValue(parts) : undefined;
    },
    setExtra(key, name, value) {
      const id = `extra:${name}\0${key}`;
      // Encoded now, not at flush: extras are mostly rendered essays, and
      // 10,000 of them held as strings until the end would fill the heap.
      const parts = extraParts(value);
      pending.set(id, { identity: identityOf(key, `extra:${name}`), parts: () => parts });
    },
    flush() {
      const made = new Set<string>();
      for (const [id, { identity, parts }] of pending) {
        if (id.startsWith('note\0')) checked.delete(id.slice('note\0'.length)); // its file is replaced: not the one checked
        const file = fileOf(identity);
        const folder = path.dirname(file);
        if (!made.has(folder)) mkdirSync(folder, { recursive: true });
        made.add(folder);
        writeReplacing(file, encodeEntry(identity, parts()));
        stats.written++;
      }
      const wrote = pending.size > 0;
      pending.clear();
      // After the entries, so a head in the snapshot has its entry on disk.
      const plan = snapshot ? snapshotPlan(snapshot, snapshotChanged) : 'none';
      if (snapshot && plan !== 'none') {
        mkdirSync(scopeDir, { recursive: true });
        if (plan === 'changes') writeReplacing(snapshotFiles.changes, encodeSnapshotChanges(snapshot, snapshotIdentity));
        else {
          writeReplacing(snapshotFiles.base, encodeSnapshot(snapshot, snapshotIdentity));
          rmSync(snapshotFiles.changes, { force: true }); // written against the old base: void now anyway
        }
      }
      snapshot = undefined; // the next run (watch mode) starts from what was written
      snapshotChanged = false;
      if (wrote) removeOtherScopes(options.dir, scope);
    },
  };
  return cache;
}

/**
 * Temp file + rename in the same folder: a reader sees the old entry or the
 * new one, never half of one. No fsync: a cache needs atomicity, not
 * durability; a file torn by a power cut fails its CRC and is rebuilt.
 */
function writeReplacing(file: string, bytes: Buffer): void {
  const temp = path.join(path.dirname(file), `${TEMP_PREFIX}${path.basename(file)}-${process.pid}-${randomBytes(4).toString('hex')}`);
  try {
    writeFileSync(temp, bytes, { flag: 'wx' });
    renameSync(temp, file);
  } catch {
    rmSync(temp, { force: true }); // a cache that cannot be written is only slower, never an error
  }
}

/** Scopes of other versions or configs are dead weight once a new one is written. */
function removeOtherScopes(dir: string, keep: string): void {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    if (name !== keep && /^[0-9a-f]{16}$/.test(name)) rmSync(path.join(dir, name), { recursive: true, force: true });
  }
}

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** JSON with object keys sorted, so equal configs hash equally whatever their key order. */
function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (isRecord(value)) {
    const keys = Object.keys(value).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${stableJson(value[k])}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
