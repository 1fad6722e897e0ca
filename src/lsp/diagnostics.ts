/**
 * Diagnostics for the open files, exactly as `commonplace lint` reports
 * them: the same check stage (`checkLibrary`), fed the in-memory library.
 * Note rules run only for open notes, and again only when the note or a
 * name changed (a `NoteResultStore` keyed by `namesVersion`, the interface
 * lint's cache implements); library-wide rules run over every note when
 * what they read changed. Both halves go through `checkLibrary`, so config
 * severities and inline directives apply as in lint.
 */
import { rules } from '../check/rules/index.js';
import { checkLibrary, sortDiagnostics, type NoteResultStore } from '../check/run.js';
import { GLOSSARY_FILE } from '../link/glossary.js';
import { mentionsInNote } from '../link/mentions.js';
import type { Diagnostic, Mention, Note, NoteId } from '../types.js';
import type { LibraryState } from './library.js';

const noteRules = rules.filter((rule) => rule.scope === 'note');
const libraryRules = rules.filter((rule) => rule.scope === 'library');

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
  private library_: { version: number; diagnostics: Diagnostic[] } | undefined;

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
    const perNote = checkLibrary({
      notes,
      failures: library.failures,
      concepts: library.concepts,
      mentions,
      config: library.config,
      readDiagnostics: library.readDiagnostics,
      rules: noteRules,
      noteResults: { store: this.store, context },
    });
    const byFile = new Map<string, Diagnostic[]>(files.map((file) => [file, []]));
    for (const d of [...perNote, ...this.libraryWide()]) byFile.get(d.file)?.push(d);
    for (const [file, list] of byFile) byFile.set(file, sortDiagnostics(list));
    return byFile;
  }

  /**
   * The library-wide rules' findings. They read names, sources, where those
   * are written and directives, nothing of a body: kept until one of those
   * changes (`libraryInputsVersion`), so typing in a body does not rerun
   * them over every note (~60 ms at 10,000 notes).
   */
  private libraryWide(): Diagnostic[] {
    const library = this.library;
    if (this.library_?.version === library.libraryInputsVersion) return this.library_.diagnostics;
    const diagnostics = checkLibrary({ notes: library.notes, failures: [], concepts: library.concepts, mentions: new Map(), config: library.config, rules: libraryRules });
    this.library_ = { version: library.libraryInputsVersion, diagnostics };
    return diagnostics;
  }

  /** Drops what is kept for a file that closed. */
  forget(file: string): void {
    this.store.forget(file);
  }
}

export { GLOSSARY_FILE };
