/**
 * Related documents and search over the BM25 inverted index of
 * `bm25-index.ts` (stemmed, stop-word-filtered terms; impact-ordered postings).
 *
 * Related documents (the document as the query), the documented score:
 * 1. Query q(t) = tf(t)^α · idf(t)^β over the document's terms (optionally
 *    only its `queryTerms` terms of highest tf·idf); defaults α = 0.35, β = 0
 *    (the BM25 side already carries idf).
 * 2. Text score s(d') = Σ_t q(t) · w(t, d'), walking only the first
 *    `postingsLimit` (heaviest) entries of each postings list: candidate
 *    pruning that makes a query cost O(|q| · limit), independent of N.
 * 3. One round of Rocchio pseudo-relevance feedback: the BM25 vectors of the
 *    top `feedbackDocs` results, averaged and scaled by `feedbackWeight`, are
 *    added to q and step 2 runs again.
 *    Documents sharing a rare concept or tag (one with at most
 *    `postingsLimit` carriers) join the candidates too.
 * 4. score(d') = s(d') / max s  +  conceptWeight · Σ_{shared concepts c} r(c)
 *    + tagWeight · Σ_{shared tags} r(tag), with rarity
 *    r(x) = ln(N / df(x)) / ln(N + 1) ∈ [0, 1): a concept every note has
 *    adds nothing, a concept two notes share adds nearly `conceptWeight`.
 * 5. Rounded to 4 decimals, ties broken by id (code point).
 *
 * Search: q(t) = count of t in the query, scored as in step 2, with a
 * snippet around the densest run of matched words.
 *
 * Complexity: building O(T + P log P) (T tokens, P postings); `related` is
 * O((|q| + |q'|) · limit + m · k) for feedback query q' and m touched
 * documents; related for all N documents is thus O(N) queries of bounded
 * cost, not the O(N²) of comparing all pairs.
 */
import { compareCodePoints, sortBy } from '../../util/sort.js';
import { buildBm25Index, indexTerms } from './bm25-index.js';
import type { Bm25Index, Vector } from './bm25-index.js';
import { makeSnippet } from './snippet.js';
import { isVagueWord } from './stopwords.js';
import type { Snippet } from './snippet.js';

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
  /** Postings-list limit: only the first (heaviest) entries of each list are walked (0: all). */
  postingsLimit: number;
  /** Rocchio feedback: how many top results feed back (0: off). */
  feedbackDocs: number;
  feedbackWeight: number;
  /** The expanded query keeps only its heaviest `feedbackTerms` terms (0: all). */
  feedbackTerms: number;
  conceptWeight: number;
  tagWeight: number;
  /** How many of the best text matches are re-scored with concepts and tags (plus rare-label carriers). */
  candidatePool: number;
}

/** The defaults (tuned on BBC; see the README's evaluation table). */
export const DEFAULT_RANKER_OPTIONS: RankerOptions = {
  k1: 1.6,
  b: 1,
  queryTfExponent: 0.35,
  queryIdfExponent: 0,
  queryTerms: 0,
  postingsLimit: 200,
  feedbackDocs: 4,
  feedbackWeight: 0.7,
  feedbackTerms: 0,
  conceptWeight: 0.5,
  tagWeight: 0.25,
  candidatePool: 100,
};

/** The ranker built by `createRanker`. */
export interface Ranker {
  /** The `k` documents most related to document `id` (itself excluded); [] for an unknown id. */
  related(id: string, k: number): RelatedHit[];
  /** The `k` documents that best match a free-text query, with a highlighted snippet each. */
  search(query: string, k: number): SearchHit[];
}

export { indexTerms } from './bm25-index.js';

const round4 = (x: number) => Math.round(x * 1e4) / 1e4;

/**
 * Builds the ranker over `docs` (ids should be unique; a repeated id keeps
 * its first document). Documents are indexed in id order, so results do not
 * depend on the order they were given in (not even in the last float bit).
 */
