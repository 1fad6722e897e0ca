/**
 * Rename, as one workspace edit. A note's title: its front-matter `title`
 * and every `[[link]]` that names it by that title (links by alias or file
 * name still resolve, so they stay). A concept: its `name` in concepts.yml,
 * every `[[link]]` naming it, and every `concepts:` entry declaring it.
 * The new name is written by the project's YAML emitter (quoted when YAML
 * would read it as something else) and must keep links parseable.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ResponseError, ErrorCodes, type Position, type Range, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver';
import { isMap, isScalar, isSeq, LineCounter, parseDocument } from 'yaml';
import { GLOSSARY_FILE, createConceptLookup } from '../link/glossary.js';
import { phraseKey } from '../link/phrase.js';
import { emitFrontmatter } from '../scaffold/frontmatter.js';
import type { Concept, Note, Wikilink } from '../types.js';
import { NoteText } from './convert.js';
import type { Session } from './session.js';
import { targetAt, type Target } from './targets.js';

/** What the cursor may rename: the range to edit and the current name. */
export function prepareRename(session: Session, uri: string, position: Position): { range: Range; placeholder: string } | null {
  const target = targetAt(session, uri, position);
  if (!target) return null;
  const placeholder = target.kind === 'note' ? target.note.meta.title : target.concept.name;
  if (placeholder === undefined) return null;
  const here = session.noteAt(uri);
  if (target.via === 'glossary') {
    const range = glossaryNameRange(session, target.concept);
    return range ? { range, placeholder } : null;
  }
  if (!here || !target.span) return null;
  const span = target.span;
  const start = here.text.spanStart(span);
  const end = here.text.spanEnd(span);
  if (target.via === 'wikilink') {
    const part = targetPart(here.text.source, start, end);
    return part ? { range: here.text.range(part.start, part.end), placeholder } : null;
  }
  if (target.via === 'mention' || target.via === 'link') return null;
  return { range: here.text.range(start, end), placeholder };
}

