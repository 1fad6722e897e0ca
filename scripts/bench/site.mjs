/**
 * The site's targets (issue 15) measured in headless Chromium on a built
 * project (`build` run before; `dist/` beside the config):
 *
 *   node scripts/bench/site.mjs PROJECT [--jobs pages,search,handbook,reload] [--runs 3]
 *
 * - pages: `load` from file:// of the home, an essay, the glossary, the
 *   bibliography's first page, and the largest page
 *   (in bytes, paged lists' later pages included) of each of chapters/,
 *   concepts/, authors/ and tags/ (navigation timing's loadEventEnd), median
 *   of --runs, cold page each time.
 * - search: from file:// and from a loopback HTTP server, the time from the
 *   query's input event to the first result in the DOM, and the bytes the
 *   page and the query loaded (file sizes for file://, Content-Length over
 *   HTTP), and whether the top 5 equal `commonplace search`'s. The query is inserted as one input event (a paste, or typing
 *   faster than the page's 60 ms debounce).
 * - handbook: `load` of dist/handbook.html from file:// (reported as not
 *   written when a large library's build left it out).
 * - reload: runs `commonplace serve` on the project, opens an essay, appends
 *   a sentence to its note and times the write → the sentence in the DOM.
 *   The note is restored afterwards.
 *
 * Prints one JSON object on the last line of stdout. Never asserted in tests.
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    jobs: { type: 'string', default: 'pages,search,handbook,reload' },
    runs: { type: 'string', default: '3' },
    queries: { type: 'string', default: 'market,team ownership,technical debt' },
    handbook: { type: 'string', default: 'handbook.html' },
  },
});
const project = path.resolve(positionals[0] ?? '.');
const dist = path.join(project, 'dist');
const site = path.join(dist, 'site');
const runs = Number(values.runs);
const jobs = new Set(values.jobs.split(','));
const log = (message) => process.stderr.write(`[site bench] ${message}\n`);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];
const round = (x) => Math.round(x);

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox'] });
const results = {};

/** `load` of `url` in a fresh context, in ms from navigation start, and the bytes the page loaded. */
async function loadTime(url, timeout = 60_000) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const files = new Set();
  page.on('request', (request) => files.add(request.url()));
  await page.goto(url, { waitUntil: 'load', timeout });
  const ms = await page.evaluate(() => performance.getEntriesByType('navigation')[0].loadEventEnd);
  await context.close();
  return { ms, bytes: fileBytes(files) };
}

/** Total size of the file:// URLs among `urls`. */
function fileBytes(urls) {
  let bytes = 0;
  for (const url of urls) if (url.startsWith('file:')) bytes += statSync(fileURLToPath(url.split('?')[0])).size;
  return bytes;
}

const firstFile = (folder) => readdirSync(path.join(site, folder)).filter((f) => f.endsWith('.html')).sort()[0];

/** The largest .html file under `folder` (recursively, so a paged list's later pages count), by bytes then name. */
function largestFile(folder) {
  const files = readdirSync(path.join(site, folder), { recursive: true }).filter((f) => f.endsWith('.html')).map((f) => [path.join(folder, f), statSync(path.join(site, folder, f)).size]);
  files.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  return files[0]?.[0];
}

if (jobs.has('pages')) {
  const pages = { home: 'index.html', essay: `essays/${firstFile('essays')}`, glossary: 'glossary.html', bibliography: 'bibliography.html' };
  for (const [kind, folder] of [['chapter', 'chapters'], ['concept', 'concepts'], ['author', 'authors'], ['tag', 'tags']]) {
    const largest = existsSync(path.join(site, folder)) ? largestFile(folder) : undefined;
    if (largest) pages[`largest ${kind}`] = largest;
  }
  results.pages = {};
  for (const [kind, page] of Object.entries(pages)) {
    const samples = [];
    for (let i = 0; i < runs; i++) samples.push(await loadTime(pathToFileURL(path.join(site, page)).href));
    results.pages[kind] = { page, loadMs: round(median(samples.map((s) => s.ms))), samplesMs: samples.map((s) => round(s.ms)), bytes: samples[0].bytes };
    log(`${kind} ${page}: load ${results.pages[kind].loadMs} ms (${results.pages[kind].samplesMs.join(', ')}), ${samples[0].bytes} bytes`);
  }
}

