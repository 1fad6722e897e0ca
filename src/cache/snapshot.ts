/**
 * The library snapshot: one packed file per cache scope that lets a run skip
 * the notes that did not change without opening their entry files. At
 * 10,000 notes, opening every entry costs seconds (1.4 GB in 20,000 files);
 * this file is a few megabytes. It holds, from the last run:
 *
 * - file stamps (size, mtime, ctime, inode) → the sha256 of the bytes, as
 *   git's index does, so an unchanged file is neither read nor hashed;
 * - note heads (`Note`: id, path, meta, sections, links, directives…), all
 *   a run reads of an unchanged note unless a stage fetches its body, which
 *   stays in the note's entry (note-cache.ts);
 * - each note's note-rule diagnostics, for one context (src/check/run.ts:
 *   `noteRulesContext`), so lint re-runs rules only on changed notes.
 *
 * It is written whole at flush, atomically, after the entries, and only
 * ever trusted as a whole: a damaged or foreign file is an empty snapshot.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { deserialize, serialize } from 'node:v8';
import { withNullPrototypes } from '../read/null-prototype.js';
import type { Diagnostic, Note } from '../types.js';
import { decodeEntry, encodeEntry, type EntryIdentity } from './entry-file.js';
import { isNoteHead } from './note-entry.js';

interface SnapshotData {
  /** Names this base file: a change file applies only to the base it was written against. */
  generation: string;
  /** file → [stamp, sha256] */
  stamps: Map<string, [string, string]>;
  /** cache key → note head */
  heads: Map<string, Note>;
  /** The context the results hold for (results of another context are dropped, never kept beside). */
  resultsContext: string;
  /** cache key → note-rule diagnostics */
  results: Map<string, Diagnostic[]>;
}

/** What differs from the base file: written alone when it is small (see `snapshotPlan`). */
interface SnapshotChanges {
  base: string;
  stamps: Map<string, [string, string]>;
  heads: Map<string, Note>;
  results: Map<string, Diagnostic[]>;
}

export interface Snapshot extends SnapshotData {
  /** Files and keys that differ from the base file (from its change file, or recorded since loading). */
  dirty: { files: Set<string>; keys: Set<string> };
  /** True when the results context changed since loading (every result is new). */
  contextChanged: boolean;
  /** Keys and files used this run: only these are written back, so deleted notes drop out. */
  used: { keys: Set<string>; files: Set<string> };
}

/** A snapshot with nothing in it (no file, or one not to be trusted). */
export const emptySnapshot = (): Snapshot => ({
  generation: '',
  stamps: new Map(),
  heads: new Map(),
  resultsContext: '',
  results: new Map(),
  dirty: { files: new Set(), keys: new Set() },
  contextChanged: false,
  used: { keys: new Set(), files: new Set() },
});

/** Reads the snapshot (`base`, then `changes` if written against it); missing, damaged or foreign gives an empty one. */
export function loadSnapshot(files: { base: string; changes: string }, identity: EntryIdentity): Snapshot {
  const data = readPart(files.base, identity);
  if (!isSnapshotData(data)) return emptySnapshot();
  const snapshot: Snapshot = { ...data, dirty: { files: new Set(), keys: new Set() }, contextChanged: false, used: { keys: new Set(), files: new Set() } };
  const changes = readPart(files.changes, identity);
  if (isSnapshotChanges(changes) && changes.base === data.generation) {
    for (const [file, stamp] of changes.stamps) recordStamp(snapshot, file, stamp);
    for (const [key, head] of changes.heads) recordHead(snapshot, key, head);
    for (const [key, diagnostics] of changes.results) recordResults(snapshot, key, snapshot.resultsContext, diagnostics);
  }
  return snapshot;
}

function readPart(file: string, identity: EntryIdentity): unknown {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch {
    return undefined;
  }
  const part = decodeEntry(bytes, identity)?.get('snapshot');
  try {
    return part && deserialize(part);
  } catch {
    return undefined;
  }
}

export function recordStamp(snapshot: Snapshot, file: string, stamp: [string, string]): void {
  snapshot.stamps.set(file, stamp);
  snapshot.dirty.files.add(file);
}

