/**
 * The parse worker: receives `{ index, path, bytes }`, answers
 * `{ index, result }` with `parseNote`'s plain-data result (structured
 * clone). It says `{ ready: true }` once its modules are loaded, so start-up
 * never counts against a note's time budget. The pool terminates it when a
 * note runs over budget; nothing here needs to clean up.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { Config } from '../config.js';
import { parseNote } from './parse.js';

/** A request from the pool. */
export interface ParseRequest {
  index: number;
  path: string;
  bytes: Uint8Array;
}

/** The worker's answers. */
export type ParseResponse = { ready: true } | { index: number; result: ReturnType<typeof parseNote> };

const port = parentPort;
if (port) {
  const { config } = workerData as { config: Config };
  port.on('message', (request: ParseRequest) => {
    const response: ParseResponse = { index: request.index, result: parseNote(request, config) };
    port.postMessage(response);
  });
  port.postMessage({ ready: true } satisfies ParseResponse);
}
