/**
 * What the cursor is on: a `[[link]]`, a Markdown link to another note, a
 * concept named in front matter, a mention in prose, the note's own title,
 * or an entry of concepts.yml. Definition, references, hover and rename all
 * start here. Also each note's mentions, kept per note version.
 */
import type { Position } from 'vscode-languageserver';
import { createConceptLookup, GLOSSARY_FILE } from '../link/glossary.js';
import { mentionsInNote } from '../link/mentions.js';
import type { Concept, Mention, Note, Span } from '../types.js';
import { spanContains, toPoint } from './convert.js';
import type { Session } from './session.js';

/** A note or a concept under the cursor, and the span that named it (null for a concepts.yml entry). */
export type Target =
  | { kind: 'note'; note: Note; heading: string | null; span: Span | null; via: 'wikilink' | 'link' | 'mention' | 'title' }
  | { kind: 'concept'; concept: Concept; span: Span | null; via: 'wikilink' | 'frontmatter' | 'mention' | 'glossary' };

const mentionCache = new WeakMap<Note, { names: number; mentions: Mention[] }>();

/** The mentions in `note` (cached until the note or any name changes). */
export function mentionsOf(session: Session, note: Note): Mention[] {
  const kept = mentionCache.get(note);
  if (kept?.names === session.library.namesVersion) return kept.mentions;
  const mentions = mentionsInNote({ ...note, ...session.library.bodies.get(note, ['source', 'prose']) }, session.library.matcher);
  mentionCache.set(note, { names: session.library.namesVersion, mentions });
  return mentions;
}

/** The note with id `id`, if any. */
export const noteById = (session: Session, id: string): Note | undefined => session.library.notes.find((n) => n.id === id);

/** The concept with id `id`, if any. */
export const conceptById = (session: Session, id: string): Concept | undefined => session.library.concepts.find((c) => c.id === id);

/** What is under `position` in the document `uri`, or null. */
export function targetAt(session: Session, uri: string, position: Position): Target | null {
  if (session.fileOf(uri) === GLOSSARY_FILE) return glossaryEntryAt(session, position.line + 1);
  const at = session.noteAt(uri);
  if (!at) return null;
  const { note } = at;
  const point = toPoint(position, note.hadBom);
  const resolve = (kind: string, to: string, span: Span | null, heading: string | null, via: 'wikilink' | 'link' | 'mention'): Target | null => {
    if (kind === 'concept') {
      const concept = conceptById(session, to);
      return concept ? { kind: 'concept', concept, span, via: via === 'link' ? 'wikilink' : via } : null;
    }
    const target = noteById(session, to);
    return target ? { kind: 'note', note: target, heading, span, via } : null;
  };
  for (const w of note.wikilinks) {
    if (!spanContains(w, point)) continue;
    const found = session.library.resolver.wikilink(w.target, note.id);
    return found ? resolve(found.kind, found.to, w, w.heading, 'wikilink') : null;
  }
  for (const l of note.links) {
    if (!spanContains(l, point) || l.type === 'image') continue;
    const found = session.library.resolver.href(l.url, note.path);
    if (found) return resolve(found.kind, found.to, l, null, 'link');
  }
  const fields = note.frontmatter?.fields;
  if (fields && note.frontmatter && point.line <= note.frontmatter.endLine) {
    const concepts = fields.concepts;
    if (concepts && spanContains(concepts.value, point)) {
      const word = wordAt(at.text.source, at.text.offset(position));
      const concept = word === null ? undefined : createConceptLookup(session.library.concepts)(word.text);
      return concept && word ? { kind: 'concept', concept, span: spanOf(at.text, word), via: 'frontmatter' } : null;
    }
    const title = fields.title;
    if (title && (spanContains(title.value, point) || spanContains(title.key, point))) return { kind: 'note', note, heading: null, span: title.value, via: 'title' };
    return null;
  }
  for (const m of mentionsOf(session, note)) {
    if (spanContains(m, point)) return resolve(m.kind, m.target, m, null, 'mention');
  }
  return null;
}

/** The front-matter list item around `offset`: text between `[`, `,`, `]`, a list dash or the colon, trimmed. */
function wordAt(source: string, offset: number): { text: string; start: number; end: number } | null {
  const stop = /[[\],\n:]/u;
  let start = offset;
  while (start > 0 && !stop.test(source[start - 1]!)) start--;
  let end = offset;
  while (end < source.length && !stop.test(source[end]!)) end++;
  let text = source.slice(start, end);
  const lead = /^\s*(?:-\s+)?["']?/u.exec(text)![0].length;
  const trail = /["']?\s*$/u.exec(text)![0].length;
  text = text.slice(lead, text.length - trail);
  return text === '' ? null : { text, start: start + lead, end: start + lead + text.length };
}

function spanOf(text: { position(offset: number): Position }, word: { start: number; end: number }): Span {
  const a = text.position(word.start);
  const b = text.position(word.end);
  return { line: a.line + 1, column: a.character + 1, endLine: b.line + 1, endColumn: b.character + 1 };
}

/** The concepts.yml entry that covers `line` (1-based): the last one starting at or before it. */
function glossaryEntryAt(session: Session, line: number): Target | null {
  let found: Concept | undefined;
  for (const concept of session.library.concepts) if (concept.line <= line && (!found || concept.line > found.line)) found = concept;
  return found ? { kind: 'concept', concept: found, span: null, via: 'glossary' } : null;
}
