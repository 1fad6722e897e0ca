/**
 * handbook.pdf printed by the real Chromium (Debian's, as the browser test
 * uses) and read back with poppler: pages, running headers, page numbers,
 * outline, internal links, each essay on its own page. Like the browser
 * test, it does not skip without Chromium; it skips without poppler.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prerenderPdf, type PdfResult } from '../../src/emit/index.js';
import { cssString } from '../../src/emit/pdf-document.js';
import { destinationPages } from '../../src/emit/pdf-pages.js';
import { NO_CHROMIUM, PDF_NOTE_LIMIT } from '../../src/emit/pdf.js';
import { HTML_NOTE_LIMIT } from '../../src/emit/handbook-html.js';
import type { Library } from '../../src/types.js';
import { bodiesOf, buildFixtureLibrary, emitFixture, fixtureConfig } from './build-fixture.js';
import { pdfDestinationPages, pdfDestinations, pdfInfo, pdfLayoutPages, pdfLinkTargets, pdfOutline, pdfPages, requireCommand } from './format-checkers.js';

const scratch = mkdtempSync(path.join(tmpdir(), 'commonplace-pdf-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const config = { ...fixtureConfig(), outputs: ['pdf'] };
let library: Library;
let bytes: Uint8Array;
let printed: PdfResult;
const file = path.join(scratch, 'handbook.pdf');

beforeAll(async () => {
  if (!existsSync('/usr/bin/chromium')) throw new Error('/usr/bin/chromium is missing: install Debian\'s chromium (apt-get install chromium; CI does this in .ci/run). The PDF test never skips.');
  library = await buildFixtureLibrary();
  const result = await prerenderPdf(library, config, { bodies: bodiesOf(library), sourceDateEpoch: '1700000000' });
  if (!result || !('bytes' in result)) throw new Error(`no PDF: ${result && 'problem' in result ? result.problem : 'not printed'}`);
  bytes = result.bytes;
  printed = result;
  writeFileSync(file, bytes);
}, 120_000);

describe('handbook.pdf', () => {
  it('should be yielded by emitAll once printed, and be a tagged A4 PDF dated from SOURCE_DATE_EPOCH', (context) => {
    requireCommand('pdfinfo', context, 'apt-get install poppler-utils; .ci/run does', ['-v']);
    expect(emitFixture(library, config, { pdf: printed }).map((f) => f.name)).toEqual(['handbook.pdf']);
    const info = pdfInfo(file);
    expect(info.Title).toBe('Field Notes');
    expect(info.Tagged).toBe('yes');
    expect(info['Page size']).toMatch(/\(A4\)/);
    expect(info.CreationDate).toBe('Tue Nov 14 22:13:20 2023 UTC');
    expect(Number(info.Pages)).toBeGreaterThanOrEqual(8);
  });

  it('should open with the title page and the contents, then put each essay on a new page with its chapter as the running header and page numbers', (context) => {
    requireCommand('pdftotext', context, 'apt-get install poppler-utils; .ci/run does', ['-v']);
    const pages = pdfPages(file);
    const lines = (page: string): string[] => page.split('\n').map((l) => l.trim()).filter((l) => l !== '');
    expect(lines(pages[0]!).slice(0, 3)).toEqual(['Field Notes', 'Essays on teams, focus and tools', 'Edited by The Commonplace fixtures']);
    expect(lines(pages[1]!)).toContain('Contents');
    const chapterOf: Record<string, string> = { 'How Do Committees Invent?': 'Organisations', "Amazon's Single-Threaded Model": 'Organisations', 'Deep Work': 'Focus', "Maker's Schedule, Manager's Schedule": 'Focus', 'Choose Boring Technology': 'Further reading' };
    for (const [title, chapter] of Object.entries(chapterOf)) {
      const at = pages.findIndex((page, i) => i > 1 && lines(page).includes(title));
      expect(at, title).toBeGreaterThan(1);
      const text = lines(pages[at]!);
      expect(text[0], `${title}: running header`).toBe(chapter);
      // The essay starts its page: only the header (and its chapter's heading, for a chapter's first essay) come before it.
      expect(text.slice(1, text.indexOf(title)).every((l) => l === chapter), `${title} starts its page`).toBe(true);
      expect(text.at(-1), `${title}: page number`).toBe(`${at + 1} / ${pages.length}`);
    }
  });

  it('should number the contents: each line names the page on which its chapter, essay or back-matter title appears', (context) => {
    requireCommand('pdftotext', context, 'apt-get install poppler-utils; .ci/run does', ['-v']);
    const pages = pdfPages(file);
    const contents = pdfLayoutPages(file)[1]!.split('\n').map((l) => l.trim());
    const titles = ['Organisations', 'How Do Committees Invent?', "Amazon's Single-Threaded Model", 'Focus', 'Deep Work', "Maker's Schedule, Manager's Schedule", 'Further reading', 'Choose Boring Technology', 'Glossary', 'Bibliography', 'Authors'];
    const numbered = new Map<string, number>();
    for (const title of titles) {
      const line = contents.find((l) => l.startsWith(title) && /^\s+\d+$/.test(l.slice(title.length)));
      expect(line, `${title}: a contents line ending in a page number`).toBeDefined();
      const page = Number(line!.slice(title.length));
      numbered.set(title, page);
      expect(page, title).toBeGreaterThan(2);
      expect(pages[page - 1]!.split('\n').map((l) => l.trim()), `${title} on page ${page}`).toContain(title);
      // The first page that shows the title past the contents: the line names where it begins, not a later mention.
      expect(pages.findIndex((p, i) => i > 1 && p.split('\n').map((l) => l.trim()).includes(title)) + 1, title).toBe(page);
    }
    expect(numbered.get('Deep Work')).toBeGreaterThan(numbered.get('Organisations')!);
    // Every line between the heading and the page footer ends in its number.
    const entries = contents.filter((l) => l !== '' && l !== 'Contents' && !/^\d+ \/ \d+$/.test(l));
    expect(entries.filter((l) => !/\S\s+\d+$/.test(l))).toEqual([]);
  });

  it('should read each named destination on the page poppler finds it on', (context) => {
    requireCommand('pdfinfo', context, 'apt-get install poppler-utils; .ci/run does', ['-v']);
    const ours = destinationPages(bytes);
    expect(ours.size).toBeGreaterThan(20);
    expect(ours).toEqual(pdfDestinationPages(file));
  });

  it('should have bookmarks for the chapters under the title and the essays under their chapters', (context) => {
    requireCommand('pdftohtml', context, 'apt-get install poppler-utils; .ci/run does', ['-v']);
    const outline = pdfOutline(file);
    const depthOf = (title: string): number | undefined => outline.find(([, , t]) => t === title)?.[0];
    expect(depthOf('Field Notes')).toBe(1);
    for (const chapter of ['Contents', 'Organisations', 'Focus', 'Further reading', 'Glossary', 'Bibliography', 'Authors']) expect(depthOf(chapter), chapter).toBe(2);
    for (const essay of ['How Do Committees Invent?', "Amazon's Single-Threaded Model", 'Deep Work', 'Choose Boring Technology']) expect(depthOf(essay), essay).toBe(3);
  });

  it('should keep the internal links: every link into the book goes to a destination the PDF defines', (context) => {
    requireCommand('pdfinfo', context, 'apt-get install poppler-utils; .ci/run does', ['-v']);
    const destinations = pdfDestinations(file);
    const targets = pdfLinkTargets(readFileSync(file));
    expect(targets.length).toBeGreaterThan(30);
    expect(targets).toContain('user-content-note-committees');
    expect(targets.filter((t) => !destinations.has(t))).toEqual([]);
  });

  it('should be byte-identical when printed again', async () => {
    const again = await buildFixtureLibrary();
    const result = await prerenderPdf(again, config, { bodies: bodiesOf(again), sourceDateEpoch: '1700000000' });
    expect(result && 'bytes' in result && Buffer.from(result.bytes).equals(Buffer.from(bytes))).toBe(true);
  }, 120_000);

  it('should report a missing Chromium in one line naming how to install it, and yield no PDF', async () => {
    const other = await buildFixtureLibrary();
    expect(await prerenderPdf(other, config, { bodies: bodiesOf(other), env: { COMMONPLACE_CHROMIUM: path.join(scratch, 'no-such-chromium') } })).toEqual({ problem: NO_CHROMIUM });
    expect(NO_CHROMIUM).toMatch(/^handbook\.pdf not written: .*apt-get install chromium.*COMMONPLACE_CHROMIUM/);
    expect(NO_CHROMIUM).not.toContain('\n');
    expect(emitFixture(other, config)).toEqual([]);
  });
});

describe('the PDF of a very large library', () => {
  it('should not be printed past PDF_NOTE_LIMIT notes, with a notice (not a problem) saying why', async () => {
    const source = await buildFixtureLibrary();
    const one = source.notes[0]!;
    const huge: Library = { notes: new Array<typeof one>(PDF_NOTE_LIMIT + 1).fill(one), concepts: [], diagnostics: [] };
    expect(await prerenderPdf(huge, config, { bodies: bodiesOf(source) })).toEqual({ notice: `handbook.pdf not written: ${PDF_NOTE_LIMIT + 1} notes are past the PDF's limit of ${PDF_NOTE_LIMIT} (thousands of pages); print chapters from handbook.html instead` });
    // Past handbook.html's own limit there is no handbook.html to print from: the notice names the site.
    const larger: Library = { ...huge, notes: new Array<typeof one>(HTML_NOTE_LIMIT + 1).fill(one) };
    expect(await prerenderPdf(larger, config, { bodies: bodiesOf(source) })).toEqual({ notice: `handbook.pdf not written: ${HTML_NOTE_LIMIT + 1} notes are past the PDF's limit of ${PDF_NOTE_LIMIT} (thousands of pages); read dist/site/index.html instead` });
  });
});

describe('cssString', () => {
  it('should escape every character that could end the string or the style element', () => {
    expect(cssString('Organisations & teams')).toBe('"Organisations & teams"');
    expect(cssString('a"b\\c</style>\n')).toBe('"a\\22 b\\5c c\\3c \\2f style\\3e \\a "');
  });
});
