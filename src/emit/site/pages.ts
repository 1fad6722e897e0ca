/**
 * The content of each site page as hast. Note text goes through the
 * handbook's renderer (html-essay.ts) and sanitiser (html-sanitize.ts) after
 * its last transform (links re-pointed to pages, headings re-levelled);
 * the page's own parts are built with hastscript, which escapes every text.
 */
import type { Element, ElementContent, Root, RootContent as HastContent } from 'hast';
import { h } from 'hastscript';
import type { ListItem, RootContent } from 'mdast';
import { visit } from 'unist-util-visit';
import { unlinkWikilinks } from '../../read/wikilinks.js';
import type { LinkedNote } from '../../types.js';
import { noteTitle } from '../chapters.js';
import { noteAuthors } from '../context.js';
import { toHast } from '../html-essay.js';
import { sanitizeFragment } from '../html-sanitize.js';
import type { EmitMemo } from '../memo.js';
import type { ChapterPart, EssayPart, HandbookModel } from '../model.js';
import { picturesSection, type LibraryGraph } from '../pictures/index.js';
import type { NeighbourLookup } from '../pictures/neighbourhood.js';
import { withBibliographyItems } from './back-pages.js';
import { countLine, essayCount, pageNav, type ListPage, type SitePaging } from './paging.js';
import { hrefFrom, SITE_PAGES, type SitePaths } from './paths.js';

/** Where a page is and what it links with. */
export interface PageContext {
  model: HandbookModel;
  paths: SitePaths;
  /** The library's graph and the lookups of the neighbourhood pictures (made once a build). */
  graph: LibraryGraph;
  neighbours: NeighbourLookup;
  /** Where rendered pages, concordance sentences and the map's layout are kept (see memo.ts), if anywhere. */
  memo: EmitMemo | undefined;
  /** Page sizes of the long lists (chapters, concordances, authors, tags). */
  paging: SitePaging;
}

/**
 * Points the handbook's in-page links (`#note-a`, `#concept-b`) at the pages
 * that hold those parts; links to a part of `from` itself stay fragments.
 */
function relink(tree: Root | Element, from: string, paths: SitePaths): void {
  visit(tree, 'element', (node: Element) => {
    const href = node.properties.href;
    if (typeof href !== 'string' || !href.startsWith('#')) return;
    const target = paths.anchor(href.slice(1));
    if (target && target.page !== from) node.properties.href = hrefFrom(from, target.page, target.fragment);
  });
}

/** Lifts every heading by `by` levels (an essay's h3 title becomes the page's h1). */
function lift(tree: Root | Element, by: number): void {
  visit(tree, 'element', (node: Element) => {
    const level = /^h([1-6])$/.exec(node.tagName);
    if (level) node.tagName = `h${Math.max(1, Number(level[1]) - by)}`;
  });
}

/** Handbook mdast as safe hast for page `from`: relinked, lifted, sanitised last. */
export function safe(nodes: ElementContent[], from: string, paths: SitePaths, liftBy: number): HastContent[] {
  const root: Root = { type: 'root', children: nodes };
  relink(root, from, paths);
  lift(root, liftBy);
  return sanitizeFragment(root.children);
}

const essayMeta = (linked: LinkedNote): string =>
  [linked.note.meta.year === undefined ? '' : String(linked.note.meta.year), noteAuthors(linked).join(', ')].filter(Boolean).join(' · ');

/** The summary's first sentence (or its first 200 characters), for lists. */
export function oneLine(linked: LinkedNote): string {
  const text = unlinkWikilinks(linked.note.summary?.text ?? '').replace(/\s+/g, ' ').trim();
  const sentence = /^.*?[.!?](?=\s|$)/.exec(text)?.[0] ?? text;
  return sentence.length > 200 ? `${sentence.slice(0, 199).trimEnd()}…` : sentence;
}

/**
 * Home: title page (title, subtitle, editor, counts), the map, then each
 * chapter with its count and its first `paging.previewEssays` essays; a longer
 * chapter links its own pages for the rest.
 */
