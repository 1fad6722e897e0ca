/**
 * The language server's library: every note as the read stage gives it,
 * with the editor's unsaved text laid over the disk, and the glossary. It
 * keeps plain `Note`s and `ReadFailure`s keyed by path, and serves their
 * bodies through `bodies` (the `NoteBodies` port); an edit re-parses
 * only the note edited (the read stage's parse worker, `parser.ts`), and
 * derived indexes (link resolver, mention matcher) are rebuilt only when a
 * name they index changed: `namesVersion` counts those changes.
 *
 * Later, the engine (src/cache's successor) can own this state: `disk`
 * becomes its note store, the overlay stays here, and `namesVersion` is the
 * engine's key for "every note's names".
 */
import path from 'node:path';
import type { Config } from '../config.js';
import { loadGlossary, parseGlossary, type Glossary } from '../link/glossary.js';
import { createMentionMatcher } from '../link/mentions.js';
import { createLinkResolver, type LinkResolver } from '../link/resolve.js';
import type { PhraseMatcher } from '../link/matcher.js';
import { discover } from '../read/discover.js';
import { BodyStore, bodyParts, packNote, type PackedNote, type StoredBody } from '../read/bodies.js';
import { CachedNoteLost, isReadFailure, readLibrary, type NoteCache } from '../read/index.js';
import { hashBytes, parseNote } from '../read/parse.js';
import { readNoteBytes } from '../read/read-file.js';
import type { BodyPart, Concept, Diagnostic, Note, NoteBodies, NoteBody, ReadFailure } from '../types.js';
import { sortBy } from '../util/sort.js';
import { NoteParser } from './parser.js';

/** A note as read, or why it could not be. */
export type Entry = Note | ReadFailure;

/** Where the served library is. */
export interface LibraryLocation {
  /** Absolute path of the library folder. */
  root: string;
  config: Config;
  /** The folder of commonplace.config.json (templates/ lives there). */
  configDir: string;
}

/** The identity of a note's names: what wikilinks, mentions and the name rules look at. */
const namesOf = (entry: Entry | undefined): string =>
  entry === undefined ? '' : isReadFailure(entry) ? `!${entry.path}` : JSON.stringify([entry.id, entry.path, entry.meta.title ?? null, entry.meta.aliases]);

/**
 * What the library-wide rules read of a note besides its names: its source,
 * where the title and source are written, and its directives (which filter
 * their findings). A body edit leaves it unchanged.
 */
const libraryInputsOf = (entry: Entry | undefined): string =>
  entry === undefined || isReadFailure(entry)
    ? namesOf(entry)
    : JSON.stringify([namesOf(entry), entry.meta.source ?? null, entry.frontmatter?.fields.title ?? null, entry.frontmatter?.fields.source ?? null, entry.directives]);

/** The library in memory: disk, editor overlay, glossary, discovery findings. */
export class LibraryState {
  /** Bumped whenever any note's id, path, title or aliases, or the glossary, changes. */
  namesVersion = 0;
  /** Bumped whenever what the library-wide rules read changes (names included). */
  libraryInputsVersion = 0;
  /** Bumped on every change at all. */
  version = 0;
  private readonly disk = new Map<string, Entry>();
  private readonly editor = new Map<string, Entry>();
  /** Bodies of the notes parsed since loading (editor text, files re-read), by their head. */
  private readonly parsedBodies = new WeakMap<Note, StoredBody>();
  /** Bodies of the notes read by `load` (in memory, or fetched from the cache). */
  private loadedBodies: NoteBodies = new BodyStore();
  private discovered = new Set<string>();
  private discovery: Diagnostic[] = [];
  private glossaryDisk: Glossary = { concepts: [], diagnostics: [] };
  private glossaryEditor: Glossary | undefined;
  private sorted: { version: number; notes: Note[]; failures: ReadFailure[] } | undefined;
  private indexes: { namesVersion: number; resolver: LinkResolver; matcher: PhraseMatcher } | undefined;

  /** Edited and re-read notes are parsed here, in a worker, each within its time budget. */
  private readonly parser: NoteParser;

  constructor(readonly location: LibraryLocation) {
    this.parser = new NoteParser(location.config);
  }

  /** Stops the parse worker. */
  close(): void {
    this.parser.close();
  }

  get root(): string {
    return this.location.root;
  }

