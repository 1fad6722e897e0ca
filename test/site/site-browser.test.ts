/**
 * dist/site/ in a real headless Chromium (Debian's /usr/bin/chromium via
 * playwright-core), opened from file:// as a reader would open the folder:
 * navigation home → essay → concept → back, search ranked as
 * `commonplace search` ranks (top 5 compared for a set of queries), no
 * request outside the site's folder, paged lists followed page by page,
 * and axe-core on every page type (paged ones too).
 */
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { writeOutputs } from '../../src/emit/write.js';
import { createRanker } from '../../src/link/text/ranker.js';
import { rankingTermBag, rankingText } from '../../src/read/ranking-text.js';
import type { Library } from '../../src/types.js';
import { buildFixtureLibrary, emitFixture, fixtureConfig, TEST_OUTPUT } from '../emit/build-fixture.js';
import { expectDrawn, PICTURE_BOXES, type PictureBox } from '../emit/picture-boxes.js';

const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic'];
const REPO = path.resolve(TEST_OUTPUT, '..');
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

let browser: Browser;
let bundled: Library;
let bundledSite: string;
let fixtureSite: string;
/** The fixture library with one essay to a page: every paged list runs to several pages. */
let pagedSite: string;

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: install Debian's chromium (CI does this in .ci/run). The browser test never skips.`);
  const { config } = loadConfig(REPO);
  bundled = await buildFixtureLibrary(path.join(REPO, config.library), config);
  const bundledDir = path.join(TEST_OUTPUT, 'site', 'bundled');
  const fixtureDir = path.join(TEST_OUTPUT, 'site', 'fixture');
  const pagedDir = path.join(TEST_OUTPUT, 'site', 'paged');
  for (const dir of [bundledDir, fixtureDir, pagedDir]) rmSync(dir, { recursive: true, force: true });
  mkdirSync(bundledDir, { recursive: true });
  writeOutputs(bundledDir, emitFixture(bundled, config));
  const fixture = await buildFixtureLibrary();
  writeOutputs(fixtureDir, emitFixture(fixture, fixtureConfig()));
  writeOutputs(pagedDir, emitFixture(fixture, fixtureConfig(), { sitePaging: { essaysPerPage: 1, concordancePerPage: 1, previewEssays: 1 } }));
  bundledSite = path.join(bundledDir, 'site');
  fixtureSite = path.join(fixtureDir, 'site');
  pagedSite = path.join(pagedDir, 'site');
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
}, 120_000);

afterAll(async () => {
  await browser?.close();
});

interface Watched {
  page: Page;
  errors: string[];
  requests: string[];
}

/** Opens `url` in a fresh context that records errors and every request (any outside `allowed` is aborted). */
async function open(url: string, allowed: string): Promise<Watched> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 860 } });
  const page = await context.newPage();
  const errors: string[] = [];
  const requests: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') errors.push(`${message.type()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  await context.route('**/*', async (route) => {
    const requested = route.request().url();
    requests.push(requested);
    if (requested.startsWith(allowed)) await route.continue();
    else await route.abort();
  });
  await page.goto(url, { waitUntil: 'load' });
  return { page, errors, requests };
}

const fileUrl = (site: string, page: string): string => pathToFileURL(path.join(site, page)).href;
const h1 = (page: Page): Promise<string> => page.evaluate('document.querySelector("h1").textContent');

/** The top `k` results the site shows for `query` (page paths from the site root). */
async function siteTop(site: string, query: string, k: number): Promise<string[]> {
  const { page, errors } = await open(`${fileUrl(site, 'search.html')}?q=${encodeURIComponent(query)}`, pathToFileURL(site).href);
  // A selector, not waitForFunction: the page's CSP forbids the eval that would need.
  await page.waitForSelector(`body[data-search-done=${JSON.stringify(query)}]`, { state: 'attached', timeout: 10_000 });
  const root = `${pathToFileURL(site).href}/`;
  const hrefs = (await page.evaluate('Array.from(document.querySelectorAll("#search-results a")).map((a) => a.href)')) as string[];
  expect(errors).toEqual([]);
  await page.context().close();
  return hrefs.slice(0, k).map((href) => decodeURIComponent(href.slice(root.length)));
}

