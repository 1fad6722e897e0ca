/**
 * `commonplace serve [--port 4321] [--host 127.0.0.1] [--open] [--library DIR]`:
 * builds (with the cache), serves dist/site, watches the library, the config
 * and the templates and rebuilds after each save; open pages reload, or show the lint errors in an overlay
 * while the last good site stays served. Loopback only unless --host says
 * otherwise. Exit 0 when stopped (Ctrl-C), 2 for a usage, config or port error.
 */
import { spawn } from 'node:child_process';
import { realpathSync } from 'node:fs';
import path from 'node:path';
import { defaultCacheDir, hashConfig, openNoteCache } from '../cache/index.js';
import { CONFIG_FILE, ConfigError } from '../config.js';
import { TEMPLATES_DIR } from '../emit/html-shell.js';
import { SITE_DIR } from '../emit/site/index.js';
import { buildProject } from '../project.js';
import { withFolderLocks } from './locks.js';
import { createSiteServer, type LiveState } from '../serve/server.js';
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

export const run = defineCommand(spec, async ({ values }, io) => {
  const port = values.port === undefined ? 4321 : Number(values.port);
  if (!/^\d+$/.test(values.port ?? '0') || port > 65535) throw new UsageError(`--port: expected a port number from 0 to 65535, got "${values.port}"`);
  const host = values.host ?? '127.0.0.1';
  const project = locateLibrary(io, values.library);
  const { configDir, root } = project;
  const outDir = path.resolve(configDir, project.config.out);
  const owned = { cache: defaultCacheDir(configDir), out: outDir };
  let config = project.config;
  let cache = openNoteCache({ dir: defaultCacheDir(configDir), configHash: hashConfig(config) });
  let version = 0;

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
      return { version, errors: [{ file: CONFIG_FILE, line: 1, column: 1, message: error.message, ruleId: 'config' }], warnings: 0 };
    }
    if (next.root !== root || path.resolve(configDir, next.config.out) !== outDir) {
      io.stderr.write('commonplace serve: the library or output folder changed in the config; restart serve to use it\n');
    }
    if (hashConfig(next.config) !== hashConfig(config)) cache = openNoteCache({ dir: defaultCacheDir(configDir), configHash: hashConfig(next.config) });
    config = next.config;
    return null;
  };

  /** One build: writes dist/ when clean; returns what pages are told. Lint errors keep the last good site. */
  const rebuild = async (): Promise<LiveState> => {
    // The same build as `commonplace build` (a deleted note's page goes too), one at a time per folder.
    // Only the site: the handbooks, index and e-book of a 10,000-note library take most of a build, and serve shows none of them.
    const siteOnly = { ...config, outputs: ['site'] };
    const outcome = await withFolderLocks(io, owned, () => buildProject({ root, config: siteOnly, configDir }, outDir, cache, { sourceDateEpoch: io.env.SOURCE_DATE_EPOCH }));
    const shown = outcome.findings.filter((d) => d.severity !== 'info');
    const errors = shown.filter((d) => d.severity === 'error').map((d) => ({ file: d.file, line: d.line, column: d.column, message: d.message, ruleId: d.ruleId }));
    if (outcome.status === 'built') version++;
    for (const e of errors) io.stderr.write(`${e.file}:${e.line}:${e.column}  error  ${e.message}  ${e.ruleId}\n`);
    return { version, errors, warnings: shown.length - errors.length };
  };

  const initial = await rebuild();
  const site = path.join(outDir, SITE_DIR);
  let siteRoot: string;
  try {
    siteRoot = realpathSync(site);
  } catch {
    io.stderr.write(`commonplace serve: ${displayPath(io, site)} could not be built: fix the lint errors above and run serve again\n`);
    return 2;
  }
  const live = createSiteServer(siteRoot, initial);
  const listening = await new Promise<boolean>((resolve) => {
    live.server.once('error', (error: NodeJS.ErrnoException) => {
      const why = error.code === 'EADDRINUSE' ? `port ${port} is in use on ${host}; try another with --port` : `cannot listen on ${host}:${port}: ${error.code ?? error.message}`;
      io.stderr.write(`commonplace serve: ${why}\n`);
      resolve(false);
    });
    live.server.listen(port, host, () => resolve(true));
  });
  if (!listening) return 2;
  const bound = (live.server.address() as { port: number }).port;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${bound}/`;
  if (!LOOPBACK.has(host)) io.stderr.write(`Warning: serving on ${host}: other machines on the network can read this site\n`);
  // Ctrl-C is a clean stop from the moment the URL is printed, even before the watcher is ready.
  const stopped = untilSignal();
  io.stdout.write(`Serving ${url}\n`);
  if (values.open) openBrowser(url);

  // Beside the notes and the glossary: the config, the project's templates and the site's own shell (CSS, JS).
  const configFile = path.join(configDir, CONFIG_FILE);
  const also = [configFile, path.join(configDir, 'templates'), TEMPLATES_DIR];
  const watcher = watchLibrary(root, async (changed) => {
    const shown = changed.map((file) => (path.isAbsolute(file) ? displayPath(io, file) : file));
    io.stderr.write(`${shown.length === 1 ? shown[0] : `${shown.length} files`} changed\n`);
    const started = performance.now();
    const before = version;
    const broken = changed.includes(configFile) ? reloadConfig() : null;
    const state = broken ?? (await rebuild());
    io.stderr.write(`${state.version > before ? 'site rebuilt' : 'nothing new to show'} in ${((performance.now() - started) / 1000).toFixed(2)} s\n`);
    live.publish(state);
  }, { also, onError: (error) => io.stderr.write(`commonplace serve: ${error instanceof Error ? error.message : String(error)}\n`) });
  await Promise.race([watcher.ready, stopped]);
  await stopped;
  await watcher.close();
  await live.close();
  return 0;
});

/** Opens `url` with the platform's opener; failing to open is not an error (the URL is printed). */
function openBrowser(url: string): void {
  const command = process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'explorer' : 'xdg-open';
  const child = spawn(command, [url], { stdio: 'ignore', detached: true });
  child.on('error', () => undefined);
  child.unref();
}