export function homeMain({ model, paths, graph, memo, paging }: PageContext): HastContent[] {
  const from = SITE_PAGES.home;
  const title = safe(toHast(model.titlePage), from, paths, 0);
  // Trusted SVG built from escaped text (pictures/index.ts): added after sanitising, not through it.
  const pictures = picturesSection(graph, (id) => {
    const page = paths.essay(id);
    return page && hrefFrom(from, page);
  }, memo);
  const chapters = model.chapters.map((chapter, i) => {
    const to = hrefFrom(from, paths.chapter(i));
    const shown = chapter.essays.slice(0, paging.previewEssays);
    const more = chapter.essays.length > shown.length;
    return h('section', { className: ['chapter'], ariaLabelledBy: `user-content-${chapter.anchor}` }, [
      h('h2', { id: `user-content-${chapter.anchor}` }, [h('a', { href: to }, chapter.title)]),
      h('p', { className: ['chapter-count'] }, essayCount(chapter.essays.length)),
      h('ul', { className: ['essay-list'] }, shown.map((essay) => essayItem(essay.linked, from, paths))),
      ...(more ? [h('p', { className: ['chapter-more'] }, [h('a', { href: to }, `All ${essayCount(chapter.essays.length)} in ${chapter.title} →`)])] : []),
    ]);
  });
  return [h('div', { className: ['site-title', 'home-title'] }, title), ...(pictures ? [pictures] : []), ...chapters];
}

/** One page of a chapter's essays (`chapters/<slug>.html`, then `chapters/<slug>/page-2.html`…), in reading order. */
export function chapterMain(chapter: ChapterPart, page: ListPage<EssayPart>, { paths }: Pick<PageContext, 'paths'>): HastContent[] {
  const nav = pageNav(page, chapter.title);
  return [
    h('p', { className: ['chapter-link'] }, [h('a', { href: hrefFrom(page.path, SITE_PAGES.home, `user-content-${chapter.anchor}`) }, 'Contents')]),
    h('h1', chapter.title),
    h('p', { className: ['counts'] }, countLine(page)),
    h('ul', { className: ['essay-list'] }, page.items.map((essay) => essayItem(essay.linked, page.path, paths))),
    ...(nav ? [nav] : []),
  ];
}

/** An essay in a list: its title linked, year and authors, and its summary's first sentence. */
export function essayItem(linked: LinkedNote, from: string, paths: SitePaths): Element {
  const meta = essayMeta(linked);
  const line = oneLine(linked);
  return h('li', [
    h('a', { href: hrefFrom(from, paths.essay(linked.note.id)!) }, noteTitle(linked)),
    meta ? h('span', { className: ['essay-meta'] }, ` · ${meta}`) : '',
    line ? h('p', { className: ['essay-line'] }, line) : '',
  ]);
}

/** Links to the tags' pages, comma-separated, from page `from`. */
export function tagLinks(tags: readonly string[], from: string, { paths }: Pick<PageContext, 'paths'>): (Element | string)[] {
  return tags.flatMap((tag, i) => {
    const to = paths.tag(tag);
    return [...(i > 0 ? [', '] : []), to ? h('a', { href: hrefFrom(from, to), rel: 'tag' }, tag) : tag];
  });
}

/** A back-matter part of the handbook (glossary, bibliography, authors) as its own page. */
export function backMatterMain(nodes: RootContent[], from: string, { paths }: PageContext): HastContent[] {
  return safe(toHast(nodes), from, paths, 1);
}

/** One page of the bibliography: the handbook's, its list holding this page's sources, with the page navigation. */
export function bibliographyMain(nodes: RootContent[], part: ListPage<ListItem>, context: PageContext): HastContent[] {
  const out = backMatterMain(withBibliographyItems(nodes, part.items), part.path, context);
  const nav = pageNav(part, 'Bibliography');
  if (!nav) return out;
  const at = out.findIndex((node) => node.type === 'element' && node.tagName === 'h1');
  out.splice(at + 1, 0, h('p', { className: ['counts'] }, countLine(part).replace(/essays?/, (w) => (w === 'essay' ? 'source' : 'sources'))));
  return [...out, nav];
}

/** The 404 page: a way back home. */
export function notFoundMain(): HastContent[] {
  return [h('h1', 'Page not found'), h('p', ['This page is not in the handbook. ', h('a', { href: hrefFrom(SITE_PAGES.notFound, SITE_PAGES.home) }, 'Go to the contents'), '.'])];
}

/** The search page: a labelled box, a live status line and the results list (filled by assets/search.js). */
export function searchMain(): HastContent[] {
  return [
    h('div', { className: ['search-page'], role: 'search' }, [
      h('h1', 'Search'),
      h('label', { htmlFor: 'search-input' }, 'Search the essays (ranked as commonplace search ranks them)'),
      h('input', { id: 'search-input', type: 'search', autoComplete: 'off', spellCheck: 'false', ariaDescribedBy: 'search-status' }),
      h('p', { id: 'search-status', className: ['search-status'], ariaLive: 'polite' }),
      h('ol', { id: 'search-results' }),
    ]),
  ];
}