/** The edit that renames the note or concept under the cursor to `newName`. */
export function rename(session: Session, uri: string, position: Position, newName: string): WorkspaceEdit | null {
  const name = newName.trim();
  if (name === '' || /[\n\r[\]|#]/u.test(name)) {
    throw new ResponseError(ErrorCodes.InvalidParams, `"${newName}" cannot be a title: it must be one line without [ ] | or # (they would break [[links]])`);
  }
  const target = targetAt(session, uri, position);
  if (!target) return null;
  const changes: Record<string, TextEdit[]> = {};
  const edit = (file: string, range: Range, newText: string): void => {
    (changes[session.uriOf(file)] ??= []).push({ range, newText });
  };
  const yaml = yamlScalar(name);
  if (target.kind === 'note') renameNote(session, target, name, yaml, edit);
  else renameConcept(session, target.concept, name, yaml, edit);
  return { changes };
}

type Edit = (file: string, range: Range, newText: string) => void;

function renameNote(session: Session, target: Extract<Target, { kind: 'note' }>, name: string, yaml: string, edit: Edit): void {
  const { note } = target;
  const old = note.meta.title;
  const title = note.frontmatter?.fields.title;
  if (old === undefined || !title) throw new ResponseError(ErrorCodes.InvalidRequest, `${note.path} has no title to rename`);
  const text = new NoteText(note, session.library.bodies.get(note, ['source']).source);
  edit(note.path, text.range(text.spanStart(title.value), text.spanEnd(title.value)), yaml);
  const { resolver } = session.library;
  for (const other of session.library.notes) {
    relinks(session, other, (w) => {
      const found = resolver.wikilink(w.target, other.id);
      return found?.kind === 'note' && found.to === note.id && namesSame(w.target, old);
    }, name, edit);
  }
}

function renameConcept(session: Session, concept: Concept, name: string, yaml: string, edit: Edit): void {
  const range = glossaryNameRange(session, concept);
  if (!range) throw new ResponseError(ErrorCodes.InvalidRequest, `the entry of "${concept.name}" in ${GLOSSARY_FILE} could not be found`);
  edit(GLOSSARY_FILE, range, yaml);
  const { resolver } = session.library;
  const lookup = createConceptLookup(session.library.concepts);
  for (const note of session.library.notes) {
    relinks(session, note, (w) => {
      const found = resolver.wikilink(w.target, note.id);
      return found?.kind === 'concept' && found.to === concept.id && namesSame(w.target, concept.name);
    }, name, edit);
    const field = note.frontmatter?.fields.concepts;
    if (!field) continue;
    const text = new NoteText(note, session.library.bodies.get(note, ['source']).source);
    const start = text.spanStart(field.value);
    const value = text.source.slice(start, text.spanEnd(field.value));
    for (const item of value.matchAll(/[^[\],\n]+/gu)) {
      const raw = item[0];
      const lead = /^\s*(?:-\s+)?["']?/u.exec(raw)![0].length;
      const word = raw.slice(lead).replace(/["']?\s*$/u, '');
      if (word === '' || lookup(word)?.id !== concept.id || !namesSame(word, concept.name)) continue;
      const at = start + item.index + lead;
      const quoted = /["']$/u.test(raw.slice(0, lead));
      edit(note.path, text.range(at, at + word.length), quoted ? name : yamlScalar(name));
    }
  }
}

/** Rewrites the target part of every wikilink of `note` that `matches`. */
function relinks(session: Session, note: Note, matches: (w: Wikilink) => boolean, name: string, edit: Edit): void {
  let text: NoteText | undefined;
  for (const w of note.wikilinks) {
    if (!matches(w)) continue;
    text ??= new NoteText(note, session.library.bodies.get(note, ['source']).source);
    const part = targetPart(text.source, text.spanStart(w), text.spanEnd(w));
    if (part) edit(note.path, text.range(part.start, part.end), name);
  }
}

/** Offsets of the written target inside `[[target#heading|label]]` spanning [start, end). */
function targetPart(source: string, start: number, end: number): { start: number; end: number } | null {
  let i = start;
  while (source[i] === '[') i++;
  const inner = source.slice(i, end - 2);
  const cut = inner.search(/[#|]/u);
  const left = cut === -1 ? inner : inner.slice(0, cut);
  const lead = left.length - left.trimStart().length;
  const target = left.trim();
  return target === '' ? null : { start: i + lead, end: i + lead + target.length };
}

const namesSame = (a: string, b: string): boolean => a.trim().toLowerCase() === b.trim().toLowerCase() || phraseKey(a) === phraseKey(b);

/** `name` as a YAML scalar, quoted where a YAML reader would take it for something else. */
function yamlScalar(name: string): string {
  const block = emitFrontmatter([['v', name]]);
  return block.slice(block.indexOf('v: ') + 3, block.lastIndexOf('\n---')).trim();
}

/** The range of a concept's `name` value in concepts.yml (the editor's text when open). */
function glossaryNameRange(session: Session, concept: Concept): Range | null {
  const uri = session.uriOf(GLOSSARY_FILE);
  let text = session.documents.get(uri)?.getText();
  if (text === undefined) {
    try {
      text = readFileSync(path.join(session.library.root, GLOSSARY_FILE), 'utf8');
    } catch {
      return null;
    }
  }
  const lines = new LineCounter();
  const doc = parseDocument(text, { schema: 'core', lineCounter: lines });
  if (!isSeq(doc.contents)) return null;
  for (const item of doc.contents.items) {
    if (!isMap(item)) continue;
    const value: unknown = item.get('name', true);
    if (!isScalar(value) || value.value !== concept.name || !value.range) continue;
    const a = lines.linePos(value.range[0]);
    const b = lines.linePos(value.range[1]);
    return { start: { line: a.line - 1, character: a.col - 1 }, end: { line: b.line - 1, character: b.col - 1 } };
  }
  return null;
}

/**
 * A note file is about to be renamed or moved (`workspace/willRenameFiles`):
 * every `[[link]]` naming it by its file name or path, and every Markdown
 * link to it, is rewritten to the new one, as one edit. Links by title or
 * alias still resolve and stay.
 */
export function renameFiles(session: Session, files: { oldUri: string; newUri: string }[]): WorkspaceEdit {
  const changes: Record<string, TextEdit[]> = {};
  const edit = (file: string, range: Range, newText: string): void => {
    (changes[session.uriOf(file)] ??= []).push({ range, newText });
  };
  const { resolver } = session.library;
  for (const { oldUri, newUri } of files) {
    const from = session.fileOf(oldUri);
    const to = session.fileOf(newUri);
    const moved = from === null ? undefined : session.library.note(from);
    if (!moved || to === null || !to.endsWith('.md')) continue;
    const oldNames = new Set([moved.id.toLowerCase(), moved.path.toLowerCase(), moved.path.toLowerCase().replace(/\.md$/u, '')]);
    const newId = path.posix.basename(to, '.md');
    for (const note of session.library.notes) {
      relinks(session, note, (w) => {
        const found = resolver.wikilink(w.target, note.id);
        return found?.kind === 'note' && found.to === moved.id && oldNames.has(w.target.trim().toLowerCase());
      }, linkName(newId, to), edit);
      let text: NoteText | undefined;
      for (const l of note.links) {
        const found = resolver.href(l.url, note.path);
        if (found?.kind !== 'note' || found.to !== moved.id || l.type === 'image') continue;
        text ??= new NoteText(note, session.library.bodies.get(note, ['source']).source);
        const start = text.spanStart(l);
        const raw = text.source.slice(start, text.spanEnd(l));
        const at = raw.lastIndexOf(l.url);
        if (at === -1) continue;
        const suffix = /[?#].*$/su.exec(l.url)?.[0] ?? '';
        const target = l.url.startsWith('/') ? `/${to}` : path.posix.relative(path.posix.dirname(note.path), to) || path.posix.basename(to);
        edit(note.path, text.range(start + at, start + at + l.url.length), encodeURI(target) + suffix);
      }
    }
  }
  return { changes };
}

/** A wikilink target for the renamed file: its new id, or its path (without .md) when it sits in a folder. */
const linkName = (id: string, file: string): string => (file.includes('/') ? file.replace(/\.md$/u, '') : id);
