/**
 * Opening a library for the query commands (`concepts`, `related`, `search`):
 * read every note, load the glossary and find mentions. No linting and no output: the commands pick
 * what they need from the result.
 */
import type { Config } from '../config.js';
import { readLibrary, type NoteCache } from '../read/index.js';
import type { Concept, Diagnostic, Mention, Note, NoteBodies, NoteId, ReadFailure } from '../types.js';
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
  /** The notes' bodies (see `NoteBodies`). */
  bodies: NoteBodies;
}

/** Reads the notes and glossary at `root` and finds every mention. Never throws for a bad note. */
export async function openLibrary(root: string, config: Config, cache?: NoteCache): Promise<OpenLibrary> {
  const read = await readLibrary(root, config, cache ? { cache } : {});
  const glossary = loadGlossary(root, config);
  return {
    root,
    config,
    notes: read.notes,
    failures: read.failures,
    concepts: glossary.concepts,
    glossaryDiagnostics: glossary.diagnostics,
    mentions: findMentions(read.notes, glossary.concepts, read.bodies),
    bodies: read.bodies,
  };
}
