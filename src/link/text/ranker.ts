/**
 * Related documents and search over an inverted index with BM25 weights.
 *
 * Every document is analysed once: tokenize → drop stop words and number-only
 * tokens → Porter stem. The index maps each stem to a postings list of
 * (document, BM25 weight), with
 *   w(t, d) = idf(t) · tf(t,d)·(k1 + 1) / (tf(t,d) + k1·(1 − b + b·|d|/avg|d|)),
 *   idf(t)  = ln(1 + (N − df(t) + 0.5) / (df(t) + 0.5)).
 *
 * Related documents (document as query): the query is the document's own
 * terms weighted by tf^α · idf, truncated to its `queryTerms` heaviest terms
 * (candidate pruning: only those postings lists are walked), and each other
 * document scores Σ q(t) · w(t, d). Then:
 * - one round of pseudo-relevance feedback (Rocchio): the top `feedbackDocs`
 *   results' term weights, averaged and scaled by `feedbackWeight`, join the
 *   query (again truncated) and the search runs once more;
 * - text scores are divided by the best one (so they lie in [0, 1]) and each
 *   shared concept adds `conceptWeight` · idf(c) / ln(N + 1), where idf(c) is
 *   the concept's rarity over the documents; shared tags add `tagWeight`
 *   the same way.
 * Scores are rounded to 4 decimals, then ties are broken by id (code point).
 *
 * Complexity: building is O(total tokens + V log V); one `related` query
 * walks at most `queryTerms` postings lists, O(Σ df(t) for those terms), then
 * selects the top k in O(N log k) worst case (sorting the touched documents);
 * the full all-documents evaluation is therefore far below the O(N²·V) of
 * comparing all pairs.
 */
import { compareCodePoints } from '../../util/sort.js';
import { makeSnippet } from './snippet.js';
import type { Snippet } from './snippet.js';
import { stem } from './stem.js';
import { isStopword } from './stopwords.js';
import { tokenize } from './tokenize.js';

/** A document to index. */
export interface RankerDoc {
  id: string;
  text: string;
  concepts?: string[];
  tags?: string[];
}

/** One related document, with the reasons for the link. */
export interface RelatedHit {
  id: string;
  score: number;
  /** Heaviest shared terms in their commonest surface form (at most 5). */
  sharedTerms: string[];
  /** Shared concepts, rarest first (then by code point). */
  sharedConcepts: string[];
}

/** One search result. */
export interface SearchHit {
  id: string;
  score: number;
  snippet: Snippet;
}

/** Tuning of the ranker; the defaults were chosen on BBC (see scripts/eval-related.ts). */
export interface RankerOptions {
  k1: number;
  b: number;
  /** Exponent α of the query-side term frequency. */
  queryTfExponent: number;
  /** Exponent on idf in the query weights (the BM25 document side already carries one idf). */
  queryIdfExponent: number;
  /** How many of the query document's heaviest terms are searched (0: all). */
  queryTerms: number;
  /** Postings-list limit: terms in more than this share of documents are not walked (1: walk all). */
  maxDfShare: number;
  /** Rocchio feedback: how many top results feed back (0: off). */
  feedbackDocs: number;
  feedbackWeight: number;
  conceptWeight: number;
  tagWeight: number;
}

/** The defaults (tuned on BBC; see the README's evaluation table). */
export const DEFAULT_RANKER_OPTIONS: RankerOptions = {
  k1: 1.6,
  b: 1,
  queryTfExponent: 0.5,
  queryIdfExponent: 0,
  queryTerms: 0,
  maxDfShare: 1,
  feedbackDocs: 5,
  feedbackWeight: 0.5,
  conceptWeight: 0.5,
  tagWeight: 0.25,
};

/** The ranker built by `createRanker`. */
export interface Ranker {
  /** The `k` documents most related to document `id` (itself excluded); [] for an unknown id. */
  related(id: string, k: number): RelatedHit[];
  /** The `k` documents that best match a free-text query, with a highlighted snippet each. */
  search(query: string, k: number): SearchHit[];
}

/** Stemmed index terms of a text, with the surface form of each occurrence. */
export function indexTerms(text: string): { term: string; surface: string; start: number; end: number }[] {
  const terms: { term: string; surface: string; start: number; end: number }[] = [];
  for (const token of tokenize(text)) {
    if (isStopword(token.value) || !/\p{L}/u.test(token.value)) continue;
    const term = stem(token.value);
    if (term.length < 2) continue;
    terms.push({ term, surface: token.value.toLowerCase(), start: token.start, end: token.end });
  }
  return terms;
}

