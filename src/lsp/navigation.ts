/**
 * Go to definition, references, hover, document and workspace symbols.
 * A note's place is its front-matter title (the top of the file without
 * one); a heading's, its heading line; a concept's, its entry in
 * concepts.yml. References of a note are its backlinks (wikilinks and
 * Markdown links) and its mentions; of a concept, every note that links,
 * declares or names it.
 */
import {
  MarkupKind,
  SymbolKind,
  type DocumentSymbol,
  type Hover,
  type Location,
  type Position,
  type Range,
  type WorkspaceSymbol,
} from 'vscode-languageserver';
import { GLOSSARY_FILE, createConceptLookup } from '../link/glossary.js';
import { conceptIdsByNote, noteConcepts } from '../link/index.js';
import { createRelatedIndex, type RelatedIndex } from '../link/related.js';
import { phraseKey } from '../link/phrase.js';
import type { Concept, Mention, Note, NoteId, Span } from '../types.js';
import { toRange } from './convert.js';
import { describeConcept, describeNote } from './describe.js';
import { fuzzyTop } from './fuzzy.js';
import type { Session } from './session.js';
import { conceptById, mentionsOf, noteById, targetAt } from './targets.js';

const ORIGIN: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/** Where a note is: its title's value, else the top of the file. */
export function noteLocation(session: Session, note: Note): Location {
  const title = note.frontmatter?.fields.title?.value;
  return { uri: session.uriOf(note.path), range: title ? toRange(title, note.hadBom) : ORIGIN };
}

/** Where a concept is defined: its entry in concepts.yml. */
export function conceptLocation(session: Session, concept: Concept): Location {
  const at = toRange({ line: concept.line, column: concept.column, endLine: concept.line, endColumn: concept.column });
  return { uri: session.uriOf(GLOSSARY_FILE), range: at };
}

/** Go to definition. */
export function definition(session: Session, uri: string, position: Position): Location | null {
  const target = targetAt(session, uri, position);
  if (!target) return null;
  if (target.kind === 'concept') return conceptLocation(session, target.concept);
  if (target.heading !== null) {
    const wanted = phraseKey(target.heading);
    const section = target.note.sections.find((s) => phraseKey(s.heading) === wanted);
    if (section) return { uri: session.uriOf(target.note.path), range: toRange(section, target.note.hadBom) };
  }
  return noteLocation(session, target.note);
}

/** Every place that links to, declares or names the target under the cursor (or, elsewhere in a note, the note itself). */
export function references(session: Session, uri: string, position: Position, includeDeclaration: boolean): Location[] {
  let target = targetAt(session, uri, position);
  if (!target) {
    const self = session.noteAt(uri)?.note;
    if (!self) return [];
    target = { kind: 'note', note: self, heading: null, span: null, via: 'title' };
  }
  const out: Location[] = [];
  if (includeDeclaration) out.push(target.kind === 'note' ? noteLocation(session, target.note) : conceptLocation(session, target.concept));
  const wantKind = target.kind;
  const wantId = target.kind === 'note' ? target.note.id : target.concept.id;
  const { resolver } = session.library;
  const lookup = createConceptLookup(session.library.concepts);
  for (const note of session.library.notes) {
    const at = (span: Span): Location => ({ uri: session.uriOf(note.path), range: toRange(span, note.hadBom) });
    for (const w of note.wikilinks) {
      const found = resolver.wikilink(w.target, note.id);
      if (found?.kind === wantKind && found.to === wantId && !(wantKind === 'note' && note.id === wantId)) out.push(at(w));
    }
    for (const l of note.links) {
      const found = l.type === 'image' ? undefined : resolver.href(l.url, note.path);
      if (found?.kind === wantKind && found.to === wantId) out.push(at(l));
    }
    if (target.kind === 'concept' && note.meta.concepts.some((name) => lookup(name)?.id === wantId)) {
      const field = note.frontmatter?.fields.concepts;
      if (field) out.push(at(field.value));
    }
    for (const m of mentionsOf(session, note)) if (m.kind === wantKind && m.target === wantId && !m.linked) out.push(at(m));
  }
  return out;
}

