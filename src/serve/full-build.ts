/**
 * Full builds for `serve`, one at a time in a worker thread (build-worker.ts):
 * a request made while one runs is not lost, it starts the next as soon as
 * that one ends (requests made meanwhile coalesce into it).
 */
import type { Worker } from 'node:worker_threads';
import type { Config } from '../config.js';
import { withNullPrototypes } from '../read/null-prototype.js';
import type { Diagnostic, Library } from '../types.js';
import { startWorker } from '../util/worker.js';

/** What the worker is started with. */
export interface BuildSetup {
  root: string;
  configDir: string;
  outDir: string;
  cacheDir: string;
  cwd: string;
  sourceDateEpoch: string | undefined;
}

/**
 * One build request: the config to build with, and when to send the linked
 * library back (for the fast path): never, when the build wrote the site,
 * or always (an up-to-date site is then linked without writing anything).
 */
export interface BuildRequest {
  config: Config;
  library: 'no' | 'if-built' | 'always';
}

/** What a build did (`failed`: it threw, e.g. a full disk; the message is one line). */
export type BuildReply =
  | { status: 'built' | 'up-to-date' | 'lint-errors'; findings: Diagnostic[]; library?: Library | undefined }
  | { status: 'failed'; message: string };

/** A build's request (as `next` made it) and its reply. */
export interface Built<R extends BuildRequest> {
  request: R;
  reply: BuildReply;
}

/** The queue of full builds. */
export interface FullBuilds<R extends BuildRequest> {
  /**
   * Asks for a build, made with the request `next` gives when it starts.
   * Resolves with that request and the reply of the build that includes
   * every save made before this call.
   */
  request(): Promise<Built<R>>;
  /** Whether a build is running. */
  readonly busy: boolean;
  /** Waits for the running build (a half-written site is never left), then stops the worker. */
  close(): Promise<void>;
}

/** Starts the worker. `next` gives the request for each build as it starts (the config then in force). */
export function startFullBuilds<R extends BuildRequest>(setup: BuildSetup, next: () => R): FullBuilds<R> {
  const worker: Worker = startWorker(import.meta.url, 'build-worker', { workerData: setup });
  let running: Promise<Built<R>> | undefined;
  let queued: Promise<Built<R>> | undefined;
  let closing = false;

  const once = (): Promise<Built<R>> => {
    const request = next();
    return new Promise<Built<R>>((resolve) => {
      const done = (reply: BuildReply): void => {
        worker.off('message', done).off('error', failed).off('exit', exited);
        resolve({ request, reply: reply.status === 'failed' || !reply.library ? reply : { ...reply, library: clonedLibrary(reply.library) } });
      };
      const failed = (error: Error): void => done({ status: 'failed', message: error.message });
      const exited = (code: number): void => done({ status: 'failed', message: `the build worker stopped (exit ${code})` });
      worker.on('message', done).on('error', failed).on('exit', exited);
      const { config, library } = request;
      worker.postMessage({ config, library } satisfies BuildRequest);
    });
  };
  const run = (): Promise<Built<R>> => {
    const current = once().finally(() => {
      if (running === current) running = undefined;
    });
    running = current;
    return current;
  };

  return {
    request() {
      if (!running) return run();
      // One build waits behind the running one, whatever the number of saves meanwhile.
      queued ??= running.then(() => {
        queued = undefined;
        return closing ? { request: next(), reply: { status: 'failed', message: 'serve stopped' } } : run();
      });
      return queued;
    },
    get busy() {
      return running !== undefined;
    },
    async close() {
      closing = true;
      await queued?.catch(() => undefined);
      await running?.catch(() => undefined);
      await worker.terminate();
    },
  };
}

/** A library that crossed threads: its notes' front matter gets back the null prototypes cloning dropped. */
function clonedLibrary(library: Library): Library {
  return { ...library, notes: library.notes.map((linked) => ({ ...linked, note: { ...linked.note, frontmatter: withNullPrototypes(linked.note.frontmatter) } })) };
}
