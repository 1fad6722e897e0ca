/**
 * A small pool of parse workers, there so a runaway parse can be STOPPED
 * (a reliability need, not a speed trick): micromark takes ~10 s on
 * `'*_'.repeat(20000)`, and a sync parse cannot be interrupted in-thread.
 *
 * Each note gets `config.parseTimeoutMs` from the moment it is handed to a
 * ready worker, extended while the process is starved of CPU (`starved`).
 * Over budget, that worker is terminated and replaced, the note becomes a
 * `file-parse-timeout` failure, and the run goes on. A worker
 * that dies (out of memory, say) costs only its current note.
 *
 * The worker loads from `lib/read/parse-worker.js` when running compiled
 * (the CLI), and from source through tsx when this module is itself `.ts`
 * (vitest, `npx tsx`).
 */
import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import type { Config } from '../config.js';
import type { ReadFailure } from '../types.js';
import { startWorker } from '../util/worker.js';
import { readFailure } from './failure.js';
import type { ParseRequest, ParseResponse } from './parse-worker.js';
import type { PackedNote } from './bodies.js';

/** One file to parse. */
export interface ParseTask {
  path: string;
  bytes: Uint8Array;
}

/** Notes per worker before another one pays for its start-up. */
const NOTES_PER_WORKER = 50;

/** Memory cap per worker: a note that needs more fails alone instead of taking the process down. */
const WORKER_HEAP_MB = 768;

/** `min(availableParallelism, ceil(n / 50))`, at least 1. */
export function poolSize(taskCount: number): number {
  return Math.max(1, Math.min(availableParallelism(), Math.ceil(taskCount / NOTES_PER_WORKER)));
}

/**
 * A worker started before its work is known: it loads the parser (~150 ms)
 * on another core while the caller is still finding out which notes
 * changed. Hand it to `parseInPool`, or `release` it if nothing needs parsing.
 */
export interface StandbyWorker {
  /** The worker, if it is still alive and not yet taken; `ready` says whether it has loaded. */
  take(): { worker: Worker; ready: boolean } | undefined;
  release(): void;
}

/** Starts one parse worker ahead of time (see `StandbyWorker`). */
export function standbyWorker(config: Config): StandbyWorker {
  let worker: Worker | undefined = spawnWorker(config);
  let ready = false;
  const onMessage = (message: ParseResponse): void => {
    if ('ready' in message) ready = true;
  };
  // Only our own listeners come off: removeAllListeners() would also take
  // the worker's internal ones, and its messages would then never arrive.
  const drop = (): void => {
    worker?.off('message', onMessage).off('error', drop).off('exit', drop);
    worker = undefined;
  };
  worker.on('message', onMessage).on('error', drop).on('exit', drop);
  return {
    take() {
      const taken = worker && { worker, ready };
      drop();
      return taken;
    },
    release() {
      const last = worker;
      drop();
      void last?.terminate();
    },
  };
}

/**
 * Parses every task in `size` workers; results in task order, and each also
 * passed to `onResult` as soon as it is known. Rejects only if a worker
 * cannot start at all. The first lane uses `standby` if given.
 */
