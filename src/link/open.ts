/**
 * Opening a library for the query commands (`concepts`, `related`, `search`):
 * find its folder from the config (or `--library`), read every note, load the
 * glossary and find mentions. No linting and no output: the commands pick
 * what they need from the result.
 */
import { statSync } from 'node:fs';
import path from 'node:path';
import { ConfigError, loadConfig, type Config } from '../config.js';
import { readLibrary } from '../read/index.js';
import type { Concept, Diagnostic, Mention, Note, NoteId, ReadFailure } from '../types.js';
import { loadGlossary } from './glossary.js';
import { findMentions } from './mentions.js';

/** A library read from disk, ready to query. */
export interface OpenLibrary {
  /** Absolute path of the library folder. */
  root: string;
  config: Config;
  /** Sorted by id. */
  notes: Note[];
  failures: ReadFailure[];
  concepts: Concept[];
  /** The glossary's own diagnostics (file `concepts.yml`). */
  glossaryDiagnostics: Diagnostic[];
  mentions: Map<NoteId, Mention[]>;
}

/**
 * The library folder: `flag` (resolved against `cwd`) when given, else the
 * config's `library` resolved against the config's folder. Throws
 * ConfigError (exit 2) when it is not a folder.
 */
export function resolveLibraryRoot(cwd: string, flag: string | undefined): { root: string; config: Config } {
  const { config, configDir } = loadConfig(cwd);
  const root = flag === undefined ? path.resolve(configDir, config.library) : path.resolve(cwd, flag);
  let isDirectory = false;
  try {
    isDirectory = statSync(root).isDirectory();
  } catch {
    // reported below
  }
  if (!isDirectory) {
    const shown = path.relative(cwd, root) || '.';
    throw new ConfigError(`library folder "${shown}" not found; pass --library DIR or set "library" in commonplace.config.json`);
  }
  return { root, config };
}

/** Reads the notes and glossary at `root` and finds every mention. Never throws for a bad note. */
export async function openLibrary(root: string, config: Config): Promise<OpenLibrary> {
  const read = await readLibrary(root, config);
  const glossary = loadGlossary(root, config);
  return {
    root,
    config,
    notes: read.notes,
    failures: read.failures,
    concepts: glossary.concepts,
    glossaryDiagnostics: glossary.diagnostics,
    mentions: findMentions(read.notes, glossary.concepts),
  };
}
