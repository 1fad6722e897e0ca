/**
 * dist/site/ from the real fixture libraries (read and linked by the real
 * stages): page set, link integrity across pages, the CSP, sanitising of
 * hostile notes, the concordance, previous/next and determinism.
 */
import type { Element, Root } from 'hast';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { beforeAll, describe, expect, it } from 'vitest';
import { emitAll, type OutputText } from '../../src/emit/index.js';
import { wholeBodies } from '../../src/read/bodies.js';
import { SITE_CSP } from '../../src/emit/site/layout.js';
import { oneLine } from '../../src/emit/site/pages.js';
import { noteFromText } from '../../src/read/parse.js';
import type { Library, LinkedNote } from '../../src/types.js';
import { buildFixtureLibrary, emitFixture, shareBodies, fixtureConfig, HOSTILE_LIBRARY } from '../emit/build-fixture.js';

const parser = unified().use(rehypeParse);
type Pages = Map<string, Root>;

/** The site's HTML pages by path from the site root, parsed. */
function sitePages(files: OutputText[]): Pages {
  return new Map(files.filter((f) => f.name.startsWith('site/') && f.name.endsWith('.html')).map((f) => [f.name.slice('site/'.length), parser.parse(f.content)]));
}

const elements = (tree: Root | Element, test: (e: Element) => boolean): Element[] => {
  const found: Element[] = [];
  visit(tree, 'element', (e: Element) => {
    if (test(e)) found.push(e);
  });
  return found;
};
const textOf = (node: Element | Root): string => {
  let out = '';
  visit(node, 'text', (t: { value: string }) => {
    out += t.value;
  });
  return out;
};

let files: OutputText[];
let pages: Pages;
let hostile: OutputText[];

beforeAll(async () => {
  files = emitFixture(await buildFixtureLibrary(), fixtureConfig());
  pages = sitePages(files);
  hostile = emitFixture(await buildFixtureLibrary(HOSTILE_LIBRARY, fixtureConfig(), { allowFailures: true }), fixtureConfig());
});

