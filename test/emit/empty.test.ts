import { rmSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';
import { toString as mdastToString } from 'mdast-util-to-string';
import { afterAll, describe, expect, it } from 'vitest';
import { outputText } from '../../src/emit/index.js';
import { EMPTY_NOTICE } from '../../src/emit/model.js';
import { buildFixtureLibrary, emitFixture, emptyLibrary, fixtureConfig } from './build-fixture.js';
import { elements, htmlFragmentLinks, htmlIds, markdownAnchorIds, parseHtml, parseMarkdown, textOf } from './parse-output.js';

const root = emptyLibrary();
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('an empty library', () => {
  it('should build a valid, empty handbook with a clear notice and a valid empty index', async () => {
    const library = await buildFixtureLibrary(root);
    expect(library.notes).toEqual([]);
    const outputs = emitFixture(library, fixtureConfig());
    const files = Object.fromEntries(['handbook.md', 'handbook.html', 'index.json', 'index.schema.json'].map((name) => [name, outputText(outputs, name)]));

    const md = parseMarkdown(files['handbook.md']!);
    const paragraphs = md.children.filter((n) => n.type === 'paragraph').map((n) => mdastToString(n));
    expect(paragraphs).toContain(EMPTY_NOTICE);
    const ids = markdownAnchorIds(md);
    expect(ids).toEqual(['title', 'contents', 'glossary', 'bibliography', 'authors']);

    const html = parseHtml(files['handbook.html']!);
    expect(textOf(html)).toContain('This library has no notes yet.');
    const htmlIdSet = htmlIds(html);
    expect(htmlFragmentLinks(html).filter((l) => !htmlIdSet.has(l))).toEqual([]);
    expect(elements(html).filter((e) => e.tagName === 'article')).toEqual([]);

    const index = JSON.parse(files['index.json']!) as { notes: unknown[]; concepts: unknown[] };
    expect(index).toEqual({ schemaVersion: 2, notes: [], concepts: [] });
    const ajv = new Ajv2020.default({ strict: true, formats: { 'date-time': true } });
    expect(ajv.validate(JSON.parse(files['index.schema.json']!) as object, index)).toBe(true);
  });
});
