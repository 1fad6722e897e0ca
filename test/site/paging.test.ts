/**
 * The site's paged lists (src/emit/site/paging.ts) on a generated library
 * built with the real stages, with small page sizes so that every kind of
 * list runs to several pages: chapters, concordances, authors and tags.
 * Checked against the same library's unpaged site: every essay reachable
 * from home, every list item on exactly one page and in the same order,
 * every page link resolving, the HTML audit clean on every page.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Element, Root } from 'hast';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCorpus } from '../../scripts/gen-corpus.js';
import { resolveConfig } from '../../src/config.js';
import type { OutputText } from '../../src/emit/index.js';
import { pagePaths, pageWindow, paginate, type SitePaging } from '../../src/emit/site/paging.js';
import type { Library } from '../../src/types.js';
import { auditHandbook } from '../reliability/html-audit.js';
import { buildFixtureLibrary, emitFixture, shareBodies } from '../emit/build-fixture.js';

const parser = unified().use(rehypeParse);
const SMALL: SitePaging = { essaysPerPage: 7, concordancePerPage: 4, previewEssays: 3 };
const WHOLE: SitePaging = { essaysPerPage: 1e6, concordancePerPage: 1e6, previewEssays: 1e6 };
const config = resolveConfig({ handbook: { title: 'Paged', chapters: [{ tag: 'strategy', title: 'Strategy' }] }, outputs: ['site'] });

let scratch: string;
let library: Library;
let paged: Map<string, Root>;
let pagedFiles: OutputText[];
let whole: Map<string, Root>;

const sitePages = (files: OutputText[]): Map<string, Root> =>
  new Map(files.filter((f) => f.name.startsWith('site/') && f.name.endsWith('.html')).map((f) => [f.name.slice('site/'.length), parser.parse(String(f.content))]));

beforeAll(async () => {
  scratch = mkdtempSync(path.join(tmpdir(), 'commonplace-paging-'));
  generateCorpus({ out: scratch, count: 60, seed: 'paging', words: 150 });
  library = await buildFixtureLibrary(scratch, config);
  pagedFiles = emitFixture(library, config, { sitePaging: SMALL });
  paged = sitePages(pagedFiles);
  whole = sitePages(emitFixture(library, config, { sitePaging: WHOLE }));
}, 120_000);

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const elements = (tree: Root | Element, test: (e: Element) => boolean): Element[] => {
  const found: Element[] = [];
  visit(tree, 'element', (e: Element) => {
    if (test(e)) found.push(e);
  });
  return found;
};
const hasClass = (e: Element, name: string): boolean => Array.isArray(e.properties.className) && e.properties.className.includes(name);
const textOf = (node: Element | Root): string => {
  let out = '';
  visit(node, 'text', (t: { value: string }) => {
    out += t.value;
  });
  return out;
};
/** A page-relative href as a path from the site root. */
const resolve = (from: string, href: string): string => decodeURIComponent(new URL(href, `http://site.test/${from}`).pathname.slice(1));
/** The essays a list page lists (`.essay-list` or `.concordance` items' first links), as paths from the site root. */
const listed = (pages: Map<string, Root>, name: string, listClass: string): string[] =>
  elements(pages.get(name)!, (e) => hasClass(e, listClass)).flatMap((list) =>
    elements(list, (e) => e.tagName === 'li').map((li) => resolve(name, String(elements(li, (e) => e.tagName === 'a')[0]!.properties.href))),
  );
/** The pages of a paged list, in order, by following rel=next from its first page; throws on a loop. */
function follow(pages: Map<string, Root>, first: string): string[] {
  const chain = [first];
  for (;;) {
    const next = elements(pages.get(chain.at(-1)!)!, (e) => e.tagName === 'a' && String(e.properties.rel) === 'next' && elements(pages.get(chain.at(-1)!)!, (n) => hasClass(n, 'pagination') && n.children.includes(e)).length > 0);
    if (next.length === 0) return chain;
    const to = resolve(chain.at(-1)!, String(next[0]!.properties.href));
    if (chain.includes(to)) throw new Error(`pagination loops at ${to}`);
    chain.push(to);
  }
}

