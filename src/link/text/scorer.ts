/**
 * Dense query scoring for the ranker: Σ q(t) · w(t, d) summed into one
 * Float64Array (one slot per document) that lives as long as the index,
 * with the touched documents kept in a reused Int32Array, and the top k
 * picked straight from those two. A query thus allocates only its small
 * results, never a structure as large as the set of documents it touched
 * (that set grows with N even when the postings walked per term do not).
 *
 * Sums run in query-term order, then postings order, so every score is the
 * same double however the caller keeps its results.
 */
import type { Bm25Index } from './bm25-index.js';

/** A query: term ids in the order their contributions are summed, and their weights. */
export interface Query {
  terms: number[];
  weights: number[];
}

/** The best documents of a query, best first, with their scores. */
export class TopK {
  readonly ids: number[] = [];
  readonly scores: number[] = [];
  constructor(private readonly k: number) {}

  /**
   * Keeps `d` if it is among the k best seen so far: higher score first,
   * ties by smaller document position (positions follow id code-point order,
   * so this is the id tie-break). Scores that are not positive are skipped.
   * O(k) worst case, O(1) for the usual loser.
   */
  offer(d: number, score: number): void {
    if (!(score > 0)) return;
    const { ids, scores, k } = this;
    let i = ids.length;
    if (i === k && !(score > scores[i - 1]! || (score === scores[i - 1] && d < ids[i - 1]!))) return;
    while (i > 0 && (score > scores[i - 1]! || (score === scores[i - 1] && d < ids[i - 1]!))) i--;
    ids.splice(i, 0, d);
    scores.splice(i, 0, score);
    if (ids.length > k) {
      ids.pop();
      scores.pop();
    }
  }
}

/** Scores queries against one index; one query at a time (run, read, clear). */
export interface Scorer {
  /**
   * Adds Σ q(t) · w(t, d) for the documents reached through the query's
   * postings lists, each cut at `postingsLimit` (0: whole lists):
   * O(|q| · limit). The scores stay readable until `clear`.
   */
  run(query: Query): void;
  /** Score of document d in the current query (0 when not reached). */
  score(d: number): number;
  /** The highest score of the query, document `exclude` left out (0 when none). */
  best(exclude: number): number;
  /** The k best documents of the query (`exclude` left out), ranked by `rank(score)` (default: the score). */
  top(k: number, exclude: number, rank?: (score: number) => number): TopK;
  /** Zeroes the touched slots for the next query: O(touched). */
  clear(): void;
}

/** A scorer over `index`. */
export function createScorer(index: Bm25Index, postingsLimit: number): Scorer {
  const { postingDocs, postingWeights } = index;
  const accumulator = new Float64Array(index.size);
  const touched = new Int32Array(index.size);
  // A mark, not `accumulator[d] === 0`: a zero-weight term (feedback weight 0) must not list d twice.
  const reached = new Uint8Array(index.size);
  let touchedCount = 0;
  return {
    run({ terms, weights }) {
      for (let j = 0; j < terms.length; j++) {
        const t = terms[j]!;
        const q = weights[j]!;
        const ds = postingDocs[t]!;
        const ws = postingWeights[t]!;
        const length = postingsLimit > 0 ? Math.min(ds.length, postingsLimit) : ds.length;
        for (let i = 0; i < length; i++) {
          const d = ds[i]!;
          if (reached[d] === 0) {
            reached[d] = 1;
            touched[touchedCount++] = d;
          }
          accumulator[d]! += q * ws[i]!;
        }
      }
    },
    score: (d) => accumulator[d]!,
    best(exclude) {
      let best = 0;
      for (let i = 0; i < touchedCount; i++) {
        const d = touched[i]!;
        if (d !== exclude) best = Math.max(best, accumulator[d]!);
      }
      return best;
    },
    top(k, exclude, rank) {
      const top = new TopK(k);
      for (let i = 0; i < touchedCount; i++) {
        const d = touched[i]!;
        if (d !== exclude) top.offer(d, rank ? rank(accumulator[d]!) : accumulator[d]!);
      }
      return top;
    },
    clear() {
      for (let i = 0; i < touchedCount; i++) {
        const d = touched[i]!;
        accumulator[d] = 0;
        reached[d] = 0;
      }
      touchedCount = 0;
    },
  };
}
