/**
 * The render worker: receives `{ index, essay }` (an essay's anchor and mdast
 * nodes, structured-cloned) and answers `{ index, output }` with its Markdown
 * and HTML as UTF-8 bytes (transferred, not copied: the main thread keeps
 * them as bytes), or `{ index }` alone if rendering threw (the main thread
 * then renders that essay itself and reports the error as it always would).
 */
import { parentPort } from 'node:worker_threads';
import { encodeEssay, renderEssayOutput, type EssayBytes } from './essay-text.js';
import type { EssayNodes } from './html-essay.js';

/** A request from the pool. */
export interface RenderRequest {
  index: number;
  essay: EssayNodes;
}

/** The worker's answers. */
export type RenderResponse = { ready: true } | { index: number; output?: EssayBytes };

const port = parentPort;
if (port) {
  port.on('message', ({ index, essay }: RenderRequest) => {
    let output: EssayBytes | undefined;
    try {
      output = encodeEssay(renderEssayOutput(essay));
    } catch {
      output = undefined;
    }
    if (output) port.postMessage({ index, output } satisfies RenderResponse, [output.md.buffer as ArrayBuffer, output.html.buffer as ArrayBuffer]);
    else port.postMessage({ index } satisfies RenderResponse);
  });
  port.postMessage({ ready: true } satisfies RenderResponse);
}
