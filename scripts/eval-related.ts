/**
 * BBC related-document evaluation (../shared/benchmarks/README.md): every
 * document queries all the others through `createRanker(...).related`;
 * P@10 = share of the top 10 in the query's category, averaged over queries
 * (macro over queries, as the README's baselines).
 *
 *   npx tsx scripts/eval-related.ts                 # P@10 and time per query
 *   GRID='{"k1":[0.9,1.5]}' npx tsx scripts/eval-related.ts --tune
 *   npx tsx scripts/eval-related.ts --ablate        # the changes, one by one
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** CPU time of this process in ms (user + system): steadier than wall time on a shared machine. */
const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};
import { createRanker, DEFAULT_RANKER_OPTIONS } from '../src/link/text/ranker.js';
import type { RankerOptions } from '../src/link/text/ranker.js';

/** One BBC article. */
export interface BbcDoc {
  id: string;
  category: string;
  title: string;
  text: string;
}

/** Precision at 10 and timings. */
export interface RelatedScores {
  p10: number;
  msPerQuery: number;
  buildMs: number;
  queries: number;
}

const BENCHMARKS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'shared', 'benchmarks');

/** Reads the BBC corpus. */
export function readBbc(): BbcDoc[] {
  return readFileSync(path.join(BENCHMARKS, 'bbc', 'bbc.jsonl'), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as BbcDoc);
}

/**
 * Which documents ask: all, or one half of a fixed split (even positions
 * "tune", odd positions "held-out"), so options can be tuned on one half and
 * checked on the other. The index always holds every document.
 */
export type QuerySet = 'all' | 'tune' | 'held-out';

/** Runs the protocol over `docs`, querying with the documents of `querySet`. */
export function evaluateRelated(docs: readonly BbcDoc[], options: Partial<RankerOptions> = {}, querySet: QuerySet = 'all'): RelatedScores {
  const started = cpuMs();
  const ranker = createRanker(docs.map((doc) => ({ id: doc.id, text: `${doc.title}\n${doc.text}` })), options);
  const built = cpuMs();
  const category = new Map(docs.map((doc) => [doc.id, doc.category]));
  let sum = 0;
  let queries = 0;
  const first = querySet === 'held-out' ? 1 : 0;
  const step = querySet === 'all' ? 1 : 2;
  for (let i = first; i < docs.length; i += step) {
    const doc = docs[i]!;
    const hits = ranker.related(doc.id, 10);
    sum += hits.filter((hit) => category.get(hit.id) === doc.category).length / 10;
    queries++;
  }
  const done = cpuMs();
  return {
    p10: Math.round((10_000 * sum) / queries) / 10_000,
    msPerQuery: Math.round((100 * (done - built)) / queries) / 100,
    buildMs: Math.round(built - started),
    queries,
  };
}

function main(): void {
  const docs = readBbc();
  if (process.argv.includes('--ablate')) {
    // Each step adds one change to the previous one, from plain BM25 document-as-query.
    const steps: [string, Partial<RankerOptions>][] = [
      ['plain BM25 (k1 1.2, b 0.75, q = tf·idf)', { k1: 1.2, b: 0.75, queryTfExponent: 1, queryIdfExponent: 1, postingsLimit: 0, feedbackDocs: 0 }],
      ['+ query weights tf^0.35, no query idf', { k1: 1.2, b: 0.75, postingsLimit: 0, feedbackDocs: 0 }],
      ['+ k1 1.6, b 1', { postingsLimit: 0, feedbackDocs: 0 }],
      ['+ Rocchio feedback (4 docs, 0.7)', { postingsLimit: 0 }],
      ['+ postings limit 200 (= defaults)', {}],
    ];
    for (const [name, options] of steps) {
      const tuneSet = evaluateRelated(docs, options, 'tune');
      const heldOut = evaluateRelated(docs, options, 'held-out');
      console.log(`${name.padEnd(42)} tune ${tuneSet.p10.toFixed(4)}  held-out ${heldOut.p10.toFixed(4)}  ${tuneSet.msPerQuery} ms/query`);
    }
    return;
  }
  if (process.argv.includes('--tune')) {
    const grid: Record<string, unknown[]> = JSON.parse(process.env.GRID ?? '{}');
    let best: Partial<RankerOptions> = JSON.parse(process.env.START ?? '{}');
    let bestP = evaluateRelated(docs, best, 'tune').p10;
    console.log('start', JSON.stringify({ ...DEFAULT_RANKER_OPTIONS, ...best }), bestP);
    for (const [key, values] of Object.entries(grid))
      for (const value of values) {
        const trial = { ...best, [key]: value };
        const scores = evaluateRelated(docs, trial, 'tune');
        console.log(`${key}=${JSON.stringify(value)}  P@10 ${scores.p10}  ${scores.msPerQuery} ms/query`);
        if (scores.p10 > bestP) [best, bestP] = [trial, scores.p10];
      }
    console.log('best', JSON.stringify(best), bestP);
    return;
  }
  for (const querySet of ['tune', 'held-out', 'all'] as const) {
    const scores = evaluateRelated(docs, {}, querySet);
    console.log(
      `BBC ${querySet.padEnd(8)} P@10 ${scores.p10.toFixed(4)} over ${scores.queries} queries; index built in ${scores.buildMs} ms; ${scores.msPerQuery} ms/query`,
    );
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