type Vector = Map<number, number>;

const round4 = (x: number) => Math.round(x * 1e4) / 1e4;

/** Builds the index over `docs` (ids must be unique; later duplicates are ignored). */
export function createRanker(docs: readonly RankerDoc[], options: Partial<RankerOptions> = {}): Ranker {
  const opts: RankerOptions = { ...DEFAULT_RANKER_OPTIONS, ...options };
  const seen = new Set<string>();
  const kept = docs.filter((doc) => !seen.has(doc.id) && seen.add(doc.id) !== undefined);
  const indexOf = new Map(kept.map((doc, d) => [doc.id, d] as const));
  const n = kept.length;
  const termIds = new Map<string, number>();
  const surfaces: Map<string, number>[] = [];
  const counts: Vector[] = [];
  const lengths: number[] = [];
  for (const doc of kept) {
    const tf: Vector = new Map();
    const terms = indexTerms(doc.text);
    for (const { term, surface } of terms) {
      let id = termIds.get(term);
      if (id === undefined) {
        id = termIds.size;
        termIds.set(term, id);
        surfaces.push(new Map());
      }
      tf.set(id, (tf.get(id) ?? 0) + 1);
      const forms = surfaces[id]!;
      forms.set(surface, (forms.get(surface) ?? 0) + 1);
    }
    counts.push(tf);
    lengths.push(terms.length);
  }
  const df = new Float64Array(termIds.size);
  for (const tf of counts) for (const id of tf.keys()) df[id]!++;
  const idf = Array.from(df, (d) => Math.log(1 + (n - d + 0.5) / (d + 0.5)));
  const maxDf = opts.maxDfShare * n;
  const avgLength = lengths.reduce((sum, x) => sum + x, 0) / Math.max(1, n) || 1;

  // Postings: term id → parallel arrays of doc index and BM25 weight (doc order, so walks are deterministic).
  const postingDocs: number[][] = Array.from({ length: termIds.size }, () => []);
  const postingWeights: number[][] = Array.from({ length: termIds.size }, () => []);
  const termNames: string[] = [];
  for (const [term, id] of termIds) termNames[id] = term;
  // The commonest surface form of each stem (ties by code point), for readable reasons.
  const termSurface = (t: number): string =>
    [...surfaces[t]!].sort((a, b) => b[1] - a[1] || compareCodePoints(a[0], b[0]))[0]?.[0] ?? termNames[t]!;
  const docWeights: Vector[] = counts.map((tf, d) => {
    const norm = opts.k1 * (1 - opts.b + (opts.b * lengths[d]!) / avgLength);
    const weights: Vector = new Map();
    for (const [t, f] of tf) {
      const w = (idf[t]! * f * (opts.k1 + 1)) / (f + norm);
      weights.set(t, w);
      postingDocs[t]!.push(d);
      postingWeights[t]!.push(w);
    }
    return weights;
  });

  /**
   * Query vector of document d: weights tf^α · idf^β, restricted to the
   * `queryTerms` terms with the highest tf · idf (the pruning: the most
   * telling terms, whatever the weighting).
   */
  const queryOf = (d: number): Vector => {
    let terms = [...counts[d]!];
    if (opts.queryTerms > 0 && terms.length > opts.queryTerms)
      terms = terms.sort((a, b) => b[1] * idf[b[0]]! - a[1] * idf[a[0]]! || a[0] - b[0]).slice(0, opts.queryTerms);
    return new Map(terms.map(([t, f]) => [t, f ** opts.queryTfExponent * idf[t]! ** opts.queryIdfExponent] as const));
  };

  /** Σ q(t) · w(t, d) for every document d touched by the query's postings. */
  const scoreAll = (query: Vector): Float64Array => {
    const scores = new Float64Array(n);
    for (const [t, q] of query) {
      if (df[t]! > maxDf) continue;
      const ds = postingDocs[t]!;
      const ws = postingWeights[t]!;
      for (let i = 0; i < ds.length; i++) scores[ds[i]!]! += q * ws[i]!;
    }
    return scores;
  };

  const conceptRarity = rarity(kept.map((doc) => doc.concepts ?? []), n);
  const tagRarity = rarity(kept.map((doc) => doc.tags ?? []), n);

  /** Text scores of all documents against document d (self excluded), with feedback applied. */
  const textScores = (d: number): Float64Array => {
    let query = queryOf(d);
    let scores = scoreAll(query);
    scores[d] = 0;
    if (opts.feedbackDocs > 0) {
      const expanded: Vector = new Map(query);
      const top = topIndices(scores, opts.feedbackDocs, kept);
      for (const other of top)
        for (const [t, w] of docWeights[other]!) expanded.set(t, (expanded.get(t) ?? 0) + (opts.feedbackWeight * w) / top.length);
      query = truncate(expanded, opts.queryTerms);
      scores = scoreAll(query);
      scores[d] = 0;
    }
    return scores;
  };

  return {
    related(id, k) {
      const d = indexOf.get(id);
      if (d === undefined || k <= 0) return [];
      const scores = textScores(d);
      let best = 0;
      for (const score of scores) best = Math.max(best, score);
      const mine = kept[d]!;
      const combined = new Float64Array(n);
      for (let other = 0; other < n; other++) {
        if (other === d) continue;
        let score = best > 0 ? scores[other]! / best : 0;
        score += opts.conceptWeight * overlap(mine.concepts, kept[other]!.concepts, conceptRarity);
        score += opts.tagWeight * overlap(mine.tags, kept[other]!.tags, tagRarity);
        combined[other] = round4(score);
      }
      return topIndices(combined, k, kept).map((other) => ({
        id: kept[other]!.id,
        score: combined[other]!,
        sharedTerms: sharedTerms(docWeights[d]!, docWeights[other]!, termSurface, 5),
        sharedConcepts: shared(mine.concepts, kept[other]!.concepts, conceptRarity),
      }));
    },
    search(query, k) {
      const queryVector: Vector = new Map();
      for (const { term } of indexTerms(query)) {
        const t = termIds.get(term);
        if (t !== undefined) queryVector.set(t, (queryVector.get(t) ?? 0) + 1);
      }
      if (queryVector.size === 0 || k <= 0) return [];
      const scores = scoreAll(queryVector).map(round4);
      const wanted = new Set([...queryVector.keys()].map((t) => termNames[t]!));
      return topIndices(scores, k, kept).map((d) => ({
        id: kept[d]!.id,
        score: scores[d]!,
        snippet: makeSnippet(kept[d]!.text, indexTerms(kept[d]!.text).filter((term) => wanted.has(term.term))),
      }));
    },
  };
}

