import { cpSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { unzipSync } from 'fflate';
import type { Element } from 'hast';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Config } from '../../src/config.js';
import { bookIdentifier, epubChunks } from '../../src/emit/epub.js';
import type { Library } from '../../src/types.js';
import { bodiesOf, buildFixtureLibrary, FIXTURE_LIBRARY, fixtureConfig, HOSTILE_LIBRARY } from './build-fixture.js';
import { epubcheck, MARKUP_LIBRARY, REFERENCES_LIBRARY, requireEpubcheck } from './format-checkers.js';
import { elements, parseHtml, textOf } from './parse-output.js';

const scratch = mkdtempSync(path.join(tmpdir(), 'commonplace-epub-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const epub = (library: Library, config: Config, sourceDateEpoch?: string): Buffer => Buffer.concat([...epubChunks(library, config, { bodies: bodiesOf(library), sourceDateEpoch })]);
const text = (files: Record<string, Uint8Array>, name: string): string => new TextDecoder().decode(files[name]);

let library: Library;
let bytes: Buffer;
let files: Record<string, Uint8Array>;

beforeAll(async () => {
  library = await buildFixtureLibrary(FIXTURE_LIBRARY);
  bytes = epub(library, fixtureConfig());
  files = unzipSync(bytes);
});

describe('handbook.epub', () => {
  it('should start with the stored mimetype entry, no extra field, as OCF requires', () => {
    expect(bytes.readUInt32LE(0)).toBe(0x04034b50);
    expect(bytes.readUInt16LE(8)).toBe(0); // compression: stored
    expect(bytes.readUInt16LE(28)).toBe(0); // extra field length
    expect(bytes.subarray(30, 38).toString('latin1')).toBe('mimetype');
    expect(bytes.subarray(38, 58).toString('latin1')).toBe('application/epub+zip');
  });

  it('should hold the package, navigation, NCX, title page, one document per chapter and per back-matter part', () => {
    expect(Object.keys(files)).toEqual([
      'mimetype',
      'META-INF/container.xml',
      'OEBPS/content.opf',
      'OEBPS/nav.xhtml',
      'OEBPS/toc.ncx',
      'OEBPS/style.css',
      'OEBPS/title.xhtml',
      'OEBPS/chapter-1.xhtml',
      'OEBPS/chapter-2.xhtml',
      'OEBPS/chapter-3.xhtml',
      'OEBPS/glossary.xhtml',
      'OEBPS/bibliography.xhtml',
      'OEBPS/authors.xhtml',
    ]);
  });

  it('should list every essay, chapter and back-matter part in the navigation document and the NCX', () => {
    const nav = parseHtml(text(files, 'OEBPS/nav.xhtml'));
    const labels = elements(nav).filter((e) => e.tagName === 'a').map((a) => textOf(a));
    const titles = library.notes.map((n) => n.note.meta.title!);
    expect(titles.filter((t) => !labels.includes(t))).toEqual([]);
    expect(labels).toEqual(expect.arrayContaining(['Organisations', 'Focus', 'Further reading', 'Glossary', 'Bibliography', 'Authors']));
    const ncx = text(files, 'OEBPS/toc.ncx');
    for (const label of labels) expect(ncx).toContain(`<text>${label.replace(/&/g, '&amp;')}</text>`);
  });

  it('should resolve every in-book link to an id in the document it names', () => {
    const ids = new Map<string, Set<string>>();
    const docs = Object.keys(files).filter((name) => name.endsWith('.xhtml'));
    const trees = new Map(docs.map((name) => [name.slice('OEBPS/'.length), parseHtml(text(files, name))]));
    for (const [name, tree] of trees) ids.set(name, new Set(elements(tree).map((e) => e.properties.id).filter((id): id is string => typeof id === 'string')));
    const broken: string[] = [];
    let links = 0;
    for (const [name, tree] of trees) {
      for (const a of elements(tree).filter((e: Element) => e.tagName === 'a' && typeof e.properties.href === 'string')) {
        const href = a.properties.href as string;
        if (/^[a-z]+:/i.test(href)) continue;
        links++;
        const [file, fragment] = href.split('#') as [string, string | undefined];
        const target = file === '' ? name : file;
        if (!ids.has(target) || (fragment !== undefined && !ids.get(target)!.has(fragment))) broken.push(`${name}: ${href}`);
      }
    }
    expect(links).toBeGreaterThan(60);
    expect(broken).toEqual([]);
  });

  it('should carry title, subtitle, editor, language, a content-derived identifier and the SOURCE_DATE_EPOCH date', () => {
    const opf = text(unzipSync(epub(library, fixtureConfig(), '1700000000')), 'OEBPS/content.opf');
    expect(opf).toContain('<dc:title id="title">Field Notes</dc:title>');
    expect(opf).toContain('<dc:title id="subtitle">Essays on teams, focus and tools</dc:title>');
    expect(opf).toContain('<dc:creator id="editor">The Commonplace fixtures</dc:creator>');
    expect(opf).toContain('<dc:language>en</dc:language>');
    expect(opf).toContain('<meta property="dcterms:modified">2023-11-14T22:13:20Z</meta>');
    expect(text(files, 'OEBPS/content.opf')).toContain('<meta property="dcterms:modified">1980-01-01T00:00:00Z</meta>');
    const id = bookIdentifier(library, fixtureConfig());
    expect(id).toMatch(/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(opf).toContain(`<dc:identifier id="book-id">${id}</dc:identifier>`);
    const edited = { ...library, notes: library.notes.map((n, i) => (i === 0 ? { ...n, note: { ...n.note, hash: 'changed' } } : n)) };
    expect(bookIdentifier(edited, fixtureConfig())).not.toBe(id);
  });

  it('should be byte-identical when built twice, and its content sanitised like the HTML', async () => {
    expect(epub(await buildFixtureLibrary(FIXTURE_LIBRARY), fixtureConfig()).equals(bytes)).toBe(true);
    const hostile = unzipSync(epub(await buildFixtureLibrary(HOSTILE_LIBRARY, fixtureConfig(), { allowFailures: true }), fixtureConfig()));
    for (const name of Object.keys(hostile).filter((n) => n.endsWith('.xhtml'))) {
      const tree = parseHtml(text(hostile, name));
      expect(elements(tree).filter((e) => ['script', 'iframe', 'object', 'embed', 'form'].includes(e.tagName)), name).toEqual([]);
      expect(elements(tree).flatMap((e) => Object.keys(e.properties).filter((k) => /^on/i.test(k))), name).toEqual([]);
      expect(elements(tree).map((e) => e.properties.href).filter((href) => typeof href === 'string' && /^\s*(javascript|data|vbscript):/i.test(href)), name).toEqual([]);
    }
  });

  it('should pass epubcheck with no error and no warning (the hostile notes with the awkward references and markup notes)', async (context) => {
    requireEpubcheck(context);
    // One book of the three: XSS payloads, footnotes, task lists, hard breaks, `]]>`, CJK and TeX specials (epubcheck takes ~10-30 s a run).
    const root = path.join(scratch, 'library');
    cpSync(HOSTILE_LIBRARY, root, { recursive: true });
    for (const name of readdirSync(REFERENCES_LIBRARY)) cpSync(path.join(REFERENCES_LIBRARY, name), path.join(root, name));
    for (const name of readdirSync(MARKUP_LIBRARY)) cpSync(path.join(MARKUP_LIBRARY, name), path.join(root, name));
    const books = { combined: epub(await buildFixtureLibrary(root, fixtureConfig(), { allowFailures: true }), fixtureConfig(), '1700000000') };
    for (const [name, book] of Object.entries(books)) {
      const file = path.join(scratch, `${name}.epub`);
      writeFileSync(file, book);
      const result = epubcheck(file);
      expect(result.messages, name).toEqual([]);
      expect(result.summary, name).toBe('Messages: 0 fatals / 0 errors / 0 warnings / 0 infos');
      expect(result.code, name).toBe(0);
    }
  }, 300_000);
});
