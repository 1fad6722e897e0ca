/**
 * Every distribution format through the real CLI and the real checkers, on
 * the bundled library and on a generated library of 1,000 notes (built once,
 * shared by every check): epubcheck, the PDF read back with poppler, the CSL
 * schema, the BibTeX round trip, and Pandoc (handbook.md to DOCX and EPUB,
 * each bibliography through --citeproc), all with no error and no warning.
 * The 1,000-note notes are short (300 words) to keep CI time bounded; time is
 * measured by the bench, never asserted (the timeouts are hang guards).
 */
import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCorpus } from '../../scripts/gen-corpus.js';
import type { CslItem } from '../../src/emit/csl.js';
import { ensureCompiled, ROOT, runCli, tempDir } from '../reliability/cli.js';
import { bibtexMismatches, citeproc, epubcheck, pdfDestinations, pdfInfo, pdfLayoutPages, pdfLinkTargets, pdfOutline, pdfPages, requireCommand, requireEpubcheck, validateCsl } from './format-checkers.js';

const execFileAsync = promisify(execFile);
// The 1,000-note library takes minutes (Chromium prints ~1,500 pages twice, for the contents'
// page numbers; Pandoc converts the handbook twice): CI runs it (CI=true, as .ci/run is run); elsewhere set COMMONPLACE_FULL_CHECKS=1.
const LARGE = process.env.CI === 'true' || process.env.COMMONPLACE_FULL_CHECKS === '1';
if (!LARGE) console.warn('Skipping the 1,000-note distribution checks (they take minutes): set COMMONPLACE_FULL_CHECKS=1 (CI sets CI=true) to run them.');
const scratch = tempDir('commonplace-dist-');
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

interface Built {
  dist: string;
  titles: string[];
}
const libraries: Record<string, Built> = {};

/** Builds every output (`--outputs all`) of the project in `dir`; returns its dist/ and the note titles. */
async function buildAll(dir: string): Promise<Built> {
  const result = await runCli(['build', '--no-cache', '--outputs', 'all'], { cwd: dir, env: { SOURCE_DATE_EPOCH: '1700000000' }, timeoutMs: 3_000_000 });
  if (result.code !== 0) throw new Error(`build in ${dir} failed (${result.code}): ${result.stdout}${result.stderr}`);
  const dist = path.join(dir, 'dist');
  const items = JSON.parse(readFileSync(path.join(dist, 'references.json'), 'utf8')) as CslItem[];
  return { dist, titles: items.map((i) => i.title) };
}

beforeAll(async () => {
  ensureCompiled();
  const bundled = path.join(scratch, 'bundled');
  mkdirSync(bundled);
  cpSync(path.join(ROOT, 'library'), path.join(bundled, 'library'), { recursive: true });
  cpSync(path.join(ROOT, 'commonplace.config.json'), path.join(bundled, 'commonplace.config.json'));
  const generated = path.join(scratch, 'generated');
  if (LARGE) generateCorpus({ out: path.join(generated, 'library'), count: 1000, seed: 'distribution', words: 300 });
  libraries.bundled = await buildAll(bundled);
  if (LARGE) libraries['1,000 notes'] = await buildAll(generated);
}, 3_600_000);

