import type { Heading, Link, Root, RootContent } from 'mdast';
import { toString as mdastToString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import { parse as parseYaml } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { emitHandbookMarkdown } from '../../src/emit/handbook-md.js';
import type { Library } from '../../src/types.js';
import { bodiesOf, buildFixtureLibrary, fixtureConfig } from './build-fixture.js';
import { markdownAnchorIds, parseMarkdown } from './parse-output.js';

/** Plain text of a node, our `<a id>` anchors left out. */
const toString = (node: Parameters<typeof mdastToString>[0]): string => mdastToString(node, { includeHtml: false });

let library: Library;
let markdown: string;
let tree: Root;

beforeAll(async () => {
  library = await buildFixtureLibrary();
  markdown = emitHandbookMarkdown(library, fixtureConfig(), { bodies: bodiesOf(library) });
  tree = parseMarkdown(markdown);
});

/** The nodes after the heading whose anchor is `anchor`, up to the next heading of the same or a higher level. */
function sectionAt(anchor: string): RootContent[] {
  const children = tree.children;
  const start = children.findIndex((n) => n.type === 'heading' && n.children.some((c) => c.type === 'html' && c.value === `<a id="${anchor}">`));
  expect(start, `heading with anchor ${anchor}`).toBeGreaterThanOrEqual(0);
  const depth = (children[start] as Heading).depth;
  const end = children.findIndex((n, i) => i > start && n.type === 'heading' && n.depth <= depth);
  return children.slice(start + 1, end < 0 ? undefined : end);
}

/** A note section's own body: up to the next heading, without the essay's trailing "Concepts:"… lines. */
function sectionBody(anchor: string): RootContent[] {
  const nodes = sectionAt(anchor);
  const end = nodes.findIndex((n) => n.type === 'heading' || n.type === 'footnoteDefinition' || (n.type === 'paragraph' && n.children[0]?.type === 'strong'));
  return end < 0 ? nodes : nodes.slice(0, end);
}

const linksIn = (nodes: RootContent[]): Link[] => {
  const links: Link[] = [];
  for (const node of nodes) visit(node, 'link', (l: Link) => void links.push(l));
  return links;
};

describe('emitHandbookMarkdown', () => {
  it('should resolve every internal #anchor to exactly one <a id> in the file', () => {
    const ids = markdownAnchorIds(tree);
    expect(new Set(ids).size).toBe(ids.length);
    const fragments: string[] = [];
    visit(tree, 'link', (l: Link) => {
      if (l.url.startsWith('#')) fragments.push(l.url.slice(1));
    });
    expect(fragments.length).toBeGreaterThan(40);
    expect(fragments.filter((f) => !ids.includes(f))).toEqual([]);
  });

  it('should contain no raw HTML but its own anchors (the file is serialised from a tree)', () => {
    const html: string[] = [];
    visit(tree, 'html', (n: { value: string }) => void html.push(n.value));
    expect(html.filter((v) => !/^<a id="[a-z0-9-]+">$/.test(v) && v !== '</a>')).toEqual([]);
  });

  it('should open with a Pandoc metadata block: title, subtitle, editor as author, language, and no date without SOURCE_DATE_EPOCH', () => {
    const [block] = tree.children;
    expect(block?.type).toBe('yaml');
    expect(parseYaml((block as { value: string }).value)).toEqual({
      title: 'Field Notes',
      subtitle: 'Essays on teams, focus and tools',
      author: 'The Commonplace fixtures',
      lang: 'en',
    });
  });

  it('should date the metadata block from SOURCE_DATE_EPOCH and keep Markdown in config text literal', () => {
    const config = fixtureConfig();
    config.handbook.title = '*Not emphasis* <b>nor HTML</b>: "quoted"';
    const block = parseMarkdown(emitHandbookMarkdown(library, config, { bodies: bodiesOf(library), sourceDateEpoch: '1700000000' })).children[0] as { type: string; value: string };
    const meta = parseYaml(block.value) as Record<string, string>;
    expect(meta.date).toBe('2023-11-14');
    // Pandoc reads the value as Markdown: parsed back as Markdown, it is the literal title.
    expect(toString(parseMarkdown(meta.title!))).toBe(config.handbook.title);
  });

  it('should open with the title page from config and a table of contents', () => {
    const [, first, second, third] = tree.children;
    expect(first?.type === 'heading' && first.depth === 1 && toString(first)).toBe('Field Notes');
    expect(toString(second!)).toBe('Essays on teams, focus and tools');
    expect(toString(third!)).toBe('Edited by The Commonplace fixtures');
    expect(linksIn(sectionAt('contents')).map((l) => l.url).slice(0, 3)).toEqual(['#chapter-organisations', '#note-committees', '#note-single-threaded']);
  });

  it('should put chapters in config order, each note in its first matching chapter, the rest last, by year then title', () => {
    const chapters = tree.children.filter((n): n is Heading => n.type === 'heading' && n.depth === 2).map((h) => toString(h));
    expect(chapters).toEqual(['Contents', 'Organisations', 'Focus', 'Further reading', 'Glossary', 'Bibliography', 'Authors']);
    const essays = tree.children.filter((n): n is Heading => n.type === 'heading' && n.depth === 3).map((h) => toString(h));
    // deep-work has tags [focus, product]; single-threaded [org-design, product] → Organisations (first configured match).
    expect(essays.slice(0, 5)).toEqual([
      'How Do Committees Invent?', // 1968
      "Amazon's Single-Threaded Model", // 2020
      "Maker's Schedule, Manager's Schedule", // 2009
      'Deep Work', // 2016
      'Choose Boring Technology', // no configured tag
    ]);
  });

  it('should give each essay a byline with linked authors, year, venue and source', () => {
    const byline = sectionAt('note-committees')[0]!;
    expect(toString(byline)).toBe('By Melvin E. Conway · 1968 · Datamation · Source');
    expect(linksIn([byline]).map((l) => l.url)).toEqual(['#author-melvin-e-conway', 'http://www.melconway.com/Home/Committees_Paper.html']);
  });

  it('should link only the first mention of a concept in each section', () => {
    const central = sectionBody('note-committees--central-argument');
    expect(toString({ type: 'root', children: central })).toContain("Conway's law holds for software");
    expect(linksIn(central).map((l) => l.url)).toEqual(['#concept-conways-law', '#concept-team-size']);
    // A new section links the concept again.
    expect(linksIn(sectionBody('note-committees--critique')).map((l) => l.url)).toEqual(['#concept-conways-law']);
  });

  it('should never link a mention inside code, an existing link or a heading', () => {
    const maker = sectionBody('note-makers-schedule--why-it-matters');
    const code = maker.find((n) => n.type === 'code');
    expect(code && code.type === 'code' && code.value).toBe('maker\'s schedule inside a code block must never become a link');
    const critique = sectionBody('note-committees--critique');
    const inline: string[] = [];
    for (const n of critique) visit(n, 'inlineCode', (c: { value: string }) => void inline.push(c.value));
    expect(inline).toEqual(["Conway's law"]);
    const external = linksIn(sectionBody('note-deep-work--critique'));
    expect(external.map((l) => [l.url, toString(l)])).toEqual([['https://example.com/makers', "maker's schedule"]]);
    expect(linksIn(external)).toHaveLength(1); // no link nested inside it
    const headings: Link[] = [];
    visit(tree, 'heading', (h: Heading) => void headings.push(...linksIn([h])));
    expect(headings).toEqual([]);
  });

  it('should turn resolved wikilinks into links to the right heading and leave unresolved ones as text', () => {
    const why = sectionBody('note-committees--why-it-matters');
    expect(linksIn(why).map((l) => [toString(l), l.url])).toEqual([
      ["Amazon's Single-Threaded Model", '#note-single-threaded'],
      ["Graham's critique", '#note-makers-schedule--critique'],
      ["Conway's law", '#concept-conways-law'],
    ]);
    expect(toString({ type: 'root', children: why })).toContain('[[A note that does not exist]]');
  });

  it('should point a Markdown link to another note at its essay', () => {
    const links = linksIn(sectionBody('note-single-threaded--critique'));
    expect(links.map((l) => [toString(l), l.url])).toContainEqual(['How Do Committees Invent?', '#note-committees']);
  });

  it('should scope footnote labels to their note so two notes never collide', () => {
    const refs: string[] = [];
    const defs: string[] = [];
    visit(tree, 'footnoteReference', (n: { identifier: string }) => void refs.push(n.identifier));
    visit(tree, 'footnoteDefinition', (n: { identifier: string }) => void defs.push(n.identifier));
    expect(refs.sort()).toEqual(['note-committees-hbr', 'note-single-threaded-1']);
    expect(defs.sort()).toEqual(refs);
  });

  it('should list concepts, related essays with a reason, and backlinks under each essay', () => {
    const essay = sectionAt('note-single-threaded');
    const text = essay.map((n) => toString(n));
    expect(text).toContain('Concepts: ownership, team size');
    expect(text.some((t) => t.startsWith('Mentioned in: How Do Committees Invent?'))).toBe(true);
    const related = library.notes.find((n) => n.note.id === 'single-threaded')!.related;
    expect(related.length).toBeGreaterThan(0);
    const relatedList = essay.find((n) => n.type === 'list');
    expect(relatedList && linksIn([relatedList]).map((l) => l.url)).toEqual(related.map((r) => `#note-${r.id}`));
  });

  it('should write a glossary, a bibliography in one citation style and an author index', () => {
    const glossary = sectionAt('concept-conways-law').map((n) => toString(n));
    expect(glossary[0]).toBe("The observation that a system's structure tends to copy the communication structure of the organization that designs it.");
    expect(glossary).toContain('Also called: mirroring hypothesis');
    expect(glossary.find((t) => t.startsWith('See also:'))).toContain('ownership');
    const listItems = (anchor: string): string[] => sectionAt(anchor).flatMap((n) => (n.type === 'list' ? n.children.map((i) => toString(i)) : []));
    const bibliography = listItems('bibliography').join('\n');
    expect(bibliography).toContain('Melvin E. Conway (1968). How Do Committees Invent?. Datamation. http://www.melconway.com/Home/Committees_Paper.html');
    expect(bibliography.split('\n')).toHaveLength(library.notes.length);
    expect(listItems('authors')).toEqual([
      'Cal Newport: Deep Work',
      'Dan McKinley: Choose Boring Technology',
      'Melvin E. Conway: How Do Committees Invent?',
      "Paul Graham: Maker's Schedule, Manager's Schedule",
      "Pedro Gallego: Amazon's Single-Threaded Model",
    ]);
  });
});
