/**
 * The create step shared by `new` and `import`: refuse a clash with the
 * library, then create `<library>/<slug>.md` with the exclusive flag, so an
 * existing file, a planted (even dangling) symlink, or a racing run that got
 * there first is never overwritten.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Config } from '../config.js';
import { createExclusive } from '../util/fs-write.js';
import { describeConflict, findConflicts, listExistingNotes, type Adder, type Candidate, type ExistingNote } from './existing.js';
import { isValidSlug } from './slug.js';
import { closestMatch } from '../check/suggest.js';
import { createLinkResolver } from '../link/resolve.js';
import type { NoteId } from '../types.js';

/** What happened to one note: created (or, in a dry run, would be), or refused with reasons. */
export type CreateOutcome =
  | { status: 'created'; file: string }
  | { status: 'refused'; file: string; reasons: string[] };

/** The library as seen before writing; `remember` adds notes written in this run. */
export class LibraryIndex {
  private constructor(
    readonly libraryDir: string,
    private readonly notes: ExistingNote[],
    /** Which command adds notes: refusals suggest only what that command offers. */
    readonly adder: Adder,
  ) {}

  /** Reads the front matter of every note under `libraryDir` (none when it does not exist yet). */
  static async load(libraryDir: string, config: Config, adder: Adder = 'new'): Promise<LibraryIndex> {
    return new LibraryIndex(libraryDir, await listExistingNotes(libraryDir, config), adder);
  }

  /** Reasons `candidate` may not be added (empty when it may). */
  conflicts(candidate: Candidate): string[] {
    return findConflicts(this.notes, candidate).map((c) => describeConflict(c, candidate, this.adder));
  }

  /**
   * The note `name` means (file name, path, title or alias, as a wikilink or
   * a `relations:` item finds it), or the closest name to suggest.
   */
  find(name: string): { id: string } | { id: null; suggestion: string | null } {
    const names = this.notes.map((n) => ({ id: n.id as NoteId, path: n.path, meta: n.title === null ? { aliases: n.aliases } : { title: n.title, aliases: n.aliases } }));
    const id = createLinkResolver(names, []).note(name);
    if (id !== null) return { id };
    return { id: null, suggestion: closestMatch(name, this.notes.flatMap((n) => [...(n.title === null ? [] : [n.title]), ...n.aliases, n.id])) };
  }

  /** Records a note created (or planned) in this run so later ones in the same run see it. */
  remember(candidate: Candidate): void {
    this.notes.push({ path: `${candidate.slug}.md`, id: candidate.slug, title: candidate.title, aliases: [], source: candidate.source });
  }
}

/**
 * Creates the note unless it clashes. `dryRun` checks everything but writes
 * nothing. The returned `file` is the absolute path of the target.
 */
export function createNote(index: LibraryIndex, candidate: Candidate, content: string, dryRun = false): CreateOutcome {
  if (!isValidSlug(candidate.slug)) throw new Error(`internal: invalid slug "${candidate.slug}"`);
  const file = path.join(index.libraryDir, `${candidate.slug}.md`);
  const reasons = index.conflicts(candidate);
  if (reasons.length > 0) return { status: 'refused', file, reasons };
  if (!dryRun) {
    try {
      mkdirSync(index.libraryDir, { recursive: true });
      createExclusive(file, content);
    } catch (error) {
      return { status: 'refused', file, reasons: [createError(error, candidate.slug, index.adder)] };
    }
  }
  index.remember(candidate);
  return { status: 'created', file };
}

function createError(error: unknown, slug: string, adder: Adder): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EEXIST' || code === 'ELOOP') {
    const wayOut = adder === 'new' ? `choose another file name with --slug ${slug}-2` : 'move that file away, or change the title line of the plain-text file';
    return `${slug}.md already exists (a file or a link appeared there); nothing was overwritten; ${wayOut}`;
  }
  return `cannot create ${slug}.md: ${(error as Error).message}`;
}
