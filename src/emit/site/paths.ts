/**
 * Where each page of `dist/site/` lives, and how one page links to another.
 * Paths are from the site's root (`essays/a.html`); hrefs are relative to
 * the linking page, so the folder works from file:// and under any sub-path.
 */
import type { EmitContext } from '../context.js';
import { FIXED_ANCHORS } from '../anchors.js';
import { CLOBBER_PREFIX } from '../html-sanitize.js';
import { anchorSlug } from '../slug.js';
import type { LinkedNote } from '../../types.js';
import { compareCodePoints } from '../../util/sort.js';

/** The folder under the output folder that holds the site. */
export const SITE_DIR = 'site';

/** Fixed pages, from the site root. */
export const SITE_PAGES = {
  home: 'index.html',
  glossary: 'glossary.html',
  bibliography: 'bibliography.html',
  authors: 'authors.html',
  tags: 'tags.html',
  debates: 'debates.html',
  search: 'search.html',
  notFound: '404.html',
} as const;

/** A page and, for a part of it, the fragment (already carrying the sanitiser's id prefix). */
export interface PageTarget {
  page: string;
  fragment: string;
}

/** Page paths of essays, concepts, authors and tags, and where every handbook anchor lands in the site. */
export interface SitePaths {
  essay(id: string): string | undefined;
  concept(id: string): string | undefined;
  /** An author's page (`authors/<slug>.html`), by the name as shown (trimmed). */
  author(name: string): string | undefined;
  /** A tag's page (`tags/<slug>.html`), by the tag as written (trimmed). */
  tag(tag: string): string | undefined;
  /** The first page of chapter `index` (`chapters/<slug>.html`, the slug from the chapter's unique anchor). */
  chapter(index: number): string;
  /** Every tag with a page, by code point. */
  readonly tags: readonly string[];
  /** The page (and fragment) a handbook anchor (`note-a`, `concept-b`, `author-c`…) lands on. */
  anchor(anchor: string): PageTarget | undefined;
}

/**
 * A name that is safe as one file name everywhere: letters, digits, `.`, `_`,
 * `-` and spaces, not starting with a dot. Other ids use their ASCII anchor
 * slug, which is unique too (anchors.ts).
 */
const SAFE_NAME = /^[\p{L}\p{N}_ -][\p{L}\p{N}._ -]*$/u;

/** Builds the paths of a library (linear in notes + sections + concepts + authors). */
export function sitePaths(ctx: EmitContext): SitePaths {
  const essays = new Map<string, string>();
  const concepts = new Map<string, string>();
  const anchors = new Map<string, PageTarget>();
  const part = (page: string, anchor: string): PageTarget => ({ page, fragment: `${CLOBBER_PREFIX}${anchor}` });
  for (const { note } of ctx.library.notes) {
    const anchor = ctx.anchors.note(note.id)!;
    const page = `essays/${SAFE_NAME.test(note.id) && note.id.length <= 200 ? note.id : anchor}.html`;
    essays.set(note.id, page);
    anchors.set(anchor, { page, fragment: '' });
    for (let i = 0, section = ctx.anchors.sectionAt(note.id, 0); section !== undefined; section = ctx.anchors.sectionAt(note.id, ++i)) {
      anchors.set(section, part(page, section));
    }
  }
  for (const { concept } of ctx.library.concepts) {
    const page = `concepts/${concept.id}.html`;
    concepts.set(concept.id, page);
    anchors.set(ctx.anchors.concept(concept.id)!, { page, fragment: '' });
  }
  // An author's anchor (`author-<slug>`, unique) names their page, so the byline's links land on it.
  const authors = new Map<string, string>();
  for (const name of ctx.authors) {
    const anchor = ctx.anchors.author(name);
    if (!anchor) continue;
    const page = `authors/${anchor.slice('author-'.length)}.html`;
    authors.set(name, page);
    anchors.set(anchor, { page, fragment: '' });
  }
  const tags = new Map<string, string>();
  const taken = new Set<string>();
  for (const tag of noteTags(ctx.library.notes)) {
    let slug = anchorSlug(tag);
    for (let n = 2; taken.has(slug); n++) slug = `${anchorSlug(tag)}-${n}`;
    taken.add(slug);
    tags.set(tag, `tags/${slug}.html`);
  }
  const chapters = ctx.chapters.map((_, i) => `chapters/${ctx.anchors.chapter(i).replace(/^chapter-/, '')}.html`);
  ctx.chapters.forEach((_, i) => anchors.set(ctx.anchors.chapter(i), part(SITE_PAGES.home, ctx.anchors.chapter(i))));
  anchors.set(FIXED_ANCHORS.glossary, { page: SITE_PAGES.glossary, fragment: '' });
  anchors.set(FIXED_ANCHORS.bibliography, { page: SITE_PAGES.bibliography, fragment: '' });
  anchors.set(FIXED_ANCHORS.authors, { page: SITE_PAGES.authors, fragment: '' });
  anchors.set(FIXED_ANCHORS.debates, { page: SITE_PAGES.debates, fragment: '' });
  for (const debate of ctx.debates) anchors.set(debate.anchor, part(SITE_PAGES.debates, debate.anchor));
  anchors.set(FIXED_ANCHORS.contents, { page: SITE_PAGES.home, fragment: '' });
  anchors.set(FIXED_ANCHORS.map, part(SITE_PAGES.home, FIXED_ANCHORS.map));
  anchors.set(FIXED_ANCHORS.title, { page: SITE_PAGES.home, fragment: '' });
  return {
    essay: (id) => essays.get(id),
    concept: (id) => concepts.get(id),
    author: (name) => authors.get(name),
    tag: (tag) => tags.get(tag),
    chapter: (index) => chapters[index]!,
    tags: [...tags.keys()],
    anchor: (a) => anchors.get(a),
  };
}

/** A note's tags as shown: trimmed, empty ones dropped, each once, order as written. */
export const tagsOf = (linked: LinkedNote): string[] => [...new Set(linked.note.meta.tags.map((t) => t.trim()).filter((t) => t !== ''))];

/** Every tag of `notes`, each once, by code point (so slugs are claimed in a fixed order). */
function noteTags(notes: readonly LinkedNote[]): string[] {
  return [...new Set(notes.flatMap(tagsOf))].sort(compareCodePoints);
}

/** The relative href from page `from` to `to` (both from the site root), each segment percent-encoded. */
export function hrefFrom(from: string, to: string, fragment = ''): string {
  const up = '../'.repeat(from.split('/').length - 1);
  const path = to.split('/').map(encodeURIComponent).join('/');
  return `${up}${path}${fragment ? `#${fragment}` : ''}`;
}

/** The href from page `from` to the site root's folder (`''` or `../`), for shared assets. */
export const rootFrom = (from: string): string => '../'.repeat(from.split('/').length - 1);
