import type { Element, Root } from 'hast';
import { beforeAll, describe, expect, it } from 'vitest';
import { CLOBBER_PREFIX } from '../../src/emit/html-sanitize.js';
import { emitHandbookHtml } from '../../src/emit/handbook-html.js';
import { emitHandbookMarkdown } from '../../src/emit/handbook-md.js';
import type { Library } from '../../src/types.js';
import { bodiesOf, buildFixtureLibrary, fixtureConfig } from './build-fixture.js';
import { elements, htmlFragmentLinks, htmlIds, markdownAnchorIds, parseHtml, parseMarkdown, textOf } from './parse-output.js';

let library: Library;
let html: string;
let tree: Root;

beforeAll(async () => {
  library = await buildFixtureLibrary();
  html = emitHandbookHtml(library, fixtureConfig(), { bodies: bodiesOf(library) });
  tree = parseHtml(html);
});

const byTag = (tag: string): Element[] => elements(tree).filter((e) => e.tagName === tag);
const byId = (id: string): Element | undefined => elements(tree).find((e) => e.properties.id === id);

describe('emitHandbookHtml', () => {
  it('should resolve every in-page #anchor to exactly one id after sanitising', () => {
    const ids = htmlIds(tree);
    expect([...ids].filter(([, count]) => count > 1)).toEqual([]);
    const links = htmlFragmentLinks(tree);
    expect(links.length).toBeGreaterThan(60);
    expect(links.filter((target) => !ids.has(target))).toEqual([]);
  });

  it('should carry the same anchors and links as the Markdown, with the sanitiser prefix', () => {
    const md = parseMarkdown(emitHandbookMarkdown(library, fixtureConfig(), { bodies: bodiesOf(library) }));
    const mdIds = markdownAnchorIds(md).map((id) => `${CLOBBER_PREFIX}${id}`);
    const ids = htmlIds(tree);
    expect(mdIds.filter((id) => !ids.has(id))).toEqual([]);
  });

  it('should keep footnote links working after the clobber prefix (reference ↔ definition ↔ back link)', () => {
    const refs = elements(tree).filter((e) => e.properties.dataFootnoteRef !== undefined);
    expect(refs).toHaveLength(2);
    for (const ref of refs) {
      const target = byId(String(ref.properties.href).slice(1));
      expect(target?.tagName).toBe('li');
      const back = elements(target!).find((e) => e.properties.dataFootnoteBackref !== undefined);
      expect(String(back?.properties.href)).toBe(`#${String(ref.properties.id)}`);
      const label = byId(String((ref.properties.ariaDescribedBy as string[])[0]));
      expect(label && textOf(label)).toBe('Notes');
    }
  });

  it('should use semantic landmarks and never skip a heading level', () => {
    for (const tag of ['header', 'nav', 'main', 'footer']) expect(byTag(tag), tag).toHaveLength(1);
    expect(byTag('article')).toHaveLength(library.notes.length);
    expect(byTag('h1')).toHaveLength(1);
    let previous = 0;
    for (const heading of elements(tree).filter((e) => /^h[1-6]$/.test(e.tagName))) {
      const level = Number(heading.tagName.slice(1));
      expect(level, textOf(heading)).toBeLessThanOrEqual(previous + 1);
      previous = level;
    }
  });

  it('should link concept mentions to glossary entries', () => {
    const conceptLinks = elements(tree).filter((e) => (e.properties.className as string[] | undefined)?.includes('concept-link'));
    expect(conceptLinks.length).toBeGreaterThan(5);
    for (const link of conceptLinks) {
      const target = byId(String(link.properties.href).slice(1));
      expect(target?.tagName).toBe('h3');
      expect((target?.properties.className as string[]).includes('concept-title')).toBe(true);
    }
  });

  it('should be self-contained: inline style and scripts, no external resource, a CSP that forbids requests', () => {
    expect(byTag('link')).toEqual([]);
    expect(byTag('img')).toEqual([]);
    expect(byTag('script').filter((s) => s.properties.src !== undefined)).toEqual([]);
    expect(byTag('style')).toHaveLength(1);
    const csp = byTag('meta').find((m) => m.properties.httpEquiv !== undefined);
    expect(String(csp?.properties.content)).toContain("default-src 'none'");
    const sources = elements(tree).flatMap((e) => ['src', 'srcSet', 'poster', 'data'].filter((k) => e.properties[k] !== undefined));
    expect(sources).toEqual([]);
  });

  it('should inline a search index over every essay and concept', () => {
    const data = byTag('script').find((s) => s.properties.id === 'search-index')!;
    const payload = JSON.parse(textOf(data)) as { index: { documentCount: number; storedFields: Record<string, { title: string }> } };
    expect(payload.index.documentCount).toBe(library.notes.length + library.concepts.length);
    expect(Object.values(payload.index.storedFields).map((f) => f.title)).toContain('Deep Work');
  });

  it('should show the sidebar table of contents with every essay', () => {
    const nav = byTag('nav')[0]!;
    const targets = elements(nav).flatMap((e) => (typeof e.properties.href === 'string' ? [e.properties.href] : []));
    for (const linked of library.notes) expect(targets).toContain(`#${CLOBBER_PREFIX}note-${linked.note.id}`);
  });
});
