/**
 * Completion, from where the cursor is: after `[[` the library's note
 * titles, aliases and concepts (matched fuzzily, each with its kind and a
 * preview), after `[[Title#` that note's headings; in front matter the
 * values of `concepts:` (the glossary), `tags:` (those used in the
 * library) and `kind:`; on a heading line the required sections the note
 * does not have yet.
 */
import {
  CompletionItemKind,
  MarkupKind,
  type CompletionItem,
  type CompletionList,
  type Position,
  type Range,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { KINDS } from '../check/fields.js';
import { compareCodePoints } from '../util/sort.js';
import { describeConcept, describeNote } from './describe.js';
import { fuzzyTop } from './fuzzy.js';
import type { Session } from './session.js';

/** Most items returned at once; the list says it is incomplete beyond that, so the client asks again as the user types. */
export const MAX_ITEMS = 100;

const EMPTY: CompletionList = { isIncomplete: false, items: [] };

/** The completion list at `position` of the document `uri`. */
export function complete(session: Session, uri: string, position: Position): CompletionList {
  const document = session.documents.get(uri);
  if (!document) return EMPTY;
  const before = document.getText({ start: { line: position.line, character: 0 }, end: position });
  const after = document.getText({ start: position, end: { line: position.line, character: position.character + 2 } });
  const open = before.lastIndexOf('[[');
  if (open !== -1 && !before.slice(open).includes(']]')) return wikilinkItems(session, uri, before.slice(open + 2), position, open + 2, after.startsWith(']]'));
  const key = frontmatterKey(document, position.line);
  if (key !== null) return valueItems(session, session.fileOf(uri), key, before, position);
  if (/^#{1,6}[^#]*$/u.test(before)) return headingItems(session, uri, position);
  return EMPTY;
}

/** Notes (by title and alias) and concepts (by name and alias) for the text typed after `[[`. */
function wikilinkItems(session: Session, uri: string, typed: string, position: Position, start: number, closed: boolean): CompletionList {
  if (typed.includes('|')) return EMPTY;
  const range: Range = { start: { line: position.line, character: start }, end: position };
  const hash = typed.indexOf('#');
  if (hash !== -1) return headingLinkItems(session, uri, typed.slice(0, hash), typed.slice(hash + 1), { ...range, start: { ...range.start, character: start + hash + 1 } }, closed);
  const self = session.fileOf(uri);
  // A note linking to itself is never what is being typed.
  const top = fuzzyTop(typed, linkNames(session), (n) => n.label, MAX_ITEMS + 1);
  const found = top.items.filter((n) => n.path !== self).slice(0, MAX_ITEMS);
  const items = found.map((n, i): CompletionItem => ({
    label: n.label,
    kind: n.kind,
    detail: n.detail,
    // The first few carry their preview; the rest get it on `completionItem/resolve` (a summary may have to be loaded from the cache).
    ...(i < EAGER_DOCS ? { documentation: { kind: MarkupKind.Markdown, value: n.doc() } } : { data: n.path === null ? { concept: n.label } : { path: n.path } }),
    sortText: String(i).padStart(4, '0'),
    filterText: n.label,
    textEdit: { range, newText: closed ? n.label : `${n.label}]]` },
  }));
  return { isIncomplete: top.more, items };
}

/** How many `[[` items carry their documentation in the list itself. */
const EAGER_DOCS = 10;

/** Adds the preview to an item from the list (`completionItem/resolve`). */
export function resolveCompletion(session: Session, item: CompletionItem): CompletionItem {
  const data = item.data as { path?: unknown; concept?: unknown } | undefined;
  if (typeof data?.path === 'string') {
    const note = session.library.note(data.path);
    if (note) return { ...item, documentation: { kind: MarkupKind.Markdown, value: describeNote(note) } };
  }
  if (typeof data?.concept === 'string') {
    const written = data.concept.toLowerCase();
    const concept = session.library.concepts.find((c) => [c.name, ...c.aliases].some((name) => name.toLowerCase() === written));
    if (concept) return { ...item, documentation: { kind: MarkupKind.Markdown, value: describeConcept(concept) } };
  }
  return item;
}

interface LinkName {
  label: string;
  kind: CompletionItemKind;
  detail: string;
  /** The note's path, for a title or alias. */
  path: string | null;
  /** Written only for the items returned (10,000 summaries would cost ~10 ms). */
  doc: () => string;
}

const namesCache = new WeakMap<Session, { names: number; list: LinkName[] }>();

/** Every title, alias and concept name a `[[link]]` can use (kept while the names are unchanged). */
function linkNames(session: Session): LinkName[] {
  const { library } = session;
  const kept = namesCache.get(session);
  if (kept?.names === library.namesVersion) return kept.list;
  const names: LinkName[] = [];
  for (const note of library.notes) {
    const path = note.path;
    const doc = (): string => describeNote(library.note(path) ?? note); // the summary as it is now
    if (note.meta.title) names.push({ label: note.meta.title, kind: CompletionItemKind.File, detail: `note · ${path}`, path, doc });
    for (const alias of note.meta.aliases) names.push({ label: alias, kind: CompletionItemKind.Reference, detail: `alias of "${note.meta.title ?? note.id}" · ${path}`, path, doc });
  }
  for (const concept of library.concepts) {
    const doc = (): string => describeConcept(concept);
    names.push({ label: concept.name, kind: CompletionItemKind.Class, detail: 'concept', path: null, doc });
    for (const alias of concept.aliases) names.push({ label: alias, kind: CompletionItemKind.Class, detail: `alias of concept "${concept.name}"`, path: null, doc });
  }
  namesCache.set(session, { names: library.namesVersion, list: names });
  return names;
}

/** The headings of the note `[[target#` names. */
function headingLinkItems(session: Session, uri: string, target: string, typed: string, range: Range, closed: boolean): CompletionList {
  const from = session.noteAt(uri)?.note;
  const resolved = session.library.resolver.wikilink(target, from?.id ?? ('' as never));
  const note = resolved?.kind === 'note' ? session.library.notes.find((n) => n.id === resolved.to) : undefined;
  if (!note) return EMPTY;
  const top = fuzzyTop(typed, note.sections, (s) => s.heading, MAX_ITEMS);
  return {
    isIncomplete: top.more,
    items: top.items.map((s, i) => ({ label: s.heading, kind: CompletionItemKind.Field, detail: `heading in ${note.path}`, sortText: String(i).padStart(4, '0'), textEdit: { range, newText: closed ? s.heading : `${s.heading}]]` } })),
  };
}

/** The top-level front-matter key whose value the cursor is in, or null outside the front matter. */
export function frontmatterKey(document: TextDocument, line: number): string | null {
  const first = document.getText({ start: { line: 0, character: 0 }, end: { line: 1, character: 0 } }).replace(/^\uFEFF/u, '');
  if (first.trimEnd() !== '---' || line === 0) return null;
  for (let i = 1; i < line; i++) {
    const text = document.getText({ start: { line: i, character: 0 }, end: { line: i + 1, character: 0 } }).trimEnd();
    if (text === '---' || text === '...') return null;
  }
  for (let i = line; i >= 1; i--) {
    const text = document.getText({ start: { line: i, character: 0 }, end: { line: i + 1, character: 0 } });
    const key = /^([A-Za-z_][\w-]*)\s*:/u.exec(text)?.[1];
    if (key !== undefined) return key;
    if (!/^\s/u.test(text)) return null;
  }
  return null;
}

/** Values for the front-matter `key`: concepts, tags or kinds, replacing the word being typed. */
function valueItems(session: Session, file: string | null, key: string, before: string, position: Position): CompletionList {
  const { library } = session;
  let values: { label: string; detail: string; doc?: string }[];
  if (key === 'concepts') values = library.concepts.map((c) => ({ label: c.name, detail: 'concept', doc: describeConcept(c) }));
  else if (key === 'tags') values = tagCounts(session, file).map(([tag, count]) => ({ label: tag, detail: `tag · ${count} note${count === 1 ? '' : 's'}` }));
  else if (key === 'kind') values = KINDS.map((kind) => ({ label: kind, detail: 'kind of work' }));
  else return EMPTY;
  // The word being typed starts after the key's colon, a `[`, a comma or a list dash.
  const word = /(?:^[\w-]+\s*:|[[,]|^\s*-)\s*([^[\],]*)$/u.exec(before);
  const typed = word?.[1] ?? '';
  const range: Range = { start: { line: position.line, character: position.character - typed.length }, end: position };
  const top = fuzzyTop(typed, values, (v) => v.label, MAX_ITEMS);
  return {
    isIncomplete: top.more,
    items: top.items.map((v, i) => ({
      label: v.label,
      kind: key === 'concepts' ? CompletionItemKind.Class : CompletionItemKind.Value,
      detail: v.detail,
      ...(v.doc ? { documentation: { kind: MarkupKind.Markdown, value: v.doc } } : {}),
      sortText: String(i).padStart(4, '0'),
      textEdit: { range, newText: v.label },
    })),
  };
}

/** Every tag the other notes use, with their number of notes, most used first (the note being edited would offer its own half-typed tag). */
function tagCounts(session: Session, except: string | null): [string, number][] {
  const counts = new Map<string, number>();
  for (const note of session.library.notes) if (note.path !== except) for (const tag of new Set(note.meta.tags)) counts.set(tag, (counts.get(tag) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || compareCodePoints(a[0], b[0]));
}

/** The configured sections the note lacks, as whole heading lines. */
function headingItems(session: Session, uri: string, position: Position): CompletionList {
  const note = session.noteAt(uri)?.note;
  const { config } = session.library;
  const present = new Set(note?.sections.map((s) => s.key) ?? []);
  const prefix = '#'.repeat(config.sectionDepth);
  const range: Range = { start: { line: position.line, character: 0 }, end: position };
  const items = config.sections
    .filter((spec) => !present.has(spec.key))
    .map((spec, i): CompletionItem => ({
      label: `${prefix} ${spec.heading}`,
      kind: CompletionItemKind.Snippet,
      detail: 'required section, missing from this note',
      sortText: String(i).padStart(4, '0'),
      textEdit: { range, newText: `${prefix} ${spec.heading}` },
    }));
  return { isIncomplete: false, items };
}
