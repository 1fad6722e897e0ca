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
  options = { execArgv: workerExecArgv(process.execArgv), ...options };
  if (!callerUrl.endsWith('.ts')) return new Worker(new URL(`./${name}.js`, callerUrl), options);
  const api = path.join(path.dirname(createRequire(import.meta.url).resolve('tsx/esm/api')), 'index.mjs');
  const entry = new URL(`./${name}.ts`, callerUrl).href;
  const boot = `import { register } from ${JSON.stringify(pathToFileURL(api).href)};\nregister();\nawait import(${JSON.stringify(entry)});\n`;
  return new Worker(new URL(`data:text/javascript,${encodeURIComponent(boot)}`), options);
}

/**
 * Node's flags a worker may inherit. Process-wide flags stop a worker from
 * starting (ERR_WORKER_INVALID_EXEC_ARGV): `--input-type` (a host running
 * `node --input-type=module -e`) and V8's heap sizes (the heap relaunch,
 * src/cli/heap.ts, or a user's own `node --max-old-space-size=…`); a
 * worker's heap is set by its own `resourceLimits`.
 */
export function workerExecArgv(execArgv: readonly string[]): string[] {
  return execArgv.filter((arg) => !/^--(input-type|max[-_](old|semi)[-_]space[-_]size)\b/.test(arg));
}