  get config(): Config {
    return this.location.config;
  }

  /** Reads the whole library from disk (through `cache` when given, as `lint` does). */
  async load(cache?: NoteCache): Promise<void> {
    this.parser.warm(); // loads the parser while the library is read
    const read = await readLibrary(this.root, this.config, cache ? { cache } : {});
    this.disk.clear();
    this.loadedBodies = read.bodies;
    for (const entry of [...read.notes, ...read.failures]) this.disk.set(entry.path, entry);
    this.discovered = new Set(read.notes.map((n) => n.path).concat(read.failures.map((f) => f.path)));
    this.discovery = read.diagnostics;
    this.glossaryDisk = loadGlossary(this.root, this.config);
    this.changed(true);
  }

  /** Finds the notes again after files appeared or went (the file list and discovery findings only). */
  async rediscover(): Promise<string[]> {
    const found = await discover(this.root, this.config);
    this.discovered = new Set(found.files);
    this.discovery = found.diagnostics;
    const gone = [...this.disk.keys()].filter((file) => !this.discovered.has(file));
    for (const file of gone) this.disk.delete(file);
    const added = found.files.filter((file) => !this.disk.has(file));
    for (const file of added) this.disk.set(file, await this.readFromDisk(file));
    this.changed(gone.length + added.length > 0);
    return added;
  }

  /** True when `file` (library-relative) is a note of the library, as discovery decides. */
  isNote(file: string): boolean {
    return this.discovered.has(file);
  }

  /** The note or failure at `file`, the editor's text first. */
  entry(file: string): Entry | undefined {
    return this.editor.get(file) ?? this.disk.get(file);
  }

  /** The note at `file`, if it reads as one. */
  note(file: string): Note | undefined {
    const entry = this.entry(file);
    return entry && !isReadFailure(entry) ? entry : undefined;
  }

  /**
   * The port through which every feature fetches a note's body: the body of
   * the very head it holds (editor text or disk), so a body never belongs to
   * another version of the note.
   */
  readonly bodies: NoteBodies = {
    get: <K extends BodyPart>(note: Note, parts: readonly K[]): Pick<NoteBody, K> => {
      const parsed = this.parsedBodies.get(note);
      if (parsed) return bodyParts(parsed, parts);
      try {
        return this.loadedBodies.get(note, parts);
      } catch (error) {
        if (!(error instanceof CachedNoteLost)) throw error;
        return bodyParts(this.reparseLost(note, error), parts);
      }
    },
  };

  /**
   * The body of `note` read again from its file, when its cached copy was
   * damaged after `load` (another process pruned or rewrote the cache): a
   * server runs for hours, so it cannot start over as the pipeline does. The
   * file must still hold the very bytes `note` was read from, else the head
   * and the body would disagree: then the loss stands (the watcher's reload follows).
   */
  private reparseLost(note: Note, lost: CachedNoteLost): StoredBody {
    const bytes = readNoteBytes(this.root, note.path, this.config.maxFileBytes);
    if (!(bytes instanceof Uint8Array) || hashBytes(bytes) !== note.hash) throw lost;
    // The same bytes parsed before within budget (in the worker), so the main thread can parse them again.
    const whole = parseNote({ path: note.path, bytes }, this.config);
    if (isReadFailure(whole)) throw lost;
    const { body } = packNote(whole);
    this.parsedBodies.set(note, body);
    return body;
  }

  /** Lays the editor's text of `file` over the disk (unsaved text counts). */
  async setText(file: string, text: string): Promise<void> {
    const parsed = this.keep(await this.parser.parse(file, new TextEncoder().encode(text)));
    const before = this.entry(file);
    this.editor.set(file, parsed);
    this.changedFrom(before, file);
  }

  /** The editor closed `file`: the disk's version counts again. */
  dropText(file: string): void {
    const before = this.entry(file);
    if (!this.editor.delete(file)) return;
    this.changedFrom(before, file);
  }

  /** `file` changed on disk (another tool, git): read it again. */
  async reload(file: string): Promise<void> {
    if (!this.discovered.has(file)) return;
    const read = await this.readFromDisk(file);
    const before = this.entry(file);
    this.disk.set(file, read);
    this.changedFrom(before, file);
  }

  /** The glossary's text from the editor (`undefined`: read concepts.yml from disk). */
  setGlossaryText(text: string | undefined): void {
    this.glossaryEditor = text === undefined ? undefined : parseGlossary(text);
    this.changed(true);
  }

