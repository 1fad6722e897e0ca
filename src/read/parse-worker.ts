/**
 * The parse worker: receives `{ index, path, bytes }`, answers
 * `{ index, result }` with `parseNote`'s plain-data result (structured
 * clone), packed as head and stored body (the tree as bytes, see bodies.ts). It says
 * `{ ready: true }` once its modules are loaded, so start-up never counts
 * against a note's time budget. The pool terminates it when a note runs over
 * budget; nothing here needs to clean up.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { Config } from '../config.js';
import type { ReadFailure } from '../types.js';
import { isReadFailure, parseNote } from './parse.js';
import { packNote, type PackedNote } from './bodies.js';

/** A request from the pool. */
export interface ParseRequest {
  index: number;
  path: string;
  bytes: Uint8Array;
}

/** The worker's answers. */
export type ParseResponse = { ready: true } | { index: number; result: PackedNote | ReadFailure };

const port = parentPort;
if (port) {
  const { config } = workerData as { config: Config };
  port.on('message', (request: ParseRequest) => {
    const result = parseNote(request, config);
    const response: ParseResponse = { index: request.index, result: isReadFailure(result) ? result : packNote(result) };
    port.postMessage(response);
  });
  port.postMessage({ ready: true } satisfies ParseResponse);
}
