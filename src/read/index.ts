/**
 * The read stage: library folder → Notes, ReadFailures and discovery
 * diagnostics. discover (or the given files) → read bytes (stat first) →
 * hash → cache lookup → parse the misses (in workers, each within its time
 * budget) → sort. One bad file never stops the others.
 */
import { lstat, realpath } from 'node:fs/promises';
import path from 'node:path';
import type { Config } from '../config.js';
import type { Diagnostic, Note, ReadFailure } from '../types.js';
import { compareCodePoints, sortBy } from '../util/sort.js';
import { classifyEntry, discover, findCollisions } from './discover.js';
import { readFailure } from './failure.js';
import { hashBytes, isReadFailure, parseNote } from './parse.js';
import { type ParseTask, parseInPool, poolSize } from './pool.js';
import { readNoteBytes } from './read-file.js';
import { nullPrototypeDeep } from './yaml-data.js';

export { isReadFailure, noteFromText, parseNote } from './parse.js';

/**
 * A store of parse results keyed by `${path}\0${sha256 of the bytes}`. The
 * read stage asks it before parsing and fills it after. One cache must serve
 * one config (a result depends on the configured sections and limits), so a
 * persistent implementation keys its store by the config too. Timeouts and
 * worker crashes are never stored: they depend on the machine, not the file.
 */
export interface NoteCache {
  get(key: string): Note | ReadFailure | undefined;
  set(key: string, value: Note | ReadFailure): void;
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
}

/** What the read stage hands on. */
export interface ReadResult {
  /** Sorted by id, then path. */
  notes: Note[];
  /** Sorted by path. */
  failures: ReadFailure[];
  /** Discovery findings (symlinks, extensions, collisions), sorted by file then rule. */
  diagnostics: Diagnostic[];
}

/** The cache key of one file's contents at one path. */
export const cacheKey = (file: string, sha256: string): string => `${file}\0${sha256}`;

const NO_BYTES = new Uint8Array(0);

/** Rule ids of failures that depend on the machine rather than the file (never cached). */
const UNCACHEABLE = new Set(['file-parse-timeout', 'file-parse-crash']);

/** Reads the library at `root` (or `options.files` in it). Never throws for a bad file. */
export async function readLibrary(root: string, config: Config, options: ReadOptions = {}): Promise<ReadResult> {
  const found = options.files ? await selectFiles(root, options.files) : { ...(await discover(root, config)), failures: [] };
  const failures: ReadFailure[] = [...found.failures];
  const notes: Note[] = [];
  const tasks: (ParseTask & { key: string })[] = [];

  const total = found.files.length;
  let done = 0;
  const progress = (): void => options.onProgress?.(++done, total);
  const accept = (result: Note | ReadFailure): void => {
    if (isReadFailure(result)) failures.push(result);
    else notes.push(hydrate(result));
    progress();
  };

  for (const file of found.files) {
    const bytes = readNoteBytes(root, file, config.maxFileBytes);
    if (!(bytes instanceof Uint8Array)) {
      failures.push(bytes);
      progress();
      continue;
    }
    const key = cacheKey(file, hashBytes(bytes));
    const cached = options.cache?.get(key);
    if (cached) accept(cached);
    else tasks.push({ path: file, bytes, key });
  }

  const workers = options.workers ?? poolSize(tasks.length);
  const settle = (result: Note | ReadFailure, i: number): void => {
    if (!(isReadFailure(result) && UNCACHEABLE.has(result.diagnostic.ruleId))) options.cache?.set(tasks[i]!.key, result);
    // Parsed: the file's bytes are not needed again (all of them are ~1.2 GB at 100,000 notes).
    tasks[i]!.bytes = NO_BYTES;
    accept(result);
  };
  if (workers === 0) tasks.forEach((task, i) => settle(parseNote(task, config), i));
  else await parseInPool(tasks, config, workers, settle);

  return {
    notes: sortBy(notes, (note) => note.id, (note) => note.path),
    failures: sortBy(failures, (failure) => failure.path, (failure) => failure.diagnostic.ruleId),
    diagnostics: found.diagnostics,
  };
}

/**
 * Front-matter data and field maps are null-prototype objects; a structured
 * clone (worker) or JSON (a persistent cache) gives them `Object.prototype`
 * back, so restore it here, whatever the source.
 */
function hydrate(note: Note): Note {
  const frontmatter = note.frontmatter;
  if (!frontmatter) return note;
  // In place, not `{ ...note }`: a note from a worker or the cache decodes
  // its tree (and, from the cache, source, text and term bag) on access, and
  // spreading would decode them all at once and keep the tree as objects. The
  // note is this stage's own fresh copy (structured clone or cache decode).
  note.frontmatter = {
    ...frontmatter,
    data: frontmatter.data === null ? null : (nullPrototypeDeep(frontmatter.data) as Record<string, unknown>),
    fields: nullPrototypeDeep(frontmatter.fields) as typeof frontmatter.fields,
  };
  return note;
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
