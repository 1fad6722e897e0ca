/**
 * One editor session: the library state, the open documents, and the
 * debounced loop that re-reads edited notes and publishes diagnostics for
 * every open file whose findings changed. Features (completion, navigation,
 * rename, code actions) read from it; only this module writes to it.
 */
import type { Connection, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { GLOSSARY_FILE } from '../link/glossary.js';
import type { Diagnostic, Note } from '../types.js';
import { NoteText, pathToUri, toLspDiagnostic, uriToPath } from './convert.js';
import { DiagnosticsEngine } from './diagnostics.js';
import type { LibraryState } from './library.js';

const first = <T>(set: Set<T>): T | undefined => set.values().next().value;

/** How long edits settle before diagnostics are recomputed (ms). */
export const DEFAULT_DEBOUNCE_MS = 30;

export class Session {
  /** Lint's findings per open file, as last published (code actions read their fixes). */
  readonly published = new Map<string, Diagnostic[]>();
  private readonly engine: DiagnosticsEngine;
  /** Documents whose text is not read yet. */
  private readonly dirty = new Set<string>();
  /** Documents edited since diagnostics were last published. */
  private readonly unpublished = new Set<string>();
  private readonly sent = new Map<string, string>();
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> = Promise.resolve();
  /** Pending edits are read one batch at a time, in order (a later text never loses to an earlier one). */
  private absorbing: Promise<void> = Promise.resolve();

  constructor(
    readonly library: LibraryState,
    readonly documents: TextDocuments<TextDocument>,
    private readonly connection: Connection,
    private readonly debounceMs = DEFAULT_DEBOUNCE_MS,
  ) {
    this.engine = new DiagnosticsEngine(library);
  }

  /** The library path of a document URI, or null when it is outside the library. */
  fileOf(uri: string): string | null {
    const absolute = uriToPath(uri);
    return absolute === null ? null : this.library.relative(absolute);
  }

  /** The URI a file is known by: the open document's own, else a file URI. */
  uriOf(file: string): string {
    for (const document of this.documents.all()) if (this.fileOf(document.uri) === file) return document.uri;
    return pathToUri(this.library.root, file);
  }

  /** The note behind a document as last read (requests call `absorbAll` first), and its offset map. */
  noteAt(uri: string): { note: Note; text: NoteText } | null {
    const file = this.fileOf(uri);
    if (file === null) return null;
    const note = this.library.note(file);
    return note ? { note, text: new NoteText(note, this.library.bodies.get(note, ['source']).source) } : null;
  }

  /** An open document's text changed (or it opened): re-read it after the debounce. */
  async edited(uri: string, immediately = false): Promise<void> {
    const file = this.fileOf(uri);
    if (file === null) return;
    // A file the library does not know yet (new, or just saved): look again, on open only (not per keystroke).
    if (immediately && file !== GLOSSARY_FILE && !this.library.isNote(file) && file.endsWith('.md')) await this.library.rediscover();
    this.dirty.add(uri);
    this.unpublished.add(uri);
    this.schedule(immediately ? 0 : this.debounceMs);
  }

  /** A document closed: the disk's version counts again; its diagnostics are cleared. */
  closed(uri: string): void {
    const file = this.fileOf(uri);
    this.dirty.delete(uri);
    this.unpublished.delete(uri);
    if (file === null) return;
    if (file === GLOSSARY_FILE) this.library.setGlossaryText(undefined);
    else this.library.dropText(file);
    this.engine.forget(file);
    this.published.delete(file);
    this.sent.delete(uri);
    void this.connection.sendDiagnostics({ uri, diagnostics: [] });
    this.schedule(this.debounceMs);
  }

  /** Files changed outside the editor: `created`/`deleted` re-list the library, `changed` re-reads one file. */
  async filesChanged(changes: { file: string; kind: 'created' | 'changed' | 'deleted' }[]): Promise<void> {
    let relist = false;
    for (const { file, kind } of changes) {
      if (file === GLOSSARY_FILE) this.library.reloadGlossary();
      else if (kind === 'changed') await this.library.reload(file);
      else relist = true;
    }
    if (relist) await this.library.rediscover();
    this.schedule(this.debounceMs);
  }

  /** Runs `update` after `delay` ms, once, however many edits arrive meanwhile. */
  schedule(delay: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.running = this.running.then(() => this.update()).catch((error: unknown) => this.connection.console.error(`commonplace: diagnostics failed: ${String((error as Error)?.stack ?? error)}`));
    }, delay);
  }

  /** Resolves once every scheduled update has run (tests and shutdown). */
  settled(): Promise<void> {
    return this.running;
  }

  /** Reads every pending edit now, so a request answers from the text the user sees. */
  absorbAll(): Promise<void> {
    const run = this.absorbing.then(async () => {
      for (let uri = first(this.dirty); uri !== undefined; uri = first(this.dirty)) await this.absorb(uri);
    });
    this.absorbing = run.catch(() => undefined);
    return run;
  }

  private async absorb(uri: string): Promise<void> {
    this.dirty.delete(uri);
    const document = this.documents.get(uri);
    const file = this.fileOf(uri);
    if (!document || file === null) return;
    if (file === GLOSSARY_FILE) this.library.setGlossaryText(document.getText());
    else if (this.library.isNote(file)) {
      await this.library.setText(file, document.getText());
      // Closed while it was being read: the disk's version counts, not this text.
      if (!this.documents.get(uri)) this.library.dropText(file);
    }
  }

  private async update(): Promise<void> {
    await this.absorbAll();
    const edited = new Set(this.unpublished);
    this.unpublished.clear();
    const open = new Map<string, string>();
    for (const document of this.documents.all()) {
      const file = this.fileOf(document.uri);
      if (file !== null && (file === GLOSSARY_FILE || this.library.isNote(file))) open.set(file, document.uri);
    }
    const found = this.engine.compute([...open.keys()]);
    for (const [file, uri] of open) {
      const diagnostics = found.get(file) ?? [];
      this.published.set(file, diagnostics);
      const note = this.library.note(file);
      const lsp = diagnostics.map((d) => toLspDiagnostic(d, (f) => this.uriOf(f), note?.hadBom ?? false));
      const key = JSON.stringify(lsp);
      // The edited document always hears back (a client may wait for it); the others only when theirs changed.
      if (this.sent.get(uri) === key && !edited.has(uri)) continue;
      this.sent.set(uri, key);
      void this.connection.sendDiagnostics({ uri, version: this.documents.get(uri)?.version, diagnostics: lsp });
    }
  }
}
