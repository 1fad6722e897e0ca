/**
 * The site's paginator, shared by chapter, concordance, author and tag pages
 * (Hugo's model): a long list is cut into pages of a fixed size; the first
 * page keeps the list's own path (`concepts/<id>.html`), the others sit in a
 * folder beside it (`concepts/<id>/page-2.html`), where no other page's path
 * can fall. Each page ends with the same navigation: previous, the page
 * numbers around this one, next, and "Page k of n".
 */
import type { Element, ElementContent } from 'hast';
import { h } from 'hastscript';
import { hrefFrom } from './paths.js';

/** Page sizes of the site's long lists. */
export interface SitePaging {
  /** Essays per chapter, author or tag page. */
  essaysPerPage: number;
  /** Essays per page of a concept's concordance (each with every sentence naming the concept, ~2 KB an essay). */
  concordancePerPage: number;
  /** Essays a preview lists before linking the whole list: a chapter's on the home page, a concept's in the glossary. */
  previewEssays: number;
}

/**
 * 100 list items are ~50 KB of HTML, 25 concordance entries ~75 KB (each
 * quotes every sentence naming the concept): pages about the size of an
 * essay's (~40 KB), which load in well under 300 ms at any library size.
 */
export const DEFAULT_PAGING: SitePaging = { essaysPerPage: 100, concordancePerPage: 25, previewEssays: 20 };

/** The paths of a list's `count` pages (at least one): `dir/name.html`, then `dir/name/page-2.html`, …. */
export function pagePaths(first: string, count: number): string[] {
  const folder = first.replace(/\.html$/, '');
  return Array.from({ length: Math.max(1, count) }, (_, i) => (i === 0 ? first : `${folder}/page-${i + 1}.html`));
}

/** `items` cut into pages of `size` (at least one page, empty when there are no items); order kept. */
export function paginate<T>(items: readonly T[], size: number): T[][] {
  if (!(size >= 1)) throw new Error(`paginate: page size must be at least 1, got ${size}`);
  const pages: T[][] = [];
  for (let at = 0; at < items.length; at += size) pages.push(items.slice(at, at + size));
  return pages.length > 0 ? pages : [[]];
}

/** One page of a paged list: where it is, which page, and its items. */
export interface ListPage<T> {
  path: string;
  /** 0-based. */
  index: number;
  /** Every page's path, in order. */
  paths: readonly string[];
  items: T[];
  /** The 0-based position of this page's first item in the whole list. */
  offset: number;
  /** Items in the whole list. */
  total: number;
}

/** The pages of `items` under `first`, `size` to a page. */
export function listPages<T>(first: string, items: readonly T[], size: number): ListPage<T>[] {
  const cut = paginate(items, size);
  const paths = pagePaths(first, cut.length);
  return cut.map((page, index) => ({ path: paths[index]!, index, paths, items: page, offset: index * size, total: items.length }));
}

/** The page title for page `index` of `count`: `title` alone on the first page. */
export const pageTitle = (title: string, index: number, count: number): string => (index === 0 ? title : `${title} (page ${index + 1} of ${count})`);

/** Which page numbers the navigation shows (0-based): the first, the last, and two either side of `index`; `null` for a gap. */
export function pageWindow(index: number, count: number): (number | null)[] {
  const shown: (number | null)[] = [];
  for (let i = 0; i < count; i++) {
    if (i === 0 || i === count - 1 || Math.abs(i - index) <= 2) shown.push(i);
    else if (shown[shown.length - 1] !== null) shown.push(null);
  }
  return shown;
}

/** "Page k of n" with the navigation between the pages of `page`, or nothing when the list has one page. */
export function pageNav(page: ListPage<unknown>, label: string): Element | undefined {
  const { paths, index, path: from } = page;
  if (paths.length < 2) return undefined;
  const to = (i: number): string => hrefFrom(from, paths[i]!);
  const numbers: ElementContent[] = pageWindow(index, paths.length).map((i) =>
    i === null
      ? h('li', { className: ['pagination-gap'] }, '…')
      : h('li', [i === index ? h('span', { ariaCurrent: 'page' }, String(i + 1)) : h('a', { href: to(i), ariaLabel: `Page ${i + 1}` }, String(i + 1))]),
  );
  return h('nav', { className: ['pagination'], ariaLabel: `${label}: pages` }, [
    index > 0 ? h('a', { rel: 'prev', href: to(index - 1) }, '← Previous') : h('span', { className: ['pagination-end'] }, '← Previous'),
    h('ol', numbers),
    index < paths.length - 1 ? h('a', { rel: 'next', href: to(index + 1) }, 'Next →') : h('span', { className: ['pagination-end'] }, 'Next →'),
    h('p', { className: ['pagination-status'] }, `Page ${index + 1} of ${paths.length}`),
  ]);
}

/** `n` with a comma every three digits (not toLocaleString: outputs never depend on the machine's ICU data). */
export const grouped = (n: number): string => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/** "1 essay", "1,234 essays". */
export const essayCount = (n: number): string => `${grouped(n)} ${n === 1 ? 'essay' : 'essays'}`;

/** The list's count, and past one page which items this page shows: "1,234 essays · 101–200 on page 2 of 13". */
export function countLine(page: ListPage<unknown>): string {
  const count = essayCount(page.total);
  return page.paths.length < 2 ? count : `${count} · ${grouped(page.offset + 1)}–${grouped(page.offset + page.items.length)} on page ${page.index + 1} of ${page.paths.length}`;
}
