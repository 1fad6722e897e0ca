/**
 * `npm run bench`: the performance benchmark of issue 6, in one run.
 *
 *   npm run bench                          # 1,000 and 10,000 notes, 3 runs each
 *   npm run bench -- --sizes 1000          # a quick run
 *   npm run bench -- --runs 5 --jobs floor,coldBuild,eleventy
 *   npm run bench -- --corpora short      # one of the two corpora (bench, short)
 *   npm run bench -- --jobs site           # the site's targets in Chromium (scripts/bench/site.mjs)
 *
 * For each size it generates a corpus (scripts/gen-corpus.ts) as a tiny
 * project under `.bench/n<size>/` (library/, commonplace.config.json, and so
 * the default cache `node_modules/.cache/commonplace/` lives there too), then
 * measures every job with GNU time (`/usr/bin/time`; wall, CPU, peak RSS of
 * the whole process), median of `--runs`. Peers (Eleventy, markdownlint-cli2)
 * are installed into `.bench/peers` with npm, outside the project's
 * dependencies. Results: a Markdown table on stdout and `.bench/results.json`.
 * Nothing here is asserted by tests: timings depend on the machine.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { measure, requireGnuTime } from './bench/measure.mjs';
import { JOBS, renderGrowth, renderSite, renderTable } from './bench/report.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const PEERS = { '@11ty/eleventy': '3.1.8', 'markdownlint-cli2': '0.22.1' }; // newest releases that support Node 20
const CLI = path.join(ROOT, 'bin', 'commonplace.js');

/**
 * The corpora of issue 13: the bench corpus (long, lint-clean notes), and
 * short notes (~4 KB) with one warning in every note (`source` written
 * before `year`: frontmatter-key-order), the library a new user is likely
 * to have, on which warnings once defeated every warm-build shortcut.
 */
const CORPORA = {
  bench: { label: 'bench corpus: ~1,500 words a note, lint-clean', words: 1500, warning: false, folder: (size) => `n${size}` },
  short: { label: 'short notes: ~4 KB (300 words), one frontmatter-key-order warning in every note', words: 300, warning: true, folder: (size) => `short-n${size}` },
};

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1000,10000' },
    corpora: { type: 'string', default: Object.keys(CORPORA).join(',') },
    runs: { type: 'string', default: '3' },
    seed: { type: 'string', default: 'commonplace' },
    jobs: { type: 'string', default: [...JOBS.map((j) => j.key), 'site'].join(',') },
    dir: { type: 'string', default: '.bench' },
    'report-only': { type: 'boolean', default: false },
  },
});
const sizes = values.sizes.split(',').map(Number);
const corpora = values.corpora.split(',');
for (const name of corpora) if (!Object.hasOwn(CORPORA, name)) throw new Error(`unknown corpus "${name}"; known: ${Object.keys(CORPORA).join(', ')}`);
const runs = Number(values.runs);
const wanted = new Set(values.jobs.split(','));
const benchDir = path.resolve(ROOT, values.dir);
const peersDir = path.join(benchDir, 'peers');

const log = (message) => process.stderr.write(`[bench] ${message}\n`);