/** The top `k` of the ranker `commonplace search` runs (src/cli/search.ts), as site pages. */
function cliTop(library: Library, query: string, k: number): string[] {
  const ranker = createRanker(library.notes.map(({ note }) => ({ id: note.id, text: rankingText(note), bag: rankingTermBag(note) })));
  return ranker.search(query, k).map((hit) => `essays/${hit.id}.html`);
}

describe('dist/site in headless Chromium', () => {
  it('should go home → essay → concept → back from file://, with no error and no request outside the site folder', async () => {
    const allowed = pathToFileURL(fixtureSite).href;
    const { page, errors, requests } = await open(fileUrl(fixtureSite, 'index.html'), allowed);
    expect(await h1(page)).toBe('Field Notes');
    await page.click('a[href="essays/deep-work.html"]');
    await page.waitForURL(/essays\/deep-work\.html$/);
    expect(await h1(page)).toBe('Deep Work');
    // The definition shows on focus (and hover): the tooltip is hidden until then.
    expect(await page.isVisible('#definition-deep-work')).toBe(false);
    await page.focus('.essay-concept-list a[href="../concepts/deep-work.html"]');
    expect(await page.isVisible('#definition-deep-work')).toBe(true);
    await page.click('.essay-concept-list a[href="../concepts/deep-work.html"]');
    await page.waitForURL(/concepts\/deep-work\.html$/);
    expect(await h1(page)).toBe('deep work');
    expect(await page.evaluate('document.querySelectorAll(".concordance mark").length')).toBeGreaterThanOrEqual(3);
    await page.goBack();
    await page.waitForURL(/essays\/deep-work\.html$/);
    expect(await h1(page)).toBe('Deep Work');
    expect(await page.evaluate('getComputedStyle(document.body).fontFamily')).toMatch(/Iowan Old Style/);
    expect(errors).toEqual([]);
    expect(requests.every((url) => url.startsWith(allowed))).toBe(true);
    await page.context().close();
  }, 60_000);

  it('should draw the map and timeline on the home page and a neighbourhood on an essay page, under the CSP with no console error', async () => {
    const allowed = pathToFileURL(bundledSite).href;
    for (const [name, kinds] of [
      ['index.html', ['cp-map', 'cp-timeline']],
      ['essays/amazons-single-threaded-model.html', ['cp-neighbourhood-map']],
    ] as const) {
      const { page, errors, requests } = await open(fileUrl(bundledSite, name), allowed);
      const boxes = (await page.evaluate(PICTURE_BOXES)) as PictureBox[];
      expect(boxes.map((b) => b.kind)).toEqual(kinds);
      for (const box of boxes) expectDrawn(box);
      expect(errors).toEqual([]);
      expect(requests.every((url) => url.startsWith(allowed))).toBe(true);
      await page.context().close();
    }
  }, 60_000);

  it("should go home → a chapter's pages → an essay → back to its chapter page, and through a concordance's pages, from file://", async () => {
    const allowed = pathToFileURL(pagedSite).href;
    const { page, errors, requests } = await open(fileUrl(pagedSite, 'index.html'), allowed);
    expect(await page.textContent('.chapter-more a[href="chapters/focus.html"]')).toBe('All 2 essays in Focus →');
    await page.click('.chapter-more a[href="chapters/focus.html"]');
    await page.waitForURL(/chapters\/focus\.html$/);
    expect(await h1(page)).toBe('Focus');
    expect(await page.textContent('.pagination-status')).toBe('Page 1 of 2');
    await page.click('.pagination a[rel="next"]');
    await page.waitForURL(/chapters\/focus\/page-2\.html$/);
    expect(await page.textContent('.counts')).toBe('2 essays · 2–2 on page 2 of 2');
    expect(await page.title()).toBe('Focus (page 2 of 2) · Field Notes');
    await page.click('.essay-list a');
    await page.waitForURL(/essays\/deep-work\.html$/);
    await page.click('.chapter-link a');
    await page.waitForURL(/chapters\/focus\/page-2\.html$/);
    expect(await page.evaluate('getComputedStyle(document.querySelector(".pagination")).display')).toBe('flex');
    await page.goto(fileUrl(pagedSite, 'concepts/deep-work.html'));
    expect(await page.evaluate('document.querySelectorAll(".concordance li").length')).toBe(1);
    await page.click('.pagination a[rel="next"]');
    await page.waitForURL(/concepts\/deep-work\/page-2\.html$/);
    expect(await page.evaluate('document.querySelectorAll(".concordance mark").length')).toBeGreaterThanOrEqual(1);
    expect(await page.textContent('.chapter-link a')).toBe('deep work');
    expect(errors).toEqual([]);
    expect(requests.every((url) => url.startsWith(allowed))).toBe(true);
    await page.context().close();
  }, 60_000);

  const QUERIES = ['single-threaded leader', 'boring technology', 'meetings schedule', 'ownership', 'team communication structure', 'deep focus work', 'scale', 'design organisation'];
  it('should rank search results from file:// as commonplace search does (top 5, several queries)', async () => {
    let nonEmpty = 0;
    for (const query of QUERIES) {
      const expected = cliTop(bundled, query, 5);
      if (expected.length > 0) nonEmpty++;
      expect(await siteTop(bundledSite, query, 5), query).toEqual(expected);
    }
    expect(nonEmpty).toBeGreaterThanOrEqual(6);
  }, 120_000);

  it('should show results as the reader types, loading only the shards the query needs', async () => {
    const allowed = pathToFileURL(bundledSite).href;
    const { page, errors, requests } = await open(fileUrl(bundledSite, 'search.html'), allowed);
    await page.keyboard.press('/');
    await page.keyboard.type('leader');
    await page.waitForSelector('body[data-search-done="leader"]', { state: 'attached' });
    expect(await page.evaluate('document.querySelectorAll("#search-results li").length')).toBeGreaterThan(0);
    const shards = requests.filter((url) => /\/search\/terms\/[0-9a-f-]+\.js$/.test(url));
    expect(shards.map((url) => url.slice(url.lastIndexOf('/') + 1))).toEqual(['6c-65.js']);
    expect(errors).toEqual([]);
    await page.context().close();
  }, 60_000);

  it('should have no serious or critical axe-core violation on any page type', async () => {
    const fixturePages = ['index.html', 'essays/deep-work.html', 'essays/committees.html', 'concepts/deep-work.html', 'glossary.html', 'bibliography.html', 'authors.html', 'authors/cal-newport.html', 'tags.html', 'tags/focus.html', 'chapters/focus.html', 'search.html?q=schedule', '404.html'];
    const pagedPages = ['index.html', 'chapters/focus.html', 'chapters/focus/page-2.html', 'concepts/deep-work/page-2.html', 'tags/focus/page-2.html'];
    for (const [site, name] of [...fixturePages.map((n) => [fixtureSite, n] as const), ...pagedPages.map((n) => [pagedSite, n] as const)]) {
      for (const scheme of ['light', 'dark'] as const) {
        // bypassCSP only so that axe can be injected; the other tests run under the page's CSP.
        const context = await browser.newContext({ colorScheme: scheme, bypassCSP: true });
        const page = await context.newPage();
        await page.goto(fileUrl(site, name.split('?')[0]!) + (name.includes('?') ? `?${name.split('?')[1]}` : ''));
        await page.addScriptTag({ content: AXE });
        const violations = (await page.evaluate(
          'axe.run(document, { resultTypes: ["violations"] }).then((r) => r.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id + ": " + v.nodes.map((n) => n.target.join(" ")).join(", ")))',
        )) as string[];
        expect(violations, `${name} (${scheme})`).toEqual([]);
        await context.close();
      }
    }
  }, 120_000);
});
