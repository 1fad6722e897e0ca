/**
 * The pipeline, top to bottom: discover + read → glossary → mentions → check
 * → link → emit. Each stage is a plain function over the shared types; this
 * file only sequences them. It returns results and writes nothing: the CLI
 * decides what to print, what to write and which exit code to give.
 */
import { checkLibrary } from './check/run.js';
import type { Config } from './config.js';
import { emitEach, prerenderEssays, type OutputFile } from './emit/index.js';
import type { EmitMemo } from './emit/memo.js';
import { loadGlossary } from './link/glossary.js';
import { linkLibrary } from './link/index.js';
import { findMentions } from './link/mentions.js';
import { readLibrary, type NoteCache } from './read/index.js';
import { releaseAfterLink } from './release.js';
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
  /** Per-note parse cache (see src/cache); omit for a cold run. */
  cache?: NoteCache;
  /** Called as notes are read, for a progress line. */
  onProgress?: (done: number, total: number) => void;
  /** The `SOURCE_DATE_EPOCH` value: the only way a timestamp enters an output. */
  sourceDateEpoch?: string;
  /** Rendered essays from earlier builds (see src/emit/memo.ts); outputs are the same without it. */
  memo?: EmitMemo;
}

export interface LintResult {
  notes: Note[];
  failures: ReadFailure[];
  concepts: Concept[];
  mentions: Map<NoteId, Mention[]>;
  /** Sorted by file, line, column, rule id. */
  diagnostics: Diagnostic[];
}

/** Reads and checks the whole library. */
export async function lintLibrary(options: RunOptions): Promise<LintResult> {
  const { root, config } = options;
  const read = await readLibrary(root, config, {
    workers: options.workers,
    cache: options.cache,
    onProgress: options.onProgress,
  });
  const glossary = loadGlossary(root, config);
  const mentions = findMentions(read.notes, glossary.concepts);
  let diagnostics = checkLibrary({
    notes: read.notes,
    failures: read.failures,
    concepts: glossary.concepts,
    mentions,
    config,
    readDiagnostics: [...read.diagnostics, ...glossary.diagnostics],
  });
  if (options.files) diagnostics = diagnostics.filter(inFiles(options.files));
  return { notes: read.notes, failures: read.failures, concepts: glossary.concepts, mentions, diagnostics };
}

export interface BuildResult extends LintResult {
  /** False when lint found errors: nothing was emitted. */
  ok: boolean;
  library: Library | null;
  /**
   * The output files, each rendered as the iteration reaches it (so a caller
   * can write one before the next exists); iterating again renders again.
   */
  outputs: Iterable<OutputFile>;
}

/** Lints, then (when there are no errors) links the library and renders every output in memory. */
export async function buildLibrary(options: RunOptions): Promise<BuildResult> {
  const lint = await lintLibrary(options);
  if (lint.diagnostics.some((d) => d.severity === 'error')) {
    return { ...lint, ok: false, library: null, outputs: [] };
  }
  const library = linkLibrary(lint.notes, lint.concepts, options.config, lint.mentions);
  library.diagnostics = lint.diagnostics;
  if (!options.cache) releaseAfterLink(lint.notes);
  await prerenderEssays(library, options.config, options.memo, options.workers === 0 ? 0 : undefined);
  const emitOptions = { sourceDateEpoch: options.sourceDateEpoch, memo: options.memo };
  return { ...lint, ok: true, library, outputs: { [Symbol.iterator]: () => emitEach(library, options.config, emitOptions) } };
}

const inFiles = (files: string[]) => {
  const wanted = new Set(files);
  return (d: Diagnostic): boolean => wanted.has(d.file);
};
