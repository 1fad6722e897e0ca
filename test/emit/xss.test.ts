/**
 * The "Markdown to HTML" rows of the reliability checklist, on a hostile
 * fixture library built with the real stages: payloads in note bodies, in
 * front matter, in concept names and definitions, in titles the cross-linker
 * turns into links, and in footnotes. Assertions run on the PARSED output.
 */
import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';
import { beforeAll, describe, expect, it } from 'vitest';
import { emitHandbookHtml } from '../../src/emit/handbook-html.js';
import { emitHandbookMarkdown } from '../../src/emit/handbook-md.js';
import type { Library } from '../../src/types.js';
import { bodiesOf, buildFixtureLibrary, fixtureConfig, HOSTILE_LIBRARY } from './build-fixture.js';
import { elements, htmlFragmentLinks, htmlIds, markdownUrls, parseHtml, parseMarkdown, textOf } from './parse-output.js';

let library: Library;
let tree: Root;
let markdown: string;

beforeAll(async () => {
  library = await buildFixtureLibrary(HOSTILE_LIBRARY);
  tree = parseHtml(emitHandbookHtml(library, fixtureConfig(), { bodies: bodiesOf(library) }));
  markdown = emitHandbookMarkdown(library, fixtureConfig(), { bodies: bodiesOf(library) });
});

const ALLOWED_SCHEMES = new Set(['http', 'https', 'mailto']);
const URL_PROPERTIES = ['href', 'src', 'action', 'formAction', 'cite', 'poster', 'srcSet', 'xLinkHref', 'data', 'background', 'longDesc', 'ping'];

/** The scheme a browser would use for `url` (control characters and whitespace ignored, as browsers do), or null if relative. */
function schemeOf(url: string): string | null {
  const compact = url.replace(/[\u0000-\u0020\u007f-\u009f]+/g, '');
  const match = /^([a-z][a-z0-9+.-]*):/i.exec(compact);
  return match ? match[1]!.toLowerCase() : null;
}

const body = (): Element => elements(tree).find((e) => e.tagName === 'body')!;

describe('handbook.html from a hostile library', () => {
  it('should read every hostile note (the payloads really reach the emitter)', () => {
    expect(library.notes.map((n) => n.note.id)).toEqual(['links-to-hostile', 'xss-body', 'xss-title']);
    expect(library.concepts.map((c) => c.concept.name)).toContain('Evil <img src=x onerror=alert(2)> law');
  });

  it('should let no script-capable or page-changing element from a note survive', () => {
    const forbidden = ['iframe', 'object', 'embed', 'svg', 'math', 'form', 'base', 'button', 'frame', 'frameset', 'link', 'img', 'style', 'meta', 'template'];
    expect(elements(body()).filter((e) => forbidden.includes(e.tagName)).map((e) => e.tagName)).toEqual([]);
    // The only scripts are the shell's three: the JSON index, MiniSearch and the page script.
    const scripts = elements(tree).filter((e) => e.tagName === 'script');
    expect(scripts).toHaveLength(3);
    expect(scripts[0]!.properties.type).toBe('application/json');
    for (const script of scripts.slice(1)) expect(textOf(script)).not.toContain('alert(');
    // The one input is the shell's search box.
    expect(elements(body()).filter((e) => e.tagName === 'input').map((e) => e.properties.id)).toEqual(['search-input']);
  });

  it('should leave no event-handler attribute anywhere', () => {
    const handlers = elements(tree).flatMap((e) => Object.keys(e.properties).filter((k) => /^on/i.test(k)).map((k) => `${e.tagName}.${k}`));
    expect(handlers).toEqual([]);
  });

  it('should leave no URL with a scheme other than http, https or mailto', () => {
    const bad = elements(tree).flatMap((e) =>
      URL_PROPERTIES.flatMap((key) => {
        const value = e.properties[key];
        if (value === undefined || value === null) return [];
        const scheme = schemeOf(String(value));
        return scheme === null || ALLOWED_SCHEMES.has(scheme) ? [] : [`${e.tagName}.${key}=${String(value)}`];
      }),
    );
    expect(bad).toEqual([]);
  });

  it('should show hostile titles, authors, venues and concept names as text wherever they appear', () => {
    const headings = elements(tree).filter((e) => e.tagName === 'h3').map(textOf);
    expect(headings).toContain('<img src=x onerror=alert(1)> Title');
    expect(headings).toContain('Evil <img src=x onerror=alert(2)> law');
    const links = elements(tree).filter((e) => e.tagName === 'a').map(textOf);
    expect(links).toContain('<img src=x onerror=alert(1)> Title'); // the cross-linked wikilink and lists
    expect(links).toContain('<script>alert(1)</script>'); // author link in the byline
    expect(textOf(body())).toContain('<svg onload=alert(1)>'); // venue
  });

  it('should keep every #anchor resolving after sanitising, footnotes included', () => {
    const ids = htmlIds(tree);
    expect([...ids].filter(([, n]) => n > 1)).toEqual([]);
    const links = htmlFragmentLinks(tree);
    expect(links.filter((l) => l.includes('-fn-')).length).toBe(3);
    expect(links.filter((target) => !ids.has(target))).toEqual([]);
  });

  it('should escape < and U+2028/2029 in the inlined search index and keep the data intact', () => {
    const script = elements(tree).find((e) => e.tagName === 'script' && e.properties.id === 'search-index')!;
    const raw = textOf(script);
    expect(raw).not.toMatch(/[<>\u2028\u2029]/);
    expect(raw).toContain('\\u003c/script\\u003e');
    const payload = JSON.parse(raw) as { index: { storedFields: Record<string, { title: string }> } };
    const titles = Object.values(payload.index.storedFields).map((f) => f.title);
    expect(titles).toContain('<img src=x onerror=alert(1)> Title');
    expect(titles).toContain('Evil <img src=x onerror=alert(2)> law');
  });
});

