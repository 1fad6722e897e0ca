/**
 * Reads notes for the language server in one long-lived parse worker (the
 * read stage's own `parse-worker`), so that a note no parser can finish in
 * time (`'*_'.repeat(20000)` takes micromark ~10 s) costs that note a
 * `file-parse-timeout` diagnostic, not a frozen editor: past
 * `config.parseTimeoutMs` the worker is terminated and a new one started.
 * The worker stays up between edits, so an edit pays a message round trip,
 * not a worker's start-up. Requests are answered in order, one at a time.
 */
import type { Worker } from 'node:worker_threads';
import type { Config } from '../config.js';
import { readFailure } from '../read/failure.js';
import { withNullPrototypes } from '../read/null-prototype.js';
import type { ParseRequest, ParseResponse } from '../read/parse-worker.js';
import type { PackedNote } from '../read/bodies.js';
import { parseCrashFailure, parseOverflowFailure, parseTimeoutFailure, startBudget } from '../read/pool.js';
import type { ReadFailure } from '../types.js';
import { startWorker } from '../util/worker.js';

/** The worker's heap cap, as the read stage's pool sets it. */
const WORKER_HEAP_MB = 768;

/** The read stage's module beside the worker (`startWorker` loads a sibling of the given module). */
const READ_MODULE = new URL(import.meta.url.endsWith('.ts') ? '../read/pool.ts' : '../read/pool.js', import.meta.url).href;

export class NoteParser {
  private worker: Worker | undefined;
  private ready: Promise<void> | undefined;
  private queue: Promise<unknown> = Promise.resolve();
  private next = 0;

  constructor(private readonly config: Config) {}

  /** Parses `bytes` as the note at `path`; never rejects (every problem is a ReadFailure). */
  parse(path: string, bytes: Uint8Array): Promise<PackedNote | ReadFailure> {
    const run = this.queue.then(() => this.parseNow(path, bytes));
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Starts the worker now, so the first edit does not wait for it to load the parser. */
  warm(): void {
    this.start().ready.catch(() => undefined);
  }

  /** Stops the worker (the server is exiting). */
  close(): void {
    const worker = this.worker;
    this.worker = undefined;
    this.ready = undefined;
    if (worker) {
      worker.removeAllListeners();
      void worker.terminate();
    }
  }

  private start(): { worker: Worker; ready: Promise<void> } {
    if (this.worker && this.ready) return { worker: this.worker, ready: this.ready };
    const worker = startWorker(READ_MODULE, 'parse-worker', { workerData: { config: this.config }, resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } });
    worker.unref();
    this.worker = worker;
    this.ready = new Promise<void>((resolve, reject) => {
      const onMessage = (message: ParseResponse): void => {
        if ('ready' in message) {
          worker.off('message', onMessage);
          resolve();
        }
      };
      worker.on('message', onMessage);
      worker.once('error', reject);
      worker.once('exit', (code) => reject(new Error(`the parse worker exited (code ${code})`)));
    });
    this.ready.catch(() => undefined);
    return { worker, ready: this.ready };
  }

  private async parseNow(path: string, bytes: Uint8Array): Promise<PackedNote | ReadFailure> {
    let started;
    try {
      started = this.start();
      await started.ready;
    } catch (error) {
      this.close();
      return readFailure(path, 'file-parse-crash', `the Markdown parser could not start (${(error as Error).message}); this is a Commonplace problem, not the note's`);
    }
    const { worker } = started;
    const index = this.next++;
    return new Promise((resolve) => {
      let settled = false;
      const finish = (result: PackedNote | ReadFailure, restart: boolean): void => {
        settled = true;
        budget.clear();
        worker.off('message', onMessage).off('error', onError).off('exit', onExit).off('messageerror', onMessageError);
        if (restart) this.close();
        resolve(result);
      };
      const onMessage = (message: ParseResponse): void => {
        if ('ready' in message || message.index !== index) return;
        const { result } = message;
        // A structured clone: the front matter lost its null prototypes.
        finish('note' in result ? { note: { ...result.note, frontmatter: withNullPrototypes(result.note.frontmatter) }, body: result.body } : result, false);
      };
      const onError = (error: Error): void => finish(parseCrashFailure(path, error.message), true);
      const onExit = (code: number): void => finish(parseCrashFailure(path, `exit code ${code}`), true);
      const onMessageError = (): void => finish(parseOverflowFailure(path), true);
      const budget = startBudget(this.config, () => !settled, () => finish(parseTimeoutFailure(path, this.config), true));
      worker.on('message', onMessage).on('error', onError).on('exit', onExit).on('messageerror', onMessageError);
      worker.postMessage({ index, path, bytes } satisfies ParseRequest);
    });
  }
}
