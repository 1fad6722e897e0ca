/**
 * `--watch` support for `lint` and `build`: watches a library folder and
 * calls back with the changed files once saves settle. The commands own what
 * to do on a change (re-lint, rebuild with the warm cache); this module only
 * turns a burst of file events into one call at a time.
 *
 * Debounced because editors save in bursts (write temp, rename, touch), and
 * serialised because a rebuild that starts while the last one is still
 * writing would race it: changes that arrive during a run are batched into
 * the next one.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { watch } from 'chokidar';

/** A running watcher. */
export interface LibraryWatcher {
  /** Resolves once the initial scan is done and events are being delivered. */
  ready: Promise<void>;
  /** Stops watching; waits for a run in progress to finish. */
  close(): Promise<void>;
}

/** Watcher settings. */
export interface WatchOptions {
  /** Quiet time after the last event before calling back, in ms (default 100). */
  debounceMs?: number;
  /** Called when a callback throws; the watcher keeps going. Default: ignore. */
  onError?: (error: unknown) => void;
  /**
   * Files and folders outside the library (absolute paths: the config, the
   * templates) also watched; any change to a file in them counts, reported
   * by its absolute path.
   */
  also?: string[];
}

/** Library files whose change matters: notes and the glossary, not dotfiles or `_` paths. */
export function isWatchedFile(relative: string): boolean {
  const parts = relative.split(/[\\/]/);
  if (parts.some((p) => p.startsWith('.') || p.startsWith('_') || p === 'node_modules')) return false;
  return relative.endsWith('.md') || relative === 'concepts.yml';
}

/**
 * Watches `root` and calls `onChange` with the library-relative, `/`-separated
 * paths changed (added, edited or removed) since the last call, sorted.
 */
export function watchLibrary(root: string, onChange: (changed: string[]) => Promise<void> | void, options: WatchOptions = {}): LibraryWatcher {
  const debounceMs = options.debounceMs ?? 100;
  const changed = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;

  const also = (options.also ?? []).map((file) => path.resolve(file));
  const isAlso = (file: string): boolean => also.some((a) => file === a || file.startsWith(a + path.sep));
  // A path that does not exist yet (no config file so far) is seen through its folder, which lets nothing else through.
  const parents = new Set(also.filter((file) => !existsSync(file)).map((file) => path.dirname(file)));
  const watcher = watch([root, ...also.map((file) => (existsSync(file) ? file : path.dirname(file)))], {
    ignoreInitial: true,
    // Skip hidden and `_` folders of the library entirely; files are filtered by isWatchedFile.
    ignored: (file: string) => {
      const absolute = path.resolve(file);
      if (isAlso(absolute) || parents.has(absolute)) return false;
      const relative = path.relative(root, absolute);
      if (relative.startsWith('..') || path.isAbsolute(relative)) return true;
      return relative !== '' && relative.split(path.sep).some((p) => p.startsWith('.') || p.startsWith('_') || p === 'node_modules');
    },
  });

  const run = async (): Promise<void> => {
    if (running || changed.size === 0) return;
    const batch = [...changed].sort();
    changed.clear();
    running = (async () => {
      try {
        await onChange(batch);
      } catch (error) {
        options.onError?.(error);
      }
    })();
    await running;
    running = undefined;
    if (changed.size > 0) schedule();
  };
  const schedule = (): void => {
    clearTimeout(timer);
    timer = setTimeout(() => void run(), debounceMs);
  };

  watcher.on('all', (event, file) => {
    if (event === 'addDir' || event === 'unlinkDir' || typeof file !== 'string') return;
    if (isAlso(path.resolve(file))) {
      changed.add(path.resolve(file));
      return schedule();
    }
    const relative = path.relative(root, file).split(path.sep).join('/');
    if (!isWatchedFile(relative)) return;
    changed.add(relative);
    schedule();
  });

  const ready = new Promise<void>((resolve) => watcher.once('ready', () => resolve()));
  return {
    ready,
    async close() {
      clearTimeout(timer);
      await watcher.close();
      await running;
    },
  };
}

/**
 * Runs `once` now and again after every settled change under `root`, until
 * SIGINT or SIGTERM (or `stop` resolves). Each run prints its own report; a
 * run that throws is reported and watching goes on. Resolves to 0: in watch
 * mode findings are shown, not turned into an exit code.
 */
export async function runWatching(
  root: string,
  once: () => Promise<number>,
  io: { stderr: NodeJS.WritableStream },
  stop: Promise<void> = untilSignal(),
): Promise<number> {
  await once();
  const watcher = watchLibrary(
    root,
    async (changed) => {
      io.stderr.write(`\n${changed.length === 1 ? changed[0] : `${changed.length} files`} changed\n`);
      await once();
    },
    { onError: (error) => io.stderr.write(`commonplace: ${error instanceof Error ? error.message : String(error)}\n`) },
  );
  await watcher.ready;
  io.stderr.write(`Watching ${root} for changes (Ctrl-C to stop)\n`);
  await stop;
  await watcher.close();
  return 0;
}

/** Resolves on the first SIGINT or SIGTERM. */
export function untilSignal(): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      process.off('SIGINT', done);
      process.off('SIGTERM', done);
      resolve();
    };
    process.once('SIGINT', done);
    process.once('SIGTERM', done);
  });
}
