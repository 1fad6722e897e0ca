/**
 * The EPUB writes each essay from the HTML the build already rendered for
 * handbook.html, rewritten as XHTML on the text (`htmlToXhtml`). A browser
 * must read the same document from both, but for the rewrites the book
 * needs; and the constructs HTML and XHTML write differently (the markup
 * fixture: hard breaks, rules, task lists, footnotes, `]]>`, `<` inside an
 * attribute) must come out as XML. epub.test.ts runs epubcheck on them too.
 */
import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Element, ElementContent, Root } from 'hast';
import { afterAll, describe, expect, it } from 'vitest';
import { renderedEssays } from '../../src/emit/essay-output.js';
import { htmlToXhtml } from '../../src/emit/epub-xhtml.js';
import type { Library } from '../../src/types.js';
import { bodiesOf, buildFixtureLibrary, FIXTURE_LIBRARY, fixtureConfig, HOSTILE_LIBRARY } from './build-fixture.js';
import { MARKUP_LIBRARY, REFERENCES_LIBRARY } from './format-checkers.js';
import { parseHtml } from './parse-output.js';

const scratch = mkdtempSync(path.join(tmpdir(), 'commonplace-xhtml-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** The fixture library with the markup note added. */
async function markupLibrary(): Promise<Library> {
  const root = path.join(scratch, 'library');
  cpSync(FIXTURE_LIBRARY, root, { recursive: true });
  for (const name of readdirSync(MARKUP_LIBRARY)) cpSync(path.join(MARKUP_LIBRARY, name), path.join(root, name));
  return buildFixtureLibrary(root);
}

/** Each essay of `library` as [anchor, its HTML, its XHTML]; anchors outside the essay are in "other.xhtml". */
function essaysOf(library: Library): [string, string, string][] {
  const essays = renderedEssays(library, fixtureConfig(), bodiesOf(library), undefined);
  return essays.model.chapters.flatMap((chapter) =>
    chapter.essays.map((essay) => {
      const html = essays.text(essay, 'html');
      const xhtml = htmlToXhtml(html, 'chapter-1.xhtml', (anchor) => (anchor.startsWith(essay.anchor) ? 'chapter-1.xhtml' : 'other.xhtml'));
      return [essay.anchor, html, xhtml] as [string, string, string];
    }),
  );
}

/**
 * An HTML parser's tree of `html`, without positions, with what the book
 * rewrites undone: a checkbox as its mark, valueless (boolean) attributes
 * gone, `other.xhtml#x` as `#x`, a cell's class `align-x` as `align="x"`.
 */
function asRead(html: string): unknown {
  // Adjacent text merged: a checkbox's mark joins the text after it.
  const merged = (items: unknown[]): unknown[] =>
    items.reduce<unknown[]>((out, item) => {
      if (typeof item === 'string' && typeof out.at(-1) === 'string') out[out.length - 1] += item;
      else out.push(item);
      return out;
    }, []);
  const strip = (nodes: ElementContent[]): unknown[] =>
    merged(nodes.map((node) => {
      if (node.type !== 'element') return node.type === 'text' ? node.value : node.type;
      if (node.tagName === 'input') return node.properties.checked === true ? '☑' : '☐';
      const properties = Object.fromEntries(Object.entries(node.properties).filter(([, v]) => v !== true && v !== ''));
      if (typeof properties.href === 'string') properties.href = properties.href.replace(/^other\.xhtml#/, '#');
      const align = Array.isArray(properties.className) && /^align-(\w+)$/.exec(String(properties.className[0]));
      if (align) {
        delete properties.className;
        properties.align = align[1];
      }
      return [node.tagName, properties, strip(node.children)];
    }));
  const body = ((parseHtml(html) as Root).children[0] as Element).children.find((n): n is Element => n.type === 'element' && n.tagName === 'body')!;
  return strip(body.children);
}

describe('htmlToXhtml', () => {
  it('should read, in an HTML parser, as the handbook.html essay it came from, for every essay of the fixture, hostile, references and markup libraries', async () => {
    const libraries = [await markupLibrary(), await buildFixtureLibrary(HOSTILE_LIBRARY, fixtureConfig(), { allowFailures: true }), await buildFixtureLibrary(REFERENCES_LIBRARY, fixtureConfig(), { allowFailures: true })];
    const essays = libraries.flatMap(essaysOf);
    expect(essays.length).toBeGreaterThan(12);
    for (const [anchor, html, xhtml] of essays) expect(asRead(xhtml), anchor).toEqual(asRead(html));
  });

  it('should close void elements, turn checkboxes into marks, drop boolean attributes, escape what XML forbids and point links at other documents', async () => {
    const essays = essaysOf(await markupLibrary());
    expect(essays.map(([anchor]) => anchor)).toContain('note-markup-edge-cases');
    const [, html, xhtml] = essays.find(([anchor]) => anchor === 'note-markup-edge-cases')!;
    expect(html).toMatch(/<br>[^]*<hr>[^]*<input type="checkbox" checked disabled>[^]*data-footnotes[ >]/);
    expect(xhtml).toContain('<br />');
    expect(xhtml).toContain('<hr />');
    expect(xhtml).toContain('☑ a checked task');
    expect(xhtml).toContain('☐ an open task');
    expect(xhtml).not.toMatch(/<input|<br>|<hr>|data-footnotes[\s>]/);
    expect(html).toContain('title="a <br> title > here &#x26; there"');
    expect(xhtml).toContain('title="a &#x3C;br> title > here &#x26; there"');
    expect(html).toContain(']]>');
    expect(xhtml).not.toContain(']]>');
    expect(xhtml).toContain('href="other.xhtml#user-content-note-boring-tech--critique"');
    expect(xhtml).toContain('href="#user-content-note-markup-edge-cases--central-argument"');
    expect(html).toContain('<th align="center">');
    expect(xhtml).toContain('<th class="align-center">');
    expect(xhtml).not.toContain(' align=');
  });
});