describe('dist/site', () => {
  it('should write home, glossary, bibliography, authors, tags, 404, one page per essay, concept, author and tag, and the assets', () => {
    expect([...pages.keys()].filter((p) => !p.includes('/'))).toEqual(['index.html', 'glossary.html', 'bibliography.html', 'authors.html', 'tags.html', 'search.html', '404.html']);
    expect([...pages.keys()].filter((p) => p.startsWith('authors/'))).toEqual(
      ['cal-newport', 'dan-mckinley', 'melvin-e-conway', 'paul-graham', 'pedro-gallego'].map((slug) => `authors/${slug}.html`),
    );
    expect([...pages.keys()].filter((p) => p.startsWith('tags/'))).toEqual(['engineering', 'focus', 'org-design', 'product'].map((slug) => `tags/${slug}.html`));
    // One page per chapter, in reading order; at the default sizes every list of the fixture is one page.
    expect([...pages.keys()].filter((p) => p.startsWith('chapters/'))).toEqual(['organisations', 'focus', 'further-reading'].map((slug) => `chapters/${slug}.html`));
    expect([...pages.keys()].filter((p) => p.includes('/page-'))).toEqual([]);
    expect([...pages.keys()].filter((p) => p.startsWith('essays/')).sort()).toEqual(
      ['boring-tech', 'committees', 'deep-work', 'makers-schedule', 'single-threaded'].map((id) => `essays/${id}.html`),
    );
    expect([...pages.keys()].filter((p) => p.startsWith('concepts/')).sort()).toEqual(
      ['conways-law', 'deep-work', 'makers-schedule', 'ownership', 'team-size'].map((id) => `concepts/${id}.html`),
    );
    expect(files.filter((f) => f.name.startsWith('site/assets/')).map((f) => f.name)).toEqual([
      'site/assets/handbook.css',
      'site/assets/site.css',
      'site/assets/site.js',
      'site/assets/stemmer.js',
      'site/assets/search.js',
    ]);
  });

  it('should make every relative link and asset resolve to a written file, and every fragment to an id on that page', () => {
    const written = new Set(files.filter((f) => f.name.startsWith('site/')).map((f) => f.name.slice('site/'.length)));
    let checked = 0;
    for (const [from, tree] of pages) {
      for (const node of elements(tree, (e) => typeof e.properties.href === 'string' || typeof e.properties.src === 'string')) {
        const ref = String(node.properties.href ?? node.properties.src);
        if (/^(https?|mailto):/.test(ref)) continue;
        const url = new URL(ref, `http://site.test/${from}`);
        const target = decodeURIComponent(url.pathname.slice(1));
        expect(written.has(target), `${from}: ${ref}`).toBe(true);
        if (url.hash) {
          const ids = elements(pages.get(target)!, (e) => e.properties.id === decodeURIComponent(url.hash.slice(1)));
          expect(ids.length, `${from}: ${ref}`).toBe(1);
        }
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(100);
  });

  it("should give every page the CSP and load only the site's own files, with no inline script or style", () => {
    for (const [name, tree] of pages) {
      const csp = elements(tree, (e) => e.tagName === 'meta' && e.properties.httpEquiv?.toString() === 'Content-Security-Policy');
      expect(csp.map((e) => e.properties.content), name).toEqual([SITE_CSP]);
      for (const script of elements(tree, (e) => e.tagName === 'script')) {
        expect(String(script.properties.src), name).toMatch(/^(\.\.\/)*assets\/[a-z-]+\.js$/);
        expect(script.children, name).toEqual([]);
      }
      expect(elements(tree, (e) => e.tagName === 'style' || e.properties.style !== undefined), name).toEqual([]);
    }
    expect(SITE_CSP).toMatch(/default-src 'none'/);
    expect(SITE_CSP).not.toMatch(/https?:|\*|unsafe/);
  });

  it('should sanitise hostile notes: no script, event handler or javascript: URL reaches a page', () => {
    const hostilePages = sitePages(hostile);
    expect([...hostilePages.keys()].some((p) => p.startsWith('essays/'))).toBe(true);
    for (const [name, tree] of hostilePages) {
      expect(elements(tree, (e) => e.tagName === 'script' && !String(e.properties.src).includes('assets/')), name).toEqual([]);
      expect(elements(tree, (e) => ['iframe', 'object', 'embed', 'form', 'base', 'style'].includes(e.tagName)), name).toEqual([]);
      for (const e of elements(tree, () => true)) {
        for (const [key, value] of Object.entries(e.properties)) {
          expect(key.toLowerCase().startsWith('on'), `${name}: ${key}`).toBe(false);
          expect(String(value).trim().toLowerCase().startsWith('javascript:'), `${name}: ${key}`).toBe(false);
        }
      }
    }
  });

  it('should show on an essay page its byline, sections, concepts with definitions, related, mentioned in and previous/next', () => {
    const tree = pages.get('essays/deep-work.html')!;
    expect(textOf(elements(tree, (e) => e.tagName === 'h1')[0]!)).toBe('Deep Work');
    expect(textOf(elements(tree, (e) => hasClass(e, 'byline'))[0]!)).toBe('By Cal Newport · 2016 · Grand Central Publishing · Source');
    expect(elements(tree, (e) => e.tagName === 'h2').map(textOf)).toEqual(['Central argument', 'Critique', 'Why it matters', 'Concepts']);
    const tip = elements(tree, (e) => e.properties.id === 'definition-deep-work')[0]!;
    expect(tip.properties.role).toBe('tooltip');
    expect(textOf(tip)).toMatch(/^Professional activity done in a state of distraction-free concentration/);
    expect(elements(tree, (e) => e.properties.ariaDescribedBy?.toString() === 'definition-deep-work').map((e) => e.properties.href)).toEqual(['../concepts/deep-work.html']);
    expect(textOf(elements(tree, (e) => hasClass(e, 'essay-related'))[0]!)).toMatch(/Maker's Schedule, Manager's Schedule — shared concepts: deep work/);
    expect(textOf(elements(tree, (e) => hasClass(e, 'essay-mentioned-in'))[0]!)).toBe("Mentioned in: Maker's Schedule, Manager's Schedule");
    const pager = elements(tree, (e) => hasClass(e, 'pager'))[0]!;
    // Focus chapter by year: Maker's Schedule (2009), then Deep Work (2016), the last.
    expect(elements(pager, (e) => e.tagName === 'a').map((a) => [a.properties.rel?.toString(), a.properties.href])).toEqual([['prev', '../essays/makers-schedule.html']]);
  });

  it("should link an essay's byline to its authors' pages and its tags to their pages", () => {
    const tree = pages.get('essays/deep-work.html')!;
    const byline = elements(tree, (e) => hasClass(e, 'byline'))[0]!;
    expect(elements(byline, (e) => e.tagName === 'a').map((a) => [textOf(a), a.properties.href])).toEqual([
      ['Cal Newport', '../authors/cal-newport.html'],
      ['Source', 'https://calnewport.com/deep-work/'],
    ]);
    const tags = elements(tree, (e) => hasClass(e, 'essay-tags'))[0]!;
    expect(textOf(tags)).toBe('Tags: focus, product');
    expect(elements(tags, (e) => e.tagName === 'a').map((a) => a.properties.href)).toEqual(['../tags/focus.html', '../tags/product.html']);
  });

  it("should list on an author's page and a tag's page their essays by year, and on the index pages every name with its count", () => {
    const tag = pages.get('tags/focus.html')!;
    expect(textOf(elements(tag, (e) => e.tagName === 'h1')[0]!)).toBe('Tag: focus');
    expect(textOf(elements(tag, (e) => hasClass(e, 'counts'))[0]!)).toBe('2 essays');
    const listed = (tree: Root): unknown[] =>
      elements(tree, (e) => hasClass(e, 'essay-list')).flatMap((list) => elements(list, (e) => e.tagName === 'a').map((a) => [textOf(a), a.properties.href]));
    expect(listed(tag)).toEqual([
      ["Maker's Schedule, Manager's Schedule", '../essays/makers-schedule.html'],
      ['Deep Work', '../essays/deep-work.html'],
    ]);
    const author = pages.get('authors/pedro-gallego.html')!;
    expect(textOf(elements(author, (e) => e.tagName === 'h1')[0]!)).toBe('Pedro Gallego');
    expect(listed(author)).toEqual([["Amazon's Single-Threaded Model", '../essays/single-threaded.html']]);
    expect(textOf(elements(author, (e) => hasClass(e, 'see-also'))[0]!)).toBe('Tags: org-design, product');
    const index = (name: string): string[] => elements(elements(pages.get(name)!, (e) => hasClass(e, 'name-index'))[0]!, (e) => e.tagName === 'li').map(textOf);
    expect(index('tags.html')).toEqual(['engineering · 1 essay', 'focus · 2 essays', 'org-design · 2 essays', 'product · 2 essays']);
    expect(elements(pages.get('tags.html')!, (e) => e.tagName === 'a' && textOf(e) === 'focus').map((a) => a.properties.href)).toEqual(['tags/focus.html']);
    expect(index('authors.html')).toEqual(['Cal Newport · 1 essay', 'Dan McKinley · 1 essay', 'Melvin E. Conway · 1 essay', 'Paul Graham · 1 essay', 'Pedro Gallego · 1 essay']);
  });

  it('should list on a concept page every essay naming it, by year, with the sentence and the name marked', () => {
    const tree = pages.get('concepts/deep-work.html')!;
    expect(elements(tree, (e) => e.tagName === 'h3').map(textOf)).toEqual(['2009', '2016']);
    const quotes = elements(tree, (e) => e.tagName === 'blockquote');
    expect(quotes.length).toBeGreaterThanOrEqual(3);
    for (const quote of quotes) expect(elements(quote, (e) => e.tagName === 'mark').map(textOf).map((t) => t.toLowerCase())).toContain('deep work');
    expect(textOf(quotes[0]!)).toBe("A single meeting in the middle of the afternoon breaks it into two pieces too small for deep work, so the maker's schedule and the manager's schedule collide.");
    expect(textOf(elements(tree, (e) => hasClass(e, 'aliases'))[0]!)).toBe('Also called: focused work');
  });

  it("should show on the home page the title, subtitle, editor, counts and each chapter's essays with year, authors and one line", () => {
    const tree = pages.get('index.html')!;
    expect(textOf(elements(tree, (e) => e.tagName === 'h1')[0]!)).toBe('Field Notes');
    expect(textOf(elements(tree, (e) => hasClass(e, 'counts'))[0]!)).toBe('5 essays · 5 concepts');
    expect(elements(tree, (e) => e.tagName === 'h2').map(textOf)).toEqual(['Map and timeline', 'Organisations', 'Focus', 'Further reading']);
    expect(elements(tree, (e) => hasClass(e, 'chapter-count')).map(textOf)).toEqual(['2 essays', '2 essays', '1 essay']);
    expect(elements(tree, (e) => hasClass(e, 'chapter')).map((section) => elements(section, (e) => e.tagName === 'a')[0]!.properties.href)).toEqual(['chapters/organisations.html', 'chapters/focus.html', 'chapters/further-reading.html']);
    // Every chapter fits: no "all essays" link, and the pages have no page navigation.
    expect(elements(tree, (e) => hasClass(e, 'chapter-more'))).toEqual([]);
    expect([...pages.values()].flatMap((page) => elements(page, (e) => hasClass(e, 'pagination')))).toEqual([]);
    const first = elements(tree, (e) => e.tagName === 'li')[0]!;
    expect(textOf(first)).toMatch(/^How Do Committees Invent\? · 1968 · Melvin E\. Conway.+Conway's law\.$/);
  });

  it("should show a summary's wikilinks in its one line (lists, search results) as the words a reader sees", () => {
    const note = noteFromText('a.md', '---\ntitle: A\n---\n\nAnswers [[how-do-committees-invent|Conway]] and [[Team Topologies#Critique]]. More.\n\n## Central argument\n\nx\n');
    const linked: LinkedNote = { note, mentions: [], links: [], backlinks: [], mentionedIn: [], related: [], relations: [], concepts: [] };
    expect(oneLine(linked)).toBe('Answers Conway and Team Topologies.');
  });

  it('should give identical bytes for the same library given in another order', async () => {
    const library = await buildFixtureLibrary();
    const reversed: Library = { ...library, notes: [...library.notes].reverse(), concepts: [...library.concepts].reverse() };
    expect(emitFixture(shareBodies(reversed, library), fixtureConfig())).toEqual(files);
  });

  it('should be selected by default, by "site" and by "all", and not by a list without them', () => {
    const names = (outputs: string[]): string[] => emitAll({ notes: [], concepts: [], diagnostics: [] }, { ...fixtureConfig(), outputs }, { bodies: wholeBodies([]) }).map((f) => f.name);
    expect(names(fixtureConfig().outputs)).toContain('site/index.html');
    expect(names(['site'])).toContain('site/index.html');
    expect(names(['all'])).toContain('site/index.html');
    expect(names(['html', 'index'])).not.toContain('site/index.html');
  });
});

const hasClass = (e: Element, name: string): boolean => Array.isArray(e.properties.className) && e.properties.className.includes(name);