describe('paging helpers', () => {
  it('should cut a list into pages of the size, keeping order, with one empty page for an empty list', () => {
    expect(paginate([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
    expect(paginate([], 3)).toEqual([[]]);
    expect(() => paginate([1], 0)).toThrow(/at least 1/);
  });

  it('should keep the first page at the list path and put the rest in a folder beside it', () => {
    expect(pagePaths('concepts/a.html', 3)).toEqual(['concepts/a.html', 'concepts/a/page-2.html', 'concepts/a/page-3.html']);
    expect(pagePaths('chapters/x.html', 0)).toEqual(['chapters/x.html']);
  });

  it('should show the first, the last and two pages either side, with gaps', () => {
    expect(pageWindow(0, 3)).toEqual([0, 1, 2]);
    expect(pageWindow(5, 12)).toEqual([0, null, 3, 4, 5, 6, 7, null, 11]);
    expect(pageWindow(11, 12)).toEqual([0, null, 9, 10, 11]);
  });
});

describe('the paged site of a 60-note library', () => {
  const essays = (): string[] => [...whole.keys()].filter((p) => p.startsWith('essays/')).sort();

  it('should reach every essay from home through the chapter pages, each listed on exactly one chapter page', () => {
    expect(essays().length).toBe(60);
    const home = paged.get('index.html')!;
    const chapterLinks = [...new Set(elements(home, (e) => e.tagName === 'h2').flatMap((h2) => elements(h2, (e) => e.tagName === 'a').map((a) => resolve('index.html', String(a.properties.href)))))];
    expect(chapterLinks).toEqual(['chapters/strategy.html', 'chapters/further-reading.html']);
    const reached = chapterLinks.flatMap((first) => follow(paged, first).flatMap((page) => listed(paged, page, 'essay-list')));
    expect([...reached].sort()).toEqual(essays());
    expect(new Set(reached).size).toBe(reached.length);
    // The same order as the unpaged chapter page, which lists the chapter in reading order.
    for (const first of chapterLinks) expect(follow(paged, first).flatMap((page) => listed(paged, page, 'essay-list'))).toEqual(listed(whole, first, 'essay-list'));
  });

  it("should show on home each chapter's count, its first essays and a link to the rest", () => {
    const home = paged.get('index.html')!;
    const sections = elements(home, (e) => hasClass(e, 'chapter'));
    expect(sections.length).toBe(2);
    for (const section of sections) {
      const first = resolve('index.html', String(elements(section, (e) => e.tagName === 'a')[0]!.properties.href));
      const all = listed(whole, first, 'essay-list');
      const count = textOf(elements(section, (e) => hasClass(e, 'chapter-count'))[0]!);
      expect(count).toBe(`${all.length} essays`);
      const shown = elements(section, (e) => hasClass(e, 'essay-list')).flatMap((list) => elements(list, (e) => e.tagName === 'li'));
      expect(shown.length).toBe(Math.min(3, all.length));
      const more = elements(section, (e) => hasClass(e, 'chapter-more'));
      expect(more.length).toBe(all.length > 3 ? 1 : 0);
      if (more.length > 0) expect(resolve('index.html', String(elements(more[0]!, (e) => e.tagName === 'a')[0]!.properties.href))).toBe(first);
    }
    // Unpaged, home lists every essay of every chapter and no "all" link.
    expect(elements(whole.get('index.html')!, (e) => hasClass(e, 'chapter-more'))).toEqual([]);
  });

  it("should link an essay's chapter line to the chapter page that lists it", () => {
    for (const essay of essays()) {
      const link = elements(elements(paged.get(essay)!, (e) => hasClass(e, 'chapter-link'))[0]!, (e) => e.tagName === 'a')[0]!;
      const page = resolve(essay, String(link.properties.href));
      expect(listed(paged, page, 'essay-list'), essay).toContain(essay);
    }
  });

  it('should put every concordance entry on exactly one page of its concept, in the unpaged order (by year)', () => {
    let multiPage = 0;
    for (const first of [...whole.keys()].filter((p) => /^concepts\/[^/]+\.html$/.test(p))) {
      const chain = follow(paged, first);
      if (chain.length > 1) multiPage++;
      const entries = chain.flatMap((page) => listed(paged, page, 'concordance'));
      expect(entries, first).toEqual(listed(whole, first, 'concordance'));
      for (const page of chain) expect(listed(paged, page, 'concordance').length, page).toBeLessThanOrEqual(4);
      // The concept's own text only on its first page; every page links back to it.
      expect(chain.slice(1).filter((page) => elements(paged.get(page)!, (e) => hasClass(e, 'definition')).length > 0), first).toEqual([]);
      for (const page of chain.slice(1)) expect(resolve(page, String(elements(elements(paged.get(page)!, (e) => hasClass(e, 'chapter-link'))[0]!, (e) => e.tagName === 'a')[0]!.properties.href))).toBe(first);
    }
    expect(multiPage).toBeGreaterThan(5);
  });

  it("should page every author's and tag's essays the same way, losing none", () => {
    let multiPage = 0;
    for (const first of [...whole.keys()].filter((p) => /^(authors|tags)\/[^/]+\.html$/.test(p))) {
      const chain = follow(paged, first);
      if (chain.length > 1) multiPage++;
      expect(chain.flatMap((page) => listed(paged, page, 'essay-list')), first).toEqual(listed(whole, first, 'essay-list'));
    }
    expect(multiPage).toBeGreaterThan(2);
  });

  it('should page the bibliography, every source on exactly one page in the unpaged order', () => {
    const items = (pages: Map<string, Root>, name: string): string[] => elements(pages.get(name)!, (e) => e.tagName === 'li' && !elements(pages.get(name)!, (n) => hasClass(n, 'pagination')).some((nav) => elements(nav, (x) => x === e).length > 0)).map(textOf);
    const chain = follow(paged, 'bibliography.html');
    expect(chain).toEqual(['bibliography.html', ...Array.from({ length: 8 }, (_, i) => `bibliography/page-${i + 2}.html`)]);
    expect(chain.flatMap((page) => items(paged, page))).toEqual(items(whole, 'bibliography.html'));
    expect(items(whole, 'bibliography.html').length).toBe(60);
    expect(textOf(elements(paged.get(chain[8]!)!, (e) => hasClass(e, 'counts'))[0]!)).toBe('60 sources · 57–60 on page 9 of 9');
  });

  it("should cut the glossary's essay lines to the first few, linking the concept's page for the rest", () => {
    const lines = (pages: Map<string, Root>): Element[] => elements(pages.get('glossary.html')!, (e) => hasClass(e, 'concept-essays'));
    const full = lines(whole);
    const short = lines(paged);
    expect(short.length).toBe(full.length);
    let cut = 0;
    short.forEach((line, i) => {
      const links = elements(full[i]!, (e) => e.tagName === 'a');
      const kept = elements(line, (e) => e.tagName === 'a');
      if (links.length <= 3) return expect(kept.map((a) => a.properties.href)).toEqual(links.map((a) => a.properties.href));
      cut++;
      expect(kept.slice(0, 3).map((a) => a.properties.href)).toEqual(links.slice(0, 3).map((a) => a.properties.href));
      expect(textOf(kept[3]!)).toBe(`${links.length - 3} more`);
      expect(String(kept[3]!.properties.href)).toMatch(/^concepts\/[^/]+\.html$/);
      expect(kept.length).toBe(4);
    });
    expect(cut).toBeGreaterThan(5);
  });

  it('should number the pages and mark the current one, with "Page k of n" and titles that say which page', () => {
    const chain = follow(paged, 'chapters/further-reading.html');
    expect(chain.length).toBeGreaterThan(3);
    chain.forEach((name, i) => {
      const tree = paged.get(name)!;
      const nav = elements(tree, (e) => hasClass(e, 'pagination'))[0]!;
      expect(textOf(elements(nav, (e) => hasClass(e, 'pagination-status'))[0]!)).toBe(`Page ${i + 1} of ${chain.length}`);
      expect(elements(nav, (e) => e.properties.ariaCurrent === 'page').map(textOf)).toEqual([String(i + 1)]);
      expect(elements(nav, (e) => e.tagName === 'a' && String(e.properties.rel) === 'prev').length).toBe(i > 0 ? 1 : 0);
      const title = textOf(elements(tree, (e) => e.tagName === 'title')[0]!);
      expect(title).toBe(i === 0 ? 'Further reading · Paged' : `Further reading (page ${i + 1} of ${chain.length}) · Paged`);
    });
    expect(textOf(elements(paged.get(chain[1]!)!, (e) => hasClass(e, 'counts'))[0]!)).toMatch(/^\d+ essays · 8–14 on page 2 of \d+$/);
  });

  it('should make every link on every page resolve to a written page, and pass the HTML audit', () => {
    const written = new Set(pagedFiles.filter((f) => f.name.startsWith('site/')).map((f) => f.name.slice('site/'.length)));
    let checked = 0;
    for (const [from, tree] of paged) {
      for (const node of elements(tree, (e) => typeof e.properties.href === 'string' || typeof e.properties.src === 'string')) {
        const ref = String(node.properties.href ?? node.properties.src);
        if (/^(https?|mailto):/.test(ref) || ref.startsWith('#')) continue;
        expect(written.has(resolve(from, ref)), `${from}: ${ref}`).toBe(true);
        checked++;
      }
      // Site pages load their scripts by src only: an empty script body is the only one allowed.
      expect(auditHandbook(String(pagedFiles.find((f) => f.name === `site/${from}`)!.content), ['']), from).toEqual([]);
    }
    expect(checked).toBeGreaterThan(1000);
  });

  it('should give identical bytes for the same library given in another order', () => {
    const reversed: Library = { ...library, notes: [...library.notes].reverse(), concepts: [...library.concepts].reverse() };
    expect(emitFixture(shareBodies(reversed, library), config, { sitePaging: SMALL })).toEqual(pagedFiles);
  });
});
