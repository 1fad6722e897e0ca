/**
 * The render worker: receives `{ index, essay }` (an essay's anchor and mdast
 * nodes, structured-cloned) and answers `{ index, output }` with its Markdown
 * and HTML, or `{ index }` alone if rendering threw (the main thread then
 * renders that essay itself and reports the error as it always would).
 */
import { parentPort } from 'node:worker_threads';
import { renderEssayOutput, type EssayOutput } from './essay-text.js';
import type { EssayNodes } from './html-essay.js';

/** A request from the pool. */
export interface RenderRequest {
  index: number;
  essay: EssayNodes;
}

/** The worker's answers. */
export type RenderResponse = { ready: true } | { index: number; output?: EssayOutput };

const port = parentPort;
if (port) {
  port.on('message', ({ index, essay }: RenderRequest) => {
    let output: EssayOutput | undefined;
    try {
      output = renderEssayOutput(essay);
    } catch {
      output = undefined;
    }
    port.postMessage((output ? { index, output } : { index }) satisfies RenderResponse);
  });
  port.postMessage({ ready: true } satisfies RenderResponse);
}
