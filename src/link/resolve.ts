/**
 * Explicit links: `[[Title]]`, `[[Title|label]]`, `[[alias]]`, `[[concept]]`,
 * `[[Title#heading]]`, and Markdown links to another note's file
 * (`other.md`, `./sub/other.md#x`, `../other.md`, `[x][ref]` definitions),
 * resolved to a note or a concept; then backlinks for every note and concept.
 *
 * Wikilink resolution, first hit wins (all case-insensitive):
 * 1. a note by id, path (with or without `.md`), title or alias, exactly;
 * 2. a concept by id, name or alias (compared as normalised phrases);
 * 3. a note by title or alias compared as normalised phrases
 *    (`[[Conway’s Laws]]` finds the note titled "Conway's law").
 * Two notes answering to one name resolve to the smaller id (lint reports the
 * clash). `[[#heading]]` links the note to itself. Unresolved links are
 * returned separately for the broken-link rule; they never throw.
 *
 * Complexity: O(notes + concepts) to index, O(1) per wikilink (hash
 * lookups), O(path length) per Markdown link; backlinks O(links log links).
 */
import path from 'node:path';
import type { Concept, ConceptId, Link, Note, NoteId, Span } from '../types.js';
import { compareCodePoints, sortBy } from '../util/sort.js';
import { createConceptLookup } from './glossary.js';
import { phraseKey } from './phrase.js';

/** Where a link points. */
export interface LinkTarget {
  kind: 'note' | 'concept';
  to: string;
}

/** A link whose target matched no note or concept. */
export interface UnresolvedLink extends Span {
  from: NoteId;
  via: 'wikilink' | 'markdown';
  /** The target as written (wikilink target or URL). */
  target: string;
}

/** Resolves link targets against one library. */
export interface LinkResolver {
  /** A `[[target]]` (target only: no `|label`, no `#heading`) seen from note `from`. */
  wikilink(target: string, from: NoteId): LinkTarget | null;
  /**
   * A Markdown link URL seen from the note at `fromPath`. Returns undefined for
   * URLs that are not meant as note links (a scheme, `//host`, `#anchor` only,
   * a non-Markdown file), null for a note link that matches no note.
   */
  href(url: string, fromPath: string): LinkTarget | null | undefined;
  /**
   * A note named in front matter (`relations:`): by id, path, title or alias
   * as a wikilink would find it, but never a concept; null when none.
   */
  note(target: string): NoteId | null;
}

/** What link resolution reads of a note: its id, path, title and aliases. */
export type NoteNames = Pick<Note, 'id' | 'path'> & { meta: Pick<Note['meta'], 'title' | 'aliases'> };