export function recordHead(snapshot: Snapshot, key: string, head: Note): void {
  snapshot.heads.set(key, head);
  snapshot.dirty.keys.add(key);
}

/** Results for `context`; results of any other context are dropped first. */
export function recordResults(snapshot: Snapshot, key: string, context: string, diagnostics: Diagnostic[]): void {
  if (snapshot.resultsContext !== context) {
    snapshot.results.clear();
    snapshot.resultsContext = context;
    snapshot.contextChanged = true;
  }
  snapshot.results.set(key, diagnostics);
  snapshot.dirty.keys.add(key);
}

/**
 * What to write at flush: nothing; only the change file (a few notes changed:
 * rewriting a 10,000-note base costs more than the rest of a warm lint); or
 * a new base (many changes, a new context, or many deleted notes to drop).
 */
export function snapshotPlan(snapshot: Snapshot, freshChanges: boolean): 'none' | 'changes' | 'full' {
  const size = Math.max(snapshot.heads.size, snapshot.stamps.size);
  const unused = snapshot.heads.size - snapshot.used.keys.size + (snapshot.stamps.size - snapshot.used.files.size);
  const dirty = snapshot.dirty.keys.size + snapshot.dirty.files.size;
  if (snapshot.generation === '' || snapshot.contextChanged || dirty > Math.max(100, size / 20) || unused > Math.max(100, size / 10)) return 'full';
  return freshChanges ? 'changes' : 'none';
}

/** A new base file: only the stamps, heads and results used this run, under a new generation. */
export function encodeSnapshot(snapshot: Snapshot, identity: EntryIdentity): Buffer {
  const keep = <V>(map: Map<string, V>, used: Set<string>): Map<string, V> => new Map([...map].filter(([k]) => used.has(k)));
  const data: SnapshotData = {
    generation: randomBytes(8).toString('hex'),
    stamps: keep(snapshot.stamps, snapshot.used.files),
    heads: keep(snapshot.heads, snapshot.used.keys),
    resultsContext: snapshot.resultsContext,
    results: keep(snapshot.results, snapshot.used.keys),
  };
  return encodeEntry(identity, [{ name: 'snapshot', bytes: serialize(data) }]);
}

/** The change file: everything that differs from the loaded base. */
export function encodeSnapshotChanges(snapshot: Snapshot, identity: EntryIdentity): Buffer {
  const pick = <V>(map: Map<string, V>, keys: Set<string>): Map<string, V> => new Map([...keys].flatMap((k) => (map.has(k) ? [[k, map.get(k)!] as [string, V]] : [])));
  const changes: SnapshotChanges = {
    base: snapshot.generation,
    stamps: pick(snapshot.stamps, snapshot.dirty.files),
    heads: pick(snapshot.heads, snapshot.dirty.keys),
    results: pick(snapshot.results, snapshot.dirty.keys),
  };
  return encodeEntry(identity, [{ name: 'snapshot', bytes: serialize(changes) }]);
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Enough of a check that a snapshot from an older layout or another program is refused, not half-used. */
function isSnapshotData(value: unknown): value is SnapshotData {
  if (!isRecord(value) || typeof value.generation !== 'string' || typeof value.resultsContext !== 'string') return false;
  return hasValidMaps(value);
}

function isSnapshotChanges(value: unknown): value is SnapshotChanges {
  return isRecord(value) && typeof value.base === 'string' && hasValidMaps(value);
}

function hasValidMaps(value: Record<string, unknown>): boolean {
  if (!(value.stamps instanceof Map) || !(value.heads instanceof Map) || !(value.results instanceof Map)) return false;
  for (const stamp of value.stamps.values()) {
    if (!Array.isArray(stamp) || typeof stamp[0] !== 'string' || typeof stamp[1] !== 'string') return false;
  }
  for (const head of value.heads.values()) {
    if (!isNoteHead(head)) return false;
    head.frontmatter = withNullPrototypes(head.frontmatter); // v8 deserialisation gave them Object.prototype
  }
  for (const diagnostics of value.results.values()) if (!Array.isArray(diagnostics)) return false;
  return true;
}
