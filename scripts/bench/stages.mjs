/**
 * Times each pipeline stage in one process (compiled `lib/`, no cache), so
 * the bench can show how mentions and related-note ranking grow from 1k to
 * 10k notes apart from parsing:
 *
 *   node scripts/bench/stages.mjs LIBRARY_DIR
 *
 * Prints one JSON object of seconds per stage, or { error } when a stage is
 * not there yet (the pipeline is being written in parallel).
 */
import { performance } from 'node:perf_hooks';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const lib = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../lib');
const root = path.resolve(process.argv[2] ?? '.');

/** Heap in use after each stage (MiB), to see which stage holds memory. */
const heap = {};

const timed = async (stages, name, fn) => {
  const start = performance.now();
  const value = await fn();
  stages[name] = (performance.now() - start) / 1000;
  heap[name] = Math.round(process.memoryUsage().heapUsed / 2 ** 20);
  return value;
};

try {
  const { defaultConfig } = await import(`${lib}/config.js`);
  const { readLibrary } = await import(`${lib}/read/index.js`);
  const { loadGlossary } = await import(`${lib}/link/glossary.js`);
  const { findMentions } = await import(`${lib}/link/mentions.js`);
  const { checkLibrary } = await import(`${lib}/check/run.js`);
  const { linkLibrary } = await import(`${lib}/link/index.js`);
  const { emitAll, prerenderEssays } = await import(`${lib}/emit/index.js`);
  const config = structuredClone(defaultConfig);
  const stages = {};
  const read = await timed(stages, 'read', () => readLibrary(root, config, {}));
  const glossary = await timed(stages, 'glossary', () => loadGlossary(root, config));
  const mentions = await timed(stages, 'mentions', () => findMentions(read.notes, glossary.concepts, read.bodies));
  await timed(stages, 'check', () =>
    checkLibrary({ notes: read.notes, bodies: read.bodies, failures: read.failures, concepts: glossary.concepts, mentions, config, readDiagnostics: [] }),
  );
  const library = await timed(stages, 'link (related, backlinks)', () => linkLibrary(read.notes, glossary.concepts, config, read.bodies, mentions));
  // As a build does it: essays serialised in worker threads first, then the outputs assembled.
  await timed(stages, 'emit', async () => {
    const bodies = read.bodies.only(['source', 'tree']);
    const essays = await prerenderEssays(library, config, bodies, undefined);
    return emitAll(library, config, { bodies, essays });
  });
  stages.heapMiB = heap;
  stages.peakRssMiB = Math.round(process.resourceUsage().maxRSS / 1024);
  process.stdout.write(`${JSON.stringify(stages)}\n`);
} catch (error) {
  process.stdout.write(`${JSON.stringify({ error: String(error?.message ?? error).split('\n')[0] })}\n`);
}