function run(command, args, cwd = ROOT) {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 << 20 });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed:\n${result.stderr}${result.stdout}`);
  return result.stdout;
}

function installPeers() {
  const manifest = path.join(peersDir, 'package.json');
  const have = existsSync(manifest) ? JSON.parse(readFileSync(manifest, 'utf8')).dependencies ?? {} : {};
  if (Object.entries(PEERS).every(([name, version]) => have[name] === version)) return;
  log(`installing peers into ${path.relative(ROOT, peersDir)} (npm registry)…`);
  mkdirSync(peersDir, { recursive: true });
  const specs = Object.entries(PEERS).map(([name, version]) => `${name}@${version}`);
  run('npm', ['install', '--prefix', peersDir, '--no-audit', '--no-fund', '--save-exact', ...specs]);
}

function makeProject(size, corpus) {
  const project = path.join(benchDir, corpus.folder(size));
  const library = path.join(project, 'library');
  rmSync(library, { recursive: true, force: true });
  mkdirSync(project, { recursive: true });
  writeFileSync(path.join(project, 'commonplace.config.json'), '{}\n');
  // The cache goes to the nearest package.json's node_modules/.cache (src/cache/location.ts): without
  // this one, every size (and every worktree whose node_modules is a symlink) would share the repository's.
  writeFileSync(path.join(project, 'package.json'), '{ "private": true }\n');
  log(`generating ${size} notes (${corpus.label})…`);
  run(process.execPath, ['--import', 'tsx', path.join(ROOT, 'scripts/gen-corpus.ts'), '--out', library, '--count', String(size), '--seed', values.seed, '--words', String(corpus.words)]);
  if (corpus.warning) addKeyOrderWarnings(library);
  return project;
}

/** Swaps the generator's `year:` and `source:` lines in every note: one frontmatter-key-order warning each. */
function addKeyOrderWarnings(library) {
  for (const name of readdirSync(library).filter((file) => file.endsWith('.md'))) {
    const file = path.join(library, name);
    const text = readFileSync(file, 'utf8');
    const swapped = text.replace(/^(year: .*)\n(source: .*)$/m, '$2\n$1');
    if (swapped === text) throw new Error(`${name}: no "year:" line followed by "source:" to swap`);
    writeFileSync(file, swapped);
  }
}

/** Measures every wanted job on a fresh `corpus` of `size` notes into `measured.sizes[size]`; `save` writes results.json as it goes. */
function benchSize(size, corpus, measured, save) {
  const project = makeProject(size, corpus);
  const cacheDir = path.join(project, 'node_modules', '.cache', 'commonplace');
  const clearCache = () => rmSync(cacheDir, { recursive: true, force: true });
  const edited = path.join(project, 'library', readdirSync(path.join(project, 'library')).filter((f) => f.endsWith('.md')).sort()[0]);
  const original = readFileSync(edited, 'utf8');
  const edit = (tag) => writeFileSync(edited, `${original}\nA benchmark edit (${tag}) adds this sentence so that exactly one note changes between runs.\n`);
  const opts = { cwd: project, env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1' } };
  const build = ['build', '--library', 'library', '--out', 'dist'];
  const lint = ['lint', '--library', 'library'];
  const node = process.execPath;
  const bin = (name) => path.join(peersDir, 'node_modules', '.bin', name);
  const plan = {
    floor: [() => {}, node, [path.join(ROOT, 'scripts/bench/floor.mjs'), 'library']],
    coldBuild: [() => (clearCache(), rmSync(path.join(project, 'dist'), { recursive: true, force: true })), node, [CLI, ...build]],
    warmBuild: [() => {}, node, [CLI, ...build]],
    editBuild: [(i) => edit(`build ${i}`), node, [CLI, ...build]],
    coldLint: [clearCache, node, [CLI, ...lint]],
    editLint: [(i) => edit(`lint ${i}`), node, [CLI, ...lint]],
    eleventy: [() => rmSync(path.join(project, 'eleventy-out'), { recursive: true, force: true }), bin('eleventy'), ['--input=library', '--output=eleventy-out', '--formats=md', '--quiet']],
    markdownlint: [() => {}, bin('markdownlint-cli2'), ['library/**/*.md']],
    // One output at a time on a warm cache (the manifest removed, so the build is not skipped): each output's own cost.
    ...Object.fromEntries(['markdown', 'epub', 'pdf', 'bibtex', 'csl'].map((name) => [
      `output-${name}`,
      [() => rmSync(path.join(cacheDir, 'build-manifest.json'), { force: true }), node, [CLI, ...build.slice(0, -1), `dist-${name}`, '--outputs', name]],
    ])),
  };
  const figures = (measured.sizes[size] = {});
  try {
    for (const job of JOBS) {
      if (!wanted.has(job.key)) continue;
      const [before, command, args] = plan[job.key];
      log(`${size} notes: ${job.label} × ${runs}…`);
      const load = os.loadavg()[0];
      const f = { ...measure(runs, before, command, args, opts), load1: Math.max(load, os.loadavg()[0]) };
      // Exit 1 is "findings" for lint tools (markdownlint always has some); anything else is a failure.
      figures[job.key] = f.exitCodes.some((c) => c !== 0 && c !== 1) ? { ...f, error: `exit ${f.exitCodes.join('/')}: ${f.stderrTail.trim().split('\n').slice(-3).join(' ')}` } : f;
      if (job.key === 'coldBuild') figures.cacheWritten = existsSync(cacheDir);
      save();
    }
  } finally {
    writeFileSync(edited, original);
  }
  if (wanted.has('site')) {
    // The site's targets in Chromium (scripts/bench/site.mjs) on a fresh build of every output.
    log(`${size} notes: site pages, search, handbook.html and live reload in Chromium…`);
    run(node, [CLI, ...build], project);
    const out = spawnSync(node, [path.join(ROOT, 'scripts/bench/site.mjs'), '.', '--runs', String(runs)], { cwd: project, encoding: 'utf8', maxBuffer: 64 << 20 });
    try {
      figures.site = JSON.parse(out.stdout.trim().split('\n').at(-1) ?? '');
    } catch {
      figures.site = { error: `exit ${out.status}: ${(out.stderr ?? '').slice(-300)}` };
    }
    save();
  }
  if (wanted.has('stages')) {
    log(`${size} notes: stage timings in process…`);
    const out = spawnSync(node, [path.join(ROOT, 'scripts/bench/stages.mjs'), 'library'], { cwd: project, encoding: 'utf8', maxBuffer: 64 << 20 });
    try {
      figures.stages = JSON.parse(out.stdout.trim().split('\n').at(-1) ?? '');
    } catch {
      figures.stages = { error: `exit ${out.status}: ${(out.stderr ?? '').slice(-300)}` };
    }
  }
}

function printReport(results) {
  // results.json from before the second corpus has one set of sizes: the bench corpus.
  const measured = results.corpora ?? { bench: { label: CORPORA.bench.label, sizes: results.sizes } };
  const loads = Object.values(measured).flatMap((corpus) =>
    Object.values(corpus.sizes).flatMap((jobs) => Object.values(jobs).map((f) => f?.load1).filter(Number.isFinite)),
  );
  const cores = results.machine?.cpus ?? os.cpus().length;
  if (loads.length > 0 && Math.max(...loads) > cores) {
    process.stdout.write(`\nwarning: 1-minute load average reached ${Math.max(...loads).toFixed(1)} on ${cores} cores during the run; wall times are inflated by other processes, compare CPU times\n`);
  }
  for (const corpus of Object.values(measured)) {
    const growth = renderGrowth(corpus);
    const site = renderSite(corpus);
    if (site) process.stdout.write(`\n### site (${corpus.label})\n\n${site}\n`);
    // A run of the site job alone has no row for the main table.
    const measuredJobs = Object.values(corpus.sizes).some((jobs) => JOBS.some((job) => jobs[job.key]));
    if (measuredJobs) process.stdout.write(`\n### ${corpus.label}\n\n${renderTable(corpus)}\n${growth ? `\n${growth}\n` : ''}\n`);
  }
}

