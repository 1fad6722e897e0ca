/**
 * Diagnostics for the open files, exactly as `commonplace lint` reports
 * them, from the same check stage: `checkNote` for each open note (the
 * note rules with config severities and directives, as `checkLibrary` runs
 * them), `checkLibrary` for the library-wide rules and for the findings
 * that pass through (read failures, discovery, glossary).
 *
 * Kept between updates, each until what it depends on changes: an open
 * note's findings until the note or any name changes (`namesVersion`); the
 * rule context until a name changes, so the indexes rules build over every
 * note's names (the link resolver, ~10 ms per 1,000 notes) are built once
 * per names, not once per keystroke; the library-wide findings until what
 * those rules read changes (`libraryInputsVersion`).
 */
import type { RuleContext } from '../check/rule.js';
import { rules } from '../check/rules/index.js';
import { checkLibrary, checkNote, createContext, sortDiagnostics } from '../check/run.js';
import { mentionsInNote } from '../link/mentions.js';
import type { Diagnostic, Mention, Note, NoteId } from '../types.js';
import type { LibraryState } from './library.js';

const noteRules = rules.filter((rule) => rule.scope === 'note');
const libraryRules = rules.filter((rule) => rule.scope === 'library');

/** Computes the lint diagnostics of a set of open files from the library state. */
export class DiagnosticsEngine {
  private readonly perNote = new Map<string, { note: Note; names: number; diagnostics: Diagnostic[] }>();
  private context: { names: number; ctx: RuleContext; mentions: Map<NoteId, Mention[]> } | undefined;
  private libraryFindings: { version: number; diagnostics: Diagnostic[] } | undefined;

  constructor(private readonly library: LibraryState) {}

  /** Lint's findings for each of `files` (library-relative; concepts.yml included when asked), by file. */
  compute(files: readonly string[]): Map<string, Diagnostic[]> {
    const library = this.library;
    const open = files.map((file) => library.note(file)).filter((note): note is Note => note !== undefined);
    const passThrough = checkLibrary({
      notes: open,
      failures: library.failures,
      concepts: library.concepts,
      mentions: new Map(),
      bodies: library.bodies,
      config: library.config,
      readDiagnostics: library.readDiagnostics,
      rules: [],
    });
    const byFile = new Map<string, Diagnostic[]>(files.map((file) => [file, []]));
    for (const d of [...passThrough, ...this.libraryWide()]) byFile.get(d.file)?.push(d);
    for (const note of open) byFile.get(note.path)?.push(...this.noteFindings(note));
    for (const [file, list] of byFile) byFile.set(file, sortDiagnostics(list));
    return byFile;
  }

  /** Drops what is kept for a file that closed. */
  forget(file: string): void {
    this.perNote.delete(file);
  }

  /** The note rules' findings on one open note (kept until the note or a name changes). */
  private noteFindings(note: Note): Diagnostic[] {
    const names = this.library.namesVersion;
    const kept = this.perNote.get(note.path);
    if (kept && kept.note === note && kept.names === names) return kept.diagnostics;
    const { ctx, mentions } = this.ruleContext();
    const whole = { ...note, ...this.library.bodies.get(note, ['source', 'prose']) };
    mentions.set(note.id, mentionsInNote(whole, this.library.matcher));
    const diagnostics = checkNote(whole, ctx, noteRules);
    this.perNote.set(note.path, { note, names, diagnostics });
    return diagnostics;
  }

  /**
   * One rule context per version of the names. Note rules read only names
   * from `ctx.notes` (the link resolver and the name lists they memoize on
   * it), and each note's own mentions, set before it is checked.
   */
  private ruleContext(): { ctx: RuleContext; mentions: Map<NoteId, Mention[]> } {
    const library = this.library;
    if (this.context?.names === library.namesVersion) return this.context;
    const mentions = new Map<NoteId, Mention[]>();
    const ctx = createContext({ notes: library.notes, concepts: library.concepts, mentions, config: library.config });
    this.context = { names: library.namesVersion, ctx, mentions };
    return this.context;
  }

  /**
   * The library-wide rules' findings. They read names, sources, where those
   * are written and directives, nothing of a body: kept until one of those
   * changes, so typing in a body does not rerun them over every note.
   */
  private libraryWide(): Diagnostic[] {
    const library = this.library;
    if (this.libraryFindings?.version === library.libraryInputsVersion) return this.libraryFindings.diagnostics;
    const diagnostics = checkLibrary({ notes: library.notes, bodies: library.bodies, failures: [], concepts: library.concepts, mentions: new Map(), config: library.config, rules: libraryRules });
    this.libraryFindings = { version: library.libraryInputsVersion, diagnostics };
    return diagnostics;
  }
}
