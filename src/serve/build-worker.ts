/**
 * The worker thread in which `serve` runs its full builds, so that the
 * server, the event streams and the fast path (fast-render.ts) stay
 * responsive while a large library's site is rendered and written. Each
 * request is one `buildProject` of the site only, holding the folders'
 * locks, exactly as `serve` ran it in its own thread before.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { hashConfig, openNoteCache, type PersistentNoteCache } from '../cache/index.js';
import { withFolderLocks } from '../cli/locks.js';
import { buildLibrary } from '../pipeline.js';
import { buildProject } from '../project.js';
import type { BuildReply, BuildRequest, BuildSetup } from './full-build.js';

const setup = workerData as BuildSetup;
const io = { cwd: setup.cwd, env: process.env, stdout: process.stdout, stderr: process.stderr, stdin: process.stdin };
let cache: { hash: string; store: PersistentNoteCache } | undefined;

parentPort!.on('message', (request: BuildRequest) => {
  void build(request).then(
    (reply) => parentPort!.postMessage(reply),
    (error: unknown) => parentPort!.postMessage({ status: 'failed', message: error instanceof Error ? error.message : String(error) } satisfies BuildReply),
  );
});

async function build({ config, library }: BuildRequest): Promise<BuildReply> {
  const hash = hashConfig(config);
  if (cache?.hash !== hash) cache = { hash, store: openNoteCache({ dir: setup.cacheDir, configHash: hash }) };
  const store = cache.store;
  // Only the site: the handbooks, index and e-book of a 10,000-note library take most of a build, and serve shows none of them.
  const siteOnly = { ...config, outputs: ['site'] };
  const project = { root: setup.root, config: siteOnly, configDir: setup.configDir };
  return withFolderLocks(io, { cache: setup.cacheDir, out: setup.outDir }, async () => {
    const outcome = await buildProject(project, setup.outDir, store, { sourceDateEpoch: setup.sourceDateEpoch });
    if (outcome.status === 'built') return { status: 'built', findings: outcome.findings, library: library === 'no' ? undefined : outcome.library };
    if (outcome.status === 'lint-errors' || library !== 'always') return { status: outcome.status, findings: outcome.findings };
    // Up to date, and the fast path wants a library: lint and link (warm), write nothing.
    const linked = await buildLibrary({ root: setup.root, config: siteOnly, incremental: store, sourceDateEpoch: setup.sourceDateEpoch });
    store.flush();
    return { status: outcome.status, findings: outcome.findings, library: linked.library ?? undefined };
  });
}