export function createRanker(docs: readonly RankerDoc[], options: Partial<RankerOptions> = {}): Ranker {
  const opts: RankerOptions = { ...DEFAULT_RANKER_OPTIONS, ...options };
  const seen = new Set<string>();
  const kept = sortBy(
    docs.filter((doc) => !seen.has(doc.id) && seen.add(doc.id) !== undefined),
    (doc) => doc.id,
  );
  const indexOf = new Map(kept.map((doc, d) => [doc.id, d] as const));
  const index = buildBm25Index(kept.map((doc) => doc.text), opts.k1, opts.b);
  const { idf, counts, weights, postingDocs, postingWeights } = index;
  const accumulator = new Float64Array(kept.length);

  /**
   * Query vector of document d: weights tf^α · idf^β, restricted to the
   * `queryTerms` terms with the highest tf · idf (the most telling terms,
   * whatever the weighting).
   */
  const queryOf = (d: number): Vector => {
    let terms = [...counts[d]!];
    if (opts.queryTerms > 0 && terms.length > opts.queryTerms)
      terms = terms.sort((a, b) => b[1] * idf[b[0]]! - a[1] * idf[a[0]]! || a[0] - b[0]).slice(0, opts.queryTerms);
    return new Map(terms.map(([t, f]) => [t, f ** opts.queryTfExponent * idf[t]! ** opts.queryIdfExponent] as const));
  };

  /**
   * Σ q(t) · w(t, d) over the documents reached through the query's postings
   * lists (each cut at `postingsLimit`): O(|q| · limit), independent of N
   * when limited. Returns document → score for the touched documents only.
   */
  const scoreQuery = (query: Vector, exclude: number): Map<number, number> => {
    const touched: number[] = [];
    for (const [t, q] of query) {
      const ds = postingDocs[t]!;
      const ws = postingWeights[t]!;
      const length = opts.postingsLimit > 0 ? Math.min(ds.length, opts.postingsLimit) : ds.length;
      for (let i = 0; i < length; i++) {
        const d = ds[i]!;
        if (accumulator[d] === 0) touched.push(d);
        accumulator[d]! += q * ws[i]!;
      }
    }
    const scores = new Map<number, number>();
    for (const d of touched) {
      if (d !== exclude) scores.set(d, accumulator[d]!);
      accumulator[d] = 0;
    }
    return scores;
  };

  /** Text scores against document d, after one round of Rocchio feedback. */
  const textScores = (d: number): Map<number, number> => {
    const query = queryOf(d);
    const scores = scoreQuery(query, d);
    if (opts.feedbackDocs <= 0) return scores;
    const top = topIds(scores, opts.feedbackDocs, kept);
    const expanded: Vector = new Map(query);
    for (const other of top)
      for (const [t, w] of weights[other]!) expanded.set(t, (expanded.get(t) ?? 0) + (opts.feedbackWeight * w) / top.length);
    return scoreQuery(truncate(expanded, opts.feedbackTerms), d);
  };

  const conceptRarity = rarity(kept.map((doc) => doc.concepts ?? []), kept.length);
  const tagRarity = rarity(kept.map((doc) => doc.tags ?? []), kept.length);
  const byLabel = labelPostings(kept);
  const labelSets = kept.map((doc) => ({ concepts: new Set(doc.concepts ?? []), tags: new Set(doc.tags ?? []) }));

  return {
    related(id, k) {
      const d = indexOf.get(id);
      if (d === undefined || k <= 0) return [];
      const scores = textScores(d);
      let best = 0;
      for (const score of scores.values()) best = Math.max(best, score);
      const mine = kept[d]!;
      // Only the best text matches are scored in full: with labels absent the
      // top k of these is the top k overall, and it keeps a query's cost
      // independent of N (the touched set grows with N, the pool does not).
      const candidates = new Set(topIds(scores, Math.max(opts.candidatePool, k), kept));
      // Labels also bring candidates that share no heavy term, but only rare
      // ones (at most `postingsLimit` carriers): a tag on every note would
      // make each query O(N) and the whole library O(N²). Common labels still
      // count in the score of the candidates the text found.
      for (const label of [...(mine.concepts ?? []).map((c) => `c:${c}`), ...(mine.tags ?? []).map((t) => `t:${t}`)]) {
        const carriers = byLabel.get(label) ?? [];
        if (opts.postingsLimit > 0 && carriers.length > opts.postingsLimit) continue;
        for (const other of carriers) if (other !== d) candidates.add(other);
      }
      const combined = new Map<number, number>();
      for (const other of candidates) {
        let score = best > 0 ? (scores.get(other) ?? 0) / best : 0;
        score += opts.conceptWeight * overlap(mine.concepts, labelSets[other]!.concepts, conceptRarity);
        score += opts.tagWeight * overlap(mine.tags, labelSets[other]!.tags, tagRarity);
        combined.set(other, round4(score));
      }
      return topIds(combined, k, kept).map((other) => ({
        id: kept[other]!.id,
        score: combined.get(other)!,
        sharedTerms: sharedTerms(d, other, index, 5),
        sharedConcepts: shared(mine.concepts, kept[other]!.concepts, conceptRarity),
      }));
    },
    search(query, k) {
      const vector: Vector = new Map();
      for (const { term } of indexTerms(query)) {
        const t = index.termIds.get(term);
        if (t !== undefined) vector.set(t, (vector.get(t) ?? 0) + 1);
      }
      if (vector.size === 0 || k <= 0) return [];
      const scores = new Map([...scoreQuery(vector, -1)].map(([d, score]) => [d, round4(score)] as const));
      const wanted = new Set([...vector.keys()].map((t) => index.termNames[t]!));
      return topIds(scores, k, kept).map((d) => ({
        id: kept[d]!.id,
        score: scores.get(d)!,
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

/**
 * The `k` documents with the highest positive scores, ties broken by id
 * (code point): one pass keeping a sorted list of the best k, O(m · k) worst
 * case for m scores, close to O(m) in practice since most scores lose to the
 * current k-th at once.
 */
function topIds(scores: ReadonlyMap<number, number>, k: number, docs: readonly RankerDoc[]): number[] {
  const best: [number, number][] = [];
  const before = (a: [number, number], b: [number, number]) => a[1] > b[1] || (a[1] === b[1] && compareCodePoints(docs[a[0]]!.id, docs[b[0]]!.id) < 0);
  for (const entry of scores) {
    if (!(entry[1] > 0)) continue;
    if (best.length === k && !before(entry, best[k - 1]!)) continue;
    let i = best.length;
    while (i > 0 && before(entry, best[i - 1]!)) i--;
    best.splice(i, 0, entry);
    if (best.length > k) best.pop();
  }
  return best.map(([d]) => d);
}

/** Label (`c:` concept or `t:` tag) → documents carrying it. */
function labelPostings(docs: readonly RankerDoc[]): Map<string, number[]> {
  const postings = new Map<string, number[]>();
  docs.forEach((doc, d) => {
    const labels = new Set([...(doc.concepts ?? []).map((c) => `c:${c}`), ...(doc.tags ?? []).map((t) => `t:${t}`)]);
    for (const label of labels) {
      const list = postings.get(label);
      if (list) list.push(d);
      else postings.set(label, [d]);
    }
  });
  return postings;
}

/** Rarity of each label: ln(N / df) / ln(N + 1), in [0, 1). */
function rarity(labels: readonly string[][], n: number): Map<string, number> {
  const df = new Map<string, number>();
  for (const list of labels) for (const label of new Set(list)) df.set(label, (df.get(label) ?? 0) + 1);
  return new Map([...df].map(([label, count]) => [label, Math.log(n / count) / Math.log(n + 1)]));
}

/** Σ rarity of the labels two documents share (`a` has no duplicates worth counting twice). */
function overlap(a: readonly string[] | undefined, b: ReadonlySet<string>, weights: ReadonlyMap<string, number>): number {
  if (!a?.length || b.size === 0) return 0;
  let total = 0;
  const seen = new Set<string>();
  for (const label of a) {
    if (seen.has(label) || !b.has(label)) continue;
    seen.add(label);
    total += weights.get(label) ?? 0;
  }
  return total;
}

/** Labels in both lists, rarest first, then by code point. */
function shared(a: readonly string[] | undefined, b: readonly string[] | undefined, weights: ReadonlyMap<string, number>): string[] {
  if (!a?.length || !b?.length) return [];
  const other = new Set(b);
  const both = [...new Set(a)].filter((label) => other.has(label));
  return both.sort((x, y) => (weights.get(y) ?? 0) - (weights.get(x) ?? 0) || compareCodePoints(x, y));
}

/**
 * The `limit` best reasons among shared terms (vague words such as `able`
 * or `first` left out): terms both documents use
 * repeatedly and that are rare weigh most (min(tf_a, tf_b) · idf, then the
 * product of BM25 weights), shown in their commonest surface form.
 */
function sharedTerms(a: number, b: number, index: Bm25Index, limit: number): string[] {
  const both: [number, number, number][] = [];
  const countsB = index.counts[b]!;
  const weightsA = index.weights[a]!;
  const weightsB = index.weights[b]!;
  for (const [t, countA] of index.counts[a]!) {
    const countB = countsB.get(t);
    if (countB !== undefined && !isVagueWord(index.surface(t))) both.push([t, Math.min(countA, countB) * index.idf[t]!, weightsA.get(t)! * weightsB.get(t)!]);
  }
  both.sort((x, y) => y[1] - x[1] || y[2] - x[2] || compareCodePoints(index.surface(x[0]), index.surface(y[0])));
  return both.slice(0, limit).map(([t]) => index.surface(t));
}
