/**
 * `commonplace serve` in a real headless Chromium: search over HTTP, an
 * edit reloads the open page, a lint error shows the overlay and the fix
 * clears it, and no request leaves 127.0.0.1.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acquireLock, lockFileIn } from '../../src/util/folder-lock.js';
import { BIN, ensureCompiled } from '../reliability/cli.js';
import { libraryCopy, rawGet, startServe, statusOf, type Served } from './serve-process.js';

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
}, 120_000); // serve stops after the full build it is running (a hang guard, not a speed bound)

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

  it('should show an edit from memory while the full build waits, then serve dist/site equal to a plain build', async () => {
    await quiet();
    const note = path.join(served.cwd, 'library', 'choose-boring-technology.md');
    const original = readFileSync(note, 'utf8');
    const onDisk = path.join(served.cwd, 'dist', 'site', 'essays', 'choose-boring-technology.html');
    // Holding the output folder's lock keeps serve's full build waiting (as a second `build` would): what the page shows can only come from the fast path.
    const lock = await acquireLock(lockFileIn(path.join(served.cwd, 'dist')));
    const { page, errors } = await open(`${served.url}essays/choose-boring-technology.html`);
    const sources: string[] = [];
    page.on('response', (response) => {
      if (response.request().isNavigationRequest()) sources.push(response.headers()['x-commonplace-source'] ?? '');
    });
    try {
      await page.waitForTimeout(500); // the event stream connects
      writeFileSync(note, original.replace('McKinley argues', 'McKinley (from memory) argues'));
      await page.waitForSelector('text=McKinley (from memory) argues', { timeout: 60_000 });
      expect(sources.at(-1)).toBe('memory');
      expect(readFileSync(onDisk, 'utf8')).not.toContain('(from memory)');

      // A lint error in the edit shows the overlay at once; the fix clears it, still before any full build.
      writeFileSync(note, original.replace(/^title: .*$/m, 'title:'));
      await page.waitForSelector('#commonplace-overlay', { timeout: 60_000 });
      expect(await page.isVisible('text=McKinley (from memory) argues')).toBe(true);
      writeFileSync(note, original.replace('McKinley argues', 'McKinley (fixed) argues'));
      await page.waitForSelector('#commonplace-overlay', { state: 'detached', timeout: 60_000 });
      await page.waitForSelector('text=McKinley (fixed) argues', { timeout: 60_000 });
      expect(sources.at(-1)).toBe('memory');
      expect(readFileSync(onDisk, 'utf8')).not.toContain('(fixed)');
      // The overlay never opens a way out of the site.
      expect(statusOf(await rawGet(served.port, '/essays/..%2f..%2fcommonplace.config.json'))).toBe(404);
      expect(statusOf(await rawGet(served.port, '/essays/../../library/choose-boring-technology.md'))).toBe(404);
    } finally {
      lock.release();
    }
    await quiet();
    expect(readFileSync(onDisk, 'utf8')).toContain('McKinley (fixed) argues');
    expect(await rawGet(served.port, '/essays/choose-boring-technology.html')).toMatch(/X-Commonplace-Source: disk[^]*McKinley \(fixed\) argues/);
    // dist/site is exactly what `commonplace build --outputs site` makes of the same library.
    const plain = path.join(served.cwd, 'plain');
    const built = spawnSync(process.execPath, [BIN, 'build', '--outputs', 'site', '--out', plain], { cwd: served.cwd, encoding: 'utf8' });
    expect(built.status, built.stderr).toBe(0);
    expect(treeOf(path.join(served.cwd, 'dist', 'site'))).toEqual(treeOf(path.join(plain, 'site')));
    writeFileSync(note, original);
    await page.waitForSelector('text=McKinley argues', { timeout: 60_000 });
    await quiet(); // serve stops only after a running build: let the restore's finish here
    expect(errors).toEqual([]);
    await page.context().close();
  }, 180_000);
});

/** Resolves once serve says no full build is running or waiting. */
async function quiet(): Promise<void> {
  await expect.poll(async () => /"building":true/.test(await lastState()), { timeout: 120_000, interval: 200 }).toBe(false);
}

/** The state serve's event stream sends first (the current one), as text. */
function lastState(): Promise<string> {
  return new Promise((resolve, reject) => {
    const request = http.get(`${served.url}__commonplace/events`, (response) => {
      let buffer = '';
      response.on('data', (d: Buffer) => {
        buffer += d.toString();
        const match = /event: state\ndata: (.*)\n\n/.exec(buffer);
        if (match) {
          request.destroy();
          resolve(match[1]!);
        }
      });
    });
    request.on('error', (error: NodeJS.ErrnoException) => (error.code === 'ECONNRESET' ? undefined : reject(error)));
  });
}

/** Every file under `dir` (relative path → sha256), sorted. */
function treeOf(dir: string): [string, string][] {
  const out: [string, string][] = [];
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    out.push([path.relative(dir, file), createHash('sha256').update(readFileSync(file)).digest('hex')]);
  }
  return out.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}