/** A static server over the site (loopback, any free port), reporting each response's size. */
function staticServer() {
  const server = http.createServer((request, response) => {
    const file = path.join(site, decodeURIComponent(new URL(request.url, 'http://x').pathname));
    if (!file.startsWith(site)) return void response.writeHead(403).end();
    try {
      const body = readFileSync(file);
      const type = file.endsWith('.html') ? 'text/html' : file.endsWith('.css') ? 'text/css' : 'text/javascript';
      response.writeHead(200, { 'Content-Type': `${type}; charset=utf-8`, 'Content-Length': body.length }).end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

/** Time from the query's input event to the first result, and bytes loaded by the page and by the query. */
async function searchOnce(base, query) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const loaded = [];
  let phase = 'page';
  const phases = new Map();
  page.on('request', (request) => phases.set(request, phase));
  page.on('response', async (response) => {
    const length = Number((await response.allHeaders())['content-length'] ?? NaN);
    loaded.push({ phase: phases.get(response.request()), url: response.url(), bytes: Number.isFinite(length) ? length : response.url().startsWith('file:') ? statSync(fileURLToPath(response.url())).size : 0 });
  });
  await page.goto(`${base}search.html`, { waitUntil: 'load' });
  phase = 'query';
  await page.evaluate(() => {
    const input = document.getElementById('search-input');
    const list = document.getElementById('search-results');
    window.__bench = {};
    input.addEventListener('input', () => (window.__bench.input ??= performance.now()), true);
    new MutationObserver(() => {
      if (list.children.length > 0) window.__bench.result ??= performance.now();
    }).observe(list, { childList: true });
  });
  await page.focus('#search-input');
  await page.keyboard.insertText(query);
  await page.waitForSelector('#search-results li', { timeout: 30_000 });
  const t = await page.evaluate(() => window.__bench);
  await page.waitForSelector(`body[data-search-done=${JSON.stringify(query)}]`, { state: 'attached', timeout: 30_000 });
  const top = await page.evaluate(() => Array.from(document.querySelectorAll('#search-results a')).slice(0, 5).map((a) => decodeURIComponent(a.getAttribute('href').replace(/^.*essays\//, '').replace(/\.html$/, ''))));
  await page.waitForTimeout(50);
  await context.close();
  const sum = (which) => loaded.filter((l) => which.includes(l.phase)).reduce((a, l) => a + l.bytes, 0);
  return { top, ms: t.result - t.input, pageBytes: sum(['page']), queryBytes: sum(['query']), files: loaded.filter((l) => l.phase === 'query').length };
}

if (jobs.has('search')) {
  const server = await staticServer();
  const bases = { file: `${pathToFileURL(site).href}/`, http: `http://127.0.0.1:${server.address().port}/` };
  results.search = {};
  for (const [scheme, base] of Object.entries(bases)) {
    for (const query of values.queries.split(',')) {
      const samples = [];
      for (let i = 0; i < runs; i++) samples.push(await searchOnce(base, query));
      const s = samples[0];
      const cli = JSON.parse(execFileSync(process.execPath, [path.join(ROOT, 'bin', 'commonplace.js'), 'search', query, '--limit', '5', '--json'], { cwd: project, encoding: 'utf8' })).map((hit) => hit.id);
      const figure = { top5EqualsCli: JSON.stringify(s.top) === JSON.stringify(cli), firstResultMs: round(median(samples.map((x) => x.ms))), samplesMs: samples.map((x) => round(x.ms)), pageBytes: s.pageBytes, queryBytes: s.queryBytes, totalBytes: s.pageBytes + s.queryBytes, queryFiles: s.files };
      results.search[`${scheme} "${query}"`] = figure;
      log(`search ${scheme} "${query}": top 5 ${figure.top5EqualsCli ? '=' : '≠'} CLI's; first result ${figure.firstResultMs} ms (${figure.samplesMs.join(', ')}), page ${figure.pageBytes} B + query ${figure.queryBytes} B in ${figure.queryFiles} files`);
    }
  }
  server.close();
}

if (jobs.has('handbook')) {
  const samples = [];
  const file = path.join(dist, values.handbook);
  if (!existsSync(file)) {
    results.handbook = { written: false };
    log(`${values.handbook}: not written (past the build's limit: see its notice)`);
  } else {
    for (let i = 0; i < Math.min(runs, 2); i++) samples.push(await loadTime(pathToFileURL(file).href, 300_000));
    results.handbook = { loadMs: round(median(samples.map((s) => s.ms))), samplesMs: samples.map((s) => round(s.ms)), bytes: statSync(file).size };
    log(`handbook.html: load ${results.handbook.loadMs} ms (${results.handbook.samplesMs.join(', ')}), ${results.handbook.bytes} bytes`);
  }
}

if (jobs.has('reload')) {
  const child = spawn(process.execPath, [path.join(ROOT, 'bin', 'commonplace.js'), 'serve', '--port', '0'], { cwd: project, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (err += d));
  const started = Date.now();
  while (!/Serving (\S+)/.test(out)) {
    if (child.exitCode !== null) throw new Error(`serve exited ${child.exitCode}: ${err}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  const url = /Serving (\S+)/.exec(out)[1];
  log(`serve listening after ${Date.now() - started} ms`);
  const essay = firstFile('essays');
  const note = path.join(project, 'library', essay.replace(/\.html$/, '.md'));
  const original = readFileSync(note, 'utf8');
  const samples = [];
  const context = await browser.newContext();
  const page = await context.newPage();
  try {
    for (let i = 0; i < runs; i++) {
      await page.goto(`${url}essays/${essay}`, { waitUntil: 'load' });
      await page.waitForTimeout(300); // the event stream connects
      const marker = `Reload marker ${Date.now()} ${i}.`;
      const before = Date.now();
      writeFileSync(note, original.replace(/\n## /, `\n${marker}\n\n## `));
      await page.waitForSelector(`text=${marker}`, { timeout: 1_200_000 });
      samples.push(Date.now() - before);
      log(`reload ${i + 1}: ${samples.at(-1)} ms`);
    }
  } finally {
    writeFileSync(note, original);
    await context.close();
  }
  results.reload = { saveToDomMs: round(median(samples)), samplesMs: samples };
  child.kill('SIGINT');
  await new Promise((r) => child.on('exit', r));
}

await browser.close();
process.stdout.write(`${JSON.stringify(results)}\n`);