  /** concepts.yml changed on disk. */
  reloadGlossary(): void {
    this.glossaryDisk = loadGlossary(this.root, this.config);
    this.changed(this.glossaryEditor === undefined);
  }

  get glossary(): Glossary {
    return this.glossaryEditor ?? this.glossaryDisk;
  }

  get concepts(): readonly Concept[] {
    return this.glossary.concepts;
  }

  /** Discovery and glossary findings, passed through to the check stage as lint passes them. */
  get readDiagnostics(): Diagnostic[] {
    return [...this.discovery, ...this.glossary.diagnostics];
  }

  /** Every note, sorted by id then path (the order the check stage expects). */
  get notes(): Note[] {
    return this.snapshot().notes;
  }

  /** Every file that could not be read as a note, sorted by path. */
  get failures(): ReadFailure[] {
    return this.snapshot().failures;
  }

  /** Resolves `[[targets]]` and Markdown links against the current names. */
  get resolver(): LinkResolver {
    return this.derived().resolver;
  }

  /** The phrase trie of every title, alias and concept name (for mentions). */
  get matcher(): PhraseMatcher {
    return this.derived().matcher;
  }

  /** The library-relative path of an absolute one, or null when it is outside the library. */
  relative(absolute: string): string | null {
    const rel = path.relative(this.root, absolute);
    if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) return null;
    return rel.split(path.sep).join('/');
  }

  private async readFromDisk(file: string): Promise<Entry> {
    const bytes = readNoteBytes(this.root, file, this.config.maxFileBytes);
    return bytes instanceof Uint8Array ? this.keep(await this.parser.parse(file, bytes)) : bytes;
  }

  /** The head of a parsed note, its body kept for `bodies`. */
  private keep(parsed: PackedNote | ReadFailure): Entry {
    if (isReadFailure(parsed)) return parsed;
    this.parsedBodies.set(parsed.note, parsed.body);
    return parsed.note;
  }

  /**
   * Records a change. When only `file`'s body changed (its names did not),
   * the sorted lists keep their order: the entry is swapped in place rather
   * than the library sorted again (10,000 notes take ~15 ms to sort).
   */
  private changed(names: boolean, file?: string, libraryInputs = names): void {
    const sorted = this.sorted?.version === this.version ? this.sorted : undefined;
    this.version++;
    if (names) this.namesVersion++;
    if (libraryInputs) this.libraryInputsVersion++;
    const entry = file === undefined ? undefined : this.entry(file);
    if (names || !sorted || !entry || isReadFailure(entry)) return;
    const at = sorted.notes.findIndex((note) => note.path === file);
    if (at === -1) return;
    const notes = sorted.notes.slice();
    notes[at] = entry;
    this.sorted = { version: this.version, notes, failures: sorted.failures };
  }

  /** Records that `file` changed from `before` to its current entry. */
  private changedFrom(before: Entry | undefined, file: string): void {
    const after = this.entry(file);
    this.changed(namesOf(before) !== namesOf(after), file, libraryInputsOf(before) !== libraryInputsOf(after));
  }

  private snapshot(): { notes: Note[]; failures: ReadFailure[] } {
    if (this.sorted?.version === this.version) return this.sorted;
    const notes: Note[] = [];
    const failures: ReadFailure[] = [];
    const files = new Set([...this.disk.keys(), ...[...this.editor.keys()].filter((file) => this.discovered.has(file))]);
    for (const file of files) {
      const entry = this.entry(file)!;
      if (isReadFailure(entry)) failures.push(entry);
      else notes.push(entry);
    }
    this.sorted = {
      version: this.version,
      notes: sortBy(notes, (n) => n.id, (n) => n.path),
      failures: sortBy(failures, (f) => f.path, (f) => f.diagnostic.ruleId),
    };
    return this.sorted;
  }

  private derived(): { resolver: LinkResolver; matcher: PhraseMatcher } {
    if (this.indexes?.namesVersion === this.namesVersion) return this.indexes;
    const notes = this.notes;
    this.indexes = {
      namesVersion: this.namesVersion,
      resolver: createLinkResolver(notes, this.concepts),
      matcher: createMentionMatcher(notes, this.concepts),
    };
    return this.indexes;
  }
}
