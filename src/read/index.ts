/**
 * The read stage: library folder → Notes, ReadFailures and discovery
 * diagnostics. discover (or the given files) → read bytes (stat first) →
 * hash → cache lookup → parse the misses (in workers, each within its time
 * budget) → sort. One bad file never stops the others.
 */
import { lstat, realpath } from 'node:fs/promises';
import path from 'node:path';
import type { Config } from '../config.js';
import type { BodyPart, Diagnostic, Note, NoteBody, ReadFailure } from '../types.js';
import { BodyStore, packNote, type PackedNote } from './bodies.js';
import { fileStamp } from '../util/file-stamp.js';
import { compareCodePoints, sortBy } from '../util/sort.js';
import { classifyEntry, discover, findCollisions } from './discover.js';
import { readFailure } from './failure.js';
import { hashBytes, isReadFailure } from './identity.js';
import { type ParseTask, parseInPool, poolSize, type StandbyWorker, standbyWorker } from './pool.js';
import { readNoteBytes } from './read-file.js';
import { withNullPrototypes } from './null-prototype.js';

export { isReadFailure } from './identity.js';

/**
 * A store of parse results keyed by `${path}\0${sha256 of the bytes}`. The
 * read stage asks it before parsing and fills it after. One cache must serve
 * one config (a result depends on the configured sections and limits), so a
 * persistent implementation keys its store by the config too. Timeouts and
 * worker crashes are never stored: they depend on the machine, not the file.
 */
export interface NoteCache {
  /** The note's head (plain data, nothing loaded later) or its read failure. */
  get(key: string): Note | ReadFailure | undefined;
  /**
   * Parts of the body of a note `get` handed out. A cache may keep bodies
   * apart from heads (on disk); if loading one fails (the entry was damaged
   * since), this throws `CachedNoteLost`, and the cache must answer the next
   * `get` for that key from scratch: the pipeline then runs again. A run's
   * first fetch of a note, even of no part, proves the whole body loadable
   * (the pipeline relies on it before writing); later ones may load only
   * the parts asked for.
   */
  body<K extends BodyPart>(key: string, parts: readonly K[]): Pick<NoteBody, K>;
  set(key: string, value: PackedNote | ReadFailure): void;
  /** The sha256 recorded for `file` when its stamp (size, times, inode) was `stamp`: an unchanged file is not even read. */
  knownHash?(file: string, stamp: string): string | undefined;
  /** Records `file`'s sha256 under `stamp` (only for stamps that cannot hide a later change). */
  recordHash?(file: string, stamp: string, sha256: string): void;
}

/** Thrown by `NoteCache.body` (so by the `NoteBodies` port) when a cached note's body could not be loaded after all. */
export class CachedNoteLost extends Error {
  constructor(readonly file: string) {
    super(`the cached copy of ${file} could not be loaded`);
  }
}

/** Options for `readLibrary`. */
export interface ReadOptions {
  /** Read only these files (relative to the library root, or absolute inside it). */
  files?: string[];
  /**
   * Parse workers. Default `poolSize(n)`, always at least one, even for one
   * note: only a worker can be stopped, so only then does every note get its
   * time budget (start-up costs a few hundred ms, once). 0 parses in this
   * thread with NO time budget: for unit tests and trusted tooling only.
   */
  workers?: number;
  cache?: NoteCache;
  /** Called each time a file is done (read, cached or parsed), for a progress line. */
  onProgress?: (done: number, total: number) => void;
  /** A parse worker started earlier (`standbyWorker`), used first; the caller's to release if it was not taken. */
  standby?: StandbyWorker;
}

/** What the read stage hands on. */
export interface ReadResult {
  /** Sorted by id, then path. */
  notes: Note[];
  /** Sorted by path. */
  failures: ReadFailure[];
  /** Discovery findings (symlinks, extensions, collisions), sorted by file then rule. */
  diagnostics: Diagnostic[];
  /** The notes' bodies: those parsed now held in memory, the others fetched from the cache. */
  bodies: BodyStore;
}

/** The cache key of one file's contents at one path. */
export const cacheKey = (file: string, sha256: string): string => `${file}\0${sha256}`;

const NO_BYTES = new Uint8Array(0);

/** Rule ids of failures that depend on the machine rather than the file (never cached). */
const UNCACHEABLE = new Set(['file-parse-timeout', 'file-parse-crash']);

/** Reads the library at `root` (or `options.files` in it). Never throws for a bad file. */
export async function readLibrary(root: string, config: Config, options: ReadOptions = {}): Promise<ReadResult> {
  // With a cache, most runs parse a note or two: start a worker now, so it
  // loads the parser while this thread finds, stats and looks up the files.
  if (options.standby) return readWith(root, config, options, options.standby);
  const standby = options.cache && options.workers !== 0 ? standbyWorker(config) : undefined;
  try {
    return await readWith(root, config, options, standby);
  } finally {
    standby?.release(); // a no-op once the pool has taken it; a live worker would keep the process up
  }
}

