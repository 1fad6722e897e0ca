/**
 * The inverted index behind the ranker: documents analysed into Porter stems
 * (stop words and number-only tokens dropped), BM25 weights per (term, doc),
 * and impact-ordered postings lists (heaviest documents first) so a query can
 * stop after the first `postingsLimit` entries of each list.
 *
 *   w(t, d) = idf(t) · tf·(k1 + 1) / (tf + k1·(1 − b + b·|d|/avg|d|)),
 *   idf(t)  = ln(1 + (N − df + 0.5) / (df + 0.5)).
 *
 * Per-document vectors are parallel typed arrays, not Maps: at 10,000 notes
 * of ~500 distinct terms, Maps meant ~10M heap entries and a quarter of the
 * run in GC.
 *
 * Building is O(T + P log P) for T tokens and P postings (the sort per list).
 */
import { compareCodePoints } from '../../util/sort.js';
import { bagForms, bagTerms, termBag } from './term-bag.js';
import type { TermBag } from './term-bag.js';

export { bagForms, bagTerms, indexTerms, termBag } from './term-bag.js';
export type { IndexTerm, TermBag } from './term-bag.js';

/** One document's terms: distinct term ids in first-occurrence order, with parallel counts and BM25 weights. */
export interface DocVector {
  terms: Int32Array;
  counts: Int32Array;
  weights: Float64Array;
}

/** The built index (documents are addressed by their position in the input). */
export interface Bm25Index {
  size: number;
  termIds: Map<string, number>;
  /** Term id → stem. */
  termNames: string[];
  idf: Float64Array;
  /** Per document: its terms, raw counts and BM25 weights. */
  docs: DocVector[];
  /** Term id → documents, heaviest first (ties by position), and their weights. */
  postingDocs: Int32Array[];
  postingWeights: Float64Array[];
  /** The commonest surface form of a term (ties by code point). */
  surface(term: number): string;
}

/** Builds the index over `texts` with BM25 parameters k1 and b (analyses each text with `termBag`). */
export function buildBm25Index(texts: readonly string[], k1: number, b: number): Bm25Index {
  return buildBm25IndexFromBags(texts.map(termBag), k1, b);
}

/** Builds the index over already analysed documents: the same index `buildBm25Index` gives for their texts. */
export function buildBm25IndexFromBags(bags: readonly TermBag[], k1: number, b: number): Bm25Index {
  const termIds = new Map<string, number>();
  const termNames: string[] = [];
  const surfaces: Map<string, number>[] = [];
  const df: number[] = [];
  const docTerms = bags.map((bag) => {
    const names = bagTerms(bag);
    const ids = new Int32Array(names.length);
    names.forEach((term, i) => {
      let id = termIds.get(term);
      if (id === undefined) {
        id = termNames.length;
        termIds.set(term, id);
        termNames.push(term);
        surfaces.push(new Map());
        df.push(0);
      }
      ids[i] = id;
      df[id]!++;
    });
    bagForms(bag).forEach((form, f) => {
      const forms = surfaces[ids[bag.formTerms[f]!]!]!;
      forms.set(form, (forms.get(form) ?? 0) + bag.formCounts[f]!);
    });
    return ids;
  });
  const n = bags.length;
  const idf = Float64Array.from(df, (d) => Math.log(1 + (n - d + 0.5) / (d + 0.5)));
  const avgLength = bags.reduce((sum, bag) => sum + bag.length, 0) / Math.max(1, n) || 1;

  // Postings filled in document order, then sorted by weight: ties keep document order.
  const postingDocs = df.map((count) => new Int32Array(count));
  const postingWeights = df.map((count) => new Float64Array(count));
  const filled = new Int32Array(termNames.length);
  const docs = bags.map((bag, d): DocVector => {
    const terms = docTerms[d]!;
    const counts = Int32Array.from(bag.counts);
    const weights = new Float64Array(terms.length);
    const norm = k1 * (1 - b + (b * bag.length) / avgLength);
    for (let i = 0; i < terms.length; i++) {
      const t = terms[i]!;
      const f = counts[i]!;
      const w = (idf[t]! * f * (k1 + 1)) / (f + norm);
      weights[i] = w;
      const at = filled[t]!++;
      postingDocs[t]![at] = d;
      postingWeights[t]![at] = w;
    }
    return { terms, counts, weights };
  });
  for (let t = 0; t < termNames.length; t++) sortPostings(postingDocs[t]!, postingWeights[t]!);

  const surfaceCache = new Map<number, string>();
  const surface = (t: number): string => {
    let form = surfaceCache.get(t);
    if (form === undefined) {
      form = [...surfaces[t]!].sort((x, y) => y[1] - x[1] || compareCodePoints(x[0], y[0]))[0]?.[0] ?? termNames[t]!;
      surfaceCache.set(t, form);
    }
    return form;
  };
  return { size: n, termIds, termNames, idf, docs, postingDocs, postingWeights, surface };
}

/** Sorts one postings list (in document order) heaviest first, ties by document, in place. */
function sortPostings(ds: Int32Array, ws: Float64Array): void {
  if (ds.length < 2) return;
  const order = Array.from(ds, (_, i) => i).sort((x, y) => ws[y]! - ws[x]! || x - y);
  const docs = Int32Array.from(order, (i) => ds[i]!);
  const weights = Float64Array.from(order, (i) => ws[i]!);
  ds.set(docs);
  ws.set(weights);
}
