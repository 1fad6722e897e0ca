/**
 * Starts a worker thread from a sibling module of the caller: the compiled
 * `.js` when running from `lib/` (the CLI), or the `.ts` source through tsx
 * when the caller is itself `.ts` (vitest, `npx tsx`), because
 * `execArgv: ['--import', 'tsx']` does not reach worker threads on Node 20.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker, type WorkerOptions } from 'node:worker_threads';

/**
 * `callerUrl` is the caller's `import.meta.url`; `name` the worker module's
 * file name without extension, in the caller's folder.
 */
export function startWorker(callerUrl: string, name: string, options: WorkerOptions): Worker {
  // A worker inherits node's flags, but `--input-type` (a host running `node --input-type=module -e`) stops it starting.
  options = { execArgv: process.execArgv.filter((arg) => !arg.startsWith('--input-type')), ...options };
  if (!callerUrl.endsWith('.ts')) return new Worker(new URL(`./${name}.js`, callerUrl), options);
  const api = path.join(path.dirname(createRequire(import.meta.url).resolve('tsx/esm/api')), 'index.mjs');
  const entry = new URL(`./${name}.ts`, callerUrl).href;
  const boot = `import { register } from ${JSON.stringify(pathToFileURL(api).href)};\nregister();\nawait import(${JSON.stringify(entry)});\n`;
  return new Worker(new URL(`data:text/javascript,${encodeURIComponent(boot)}`), options);
}