async function readWith(root: string, config: Config, options: ReadOptions, standby: StandbyWorker | undefined): Promise<ReadResult> {
  const found = options.files ? await selectFiles(root, options.files) : { ...(await discover(root, config)), failures: [] };
  const failures: ReadFailure[] = [...found.failures];
  const notes: Note[] = [];
  const tasks: (ParseTask & { key: string })[] = [];

  const total = found.files.length;
  let done = 0;
  const progress = (): void => options.onProgress?.(++done, total);
  const accept = (result: Note | ReadFailure): void => {
    if (isReadFailure(result)) failures.push(result);
    else notes.push(result);
    progress();
  };

  const cache = options.cache;
  const bodies = new BodyStore(cache && ((note, parts) => cache.body(cacheKey(note.path, note.hash), parts)));
  for (const file of found.files) {
    const stamp = cache?.knownHash ? fileStamp(path.join(root, file)) : null;
    const known = stamp && cache?.knownHash?.(file, stamp.text);
    const unchanged = known ? cache?.get(cacheKey(file, known)) : undefined;
    if (known && unchanged) {
      cache?.recordHash?.(file, stamp.text, known);
      accept(unchanged);
      continue;
    }
    const bytes = readNoteBytes(root, file, config.maxFileBytes);
    if (!(bytes instanceof Uint8Array)) {
      failures.push(bytes);
      progress();
      continue;
    }
    const hash = hashBytes(bytes);
    if (stamp?.settled) cache?.recordHash?.(file, stamp.text, hash);
    const key = cacheKey(file, hash);
    const cached = cache?.get(key);
    if (cached) accept(cached);
    else tasks.push({ path: file, bytes, key });
  }

  const workers = options.workers ?? poolSize(tasks.length);
  const settle = (result: PackedNote | ReadFailure, i: number): void => {
    // Parsed: the file's bytes are not needed again (all of them are ~1.2 GB at 100,000 notes).
    tasks[i]!.bytes = NO_BYTES;
    if (isReadFailure(result)) {
      if (!UNCACHEABLE.has(result.diagnostic.ruleId)) options.cache?.set(tasks[i]!.key, result);
      accept(result);
      return;
    }
    // A note from a worker is a structured clone: its front matter lost its null prototypes.
    const note = { ...result.note, frontmatter: withNullPrototypes(result.note.frontmatter) };
    options.cache?.set(tasks[i]!.key, { note, body: result.body });
    bodies.hold(note, result.body);
    accept(note);
  };
  if (workers === 0) {
    // Loaded only now: a run with nothing to parse never loads the parser.
    const { parseNote } = await import('./parse.js');
    tasks.forEach((task, i) => {
      const result = parseNote(task, config);
      settle(isReadFailure(result) ? result : packNote(result), i);
    });
  } else await parseInPool(tasks, config, workers, settle, standby);

  return {
    notes: sortBy(notes, (note) => note.id, (note) => note.path),
    failures: sortBy(failures, (failure) => failure.path, (failure) => failure.diagnostic.ruleId),
    diagnostics: found.diagnostics,
    bodies,
  };
}

/**
 * The explicitly named files: each must be inside the library (symlinked
 * folders included: the real path is checked), an `.md` regular file.
 * Ignore patterns do not apply to a file named on purpose.
 */
async function selectFiles(root: string, given: readonly string[]): Promise<{ files: string[]; failures: ReadFailure[]; diagnostics: Diagnostic[] }> {
  const files = new Set<string>();
  const failures: ReadFailure[] = [];
  const diagnostics: Diagnostic[] = [];
  const realRoot = await realpath(root).catch(() => path.resolve(root));
  const inside = (base: string, target: string): boolean => {
    const rel = path.relative(base, target);
    return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
  };

  for (const file of given) {
    const absolute = path.resolve(root, file);
    const realDir = await realpath(path.dirname(absolute)).catch(() => null);
    if (!inside(path.resolve(root), absolute) || (realDir !== null && realDir !== realRoot && !inside(realRoot, realDir))) {
      failures.push(readFailure(file, 'file-outside-library', `is outside the library folder; only files inside "${root}" are read`));
      continue;
    }
    const rel = path.relative(path.resolve(root), absolute).split(path.sep).join('/');
    const stats = await lstat(absolute).catch(() => null);
    if (!stats) {
      failures.push(readFailure(rel, 'file-not-found', 'file not found; check the path'));
      continue;
    }
    const verdict = classifyEntry(rel, stats);
    if (verdict === 'note') files.add(rel);
    else if (verdict) diagnostics.push(verdict);
    else failures.push(readFailure(rel, 'file-not-note', stats.isDirectory() ? 'is a folder; name .md files, or omit FILE to read the whole library' : 'not a note: only files ending in .md are read'));
  }
  const sorted = [...files].sort(compareCodePoints);
  return { files: sorted, failures, diagnostics: sortBy([...diagnostics, ...findCollisions(sorted)], (d) => d.file, (d) => d.ruleId) };
}
