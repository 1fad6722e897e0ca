/**
 * Times the related-notes ranker alone (compiled `lib/`, no cache): the
 * index build and one `related` query per note, as `computeRelated` runs
 * them in the link stage. Reading uses the parse workers like `stages.mjs`.
 *
 *   node scripts/bench/related.mjs LIBRARY_DIR [--repeat R]
 *
 * Prints one JSON object: notes, build seconds, query seconds (best of R),
 * ms per query, and a SHA-256 of every result (ids, scores, reasons), so a
 * speed change can be checked to give identical results.
 */
import { createHash } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const lib = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../lib');
const args = process.argv.slice(2);
const root = path.resolve(args.find((a) => !a.startsWith('--')) ?? '.');
const repeatAt = args.indexOf('--repeat');
const repeat = repeatAt >= 0 ? Number(args[repeatAt + 1]) : 1;

const { defaultConfig } = await import(`${lib}/config.js`);
const { readLibrary } = await import(`${lib}/read/index.js`);
const link = await import(`${lib}/link/index.js`);
const { compareCodePoints } = await import(`${lib}/util/sort.js`);

const config = structuredClone(defaultConfig);
const read = await readLibrary(root, config, {});
const notes = [...read.notes].sort((a, b) => compareCodePoints(a.id, b.id));
const glossary = await link.loadGlossary(root, config);
const concepts = [...glossary.concepts].sort((a, b) => compareCodePoints(a.id, b.id));
const mentions = link.findMentions(notes, concepts, read.bodies);
const byNote = link.conceptIdsByNote(link.noteConcepts(notes, concepts, mentions));

let best;
for (let run = 0; run < repeat; run++) {
  const start = performance.now();
  const index = link.createRelatedIndex(notes, byNote, read.bodies);
  const built = performance.now();
  const results = notes.map((note) => index.related(note.id, config.relatedLimit));
  const done = performance.now();
  const sample = { build: (built - start) / 1000, queries: (done - built) / 1000, results };
  if (!best || sample.build + sample.queries < best.build + best.queries) best = sample;
}
const hash = createHash('sha256').update(JSON.stringify(best.results)).digest('hex').slice(0, 16);
const round = (x, digits) => Number(x.toFixed(digits));
process.stdout.write(
  `${JSON.stringify({
    notes: notes.length,
    buildS: round(best.build, 3),
    queriesS: round(best.queries, 3),
    msPerQuery: round((1000 * best.queries) / notes.length, 3),
    totalS: round(best.build + best.queries, 3),
    results: hash,
  })}\n`,
);
