/**
 * `commonplace serve [--port 4321] [--host 127.0.0.1] [--open] [--library DIR]`:
 * builds (with the cache), serves dist/site, watches the library, the config
 * and the templates and rebuilds after each save; open pages reload, or show
 * the lint errors in an overlay while the last good site stays served.
 * Loopback only unless --host says otherwise. Exit 0 when stopped (Ctrl-C),
 * 2 for a usage, config or port error.
 *
 * A save of notes takes two paths: the fast one (serve/fast-render.ts)
 * checks and renders the edited notes' pages in memory and serves them at
 * once; the full build (serve/full-build.ts, in a worker thread) then writes
 * dist/site as `commonplace build --outputs site` would, and its pages
 * replace the in-memory ones.
 */
import { spawn } from 'node:child_process';
import { readFileSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { defaultCacheDir, hashConfig, openNoteCache, type PersistentNoteCache } from '../cache/index.js';
import { CONFIG_FILE, ConfigError, type Config } from '../config.js';
import type { EssayBodies } from '../emit/context.js';
import { TEMPLATES_DIR } from '../emit/html-shell.js';
import { SITE_DIR } from '../emit/site/paths.js';
import { cacheKey } from '../read/index.js';
import { FastRenderer } from '../serve/fast-render.js';
import { startFullBuilds, type BuildRequest, type Built } from '../serve/full-build.js';
import { createSiteServer, type LiveState } from '../serve/server.js';
import type { Diagnostic } from '../types.js';
import { defineCommand, UsageError, type CommandIO, type CommandSpec } from './io.js';
import { displayPath, locateLibrary } from './library.js';
import { untilSignal, watchLibrary } from './watch.js';

/** The command line of `serve`: flags, usage line, help and examples. */
export const spec = {
  name: 'serve',
  usage: 'serve [--port 4321] [--host 127.0.0.1] [--open] [--library DIR]',
  description: `Builds the library, serves the site (dist/site) and rebuilds after every saved
change; open pages reload, and lint errors show in an overlay over the last good site.`,
  flags: {
    port: { type: 'string', value: 'N', help: 'the port (default 4321; 0 picks a free one)' },
    host: { type: 'string', value: 'HOST', help: 'the address to bind (default 127.0.0.1: this machine only)' },
    open: { type: 'boolean', help: 'open the site in the default browser' },
    library: { type: 'string', value: 'DIR', help: 'the library folder (default: "library" in commonplace.config.json)' },
  },
  examples: ['commonplace serve', 'commonplace serve --port 8080 --open'],
  notes: 'Exit codes: 0 stopped (Ctrl-C), 2 usage, config or environment error (a port in use included).',
} as const satisfies CommandSpec;

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

/** Longest wait, after the fast path published, for open pages to reload before the full build starts (ms). */
const RELOAD_GRACE_MS = 1000;

export const run = defineCommand(spec, async ({ values }, io) => {
  const port = values.port === undefined ? 4321 : Number(values.port);
  if (!/^\d+$/.test(values.port ?? '0') || port > 65535) throw new UsageError(`--port: expected a port number from 0 to 65535, got "${values.port}"`);
  const host = values.host ?? '127.0.0.1';
  const project = locateLibrary(io, values.library);
  const { configDir, root } = project;
  const outDir = path.resolve(configDir, project.config.out);
  const cacheDir = defaultCacheDir(configDir);
  let config = project.config;
  let version = 0;
  let warnings = 0;
  // The fast path reads unchanged notes' bodies from the cache, never writing it (the build worker owns it).
  const fast = new FastRenderer(root, cacheBodies(cacheDir, () => config));
  // Pages the fast path rendered since the last full build, served before dist/site, and the save that made each.
  const overlay = new Map<string, Buffer>();
  const madeBy = new Map<string, number>();
  let saves = 0;
  // The fast path needs a (new) library after save `primeWanted` (0: at start); it has the one of the build begun at save `primedAt`.
  let primeWanted = 0;
  let primedAt = -1;
  let requests = 0;
  const library = (): BuildRequest['library'] => (primeWanted <= primedAt ? 'no' : requests++ === 0 ? 'if-built' : 'always');
  const builds = startFullBuilds({ root, configDir, outDir, cacheDir, cwd: io.cwd, sourceDateEpoch: io.env.SOURCE_DATE_EPOCH }, () => ({ config, library: library(), saves }));

  /**
   * Reads the config again after it changed: a new config hash opens its own
   * cache scope. A config that does not load is shown like a lint error and
   * the last good site stays; a new library or output folder needs a restart.
   */
  const reloadConfig = (): LiveState | null => {
    let next: typeof project;
    try {
      next = locateLibrary(io, values.library);
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      io.stderr.write(`commonplace serve: ${error.message}\n`);
      return { version, errors: [{ file: CONFIG_FILE, line: 1, column: 1, message: error.message, ruleId: 'config' }], warnings };
    }
    if (next.root !== root || path.resolve(configDir, next.config.out) !== outDir) {
      io.stderr.write('commonplace serve: the library or output folder changed in the config; restart serve to use it\n');
    }
    config = next.config;
    return null;
  };

  /** The state after a full build (null when it could not run); keeps the last good site when lint finds errors. */
  const afterBuild = ({ request, reply }: Built<BuildRequest & { saves: number }>, site: string | null): LiveState | null => {
    if (reply.status === 'failed') {
      io.stderr.write(`commonplace serve: the build failed: ${reply.message}\n`);
      return null;
    }
    const shown = reply.findings.filter((d) => d.severity !== 'info');
    const errors = shown.filter((d) => d.severity === 'error').map(liveError);
    for (const e of errors) io.stderr.write(`${e.file}:${e.line}:${e.column}  error  ${e.message}  ${e.ruleId}\n`);
    warnings = shown.length - errors.length;
    if (reply.library) {
      fast.prime(reply.library, request.config);
      primedAt = Math.max(primedAt, request.saves);
    }
    if (reply.status === 'lint-errors') return { version, errors, warnings };
    // dist/site now holds every save made before this build began: their pages leave the overlay.
    // A page the build wrote as the fast path showed it needs no reload.
    const unchanged: string[] = [];
    let changed = reply.status === 'built';
    for (const [name, bytes] of overlay) {
      if (madeBy.get(name)! > request.saves) continue;
      overlay.delete(name);
      madeBy.delete(name);
      const now = site === null ? null : readOrNull(path.join(site, name));
      if (now?.equals(bytes)) unchanged.push(`/${name}`);
      else changed = true;
    }
    if (changed) version++;
    return { version, errors, warnings, ...(unchanged.length > 0 ? { unchanged } : {}) };
  };

  const first = await builds.request();
  const site = path.join(outDir, SITE_DIR);
  const initial = afterBuild(first, null);
  let siteRoot: string;
  try {
    if (initial === null) throw new Error('no build');
    siteRoot = realpathSync(site);
  } catch {
    if (initial !== null) io.stderr.write(`commonplace serve: ${displayPath(io, site)} could not be built: fix the lint errors above and run serve again\n`);
    fast.close();
    await builds.close();
    return 2;
  }
  const live = createSiteServer(siteRoot, initial, overlay);
  const listening = await new Promise<boolean>((resolve) => {
    live.server.once('error', (error: NodeJS.ErrnoException) => {
      const why = error.code === 'EADDRINUSE' ? `port ${port} is in use on ${host}; try another with --port` : `cannot listen on ${host}:${port}: ${error.code ?? error.message}`;
      io.stderr.write(`commonplace serve: ${why}\n`);
      resolve(false);
    });
    live.server.listen(port, host, () => resolve(true));
  });
  if (!listening) {
    fast.close();
    await builds.close();
    return 2;
  }
  const bound = (live.server.address() as { port: number }).port;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${bound}/`;
  if (!LOOPBACK.has(host)) io.stderr.write(`Warning: serving on ${host}: other machines on the network can read this site\n`);
  // Ctrl-C is a clean stop from the moment the URL is printed, even before the watcher is ready.
  const stopped = untilSignal();
  io.stdout.write(`Serving ${url}\n`);
  if (values.open) openBrowser(url);

  // Every state sent says whether a full build is still to come (`building`).
  let waiting = 0;
  let current = initial;
  const publish = (state: LiveState): void => {
    current = { ...state, building: waiting > 0 };
    live.publish(current);
  };
  /**
   * One full build in the worker (the caller counted it in `waiting` first,
   * so that what it publishes before says a build is coming), then its state
   * published; the fast path is primed again when it asked.
   */
  const fullBuild = (started: number): void => {
    publish({ ...current, unchanged: [] });
    void builds.request().then((built) => {
      waiting--;
      const before = version;
      const state = afterBuild(built, siteRoot);
      if (state !== null) io.stderr.write(`${state.version > before ? 'site rebuilt' : 'nothing new to show'} in ${seconds(started)} s\n`);
      publish(state ?? current);
    });
  };
  // An up-to-date site was not linked: the fast path gets its library from a second, writing-nothing build, off this thread.
  if (!fast.ready) {
    waiting++;
    fullBuild(performance.now());
  }

  // Beside the notes and the glossary: the config, the project's templates and the site's own shell (CSS, JS).
  const configFile = path.join(configDir, CONFIG_FILE);
  const also = [configFile, path.join(configDir, 'templates'), TEMPLATES_DIR];
  const watcher = watchLibrary(root, async (changed) => {
    const shown = changed.map((file) => (path.isAbsolute(file) ? displayPath(io, file) : file));
    io.stderr.write(`${shown.length === 1 ? shown[0] : `${shown.length} files`} changed\n`);
    const started = performance.now();
    saves++;
    waiting++;
    if (changed.includes(configFile)) {
      const broken = reloadConfig();
      if (broken) {
        waiting--; // no build for a config that does not load
        return publish(broken);
      }
      fast.reset();
      primeWanted = saves;
    }
    const outcome = await fast.render(changed).catch((error: unknown) => ({ kind: 'declined' as const, why: error instanceof Error ? error.message : String(error) }));
    if (outcome.kind === 'pages' && outcome.pages.size > 0) {
      for (const [name, bytes] of outcome.pages) {
        overlay.set(name, bytes);
        madeBy.set(name, saves);
      }
      version++;
      const reopened = live.reopened(RELOAD_GRACE_MS);
      publish({ version, errors: [], warnings });
      io.stderr.write(`${plural(outcome.pages.size, 'page')} shown in ${seconds(started)} s (rendered in memory); full build next\n`);
      // The pages reloading now would share the CPU with the full build: it starts once they are back (a second at most).
      await reopened;
    } else if (outcome.kind === 'errors') {
      const errors = outcome.errors.map(liveError);
      for (const e of errors) io.stderr.write(`${e.file}:${e.line}:${e.column}  error  ${e.message}  ${e.ruleId}\n`);
      publish({ version, errors, warnings });
    } else if (outcome.kind === 'declined') primeWanted = saves; // a new, deleted or renamed note, the glossary, the config: the next full build primes the fast path again
    fullBuild(started);
  }, { also, onError: (error) => io.stderr.write(`commonplace serve: ${error instanceof Error ? error.message : String(error)}\n`) });
  await Promise.race([watcher.ready, stopped]);
  await stopped;
  await watcher.close();
  fast.close();
  await builds.close();
  await live.close();
  return 0;
});

/** A lint finding as open pages are told it. */
const liveError = (d: Diagnostic): LiveState['errors'][number] => ({ file: d.file, line: d.line, column: d.column, message: d.message, ruleId: d.ruleId });

const seconds = (since: number): string => ((performance.now() - since) / 1000).toFixed(2);

const plural = (n: number, noun: string): string => `${n} ${noun}${n === 1 ? '' : 's'}`;

function readOrNull(file: string): Buffer | null {
  try {
    return readFileSync(file);
  } catch {
    return null;
  }
}

/** Bodies of unchanged notes, read from the cache scope of the config in force (read only: nothing is ever written). */
function cacheBodies(dir: string, config: () => Config): EssayBodies {
  let scope: { config: Config; cache: PersistentNoteCache } | undefined;
  return {
    get(note, parts) {
      const now = config();
      if (scope?.config !== now) scope = { config: now, cache: openNoteCache({ dir, configHash: hashConfig(now) }) };
      return scope.cache.body(cacheKey(note.path, note.hash), parts);
    },
  };
}

/** Opens `url` with the platform's opener; failing to open is not an error (the URL is printed). */
function openBrowser(url: string): void {
  const command = process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'explorer' : 'xdg-open';
  const child = spawn(command, [url], { stdio: 'ignore', detached: true });
  child.on('error', () => undefined);
  child.unref();
}

