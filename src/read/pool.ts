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
      let timer: NodeJS.Timeout | undefined;

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
        let window = { cpu: process.cpuUsage(), extensions: 0 };
        const expire = (): void => {
          // The result may already be waiting behind a busy main thread: read it before judging.
          setImmediate(() => {
            if (current !== index) return;
            if (starved(window.cpu, config.parseTimeoutMs) && window.extensions < MAX_EXTENSIONS) {
              window = { cpu: process.cpuUsage(), extensions: window.extensions + 1 };
              timer = setTimeout(expire, config.parseTimeoutMs);
              return;
            }
            settle(index, readFailure(task.path, 'file-parse-timeout', `took longer than ${config.parseTimeoutMs} ms to parse; simplify the Markdown (long runs of * and _ or deeply nested lists and quotes are the usual causes)`));
            replace();
          });
        };
        timer = setTimeout(expire, config.parseTimeoutMs);
        worker.postMessage({ index: current, path: task.path, bytes: task.bytes } satisfies ParseRequest);
      };

      const replace = (): void => {
        clearTimeout(timer);
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
            clearTimeout(timer);
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
            settle(current, readFailure(task.path, 'file-parse-crash', `the Markdown parser crashed on this file (${why}); simplify the Markdown`));
          }
          replace();
        };
        // A result too deeply nested for the structured clone (~1,400 nested
        // block quotes overflow the deserialiser's stack) never arrives as a
        // 'message': fail that note now instead of waiting out its budget.
        worker.on('messageerror', () => {
          if (current === -1) return;
          clearTimeout(timer);
          const task = tasks[current]!;
          settle(current, readFailure(task.path, 'file-parse-overflow', 'too deeply nested to read (its syntax tree could not be passed between threads); flatten nested quotes or lists'));
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

/**
 * How many more budgets a note may get while the process is starved of CPU
 * (see `starved`), so that a loaded machine delays a good note instead of
 * failing it, and a truly stuck parse still ends.
 */
const MAX_EXTENSIONS = 3;

/**
 * True when this process used less than half a budget of CPU (all threads)
 * since `since`: a runaway parse keeps its worker's core busy for the whole
 * budget, so so little CPU means the machine, not the note, was slow.
 */
export function starved(since: NodeJS.CpuUsage, budgetMs: number): boolean {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1000 < budgetMs / 2;
}

/** Starts one parse worker (compiled, or from source under tsx/vitest). */
function spawnWorker(config: Config): Worker {
  return startWorker(import.meta.url, 'parse-worker', { workerData: { config }, resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } });
}