describe.each(LARGE ? ['bundled', '1,000 notes'] : ['bundled'])('the distribution formats of the %s library', (name) => {
  const built = (): Built => libraries[name]!;
  const file = (output: string): string => path.join(built().dist, output);

  it('should write every output', () => {
    expect(built().titles.length).toBeGreaterThanOrEqual(name === 'bundled' ? 14 : 1000);
    for (const output of ['handbook.md', 'handbook.html', 'index.json', 'handbook.epub', 'handbook.pdf', 'references.bib', 'references.json']) expect(() => readFileSync(file(output)), output).not.toThrow();
  });

  it('should give a CSL-JSON file valid against the official schema and a BibTeX file that parses back to the same entries', (context) => {
    const items = JSON.parse(readFileSync(file('references.json'), 'utf8')) as CslItem[];
    expect(bibtexMismatches(readFileSync(file('references.bib'), 'utf8'), items)).toEqual([]);
    expect(validateCsl(items, context)).toEqual([]);
  });

  it('should render a bibliography of every note from each file with pandoc --citeproc, without a warning', (context) => {
    requireCommand('pandoc', context, 'apt-get install pandoc; .ci/run does');
    for (const bibliography of ['references.bib', 'references.json']) {
      const { code, text, stderr } = citeproc(file(bibliography));
      expect(stderr, bibliography).toBe('');
      expect(code, bibliography).toBe(0);
      // Citeproc's style title-cases titles and curls apostrophes: compare case-folded, quotes straightened.
      const fold = (value: string): string => value.replace(/[‘’]/g, "'").replace(/[“”]/g, '"').replace(/\s+/g, ' ').toLowerCase();
      const rendered = fold(text);
      const missing = built().titles.filter((title) => !rendered.includes(fold(title)));
      expect(missing, bibliography).toEqual([]);
    }
  }, 600_000);

  it('should convert handbook.md to DOCX and EPUB with pandoc without a warning', async (context) => {
    requireCommand('pandoc', context, 'apt-get install pandoc; .ci/run does');
    // The two conversions run side by side (a 1,000-note handbook takes pandoc minutes each).
    const convert = (target: string) => execFileAsync('pandoc', [file('handbook.md'), '-o', path.join(built().dist, `pandoc.${target}`)], { maxBuffer: 64 << 20 });
    const results = await Promise.all(['docx', 'epub'].map(async (target) => [target, await convert(target)] as const));
    for (const [target, { stderr }] of results) expect(stderr, target).toBe('');
  }, 1_500_000);

  it('should give an EPUB that passes epubcheck with no error and no warning', (context) => {
    requireEpubcheck(context);
    const result = epubcheck(file('handbook.epub'));
    expect(result.messages).toEqual([]);
    expect(result.summary).toBe('Messages: 0 fatals / 0 errors / 0 warnings / 0 infos');
  }, 900_000);

  it('should give a PDF with a bookmark and a page of its own for every essay, and working internal links', (context) => {
    requireCommand('pdfinfo', context, 'apt-get install poppler-utils; .ci/run does', ['-v']);
    const pdf = file('handbook.pdf');
    const info = pdfInfo(pdf);
    expect(info.Tagged).toBe('yes');
    const pages = pdfPages(pdf);
    expect(Number(info.Pages)).toBe(pages.length);
    expect(pages.length).toBeGreaterThan(built().titles.length);
    // Chromium joins the lines of a wrapped heading without a space in the bookmark ("Squads,Chapters"): compare without spaces.
    const squeeze = (title: string): string => title.replace(/\s+/g, '');
    const bookmarks = new Set(pdfOutline(pdf).map(([, , title]) => squeeze(title)));
    expect(built().titles.filter((title) => !bookmarks.has(squeeze(title)))).toEqual([]);
    const destinations = pdfDestinations(pdf);
    const targets = pdfLinkTargets(readFileSync(pdf));
    expect(targets.length).toBeGreaterThan(built().titles.length);
    expect(targets.filter((t) => !destinations.has(t))).toEqual([]);
    // A known essay (the last short title in the bibliography's order) starts a page: its title is on it, after the running header.
    const title = built().titles.filter((t) => t.length < 40).at(-1)!;
    const page = pages.find((p) => p.split('\n').slice(0, 4).some((line) => line.trim() === title));
    expect(page, title).toBeDefined();
    // The contents line of that essay names the page it starts on.
    const contents = pdfLayoutPages(pdf).flatMap((p) => p.split('\n').map((line) => line.trim()));
    const entry = contents.find((line) => line.startsWith(title) && /^\s+\d+$/.test(line.slice(title.length)));
    expect(entry, `${title}: a contents line ending in a page number`).toMatch(/\d+$/);
    const number = Number(entry!.slice(title.length));
    expect(pages[number - 1]!.split('\n').slice(0, 4).map((line) => line.trim()), `${title} on page ${number}`).toContain(title);
  }, 300_000);
});
