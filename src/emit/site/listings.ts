/**
 * Author and tag pages: one page per author (`authors/<slug>.html`) and per
 * tag (`tags/<slug>.html`) listing their essays, and the two index pages
 * (`authors.html`, `tags.html`) listing them with their counts. Built with
 * hastscript from names and titles only (every text escaped); no note
 * content reaches these pages but the one-line summaries, as plain text.
 */
import type { Element, RootContent as HastContent } from 'hast';
import { h } from 'hastscript';
import type { LinkedNote } from '../../types.js';
import { compareCodePoints, sortBy } from '../../util/sort.js';
import { noteTitle } from '../chapters.js';
import { noteAuthors } from '../context.js';
import { essayItem, tagLinks, type PageContext } from './pages.js';
import { countLine, essayCount, pageNav, type ListPage } from './paging.js';
import { hrefFrom, SITE_PAGES, tagsOf } from './paths.js';

/** Essays grouped by a key (each author of a note, or each tag), each group by year, title and id. */
function groupBy(notes: readonly LinkedNote[], keys: (linked: LinkedNote) => string[]): Map<string, LinkedNote[]> {
  const groups = new Map<string, LinkedNote[]>();
  for (const linked of notes) {
    for (const key of keys(linked)) {
      const list = groups.get(key);
      if (list) list.push(linked);
      else groups.set(key, [linked]);
    }
  }
  for (const [key, list] of groups) groups.set(key, byYear(list));
  return groups;
}

const byYear = (notes: readonly LinkedNote[]): LinkedNote[] =>
  sortBy(notes, (n) => (n.note.meta.year === undefined ? 1 : 0), (n) => n.note.meta.year ?? 0, noteTitle, (n) => n.note.id);

/** Each author's essays and each tag's, computed once per build for all their pages. */
export interface Listings {
  byAuthor: Map<string, LinkedNote[]>;
  byTag: Map<string, LinkedNote[]>;
}

export function listings(notes: readonly LinkedNote[]): Listings {
  return { byAuthor: groupBy(notes, noteAuthors), byTag: groupBy(notes, tagsOf) };
}

/** An index page: every name linked to its page, with its essay count. */
function indexMain(title: string, from: string, names: readonly string[], page: (name: string) => string | undefined, essays: Map<string, LinkedNote[]>, empty: string): HastContent[] {
  if (names.length === 0) return [h('h1', title), h('p', { className: ['notice'] }, empty)];
  const items = names.flatMap((name) => {
    const to = page(name);
    return to ? [h('li', [h('a', { href: hrefFrom(from, to) }, name), h('span', { className: ['essay-meta'] }, ` · ${essayCount(essays.get(name)?.length ?? 0)}`)])] : [];
  });
  return [h('h1', title), h('ul', { className: ['name-index'] }, items)];
}

/** `authors.html`: every author, by code point, with their essay count. */
export function authorsIndexMain({ model, paths }: PageContext, lists: Listings): HastContent[] {
  return indexMain('Authors', SITE_PAGES.authors, model.ctx.authors, paths.author, lists.byAuthor, 'No authors yet.');
}

/** `tags.html`: every tag, by code point, with its essay count. */
export function tagsIndexMain({ paths }: PageContext, lists: Listings): HastContent[] {
  return indexMain('Tags', SITE_PAGES.tags, paths.tags, paths.tag, lists.byTag, 'No tags yet.');
}

/** One page of the essays of an author or tag, by year, each with its year, authors and one line. */
function essaysMain(heading: Element[], label: string, page: ListPage<LinkedNote>, { paths }: PageContext, backTo: [string, string], after: Element[] = []): HastContent[] {
  const nav = pageNav(page, label);
  return [
    h('p', { className: ['chapter-link'] }, [h('a', { href: hrefFrom(page.path, backTo[0]) }, backTo[1])]),
    ...heading,
    h('p', { className: ['counts'] }, countLine(page)),
    h('ul', { className: ['essay-list'] }, page.items.map((linked) => essayItem(linked, page.path, paths))),
    ...after,
    ...(nav ? [nav] : []),
  ];
}

/** A page of an author's essays; the first also lists the tags all their essays carry. */
export function authorMain(name: string, page: ListPage<LinkedNote>, context: PageContext, lists: Listings): HastContent[] {
  const tags = page.index === 0 ? [...new Set((lists.byAuthor.get(name) ?? []).flatMap(tagsOf))].sort(compareCodePoints) : [];
  const line = tags.length > 0 ? [h('p', { className: ['see-also'] }, [h('strong', 'Tags:'), ' ', ...tagLinks(tags, page.path, context)])] : [];
  return essaysMain([h('h1', name)], name, page, context, [SITE_PAGES.authors, 'Authors'], line);
}

/** A page of the essays that carry a tag. */
export function tagMain(tag: string, page: ListPage<LinkedNote>, context: PageContext): HastContent[] {
  return essaysMain([h('h1', [h('span', { className: ['tag-label'] }, 'Tag: '), tag])], `Tag ${tag}`, page, context, [SITE_PAGES.tags, 'Tags']);
}
