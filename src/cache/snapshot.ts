/**
 * The library snapshot: one packed file per cache scope that lets a run skip
 * the notes that did not change without opening their entry files. At
 * 10,000 notes, opening every entry costs seconds (1.4 GB in 20,000 files);
 * this file is a few megabytes. It holds, from the last run:
 *
 * - file stamps (size, mtime, ctime, inode) → the sha256 of the bytes, as
 *   git's index does, so an unchanged file is neither read nor hashed;
 * - note digests: the few small fields of a Note that a run reads for every
 *   note (id, path, meta, directives…); the rest of the note stays in its
 *   entry and is loaded only if asked for (note-cache.ts);
 * - each note's note-rule diagnostics, for one context (src/check/run.ts:
 *   `noteRulesContext`), so lint re-runs rules only on changed notes.
 *
 * It is written whole at flush, atomically, after the entries, and only
 * ever trusted as a whole: a damaged or foreign file is an empty snapshot.
 */
import { readFileSync } from 'node:fs';
import { deserialize, serialize } from 'node:v8';
import type { Diagnostic, Note } from '../types.js';
import { decodeEntry, encodeEntry, type EntryIdentity } from './entry-file.js';

/** The fields of a Note kept in the snapshot; every other field is loaded from the note's entry on access. */
export const DIGEST_FIELDS = ['id', 'path', 'hash', 'bytes', 'eol', 'hadBom', 'meta', 'directives', 'wordCount'] as const;

export type NoteDigest = Pick<Note, (typeof DIGEST_FIELDS)[number]>;

interface SnapshotData {
  /** file → [stamp, sha256] */
  stamps: Map<string, [string, string]>;
  /** cache key → digest */
  digests: Map<string, NoteDigest>;
  /** The context the results hold for (results of another context are dropped, never kept beside). */
  resultsContext: string;
  /** cache key → note-rule diagnostics */
  results: Map<string, Diagnostic[]>;
}

export interface Snapshot extends SnapshotData {
  /** True once anything was recorded since loading. */
  changed: boolean;
  /** Keys and files used this run: only these are written back, so deleted notes drop out. */
  used: { keys: Set<string>; files: Set<string> };
}

/** A snapshot with nothing in it (no file, or one not to be trusted). */
export const emptySnapshot = (): Snapshot => ({
  stamps: new Map(),
  digests: new Map(),
  resultsContext: '',
  results: new Map(),
  changed: false,
  used: { keys: new Set(), files: new Set() },
});

/** Reads the snapshot at `file`; missing, damaged or foreign gives an empty one. */
export function loadSnapshot(file: string, identity: EntryIdentity): Snapshot {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch {
    return emptySnapshot();
  }
  const part = decodeEntry(bytes, identity)?.get('snapshot');
  if (!part) return emptySnapshot();
  let data: unknown;
  try {
    data = deserialize(part);
  } catch {
    return emptySnapshot();
  }
  return isSnapshotData(data) ? { ...data, changed: false, used: { keys: new Set(), files: new Set() } } : emptySnapshot();
}

/** The snapshot's bytes: only the stamps, digests and results used this run. */
export function encodeSnapshot(snapshot: Snapshot, identity: EntryIdentity): Buffer {
  const keep = <V>(map: Map<string, V>, used: Set<string>): Map<string, V> => new Map([...map].filter(([k]) => used.has(k)));
  const data: SnapshotData = {
    stamps: keep(snapshot.stamps, snapshot.used.files),
    digests: keep(snapshot.digests, snapshot.used.keys),
    resultsContext: snapshot.resultsContext,
    results: keep(snapshot.results, snapshot.used.keys),
  };
  return encodeEntry(identity, [{ name: 'snapshot', bytes: serialize(data) }]);
}

/** The digest fields of a note (a plain object, so it serialises small). */
export function digestOf(note: Note): NoteDigest {
  const digest: Record<string, unknown> = {};
  for (const field of DIGEST_FIELDS) digest[field] = note[field];
  return digest as unknown as NoteDigest;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Enough of a check that a snapshot from an older layout or another program is refused, not half-used. */
function isSnapshotData(value: unknown): value is SnapshotData {
  if (!isRecord(value) || !(value.stamps instanceof Map) || !(value.digests instanceof Map) || !(value.results instanceof Map) || typeof value.resultsContext !== 'string') return false;
  for (const stamp of value.stamps.values()) {
    if (!Array.isArray(stamp) || typeof stamp[0] !== 'string' || typeof stamp[1] !== 'string') return false;
  }
  for (const digest of value.digests.values()) {
    if (!isRecord(digest) || typeof digest.id !== 'string' || typeof digest.path !== 'string' || !isRecord(digest.meta)) return false;
    if (!Array.isArray(digest.directives)) return false;
  }
  for (const diagnostics of value.results.values()) if (!Array.isArray(diagnostics)) return false;
  return true;
}
