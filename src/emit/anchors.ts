/**
 * Every anchor in the handbook, made in one place so the Markdown and the
 * HTML emitters (and the search index) link to the same targets.
 *
 * Shapes: `title`, `contents`, `glossary`, `bibliography`, `authors`,
 * `chapter-<slug>`, `note-<slug>`, `note-<slug>--<section slug>`,
 * `concept-<slug>`, `author-<slug>`. Slugs are ASCII (see `anchorSlug`);
 * a clash gets `-2`, `-3`… in a fixed order (notes by id, then sections in
 * note order, concepts by id, authors by code point), so anchors are stable.
 */
import type { Config } from '../config.js';
import type { ConceptId, Library, NoteId } from '../types.js';
import { compareCodePoints, sortBy } from '../util/sort.js';
import type { Chapter } from './chapters.js';
import { anchorSlug } from './slug.js';

/** Fixed anchors of the handbook's fixed parts. */
export const FIXED_ANCHORS = {
  title: 'title',
  contents: 'contents',
  glossary: 'glossary',
  bibliography: 'bibliography',
  authors: 'authors',
  debates: 'debates',
  /** The HTML handbook's map and timeline (src/emit/pictures). */
  map: 'map',
} as const;

/** Lookup of every anchor; ids not in the library have no anchor (undefined). */
export interface Anchors {
  note(id: NoteId | string): string | undefined;
  /** A section of a note by its heading text as written (or slugged). */
  section(id: NoteId | string, heading: string): string | undefined;
  /** The anchor of a note's `index`-th section (in `splitNote` order). */
  sectionAt(id: NoteId | string, index: number): string | undefined;
  concept(id: ConceptId | string): string | undefined;
  chapter(index: number): string;
  author(name: string): string | undefined;
}

/**
 * Builds all anchors for a library whose chapters are already grouped.
 * Sections are the notes' heads' (`Section.title`), those `splitNote` makes
 * sections of (depth ≤ `config.sectionDepth`): no note body is fetched.
 */
export function createAnchors(library: Library, chapters: Chapter[], authors: string[], config: Config): Anchors {
  const used = new Set<string>(Object.values(FIXED_ANCHORS));
  const claim = (wanted: string): string => {
    let anchor = wanted;
    for (let n = 2; used.has(anchor); n++) anchor = `${wanted}-${n}`;
    used.add(anchor);
    return anchor;
  };
  const chapterAnchors = chapters.map((c) => claim(`chapter-${anchorSlug(c.title)}`));
  const byId = sortBy(library.notes, (n) => n.note.id);
  const notes = new Map<string, string>();
  for (const linked of byId) notes.set(linked.note.id, claim(`note-${anchorSlug(linked.note.id)}`));
  const sections = new Map<string, Map<string, string>>();
  const sectionList = new Map<string, string[]>();
  for (const linked of byId) {
    const base = notes.get(linked.note.id)!;
    const bySlug = new Map<string, string>();
    const list: string[] = [];
    for (const section of linked.note.sections.filter((s) => s.depth <= config.sectionDepth)) {
      // Every section heading gets its own anchor (two "Notes" headings get `…--notes` and `…--notes-2`);
      // a `[[note#Notes]]` link goes to the first.
      const slug = anchorSlug(section.title);
      const anchor = claim(`${base}--${slug}`);
      list.push(anchor);
      if (!bySlug.has(slug)) bySlug.set(slug, anchor);
    }
    sections.set(linked.note.id, bySlug);
    sectionList.set(linked.note.id, list);
  }
  const concepts = new Map<string, string>();
  for (const linked of sortBy(library.concepts, (c) => c.concept.id)) concepts.set(linked.concept.id, claim(`concept-${anchorSlug(linked.concept.id)}`));
  const authorAnchors = new Map<string, string>();
  for (const name of [...authors].sort(compareCodePoints)) {
    if (!authorAnchors.has(name)) authorAnchors.set(name, claim(`author-${anchorSlug(name)}`));
  }
  return {
    note: (id) => notes.get(id),
    section: (id, heading) => sections.get(id)?.get(anchorSlug(heading)),
    sectionAt: (id, index) => sectionList.get(id)?.[index],
    concept: (id) => concepts.get(id),
    chapter: (index) => chapterAnchors[index] ?? FIXED_ANCHORS.contents,
    author: (name) => authorAnchors.get(name),
  };
}