export async function parseInPool(
  tasks: readonly ParseTask[],
  config: Config,
  size = poolSize(tasks.length),
  onResult?: (result: PackedNote | ReadFailure, index: number) => void,
  standby?: StandbyWorker,
): Promise<(PackedNote | ReadFailure)[]> {
  const results: (PackedNote | ReadFailure)[] = new Array(tasks.length);
  if (tasks.length === 0) {
    standby?.release();
    return results;
  }
  let next = 0;
  const settle = (index: number, result: PackedNote | ReadFailure): void => {
    results[index] = result;
    onResult?.(result, index);
  };
  const lane = (): Promise<void> =>
    new Promise((resolve, reject) => {
      let worker: Worker;
      let current = -1;
      let budget: Budget | undefined;

      const dispatch = (): void => {
        if (next >= tasks.length) {
          worker.removeAllListeners();
          void worker.terminate();
          resolve();
          return;
        }
        current = next++;
        const task = tasks[current]!;
        const index = current;
        budget = startBudget(config, () => current === index, () => {
          settle(index, parseTimeoutFailure(task.path, config));
          replace();
        });
        worker.postMessage({ index: current, path: task.path, bytes: task.bytes } satisfies ParseRequest);
      };

      const replace = (): void => {
        budget?.clear();
        current = -1;
        worker.removeAllListeners();
        void worker.terminate();
        start();
      };

      const start = (): void => {
        const early = standby?.take();
        let ready = early?.ready ?? false;
        worker = early?.worker ?? spawnWorker(config);
        worker.on('message', (message: ParseResponse) => {
          if ('ready' in message) {
            ready = true;
            dispatch();
          } else if (message.index === current) {
            budget?.clear();
            settle(current, message.result);
            dispatch();
          }
        });
        const die = (error: Error | number): void => {
          if (!ready) {
            worker.removeAllListeners();
            reject(new Error(`could not start the parse worker: ${error instanceof Error ? error.message : `exit code ${error}`}`));
            return;
          }
          if (current !== -1) {
            const why = error instanceof Error ? error.message : `exit code ${error}`;
            const task = tasks[current]!;
            settle(current, parseCrashFailure(task.path, why));
          }
          replace();
        };
        // A result too deeply nested for the structured clone (~1,400 nested
        // block quotes overflow the deserialiser's stack) never arrives as a
        // 'message': fail that note now instead of waiting out its budget.
        worker.on('messageerror', () => {
          if (current === -1) return;
          budget?.clear();
          const task = tasks[current]!;
          settle(current, parseOverflowFailure(task.path));
          dispatch();
        });
        worker.on('error', die);
        worker.on('exit', (code) => die(code));
        if (ready) dispatch();
      };

      start();
    });

  await Promise.all(Array.from({ length: Math.max(1, Math.min(size, tasks.length)) }, lane));
  return results;
}

/** A running parse budget (`startBudget`). */
export interface Budget {
  clear(): void;
}

/**
 * Calls `expired` once `config.parseTimeoutMs` has passed and the parse is
 * still `pending`. Two guards keep a loaded machine from failing a good note:
 * the verdict waits one turn, so a result already queued behind a busy main
 * thread is read first; and the budget is extended (up to `MAX_EXTENSIONS`
 * times) while the process is `starved` of CPU. A runaway parse keeps its
 * worker's core busy, so it still fails after one budget.
 */
export function startBudget(config: Config, pending: () => boolean, expired: () => void): Budget {
  let since = process.cpuUsage();
  let extensions = 0;
  let timer: NodeJS.Timeout;
  const expire = (): void => {
    setImmediate(() => {
      if (!pending()) return;
      if (starved(since, config.parseTimeoutMs) && extensions < MAX_EXTENSIONS) {
        since = process.cpuUsage();
        extensions++;
        timer = setTimeout(expire, config.parseTimeoutMs);
        return;
      }
      expired();
    });
  };
  timer = setTimeout(expire, config.parseTimeoutMs);
  return { clear: () => clearTimeout(timer) };
}

const MAX_EXTENSIONS = 3;

/** True when this process used under half of `budgetMs` in CPU (all threads) since `since`. */
export function starved(since: NodeJS.CpuUsage, budgetMs: number): boolean {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1000 < budgetMs / 2;
}

/** The failure of a note whose parser crashed (`why`: the error's message or the exit code). */
export function parseCrashFailure(path: string, why: string): ReadFailure {
  return readFailure(path, 'file-parse-crash', `the Markdown parser crashed on this file (${why}); simplify the Markdown`);
}

/** The failure of a note whose syntax tree was too deep to pass between threads. */
export function parseOverflowFailure(path: string): ReadFailure {
  return readFailure(path, 'file-parse-overflow', 'too deeply nested to read (its syntax tree could not be passed between threads); flatten nested quotes or lists');
}

/** The failure of a note that ran over its parse budget. */
export function parseTimeoutFailure(path: string, config: Config): ReadFailure {
  return readFailure(path, 'file-parse-timeout', `took longer than ${config.parseTimeoutMs} ms to parse; simplify the Markdown (long runs of * and _ or deeply nested lists and quotes are the usual causes)`);
}

/** Starts one parse worker (compiled, or from source under tsx/vitest). */
function spawnWorker(config: Config): Worker {
  return startWorker(import.meta.url, 'parse-worker', { workerData: { config }, resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } });
}