/** Indexes notes and concepts for link resolution. */
export function createLinkResolver(notes: readonly NoteNames[], concepts: readonly Concept[]): LinkResolver {
  const byId = new Map<string, NoteId>();
  const byPath = new Map<string, NoteId>();
  const exact = new Map<string, NoteId>();
  const loose = new Map<string, NoteId>();
  const claim = (map: Map<string, NoteId>, key: string, id: NoteId) => {
    const held = map.get(key);
    if (key !== '' && (held === undefined || compareCodePoints(id, held) < 0)) map.set(key, id);
  };
  for (const note of notes) {
    claim(byId, note.id.toLowerCase(), note.id);
    claim(byPath, note.path, note.id);
    claim(byPath, note.path.toLowerCase(), note.id);
    for (const name of [note.meta.title, ...note.meta.aliases]) {
      if (typeof name !== 'string') continue;
      claim(exact, name.trim().toLowerCase(), note.id);
      claim(loose, phraseKey(name), note.id);
    }
  }
  const concept = createConceptLookup(concepts);
  const note = (id: NoteId | undefined): LinkTarget | null => (id === undefined ? null : { kind: 'note', to: id });

  const noteNamed = (written: string): NoteId | null => {
    const lower = written.trim().toLowerCase();
    if (lower === '') return null;
    return byId.get(lower) ?? byPath.get(lower) ?? byPath.get(`${lower}.md`) ?? exact.get(lower) ?? loose.get(phraseKey(written)) ?? null;
  };

  return {
    note: noteNamed,
    wikilink(target, from) {
      const written = target.trim();
      if (written === '') return { kind: 'note', to: from };
      const lower = written.toLowerCase();
      const direct = byId.get(lower) ?? byPath.get(lower) ?? byPath.get(`${lower}.md`) ?? exact.get(lower);
      if (direct) return note(direct);
      const found = concept(written);
      if (found) return { kind: 'concept', to: found.id };
      return note(loose.get(phraseKey(written)));
    },
    href(url, fromPath) {
      const trimmed = url.trim();
      if (trimmed === '' || trimmed.startsWith('#') || trimmed.startsWith('//') || /^[a-z][a-z0-9+.-]*:/iu.test(trimmed)) return undefined;
      let file = trimmed.replace(/[?#].*$/su, '');
      try {
        file = decodeURI(file);
      } catch {
        // A malformed escape: look the path up as written.
      }
      if (!/\.(?:md|markdown)$/iu.test(file)) return undefined;
      const joined = file.startsWith('/') ? file.slice(1) : path.posix.join(path.posix.dirname(fromPath), file);
      const normal = path.posix.normalize(joined);
      if (normal.startsWith('../')) return null; // outside the library
      return note(byPath.get(normal) ?? byPath.get(normal.toLowerCase()));
    },
  };
}

/**
 * Every note's resolved links (each list in source order) and the ones that
 * resolved to nothing; only those of the notes in `of` (targets are always
 * every note), with `resolver` made from `notes` unless given.
 */
export function resolveLinks(
  notes: readonly Note[],
  concepts: readonly Concept[],
  of: readonly Note[] = notes,
  resolver: LinkResolver = createLinkResolver(notes, concepts),
): { links: Map<NoteId, Link[]>; unresolved: UnresolvedLink[] } {
  const links = new Map<NoteId, Link[]>();
  const unresolved: UnresolvedLink[] = [];
  for (const from of of) {
    const out: Link[] = [];
    const span = (s: Span): Span => ({ line: s.line, column: s.column, endLine: s.endLine, endColumn: s.endColumn });
    for (const w of from.wikilinks) {
      const target = resolver.wikilink(w.target, from.id);
      if (target) out.push({ from: from.id, kind: target.kind, to: target.to, via: 'wikilink', ...span(w) });
      else unresolved.push({ from: from.id, via: 'wikilink', target: w.target, ...span(w) });
    }
    for (const l of from.links) {
      if (l.type === 'image') continue;
      const target = resolver.href(l.url, from.path);
      if (target) out.push({ from: from.id, kind: target.kind, to: target.to, via: 'markdown', ...span(l) });
      else if (target === null) unresolved.push({ from: from.id, via: 'markdown', target: l.url, ...span(l) });
    }
    links.set(from.id, sortBy(out, (l) => l.line, (l) => l.column, (l) => l.kind, (l) => l.to));
  }
  return { links, unresolved: sortBy(unresolved, (u) => u.from, (u) => u.line, (u) => u.column) };
}

/** Who links to whom: for each note and concept, the sorted, distinct notes linking to it (self-links left out). */
export function computeBacklinks(links: Iterable<Link>): { notes: Map<NoteId, NoteId[]>; concepts: Map<ConceptId, NoteId[]> } {
  const notes = new Map<NoteId, Set<NoteId>>();
  const concepts = new Map<ConceptId, Set<NoteId>>();
  for (const link of links) {
    if (link.kind === 'note' && link.to === link.from) continue;
    const map = (link.kind === 'note' ? notes : concepts) as Map<string, Set<NoteId>>;
    let set = map.get(link.to);
    if (!set) map.set(link.to, (set = new Set()));
    set.add(link.from);
  }
  const sorted = <K>(map: Map<K, Set<NoteId>>) => new Map([...map].map(([k, v]) => [k, [...v].sort(compareCodePoints)] as const));
  return { notes: sorted(notes), concepts: sorted(concepts) };
}