/** Keeps the `limit` heaviest entries (ties by term id, i.e. first occurrence); 0 keeps all. */
function truncate(vector: Vector, limit: number): Vector {
  if (limit <= 0 || vector.size <= limit) return vector;
  return new Map([...vector].sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, limit));
}

/** Indices of the `k` highest positive scores, ties broken by document id (code point). O(N + m log m) for m positive scores. */
function topIndices(scores: Float64Array, k: number, docs: readonly RankerDoc[]): number[] {
  const positive: number[] = [];
  for (let d = 0; d < scores.length; d++) if (scores[d]! > 0) positive.push(d);
  positive.sort((a, b) => scores[b]! - scores[a]! || compareCodePoints(docs[a]!.id, docs[b]!.id));
  return positive.slice(0, k);
}

/** Rarity of each label: ln(N / df) / ln(N + 1), in [0, 1). */
function rarity(labels: readonly string[][], n: number): Map<string, number> {
  const df = new Map<string, number>();
  for (const list of labels) for (const label of new Set(list)) df.set(label, (df.get(label) ?? 0) + 1);
  return new Map([...df].map(([label, count]) => [label, Math.log(n / count) / Math.log(n + 1)]));
}

/** Σ rarity of the labels two documents share. */
function overlap(a: readonly string[] | undefined, b: readonly string[] | undefined, weights: ReadonlyMap<string, number>): number {
  let total = 0;
  for (const label of shared(a, b, weights)) total += weights.get(label) ?? 0;
  return total;
}

/** Labels in both lists, rarest first, then by code point. */
function shared(a: readonly string[] | undefined, b: readonly string[] | undefined, weights: ReadonlyMap<string, number>): string[] {
  if (!a?.length || !b?.length) return [];
  const other = new Set(b);
  const both = [...new Set(a)].filter((label) => other.has(label));
  return both.sort((x, y) => (weights.get(y) ?? 0) - (weights.get(x) ?? 0) || compareCodePoints(x, y));
}

/** The `limit` shared terms with the largest product of weights, as surface forms. */
function sharedTerms(a: Vector, b: Vector, surface: (t: number) => string, limit: number): string[] {
  const both: [number, number][] = [];
  for (const [t, w] of a) {
    const v = b.get(t);
    if (v !== undefined) both.push([t, w * v]);
  }
  both.sort((x, y) => y[1] - x[1] || compareCodePoints(surface(x[0]), surface(y[0])));
  return both.slice(0, limit).map(([t]) => surface(t));
}
