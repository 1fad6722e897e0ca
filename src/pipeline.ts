/**
 * The pipeline, top to bottom: discover + read → glossary → mentions → check
 * → link → emit. Each stage is a plain function over the shared types; this
 * file only sequences them. It returns results and writes nothing: the CLI
 * decides what to print, what to write and which exit code to give.
 */
import { checkLibraryInFull, noteRulesContext, type NoteResultStore } from './check/run.js';
import { selectOutputs, type Config } from './config.js';
import type { EssayBodies } from './emit/context.js';
import type { LeftOut, OutputFile } from './emit/index.js';
import { loadGlossary } from './link/glossary.js';
import { findMentions } from './link/mentions.js';
import type { BodyStore } from './read/bodies.js';
import { CachedNoteLost, readLibrary, type NoteCache } from './read/index.js';
import type { Concept, Diagnostic, Library, Mention, Note, NoteId, ReadFailure } from './types.js';

export interface RunOptions {
  /** Absolute path of the library folder. */
  root: string;
  config: Config;
  /** Lint only these files (library-wide rules still see every note). */
  files?: string[];
  /**
   * Worker threads for parsing; 0 parses (and renders) in the main thread.
   * Rendering sizes its own pool by the number of essays to render.
   */
  workers?: number;
  /** What earlier runs left to reuse (see `IncrementalStore`); omit for a cold run. Outputs are the same either way. */
  incremental?: IncrementalStore;
  /** Called as notes are read, for a progress line. */
  onProgress?: (done: number, total: number) => void;
  /** The `SOURCE_DATE_EPOCH` value: the only way a timestamp enters an output. */
  sourceDateEpoch?: string;
}

/**
 * Everything a warm run reuses, as one store (in practice the persistent
 * cache, src/cache): parsed notes by content (read's `NoteCache`), note-rule
 * findings (check's `NoteResultStore`), and per-note extras such as rendered
 * essays (emit's memo, see src/emit/memo.ts).
 */
export interface IncrementalStore extends NoteCache, NoteResultStore {
  getExtra(key: string, name: string): unknown;
  setExtra(key: string, name: string, value: unknown): void;
}

export interface LintResult {
  /** The notes' heads, sorted by id. */
  notes: Note[];
  /** The notes' bodies (see `NoteBodies` in types.ts: the one place a read of note data may fail). */
  bodies: BodyStore;
  failures: ReadFailure[];
  concepts: Concept[];
  /** Sorted by file, line, column, rule id. */
  diagnostics: Diagnostic[];
  /** Findings that inline directives switched off, sorted the same way (`--format json` lists them). */
  suppressed: Diagnostic[];
}

/** Reads and checks the whole library. */
export async function lintLibrary(options: RunOptions): Promise<LintResult> {
  return (await againIfCacheLost(() => lintAndMention(options))).lint;
}

/**
 * Runs `attempt`, and once more if a cached body turned out to be lost (its
 * entry damaged after the run began using it: `NoteBodies.get` throws
 * `CachedNoteLost`, the only failure a fetch has): the cache has then
 * forgotten its shortcuts, so the second attempt reads afresh. Every cached
 * entry is checked whole before anything is written (`buildOnce`), so a
 * retry never follows a half-write.
 */
async function againIfCacheLost<T>(attempt: () => Promise<T>): Promise<T> {
  try {
    return await attempt();
  } catch (error) {
    if (!(error instanceof CachedNoteLost)) throw error;
    return attempt();
  }
}

/** read → glossary → mentions (of the notes to check) → check. */
async function lintAndMention(options: RunOptions): Promise<{ lint: LintResult; mentions: Map<NoteId, Mention[]> }> {
  const { root, config } = options;
  const read = await readLibrary(root, config, { workers: options.workers, cache: options.incremental, onProgress: options.onProgress });
  const glossary = loadGlossary(root, config);
  const store = options.incremental;
  const context = store && noteRulesContext(read.notes, glossary.concepts, config);
  // Only the notes whose rules run need their mentions (a warm lint: the changed ones).
  const unchecked = context === undefined ? read.notes : read.notes.filter((note) => store?.getNoteResults(note, context) === undefined);
  const mentions = findMentions(read.notes, glossary.concepts, read.bodies, unchecked);
  let { diagnostics, suppressed } = checkLibraryInFull({
    notes: read.notes,
    bodies: read.bodies,
    failures: read.failures,
    concepts: glossary.concepts,
    mentions,
    config,
    readDiagnostics: [...read.diagnostics, ...glossary.diagnostics],
    ...(store && context !== undefined ? { noteResults: { store, context } } : {}),
  });
  if (options.files) {
    diagnostics = diagnostics.filter(inFiles(options.files));
    suppressed = suppressed.filter(inFiles(options.files));
  }
  const lint = { notes: read.notes, bodies: read.bodies, failures: read.failures, concepts: glossary.concepts, diagnostics, suppressed };
  return { lint, mentions };
}

