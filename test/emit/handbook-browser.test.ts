/**
 * The handbook in a real headless Chromium (Debian's /usr/bin/chromium via
 * playwright-core), opened from file:// as a reader would open it from a
 * share drive. Screenshots go to test-output/ for a person to review.
 */
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { writeOutputs } from '../../src/emit/write.js';
import { buildFixtureLibrary, emitFixture, fixtureConfig, HOSTILE_LIBRARY, TEST_OUTPUT } from './build-fixture.js';
import { expectDrawn, PICTURE_BOXES, type PictureBox } from './picture-boxes.js';

const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic'];
const REPO = path.resolve(TEST_OUTPUT, '..');

let browser: Browser;
let fixturePage: string;
let bundledPage: string;
let hostilePage: string;
let bundledEssays: number;

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} is missing: install Debian's chromium (apt-get install chromium; CI does this in .ci/run). The browser test never skips.`);
  }
  const fixtureDir = path.join(TEST_OUTPUT, 'browser', 'fixture');
  const bundledDir = path.join(TEST_OUTPUT, 'browser', 'bundled');
  const hostileDir = path.join(TEST_OUTPUT, 'browser', 'hostile');
  mkdirSync(hostileDir, { recursive: true });
  writeOutputs(hostileDir, emitFixture(await buildFixtureLibrary(HOSTILE_LIBRARY), fixtureConfig()));
  hostilePage = pathToFileURL(path.join(hostileDir, 'handbook.html')).href;
  mkdirSync(fixtureDir, { recursive: true });
  writeOutputs(fixtureDir, emitFixture(await buildFixtureLibrary(), fixtureConfig()));
  const { config } = loadConfig(REPO);
  const bundled = await buildFixtureLibrary(path.join(REPO, config.library), config);
  bundledEssays = bundled.notes.length;
  writeOutputs(bundledDir, emitFixture(bundled, config));
  fixturePage = pathToFileURL(path.join(fixtureDir, 'handbook.html')).href;
  bundledPage = pathToFileURL(path.join(bundledDir, 'handbook.html')).href;
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
}, 60_000);

afterAll(async () => {
  await browser?.close();
});

interface Watched {
  page: Page;
  errors: string[];
  requests: string[];
}

/** Opens `url` in a fresh context that records console errors, page errors and every request. */
async function open(url: string, options: { colorScheme?: 'light' | 'dark' } = {}): Promise<Watched> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 860 }, colorScheme: options.colorScheme ?? 'light' });
  const page = await context.newPage();
  const errors: string[] = [];
  const requests: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') errors.push(`${message.type()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  // Every payload in the hostile library calls alert(): a dialog means a note ran code.
  page.on('dialog', (dialog) => {
    errors.push(`dialog: ${dialog.message()}`);
    void dialog.dismiss();
  });
  await context.route('**/*', async (route) => {
    const requested = route.request().url();
    requests.push(requested);
    if (requested === url) await route.continue();
    else await route.abort();
  });
  await page.goto(url, { waitUntil: 'load' });
  return { page, errors, requests };
}

// Page-side code is passed as strings: the project's TypeScript has no DOM library.
const inViewport = (page: Page, selector: string): Promise<boolean> =>
  page.evaluate(`(() => { const box = document.querySelector(${JSON.stringify(selector)}).getBoundingClientRect(); return box.top >= -1 && box.top < innerHeight; })()`);
const activeId = (page: Page): Promise<string> => page.evaluate('document.activeElement ? document.activeElement.id : ""');
const activeClass = (page: Page): Promise<string> => page.evaluate('document.activeElement ? document.activeElement.className : ""');
const hash = (page: Page): Promise<string> => page.evaluate('location.hash');
const style = (page: Page, selector: string, property: string): Promise<string> =>
  page.evaluate(`getComputedStyle(document.querySelector(${JSON.stringify(selector)})).getPropertyValue(${JSON.stringify(property)})`);

