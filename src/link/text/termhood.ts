/**
 * Termhood: how much a multi-word candidate behaves like a term of the
 * library rather than a phrase that happens to recur. The C-value and
 * NC-value of Frantzi, Ananiadou & Mima (2000, "Automatic recognition of
 * multi-word terms: the C-value/NC-value method", Int. J. on Digital
 * Libraries 3(2)), with the document frequency as the frequency (a library
 * term recurs across notes, not within one) and a specificity factor:
 *
 *   C(a)  = log2(1 + |a|) · (f(a) − (1/|T_a|) Σ_{b ∈ T_a} f(b))    (second term 0 when T_a is empty)
 *   NC(a) = (1 − ν) · C(a) + ν · Σ_{w ∈ context(a)} f_a(w) · t(w) / n
 *   score = NC(a) · (mean_{w ∈ a} idf(w))^ι · (1 + κ · k(a) / f(a)),  idf(w) = ln((N + 1) / df(w))
 *
 * f = notes using the phrase, T_a = the kept candidates that contain a,
 * context(a) = nouns, adjectives and verbs next to a, f_a(w) their count
 * (capped at f(a)), t(w) = how many of the n
 * candidates with the best C-value have w in their context, N = notes,
 * k(a) = notes where a is among the note's own top key phrases
 * (`extractKeyphrases` with the library's document frequencies).
 * (The paper's log2|a| is 0 for one word; 1 + |a| keeps the same order for
 * the multi-word terms scored here.) Complexity: O(k · L²) for k candidates
 * of at most L words, plus O(k · context) for the NC-value.
 */
import type { TermCandidate } from './term-candidates.js';

/** Knobs of the termhood score, tuned on Inspec train/dev (`scripts/eval-suggest.ts`). */
export interface TermhoodTuning {
  /** ν: weight of the context factor (the paper's 0.2). */
  contextWeight: number;
  /** How many of the best C-value candidates define the context words' weights. */
  contextTop: number;
  /** ι: exponent of the mean word idf (0: off). */
  idfExponent: number;
  /** κ: weight of the key-phrase factor (0: off, and no key phrases are extracted). */
  keyphraseWeight: number;
  /** How many key phrases per note count for the key-phrase factor. */
  keyphraseTop: number;
}

export const DEFAULT_TERMHOOD: TermhoodTuning = { contextWeight: 0.2, contextTop: 200, idfExponent: 0.5, keyphraseWeight: 1, keyphraseTop: 10 };

/** A scored candidate: its C-value, NC-value and final score. */
export interface Termhood {
  cValue: number;
  ncValue: number;
  score: number;
}

/** Scores `kept` (candidates that passed the rules) by the formula of the module comment. */
export function scoreTermhood(
  kept: readonly TermCandidate[],
  wordDf: ReadonlyMap<string, number>,
  docCount: number,
  tuning: TermhoodTuning = DEFAULT_TERMHOOD,
  keyphraseDocs: ReadonlyMap<string, number> = new Map(),
): Map<string, Termhood> {
  const containing = containers(kept);
  const cValues = new Map<string, number>();
  for (const a of kept) {
    const longer = containing.get(a.key) ?? [];
    const nested = longer.length === 0 ? 0 : longer.reduce((s, b) => s + b.docs.length, 0) / longer.length;
    cValues.set(a.key, Math.log2(1 + a.length) * Math.max(0, a.docs.length - nested));
  }
  const weights = contextWeights(kept, cValues, tuning.contextTop);
  const result = new Map<string, Termhood>();
  for (const a of kept) {
    const cValue = cValues.get(a.key)!;
    let context = 0;
    for (const [word, count] of a.context) context += Math.min(count, a.docs.length) * (weights.get(word) ?? 0);
    const ncValue = (1 - tuning.contextWeight) * cValue + tuning.contextWeight * context;
    const words = a.key.split(' ');
    const meanIdf = words.reduce((s, w) => s + Math.log((docCount + 1) / (wordDf.get(w) ?? 1)), 0) / words.length;
    const keyShare = (keyphraseDocs.get(a.key) ?? 0) / a.docs.length;
    const score = ncValue * Math.max(meanIdf, 0) ** tuning.idfExponent * (1 + tuning.keyphraseWeight * keyShare);
    result.set(a.key, { cValue: round(cValue), ncValue: round(ncValue), score: round(score) });
  }
  return result;
}

/**
 * T_a for every candidate a: the candidates of `kept` that contain a as a
 * contiguous part of 2+ words (each once). O(k · L²) for k candidates of at most L words.
 */
export function containers(kept: readonly TermCandidate[]): Map<string, TermCandidate[]> {
  const keys = new Set(kept.map((c) => c.key));
  const containing = new Map<string, TermCandidate[]>();
  for (const b of kept) {
    const words = b.key.split(' ');
    const seen = new Set<string>();
    for (let start = 0; start < words.length; start++) {
      for (let end = start + 2; end <= words.length; end++) {
        if (end - start === words.length) continue;
        const sub = words.slice(start, end).join(' ');
        if (seen.has(sub) || !keys.has(sub)) continue;
        seen.add(sub);
        let list = containing.get(sub);
        if (!list) containing.set(sub, (list = []));
        list.push(b);
      }
    }
  }
  return containing;
}

/** t(w)/n over the `top` candidates with the best C-value (ties by key). */
function contextWeights(kept: readonly TermCandidate[], cValues: ReadonlyMap<string, number>, top: number): Map<string, number> {
  const best = [...kept].sort((a, b) => cValues.get(b.key)! - cValues.get(a.key)! || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)).slice(0, top);
  const counts = new Map<string, number>();
  for (const c of best) for (const word of c.context.keys()) counts.set(word, (counts.get(word) ?? 0) + 1);
  const weights = new Map<string, number>();
  for (const [word, t] of counts) weights.set(word, t / Math.max(1, best.length));
  return weights;
}

const round = (x: number) => Math.round(x * 1e4) / 1e4 + 0;