export interface BuildResult extends Omit<LintResult, 'bodies'> {
  /** False when lint found errors: nothing was emitted. */
  ok: boolean;
  /** Outputs that could not be made (a PDF without Chromium), one line each; the rest are in `outputs`. */
  problems: string[];
  /**
   * Outputs left out on purpose (a PDF of a very large library): the file,
   * which a build then removes if an earlier one wrote it, and why.
   */
  leftOut: LeftOut[];
  library: Library | null;
  /**
   * The output files, each rendered as the iteration reaches it (so a caller
   * can write one before the next exists); iterating again renders again.
   */
  outputs: Iterable<OutputFile>;
}

/** Lints, then (when there are no errors) links the library and renders every output in memory. */
export function buildLibrary(options: RunOptions): Promise<BuildResult> {
  return againIfCacheLost(() => buildOnce(options));
}

/** lint → link → prerender (essays, PDF) → emit (lazily, as the caller writes). */
async function buildOnce(options: RunOptions): Promise<BuildResult> {
  const linked = await lintAndLink(options);
  const { library, bodies, ...rest } = linked;
  if (!library || !bodies) return { ...rest, ok: false, library: null, outputs: [], problems: [], leftOut: [] };
  const { emitEach, leftOutputs, memoFromNoteCache, prerenderEssays, prerenderPdf, PDF_NOTE_LIMIT } = await import('./emit/index.js');
  const memo = options.incremental && memoFromNoteCache(options.incremental);
  const wanted = selectOutputs(options.config.outputs, 'outputs');
  // Only the handbooks, the book and a PDF that will be printed hold whole essays; the index, references and site never ask for them.
  const printed = wanted.has('pdf') && library.notes.length <= PDF_NOTE_LIMIT;
  // Every body emit may fetch is proven loadable here, where a lost cache entry can still be retried, not halfway
  // through writing dist/: a run's first fetch of a note (even of no part) checks its whole entry, so this costs
  // nothing for the notes link fetched already (mentions, term bags), and later fetches check what they read.
  for (const { note } of library.notes) bodies.get(note, []);
  const essays = printed || (['markdown', 'html', 'epub'] as const).some((name) => wanted.has(name)) ? await prerenderEssays(library, options.config, bodies, memo, options.workers === 0 ? 0 : undefined) : undefined;
  // The PDF is printed ahead (Chromium is asynchronous); a missing browser is a problem, and the rest is still written.
  const pdf = wanted.has('pdf') ? await prerenderPdf(library, options.config, { bodies, essays, memo, sourceDateEpoch: options.sourceDateEpoch }) : undefined;
  const problems = pdf && 'problem' in pdf ? [pdf.problem] : [];
  const leftOut = [...(pdf && 'notice' in pdf ? [{ file: 'handbook.pdf', why: pdf.notice }] : []), ...leftOutputs(library, options.config)];
  const emitOptions = { bodies, sourceDateEpoch: options.sourceDateEpoch, memo, essays, pdf };
  return { ...rest, ok: true, library, problems, leftOut, outputs: { [Symbol.iterator]: () => emitEach(library, options.config, emitOptions) } };
}

/**
 * lint → mentions (of the notes lint did not check) → link. A function of
 * its own so that the whole bodies it read are out of scope once it returns:
 * what follows holds only what emit reads of them (source and tree).
 */
async function lintAndLink(options: RunOptions): Promise<Omit<LintResult, 'bodies'> & { library: Library | null; bodies: EssayBodies | null }> {
  const { lint, mentions } = await lintAndMention(options);
  const { bodies, ...rest } = lint;
  if (lint.diagnostics.some((d) => d.severity === 'error')) return { ...rest, library: null, bodies: null };
  // Loaded here, not at the top: lint never links or renders, and these
  // modules (rehype, the ranker…) are a fifth of its start-up time.
  const { linkLibrary } = await import('./link/index.js');
  const unmentioned = lint.notes.filter((note) => !mentions.has(note.id));
  for (const [id, found] of findMentions(lint.notes, lint.concepts, bodies, unmentioned)) mentions.set(id, found);
  const library = linkLibrary(lint.notes, lint.concepts, options.config, bodies, mentions);
  library.diagnostics = lint.diagnostics;
  return { ...rest, library, bodies: bodies.only(['source', 'tree']) };
}

const inFiles = (files: string[]) => {
  const wanted = new Set(files);
  return (d: Diagnostic): boolean => wanted.has(d.file);
};
