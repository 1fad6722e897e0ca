/**
 * The inverted index behind the ranker: documents analysed into Porter stems
 * (stop words and number-only tokens dropped), BM25 weights per (term, doc),
 * and impact-ordered postings lists (heaviest documents first) so a query can
 * stop after the first `postingsLimit` entries of each list.
 *
 *   w(t, d) = idf(t) · tf·(k1 + 1) / (tf + k1·(1 − b + b·|d|/avg|d|)),
 *   idf(t)  = ln(1 + (N − df + 0.5) / (df + 0.5)).
 *
 * Building is O(T + P log P) for T tokens and P postings (the sort per list).
 */
import { compareCodePoints } from '../../util/sort.js';
import { stem } from './stem.js';
import { isStopword } from './stopwords.js';
import { tokenize } from './tokenize.js';

/** Sparse term vector: term id → weight. */
export type Vector = Map<number, number>;

/** One index term occurrence. */
export interface IndexTerm {
  term: string;
  surface: string;
  start: number;
  end: number;
}

/** Stemmed index terms of a text, with the surface form and offsets of each occurrence. O(length). */
export function indexTerms(text: string): IndexTerm[] {
  const terms: IndexTerm[] = [];
  for (const token of tokenize(text)) {
    if (isStopword(token.value) || !/\p{L}/u.test(token.value)) continue;
    const term = stem(token.value);
    if (term.length < 2) continue;
    terms.push({ term, surface: token.value.toLowerCase(), start: token.start, end: token.end });
  }
  return terms;
}

/** The built index (documents are addressed by their position in the input). */
export interface Bm25Index {
  size: number;
  termIds: Map<string, number>;
  /** Term id → stem. */
  termNames: string[];
  idf: Float64Array;
  /** Raw term counts per document. */
  counts: Vector[];
  /** BM25 weights per document. */
  weights: Vector[];
  /** Term id → documents, heaviest first (ties by position), and their weights. */
  postingDocs: Int32Array[];
  postingWeights: Float64Array[];
  /** The commonest surface form of a term (ties by code point). */
  surface(term: number): string;
}

/** Builds the index over `texts` with BM25 parameters k1 and b. */
export function buildBm25Index(texts: readonly string[], k1: number, b: number): Bm25Index {
  const termIds = new Map<string, number>();
  const termNames: string[] = [];
  const surfaces: Map<string, number>[] = [];
  const counts: Vector[] = [];
  const lengths: number[] = [];
  for (const text of texts) {
    const tf: Vector = new Map();
    const terms = indexTerms(text);
    for (const { term, surface } of terms) {
      let id = termIds.get(term);
      if (id === undefined) {
        id = termNames.length;
        termIds.set(term, id);
        termNames.push(term);
        surfaces.push(new Map());
      }
      tf.set(id, (tf.get(id) ?? 0) + 1);
      const forms = surfaces[id]!;
      forms.set(surface, (forms.get(surface) ?? 0) + 1);
    }
    counts.push(tf);
    lengths.push(terms.length);
  }
  const n = texts.length;
  const df = new Float64Array(termNames.length);
  for (const tf of counts) for (const id of tf.keys()) df[id]!++;
  const idf = df.map((d) => Math.log(1 + (n - d + 0.5) / (d + 0.5)));
  const avgLength = lengths.reduce((sum, x) => sum + x, 0) / Math.max(1, n) || 1;

  const lists: [number, number][][] = termNames.map(() => []);
  const weights = counts.map((tf, d) => {
    const norm = k1 * (1 - b + (b * lengths[d]!) / avgLength);
    const vector: Vector = new Map();
    for (const [t, f] of tf) {
      const w = (idf[t]! * f * (k1 + 1)) / (f + norm);
      vector.set(t, w);
      lists[t]!.push([d, w]);
    }
    return vector;
  });
  const postingDocs: Int32Array[] = [];
  const postingWeights: Float64Array[] = [];
  for (const list of lists) {
    list.sort((x, y) => y[1] - x[1] || x[0] - y[0]);
    postingDocs.push(Int32Array.from(list, ([d]) => d));
    postingWeights.push(Float64Array.from(list, ([, w]) => w));
  }
  const surfaceCache = new Map<number, string>();
  const surface = (t: number): string => {
    let form = surfaceCache.get(t);
    if (form === undefined) {
      form = [...surfaces[t]!].sort((x, y) => y[1] - x[1] || compareCodePoints(x[0], y[0]))[0]?.[0] ?? termNames[t]!;
      surfaceCache.set(t, form);
    }
    return form;
  };
  return { size: n, termIds, termNames, idf, counts, weights, postingDocs, postingWeights, surface };
}
