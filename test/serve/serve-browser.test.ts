/**
 * `commonplace serve` in a real headless Chromium: search over HTTP, an
 * edit reloads the open page, a lint error shows the overlay and the fix
 * clears it, and no request leaves 127.0.0.1.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureCompiled } from '../reliability/cli.js';
import { libraryCopy, startServe, type Served } from './serve-process.js';

const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic'];

let browser: Browser;
let served: Served;

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: install Debian's chromium (CI does this in .ci/run). The browser test never skips.`);
  ensureCompiled();
  served = await startServe(libraryCopy());
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  served?.child.kill('SIGINT');
  await served?.exited;
  if (served) rmSync(served.cwd, { recursive: true, force: true });
}, 30_000);

/** Opens `url`, recording every request and page error; requests off the server are aborted. */
async function open(url: string): Promise<{ page: Page; requests: string[]; errors: string[] }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const requests: string[] = [];
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  await context.route('**/*', async (route) => {
    requests.push(route.request().url());
    if (route.request().url().startsWith(served.url)) await route.continue();
    else await route.abort();
  });
  await page.goto(url, { waitUntil: 'load' });
  return { page, requests, errors };
}

describe('commonplace serve in headless Chromium', () => {
  it('should search over HTTP with every request to 127.0.0.1', async () => {
    const { page, requests, errors } = await open(`${served.url}search.html?q=${encodeURIComponent('single-threaded leader')}`);
    await page.waitForSelector('body[data-search-done="single-threaded leader"]', { state: 'attached' });
    const first = (await page.evaluate('document.querySelector("#search-results a").getAttribute("href")')) as string;
    expect(first).toBe('essays/amazons-single-threaded-model.html');
    expect(requests.length).toBeGreaterThan(3);
    expect(requests.every((url) => url.startsWith(`http://127.0.0.1:${served.port}/`))).toBe(true);
    expect(errors).toEqual([]);
    await page.context().close();
  }, 60_000);

  it('should reload an open page after an edit, show the overlay for a lint error and clear it after the fix', async () => {
    const note = path.join(served.cwd, 'library', 'choose-boring-technology.md');
    const original = readFileSync(note, 'utf8');
    const { page, requests, errors } = await open(`${served.url}essays/choose-boring-technology.html`);
    // The live script is connected once its first state has arrived (no overlay, no reload).
    await page.waitForTimeout(500);
    const started = Date.now();
    writeFileSync(note, original.replace('McKinley argues', 'McKinley (live) argues'));
    await page.waitForSelector('text=McKinley (live) argues', { timeout: 60_000 });
    // Not a target: how long a save took to reach the page, for the eye (a loaded machine varies).
    console.log(`edit → page: ${Date.now() - started} ms`);

    writeFileSync(note, original.replace(/^title: .*$/m, 'title:'));
    await page.waitForSelector('#commonplace-overlay', { timeout: 60_000 });
    const overlay = (await page.evaluate('document.getElementById("commonplace-overlay").textContent')) as string;
    expect(overlay).toMatch(/choose-boring-technology\.md:\d+:\d+ {2}.+ {2}[a-z-]+/);
    expect(await page.isVisible('text=McKinley (live) argues')).toBe(true);

    writeFileSync(note, original);
    await page.waitForSelector('#commonplace-overlay', { state: 'detached', timeout: 60_000 });
    await page.waitForSelector('text=McKinley argues', { timeout: 60_000 });
    expect(requests.every((url) => url.startsWith(`http://127.0.0.1:${served.port}/`))).toBe(true);
    expect(errors).toEqual([]);
    await page.context().close();
  }, 180_000);
});
