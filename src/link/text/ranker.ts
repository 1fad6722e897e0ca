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
 * 6. A document's `pinned` documents (its typed relations) are listed
 *    before all others, scored as above but whatever their score (0 too).
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
import { buildBm25IndexFromBags, indexTerms, termBag } from './bm25-index.js';
import type { Bm25Index, TermBag } from './bm25-index.js';
import { labelPostings, overlap, rarity, shared } from './labels.js';
import { createScorer, TopK } from './scorer.js';
import type { Query } from './scorer.js';
import { makeSnippet } from './snippet.js';
import { isVagueWord } from './stopwords.js';
import type { Snippet } from './snippet.js';

/** A document to index. */
export interface RankerDoc {
  id: string;
  /** The document's text: what `search` shows snippets of, and what is analysed when `bag` is absent. */
  text?: string;
  /** The text already analysed (`termBag(text)`), e.g. by the read stage: indexed as is, not re-tokenised. */
  bag?: TermBag;
  concepts?: string[];
  tags?: string[];
  /** Documents joined to this one by a typed relation (ids): listed first in its related documents, whatever their scores. */
  pinned?: string[];
}

/** One related document, with the reasons for the link. */
export interface RelatedHit {
  id: string;
  score: number;
  /** Heaviest shared terms in their commonest surface form (at most 5). */
  sharedTerms: string[];
  /** Shared concepts, rarest first (then by code point). */
  sharedConcepts: string[];
  /** True when the document is one of the query document's `pinned` ones. */
  pinned: boolean;
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
 * depend on the order they were given in (not even in the last float bit),
 * and a document's position doubles as its id's code-point rank in ties.
 */
export function createRanker(docs: readonly RankerDoc[], options: Partial<RankerOptions> = {}): Ranker {
  const opts: RankerOptions = { ...DEFAULT_RANKER_OPTIONS, ...options };
  const seen = new Set<string>();
  const kept = sortBy(
    docs.filter((doc) => !seen.has(doc.id) && seen.add(doc.id) !== undefined),
    (doc) => doc.id,
  );
  const indexOf = new Map(kept.map((doc, d) => [doc.id, d] as const));
  const index = buildBm25IndexFromBags(kept.map((doc) => doc.bag ?? termBag(doc.text ?? '')), opts.k1, opts.b);
  const { idf } = index;
  const scorer = createScorer(index, opts.postingsLimit);
  // Scratch, indexed by term id: the expanded query's weights, and which terms it has (by query number).
  const expandedWeight = new Float64Array(index.termNames.length);
  const expandedMark = new Int32Array(index.termNames.length);
  let queryNumber = 0;

  /**
   * Query of document d: weights tf^α · idf^β in first-occurrence order,
   * restricted to the `queryTerms` terms with the highest tf · idf (the most
   * telling terms, whatever the weighting), then in that order.
   */
  const queryOf = (d: number): Query => {
    const { terms, counts } = index.docs[d]!;
    let order = Array.from(terms, (_, i) => i);
    if (opts.queryTerms > 0 && order.length > opts.queryTerms)
      order = order.sort((a, b) => counts[b]! * idf[terms[b]!]! - counts[a]! * idf[terms[a]!]! || terms[a]! - terms[b]!).slice(0, opts.queryTerms);
    return {
      terms: order.map((i) => terms[i]!),
      weights: order.map((i) => counts[i]! ** opts.queryTfExponent * idf[terms[i]!]! ** opts.queryIdfExponent),
    };
  };

  /**
   * Runs document d's query after one round of Rocchio feedback; the text
   * scores stay in the scorer (the caller clears it).
   */
  const scoreText = (d: number): void => {
    const query = queryOf(d);
    scorer.run(query);
    if (opts.feedbackDocs <= 0) return;
    const top = scorer.top(opts.feedbackDocs, d).ids;
    scorer.clear();
    // The query's terms first, then new terms as the feedback documents bring them.
    const mark = ++queryNumber;
    const expanded: Query = { terms: [...query.terms], weights: [] };
    query.terms.forEach((t, j) => {
      expandedMark[t] = mark;
      expandedWeight[t] = query.weights[j]!;
    });
    for (const other of top) {
      const { terms, weights } = index.docs[other]!;
      for (let i = 0; i < terms.length; i++) {
        const t = terms[i]!;
        if (expandedMark[t] !== mark) {
          expandedMark[t] = mark;
          expandedWeight[t] = 0;
          expanded.terms.push(t);
        }
        expandedWeight[t]! += (opts.feedbackWeight * weights[i]!) / top.length;
      }
    }
    expanded.weights = expanded.terms.map((t) => expandedWeight[t]!);
    scorer.run(truncate(expanded, opts.feedbackTerms));
  };

  const conceptRarity = rarity(kept.map((doc) => doc.concepts ?? []), kept.length);
  const tagRarity = rarity(kept.map((doc) => doc.tags ?? []), kept.length);
  const byLabel = labelPostings(kept);
  const labelSets = kept.map((doc) => ({ concepts: new Set(doc.concepts ?? []), tags: new Set(doc.tags ?? []) }));
  const position = new Int32Array(index.termNames.length);
  // Whether a term may be shown as a reason (not a vague word), by term id: 0 not yet known, 1 no, 2 yes.
  const reason = new Uint8Array(index.termNames.length);
  const isReason = (t: number): boolean => {
    if (reason[t] === 0) reason[t] = isVagueWord(index.surface(t)) ? 1 : 2;
    return reason[t] === 2;
  };

  return {
    related(id, k) {
      const d = indexOf.get(id);
      if (d === undefined || k <= 0) return [];
      scoreText(d);
      const best = scorer.best(d);
      const mine = kept[d]!;
      // Only the best text matches are scored in full: with labels absent the
      // top k of these is the top k overall, and it keeps a query's cost
      // independent of N (the touched set grows with N, the pool does not).
      const candidates = new Set(scorer.top(Math.max(opts.candidatePool, k), d).ids);
      // Labels also bring candidates that share no heavy term, but only rare
      // ones (at most `postingsLimit` carriers): a tag on every note would
      // make each query O(N) and the whole library O(N²). Common labels still
      // count in the score of the candidates the text found.
      for (const label of [...(mine.concepts ?? []).map((c) => `c:${c}`), ...(mine.tags ?? []).map((t) => `t:${t}`)]) {
        const carriers = byLabel.get(label) ?? [];
        if (opts.postingsLimit > 0 && carriers.length > opts.postingsLimit) continue;
        for (const other of carriers) if (other !== d) candidates.add(other);
      }
      const scoreOf = (other: number): number => {
        let score = best > 0 ? scorer.score(other) / best : 0;
        score += opts.conceptWeight * overlap(labelSets[d]!.concepts, labelSets[other]!.concepts, conceptRarity);
        score += opts.tagWeight * overlap(labelSets[d]!.tags, labelSets[other]!.tags, tagRarity);
        return round4(score);
      };
      // Pinned documents (typed relations) come first, best score first, then by position (id); the rest fill up to k.
      const pinned = [...new Set((mine.pinned ?? []).map((p) => indexOf.get(p)))].filter((p): p is number => p !== undefined && p !== d);
      const first = pinned.map((other) => ({ other, score: scoreOf(other) })).sort((a, b) => b.score - a.score || a.other - b.other).slice(0, k);
      const combined = new TopK(k - first.length);
      const skip = new Set(pinned);
      for (const other of candidates) if (!skip.has(other)) combined.offer(other, scoreOf(other));
      scorer.clear();
      const ranked = [...first, ...combined.ids.map((other, i) => ({ other, score: combined.scores[i]! }))];
      const terms = index.docs[d]!.terms;
      terms.forEach((t, i) => (position[t] = i + 1));
      const hits = ranked.map(({ other, score }) => ({
        id: kept[other]!.id,
        score,
        sharedTerms: sharedTerms(d, other, index, position, isReason, 5),
        sharedConcepts: shared(mine.concepts, kept[other]!.concepts, conceptRarity),
        pinned: skip.has(other),
      }));
      for (const t of terms) position[t] = 0;
      return hits;
    },
    search(query, k) {
      const vector: Query = { terms: [], weights: [] };
      const slot = new Map<number, number>();
      for (const { term } of indexTerms(query)) {
        const t = index.termIds.get(term);
        if (t === undefined) continue;
        const j = slot.get(t);
        if (j === undefined) {
          slot.set(t, vector.terms.length);
          vector.terms.push(t);
          vector.weights.push(1);
        } else vector.weights[j]!++;
      }
      if (vector.terms.length === 0 || k <= 0) return [];
      scorer.run(vector);
      const top = scorer.top(k, -1, round4);
      scorer.clear();
      const wanted = new Set(vector.terms.map((t) => index.termNames[t]!));
      return top.ids.map((d, i) => ({
        id: kept[d]!.id,
        score: top.scores[i]!,
        snippet: makeSnippet(kept[d]!.text ?? '', indexTerms(kept[d]!.text ?? '').filter((term) => wanted.has(term.term))),
      }));
    },
  };
}

/** Keeps the `limit` heaviest terms (ties by term id, i.e. first occurrence), heaviest first; 0 keeps all. */
function truncate(query: Query, limit: number): Query {
  if (limit <= 0 || query.terms.length <= limit) return query;
  const order = query.terms
    .map((_, j) => j)
    .sort((a, b) => query.weights[b]! - query.weights[a]! || query.terms[a]! - query.terms[b]!)
    .slice(0, limit);
  return { terms: order.map((j) => query.terms[j]!), weights: order.map((j) => query.weights[j]!) };
}

/**
 * The `limit` best reasons among shared terms (vague words such as `able`
 * or `first` left out): terms both documents use
 * repeatedly and that are rare weigh most (min(tf_a, tf_b) · idf, then the
 * product of BM25 weights), shown in their commonest surface form.
 * `positionInA` maps each term of a to its position in a's vector + 1 (0: absent).
 */
function sharedTerms(a: number, b: number, index: Bm25Index, positionInA: Int32Array, isReason: (t: number) => boolean, limit: number): string[] {
  const both: [number, number, number][] = [];
  const docA = index.docs[a]!;
  const docB = index.docs[b]!;
  for (let j = 0; j < docB.terms.length; j++) {
    const t = docB.terms[j]!;
    const i = positionInA[t]! - 1;
    if (i >= 0 && isReason(t))
      both.push([t, Math.min(docA.counts[i]!, docB.counts[j]!) * index.idf[t]!, docA.weights[i]! * docB.weights[j]!]);
  }
  // A total order (a surface form belongs to one term), so b's term order does not matter.
  both.sort((x, y) => y[1] - x[1] || y[2] - x[2] || compareCodePoints(index.surface(x[0]), index.surface(y[0])));
  return both.slice(0, limit).map(([t]) => index.surface(t));
}