function main() {
  if (values['report-only']) return printReport(JSON.parse(readFileSync(path.join(benchDir, 'results.json'), 'utf8')));
  requireGnuTime();
  if (!existsSync(path.join(ROOT, 'lib', 'cli', 'main.js'))) throw new Error('lib/ is missing: run "npm run compile" first (npm run bench does)');
  mkdirSync(benchDir, { recursive: true });
  if (wanted.has('eleventy') || wanted.has('markdownlint')) installPeers();
  const results = {
    machine: { cpus: os.cpus().length, cpu: os.cpus()[0]?.model ?? '', memoryGiB: Math.round(os.totalmem() / 2 ** 30), node: process.version, platform: `${os.platform()} ${os.release()}` },
    runs,
    seed: values.seed,
    peers: PEERS,
    corpora: {},
  };
  // Stage timings come with a full run; a run of chosen --jobs has them only if `stages` is among them.
  if (!process.argv.some((arg) => arg === '--jobs' || arg.startsWith('--jobs='))) wanted.add('stages');
  for (const name of corpora) {
    const corpus = CORPORA[name];
    const measured = (results.corpora[name] = { label: corpus.label, words: corpus.words, warningInEveryNote: corpus.warning, sizes: {} });
    for (const size of sizes) benchSize(size, corpus, measured, () => writeFileSync(path.join(benchDir, 'results.json'), `${JSON.stringify(results, null, 2)}\n`));
  }
  writeFileSync(path.join(benchDir, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
  printReport(results);
  process.stdout.write(`wrote ${path.relative(ROOT, path.join(benchDir, 'results.json'))}\n`);
}

main();
