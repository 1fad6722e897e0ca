/**
 * Diagnostics for the open files, exactly as `commonplace lint` reports
 * them: the same check stage (`checkLibrary`), fed the in-memory library.
 * Note rules run only for open notes, and again only when the note or a
 * name changed (a `NoteResultStore` keyed by `namesVersion`, the interface
 * lint's cache implements); library-wide rules run over every note on each
 * update, as lint runs them.
 */
import { checkLibrary, type NoteResultStore } from '../check/run.js';
import { GLOSSARY_FILE } from '../link/glossary.js';
import { mentionsInNote } from '../link/mentions.js';
import type { Diagnostic, Mention, Note, NoteId } from '../types.js';
import type { LibraryState } from './library.js';

/** Remembers each open note's note-rule results for the note object and names they were computed with. */
class OpenNoteResults implements NoteResultStore {
  private readonly results = new Map<string, { note: Note; context: string; diagnostics: Diagnostic[] }>();

  constructor(private readonly isOpen: (file: string) => boolean) {}

  getNoteResults(note: Note, context: string): Diagnostic[] | undefined {
    // A closed note's note-rule findings are published nowhere: not computed.
    if (!this.isOpen(note.path)) return [];
    const kept = this.results.get(note.path);
    return kept && kept.note === note && kept.context === context ? kept.diagnostics : undefined;
  }

  setNoteResults(note: Note, context: string, diagnostics: Diagnostic[]): void {
    this.results.set(note.path, { note, context, diagnostics });
  }

  /** True when `note`'s results must be computed afresh. */
  stale(note: Note, context: string): boolean {
    return this.getNoteResults(note, context) === undefined;
  }

  forget(file: string): void {
    this.results.delete(file);
  }
}

/** Computes the lint diagnostics of a set of open files from the library state. */
export class DiagnosticsEngine {
  private readonly store: OpenNoteResults;

  constructor(
    private readonly library: LibraryState,
    isOpen: (file: string) => boolean,
  ) {
    this.store = new OpenNoteResults(isOpen);
  }

  /** Lint's findings for each of `files` (library-relative; concepts.yml included when asked), by file. */
  compute(files: readonly string[]): Map<string, Diagnostic[]> {
    const library = this.library;
    const context = String(library.namesVersion);
    const notes = library.notes;
    const fresh = notes.filter((note) => this.store.stale(note, context));
    const mentions = new Map<NoteId, Mention[]>();
    for (const note of fresh) mentions.set(note.id, mentionsInNote(note, library.matcher));
    const all = checkLibrary({
      notes,
      failures: library.failures,
      concepts: library.concepts,
      mentions,
      config: library.config,
      readDiagnostics: library.readDiagnostics,
      noteResults: { store: this.store, context },
    });
    const byFile = new Map<string, Diagnostic[]>(files.map((file) => [file, []]));
    for (const d of all) byFile.get(d.file)?.push(d);
    return byFile;
  }

  /** Drops what is kept for a file that closed. */
  forget(file: string): void {
    this.store.forget(file);
  }
}

export { GLOSSARY_FILE };
