/**
 * Serialises essays in worker threads (see essay-output.ts for why). The
 * main thread builds each essay's nodes as it hands it out, so it renders
 * the next essay's nodes while the workers serialise earlier ones; each
 * worker has two essays in hand so it never waits for the main thread.
 */
import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import { startWorker } from '../util/worker.js';
import type { EssayBytes } from './essay-text.js';
import type { EssayNodes } from './html-essay.js';
import type { RenderRequest, RenderResponse } from './render-worker.js';

/** Essays per worker before one pays for its start-up (~0.2 s, mostly loading unified). */
const ESSAYS_PER_WORKER = 100;

/** Essays handed to one worker at a time. */
const IN_FLIGHT = 2;

/** 0 (render in this thread) below 100 essays; else one worker per 100 essays, at most one per core. */
export function renderPoolSize(essays: number): number {
  return Math.min(availableParallelism(), Math.floor(essays / ESSAYS_PER_WORKER));
}

/**
 * Renders `essays` in `size` workers, passing each output to `onResult` as it
 * arrives. An essay whose rendering threw in a worker gets no result. Rejects
 * if a worker fails (every worker is stopped first).
 */
export async function renderInPool(essays: readonly EssayNodes[], size: number, onResult: (index: number, output: EssayBytes) => void): Promise<void> {
  const workers: Worker[] = [];
  let next = 0;
  let pending = essays.length;
  try {
    await new Promise<void>((resolve, reject) => {
      const fail = (error: unknown): void => reject(error instanceof Error ? error : new Error(`render worker exited with code ${String(error)}`));
      const send = (worker: Worker): void => {
        if (next >= essays.length) return;
        const index = next++;
        const essay = essays[index]!;
        worker.postMessage({ index, essay: { anchor: essay.anchor, nodes: essay.nodes } } satisfies RenderRequest);
      };
      for (let i = 0; i < size; i++) {
        const worker = startWorker(import.meta.url, 'render-worker', {});
        workers.push(worker);
        worker.on('message', (message: RenderResponse) => {
          try {
            if ('ready' in message) {
              for (let k = 0; k < IN_FLIGHT; k++) send(worker);
              return;
            }
            if (message.output) onResult(message.index, message.output);
            if (--pending === 0) resolve();
            else send(worker);
          } catch (error) {
            fail(error);
          }
        });
        worker.on('error', fail);
        worker.on('exit', (code) => {
          if (pending > 0) fail(code);
        });
      }
    });
  } finally {
    for (const worker of workers) {
      worker.removeAllListeners();
      void worker.terminate();
    }
  }
}