describe('handbook.html in headless Chromium', () => {
  it('should load from file:// with no console error, no dialog and no request but the file itself (hostile library too)', async () => {
    for (const url of [fixturePage, bundledPage, hostilePage]) {
      const { page, errors, requests } = await open(url);
      await page.waitForTimeout(300);
      expect(errors).toEqual([]);
      expect(requests).toEqual([url]);
      await page.context().close();
    }
  }, 30_000);

  it('should run nothing from a hostile note when its links are hovered and its search is used', async () => {
    const { page, errors, requests } = await open(hostilePage);
    for (const link of await page.$$('main a')) await link.hover();
    await page.keyboard.press('/');
    await page.keyboard.type('img');
    await page.waitForSelector('#search-results:not([hidden]) a');
    const titles = await page.$$eval('#search-results .search-result-title', (els) => els.map((e) => e.textContent));
    expect(titles).toContain('<img src=x onerror=alert(1)> Title');
    await page.waitForTimeout(200);
    expect(errors).toEqual([]);
    expect(requests).toEqual([hostilePage]);
    await page.context().close();
  }, 30_000);

  it('should find a known essay by typing in the search box and go to it with Enter', async () => {
    const { page, errors } = await open(fixturePage);
    await page.keyboard.press('/');
    expect(await activeId(page)).toBe('search-input');
    await page.keyboard.type('committees');
    await page.waitForSelector('#search-results:not([hidden]) a');
    const titles = await page.$$eval('#search-results .search-result-title', (els) => els.map((e) => e.textContent));
    expect(titles[0]).toBe('How Do Committees Invent?');
    await page.keyboard.press('Enter');
    expect(await hash(page)).toBe('#user-content-note-committees');
    expect(await inViewport(page, '#user-content-note-committees')).toBe(true);
    expect(await page.evaluate('document.getElementById("search-results").hidden')).toBe(true);
    expect(errors).toEqual([]);
    await page.context().close();
  }, 30_000);

  it('should move through results with the arrow keys and find concepts too', async () => {
    const { page } = await open(fixturePage);
    await page.focus('#search-input');
    await page.keyboard.type('deep');
    await page.waitForSelector('#search-results:not([hidden]) a');
    const kinds = await page.$$eval('#search-results a', (els) => els.map((e) => e.className));
    expect(kinds.some((k) => k.includes('search-result-concept'))).toBe(true);
    expect(kinds.some((k) => k.includes('search-result-essay'))).toBe(true);
    await page.keyboard.press('ArrowDown');
    const current = await page.$$eval('#search-results a', (els) => els.findIndex((e) => e.getAttribute('aria-current') === 'true'));
    expect(current).toBe(1);
    await page.context().close();
  }, 30_000);

  it('should land on the glossary entry when a concept link is followed', async () => {
    const { page } = await open(fixturePage);
    const href = await page.$eval('a.concept-link', (a) => a.getAttribute('href'));
    expect(href).toMatch(/^#user-content-concept-/);
    await page.click('a.concept-link');
    expect(await hash(page)).toBe(href);
    const target = `[id="${href!.slice(1)}"]`;
    expect(await page.$eval(target, (el) => [el.tagName, el.className])).toEqual(['H3', 'concept-title']);
    expect(await page.$eval(target, (el) => el.closest('section')?.className)).toContain('glossary');
    expect(await inViewport(page, target)).toBe(true);
    await page.context().close();
  }, 30_000);

  it('should reach the search box by keyboard (Tab from the top) ', async () => {
    const { page } = await open(fixturePage);
    await page.keyboard.press('Tab');
    expect(await activeClass(page)).toBe('skip-link');
    await page.keyboard.press('Tab');
    expect(await activeId(page)).toBe('search-input');
    await page.context().close();
  }, 30_000);

  it('should draw the map, the timeline and each neighbourhood with non-zero boxes and no console error, light, dark and in print', async () => {
    for (const scheme of ['light', 'dark'] as const) {
      const { page, errors } = await open(bundledPage, { colorScheme: scheme });
      const boxes = (await page.evaluate(PICTURE_BOXES)) as PictureBox[];
      expect(boxes.slice(0, 2).map((b) => b.kind)).toEqual(['cp-map', 'cp-timeline']);
      // Every bundled essay links or is linked: one neighbourhood each.
      expect(boxes.filter((b) => b.kind === 'cp-neighbourhood-map').length).toBe(bundledEssays);
      for (const box of boxes) expectDrawn(box);
      // Map points are coloured by chapter from the palette of the scheme: lighter in the dark.
      const [r, g, b] = (boxes[0]!.fill.match(/\d+/g) ?? []).map(Number);
      if (scheme === 'dark') expect((r! + g! + b!) / 3).toBeGreaterThan(120);
      else expect((r! + g! + b!) / 3).toBeLessThan(140);
      if (scheme === 'light') {
        await page.emulateMedia({ media: 'print' });
        const printed = (await page.evaluate(PICTURE_BOXES)) as PictureBox[];
        expect(printed.filter((b) => b.width > 0 && b.height > 0 && b.empty === 0)).toHaveLength(boxes.length);
        await page.locator('section.pictures').screenshot({ path: path.join(TEST_OUTPUT, 'handbook-pictures-print.png') });
      } else {
        await page.locator('section.pictures').screenshot({ path: path.join(TEST_OUTPUT, 'handbook-pictures-dark.png') });
      }
      expect(errors).toEqual([]);
      await page.context().close();
    }
  }, 60_000);

  it('should write light, dark and print screenshots of the bundled handbook for review', async () => {
    mkdirSync(TEST_OUTPUT, { recursive: true });
    const light = await open(bundledPage);
    await light.page.screenshot({ path: path.join(TEST_OUTPUT, 'handbook.png') });
    await light.page.keyboard.press('/');
    await light.page.keyboard.type('conway');
    await light.page.waitForSelector('#search-results:not([hidden]) a');
    await light.page.screenshot({ path: path.join(TEST_OUTPUT, 'handbook-search.png') });
    await light.page.keyboard.press('Escape');
    await light.page.emulateMedia({ media: 'print' });
    expect(await style(light.page, 'nav.sidebar', 'display')).toBe('none');
    // Each essay starts a page; the first of a chapter follows its chapter heading, which starts the page.
    expect(await style(light.page, 'article + article', 'break-before')).toBe('page');
    expect(await style(light.page, 'section.chapter > h2', 'break-before')).toBe('page');
    await light.page.screenshot({ path: path.join(TEST_OUTPUT, 'handbook-print.png'), fullPage: false });
    // "Print to PDF" as a reader would do it: one page per essay, for review.
    const pdf = await light.page.pdf({ path: path.join(TEST_OUTPUT, 'handbook.pdf'), format: 'A4' });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    await light.page.context().close();

    const dark = await open(bundledPage, { colorScheme: 'dark' });
    const background = await style(dark.page, 'body', 'background-color');
    const [r, g, b] = (background.match(/\d+/g) ?? []).map(Number);
    expect((r! + g! + b!) / 3).toBeLessThan(60);
    await dark.page.screenshot({ path: path.join(TEST_OUTPUT, 'handbook-dark.png') });
    await dark.page.context().close();
    for (const name of ['handbook.png', 'handbook-search.png', 'handbook-dark.png', 'handbook-print.png', 'handbook.pdf']) expect(existsSync(path.join(TEST_OUTPUT, name))).toBe(true);
  }, 60_000);
});