/** Hover: a note's title, byline and summary (and, on its own title, its related notes); a concept's definition. */
export function hover(session: Session, uri: string, position: Position): Hover | null {
  const target = targetAt(session, uri, position);
  if (!target) return null;
  const range = target.span ? toRange(target.span, session.noteAt(uri)?.note.hadBom ?? false) : undefined;
  const value = target.kind === 'concept' ? describeConcept(target.concept) : target.via === 'title' ? `${describeNote(target.note)}\n\n${relatedText(session, target.note)}` : describeNote(target.note);
  return { contents: { kind: MarkupKind.Markdown, value }, ...(range ? { range } : {}) };
}

let related: { version: number; index: RelatedIndex } | undefined;

/** The note's top related notes with their reasons, as a Markdown list (the index is rebuilt only after a change). */
function relatedText(session: Session, note: Note): string {
  const library = session.library;
  if (related?.version !== library.version) {
    const mentions = new Map<NoteId, Mention[]>(library.notes.map((n) => [n.id, mentionsOf(session, n)]));
    related = { version: library.version, index: createRelatedIndex(library.notes, conceptIdsByNote(noteConcepts(library.notes, library.concepts, mentions)), library.bodies) };
  }
  const top = related.index.related(note.id, library.config.relatedLimit);
  if (top.length === 0) return '_No related notes._';
  const lines = top.map((r) => {
    const other = noteById(session, r.id);
    const reasons = [...r.reasons.concepts.map((id) => conceptById(session, id)?.name ?? id), ...r.reasons.terms];
    return `- **${other?.meta.title ?? r.id}** (${r.score.toFixed(2)})${reasons.length > 0 ? `: ${reasons.join(', ')}` : ''}`;
  });
  return `Related notes:\n\n${lines.join('\n')}`;
}

/** The note as an outline: its title, then its headings nested by depth. */
export function documentSymbols(session: Session, uri: string): DocumentSymbol[] {
  if (session.fileOf(uri) === GLOSSARY_FILE) {
    return session.library.concepts.map((c) => ({ name: c.name, kind: SymbolKind.Class, range: conceptLocation(session, c).range, selectionRange: conceptLocation(session, c).range }));
  }
  const at = session.noteAt(uri);
  if (!at) return [];
  const { note, text } = at;
  const end = text.position(text.source.length);
  const roots: DocumentSymbol[] = [];
  const stack: { depth: number; symbol: DocumentSymbol }[] = [];
  note.sections.forEach((section, i) => {
    const next = note.sections.slice(i + 1).find((s) => s.depth <= section.depth);
    const stop = next ? text.position(next.headingStart) : end;
    const heading = toRange(section, note.hadBom);
    const symbol: DocumentSymbol = { name: section.heading || '(empty heading)', kind: SymbolKind.Namespace, range: { start: heading.start, end: stop }, selectionRange: heading, children: [] };
    while (stack.length > 0 && stack.at(-1)!.depth >= section.depth) stack.pop();
    (stack.at(-1)?.symbol.children ?? roots).push(symbol);
    stack.push({ depth: section.depth, symbol });
  });
  const title = note.frontmatter?.fields.title?.value;
  if (!note.meta.title || !title) return roots;
  const titleRange = toRange(title, note.hadBom);
  return [{ name: note.meta.title, detail: note.path, kind: SymbolKind.File, range: { start: { line: 0, character: 0 }, end }, selectionRange: titleRange, children: roots }];
}

/** Titles and concepts matching `query` fuzzily (at most 200). */
export function workspaceSymbols(session: Session, query: string): WorkspaceSymbol[] {
  const entries: { name: string; symbol: () => WorkspaceSymbol }[] = [];
  for (const note of session.library.notes) {
    const name = note.meta.title ?? note.id;
    entries.push({ name, symbol: () => ({ name, kind: SymbolKind.File, containerName: note.path, location: noteLocation(session, note) }) });
  }
  for (const concept of session.library.concepts) {
    entries.push({ name: concept.name, symbol: () => ({ name: concept.name, kind: SymbolKind.Class, containerName: GLOSSARY_FILE, location: conceptLocation(session, concept) }) });
  }
  return fuzzyTop(query, entries, (e) => e.name, 200).items.map((e) => e.symbol());
}