describe('handbook.html with a hostile handbook config', () => {
  it('should escape the title, subtitle and editor from config in <title> and the header', () => {
    const config = fixtureConfig();
    config.handbook.title = '</title><script>alert(9)</script>';
    config.handbook.subtitle = '<img src=x onerror=alert(10)>';
    config.handbook.editor = '<a href="javascript:alert(11)">me</a>';
    const page = parseHtml(emitHandbookHtml(library, config, { bodies: bodiesOf(library) }));
    const title = elements(page).find((e) => e.tagName === 'title')!;
    expect(textOf(title)).toBe('</title><script>alert(9)</script>');
    expect(elements(page).filter((e) => e.tagName === 'script')).toHaveLength(3);
    expect(elements(page).filter((e) => e.tagName === 'img')).toEqual([]);
    const header = elements(page).find((e) => e.tagName === 'header')!;
    expect(textOf(header)).toContain('Edited by <a href="javascript:alert(11)">me</a>');
    expect(elements(header).filter((e) => e.tagName === 'a')).toEqual([]);
  });
});

describe('handbook.md from a hostile library', () => {
  it('should contain no raw HTML except its own anchors and no dangerous URL', () => {
    const md = parseMarkdown(markdown);
    const html: string[] = [];
    visit(md, 'html', (n: { value: string }) => void html.push(n.value));
    expect(html.filter((v) => !/^<a id="[a-z0-9-]+">$/.test(v) && v !== '</a>')).toEqual([]);
    const bad = markdownUrls(md).filter((url) => {
      const scheme = schemeOf(url);
      return scheme !== null && !ALLOWED_SCHEMES.has(scheme);
    });
    expect(bad).toEqual([]);
  });

  it('should keep hostile titles as text', () => {
    const md = parseMarkdown(markdown);
    const headings: string[] = [];
    visit(md, 'heading', (h) => {
      let text = '';
      visit(h, 'text', (t: { value: string }) => void (text += t.value));
      headings.push(text);
    });
    expect(headings).toContain('<img src=x onerror=alert(1)> Title');
  });
});
