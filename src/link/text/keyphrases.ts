/**
 * Unsupervised key-phrase extraction: part-of-speech chunk candidates scored
 * by TF-IDF (see `scoreCandidates` for the formula). Evaluated on Inspec by
 * `scripts/eval-keyphrases.ts`.
 */
import { isStopword } from './stopwords.js';
import { tagWords } from './tagger.js';
import type { TaggedWord } from './tagger.js';

/** One ranked key phrase. */
export interface Keyphrase {
  /** The phrase as first written in the text. */
  phrase: string;
  /** Its Porter key: stemmed words joined by single spaces (the identity used for df and matching). */
  stemmed: string;
  score: number;
}

/** Options of `extractKeyphrases`. */
export interface KeyphraseOptions {
  /** Document frequency of each Porter key (words and phrases), from `buildPhraseDf`. */
  df?: ReadonlyMap<string, number>;
  /** Number of documents `df` was counted over. */
  docCount?: number;
  /** How many phrases to return (default 10). */
  limit?: number;
}

/** Knobs of the scoring, tuned on Inspec dev (exported for the evaluation script only). */
export interface KeyphraseTuning {
  maxWords: number;
  lengthExponent: number;
  positionWeight: number;
  phraseIdfWeight: number;
  tfExponent: number;
  dropNested: boolean;
  /** Factor applied to a phrase nested in (or containing) an already chosen one; 0 drops it. */
  nestedPenalty: number;
  /** Extra weight of words that occur in the first sentence (the title). */
  titleBoost: number;
  /** Exponent on a word's in-text frequency. */
  wordTfExponent: number;
  /** Cost per word, as a share of the text's mean word weight: a weak modifier lowers its phrase's score. */
  wordCost: number;
  /** Hyphenated words (`knowledge-based`, `object-oriented`) may modify a noun whatever their tag. */
  hyphenModifiers: boolean;
  /** `-ing` words between a noun and a noun (`message passing interface`) may sit inside a phrase. */
  gerundInside: boolean;
  /** A phrase may not start with a modifier found in at least this share of reference documents (1: off). */
  genericModifierShare: number;
  possessiveBreaks: boolean;
  allowVerbModifiers: boolean;
  idfSmoothing: number;
}

/** The tuned defaults (see the README's evaluation table for what each bought). */
export const DEFAULT_TUNING: KeyphraseTuning = {
  maxWords: 6,
  lengthExponent: 0,
  positionWeight: 0.75,
  phraseIdfWeight: 0.25,
  tfExponent: 0,
  dropNested: true,
  nestedPenalty: 0,
  titleBoost: 0.5,
  wordTfExponent: 0.5,
  wordCost: 0,
  hyphenModifiers: true,
  gerundInside: false,
  genericModifierShare: 0.15,
  possessiveBreaks: true,
  allowVerbModifiers: false,
  idfSmoothing: 3,
};

/** A candidate phrase with what scoring needs. */
export interface Candidate {
  stemmed: string;
  phrase: string;
  words: string[];
  count: number;
  firstSentence: number;
  firstOffset: number;
}

const HEADS = new Set(['NOUN', 'PROPN']);
const MODIFIERS = new Set(['NOUN', 'PROPN', 'ADJ']);

/** Whether a word may sit inside a noun-phrase chunk. */
function chunkable(word: TaggedWord, tuning: KeyphraseTuning): boolean {
  if (isStopword(word.text) || word.key === '' || !/\p{L}/u.test(word.text)) return false;
  if (MODIFIERS.has(word.pos)) return true;
  if (tuning.hyphenModifiers && word.key.includes(' ') && word.pos !== 'PUNCT' && word.pos !== 'NUM') return true;
  if (tuning.gerundInside && word.pos === 'VERB' && /ing$/u.test(word.text.toLowerCase())) return true;
  // `distributed computing`, `fault tolerant control`: participles as modifiers.
  return tuning.allowVerbModifiers && word.pos === 'VERB' && /(?:ed|ing)$/u.test(word.text.toLowerCase());
}

/**
 * Candidates: every contiguous run of chunkable words (adjectives, nouns,
 * optionally participles; no stop word, no number-only word) of at most
 * `maxWords` words that ends in a noun. O(n · maxWords²) for n words.
 */
export function findCandidates(text: string, tuning: KeyphraseTuning = DEFAULT_TUNING): Candidate[] {
  return candidatesOf(text, tagWords(text), {}, tuning);
}

/** `findCandidates` over already tagged words. */
function candidatesOf(text: string, words: readonly TaggedWord[], options: KeyphraseOptions, tuning: KeyphraseTuning): Candidate[] {
  const docCount = options.docCount ?? 0;
  const generic = (word: TaggedWord) =>
    !HEADS.has(word.pos) && docCount > 0 && (options.df?.get(word.key) ?? 0) >= tuning.genericModifierShare * docCount;
  const byKey = new Map<string, Candidate>();
  let chunk: TaggedWord[] = [];
  const flush = () => {
    for (let end = 0; end < chunk.length; end++) {
      const last = chunk[end]!;
      if (!HEADS.has(last.pos)) continue;
      for (let start = Math.max(0, end - tuning.maxWords + 1); start <= end; start++) {
        const parts = chunk.slice(start, end + 1);
        const first = parts[0]!;
        if (first.pos === 'VERB' && parts.length === 1) continue;
        if (generic(first)) continue;
        // A gerund only inside: after a word of the phrase, before its head.
        if (parts.some((w, i) => w.pos === 'VERB' && !MODIFIERS.has(w.pos) && !w.key.includes(' ') && (i === 0 || i === parts.length - 1) && /ing$/u.test(w.text)) && !tuning.allowVerbModifiers) continue;
        const stemmed = parts.map((w) => w.key).join(' ');
        const existing = byKey.get(stemmed);
        if (existing) existing.count++;
        else
          byKey.set(stemmed, {
            stemmed,
            phrase: text.slice(first.start, last.end),
            words: stemmed.split(' '),
            count: 1,
            firstSentence: first.sentence,
            firstOffset: first.start,
          });
      }
    }
    chunk = [];
  };
  for (const word of words) {
    const previous = chunk[chunk.length - 1];
    if (!chunkable(word, tuning) || (previous && previous.sentence !== word.sentence)) flush();
    if (chunkable(word, tuning)) chunk.push(word);
    if (word.possessive && tuning.possessiveBreaks) flush();
  }
  flush();
  return [...byKey.values()];
}

/** Inverse document frequency of a Porter key; unseen keys get the maximum. */
function idf(key: string, df: ReadonlyMap<string, number> | undefined, docCount: number, smoothing: number): number {
  return Math.log((docCount + 1) / ((df?.get(key) ?? 0) + smoothing));
}

/**
 * Scores candidates. With tf(w) the count of stemmed word w in the text and
 * idf(w) = ln((N + 1) / (df(w) + 1)) over the reference corpus:
 *
 *   score(p) = Σ_{w ∈ p} tf(w)·idf(w) / |p|^λ            (word evidence)
 *            × count(p)^τ                                 (phrase frequency)
 *            × (1 + π / (1 + first sentence of p))         (position prior)
 *            × (idf(p) / idf_max)^γ                        (phrase specificity)
 */
export function scoreCandidates(
  candidates: readonly Candidate[],
  wordCounts: ReadonlyMap<string, number>,
  options: KeyphraseOptions,
  tuning: KeyphraseTuning = DEFAULT_TUNING,
): Keyphrase[] {
  const docCount = options.docCount ?? 0;
  const maxIdf = Math.log(docCount + 1) + 1e-9;
  const wordScore = (word: string) => (wordCounts.get(word) ?? 0) * idf(word, options.df, docCount, tuning.idfSmoothing);
  let cost = 0;
  if (tuning.wordCost !== 0 && wordCounts.size > 0) {
    for (const word of wordCounts.keys()) cost += wordScore(word);
    cost = (tuning.wordCost * cost) / wordCounts.size;
  }
  return candidates.map((candidate) => {
    let evidence = 0;
    for (const word of candidate.words) evidence += wordScore(word) - cost;
    let score = evidence / candidate.words.length ** tuning.lengthExponent;
    score *= candidate.count ** tuning.tfExponent;
    score *= 1 + tuning.positionWeight / (1 + candidate.firstSentence);
    if (tuning.phraseIdfWeight !== 0 && candidate.words.length > 1)
      score *= (Math.max(idf(candidate.stemmed, options.df, docCount, 1), 0) / maxIdf) ** tuning.phraseIdfWeight;
    return { phrase: candidate.phrase, stemmed: candidate.stemmed, score: Math.round(score * 1e4) / 1e4 };
  });
}

/** Counts each stemmed word of the tagged text (hyphen parts counted separately). */
function countWords(words: readonly TaggedWord[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const word of words)
    for (const part of word.key.split(' ')) if (part !== '' && !isStopword(part)) counts.set(part, (counts.get(part) ?? 0) + 1);
  return counts;
}

/** Per-word weight: tf^α, times (1 + titleBoost) for words of the first sentence. */
function weighWords(words: readonly TaggedWord[], tuning: KeyphraseTuning): Map<string, number> {
  const weights = new Map<string, number>();
  for (const [word, count] of countWords(words)) weights.set(word, count ** tuning.wordTfExponent);

  if (tuning.titleBoost !== 0) {
    const title = new Set(words.filter((word) => word.sentence === 0).flatMap((word) => word.key.split(' ')));
    for (const word of title) {
      const weight = weights.get(word);
      if (weight !== undefined) weights.set(word, weight * (1 + tuning.titleBoost));
    }
  }
  return weights;
}

const byScore = (a: Keyphrase, b: Keyphrase) => b.score - a.score || (a.stemmed < b.stemmed ? -1 : a.stemmed > b.stemmed ? 1 : 0);

/**
 * Greedy selection: repeatedly takes the best phrase, where a phrase nested in
 * (or containing) one already taken counts `nestedPenalty` times its score
 * (0: dropped). O(limit · c) for c candidates.
 */
function rank(phrases: Keyphrase[], limit: number, tuning: KeyphraseTuning): Keyphrase[] {
  phrases.sort(byScore);
  if (!tuning.dropNested) return phrases.slice(0, limit);
  const kept: Keyphrase[] = [];
  const padded = (phrase: Keyphrase) => ` ${phrase.stemmed} `;
  let pool = phrases;
  while (kept.length < limit && pool.length > 0) {
    let best: Keyphrase | undefined;
    let bestScore = -Infinity;
    for (const phrase of pool) {
      if (phrase.score <= bestScore) break; // sorted: no later phrase can beat it
      const p = padded(phrase);
      const nested = kept.some((other) => padded(other).includes(p) || p.includes(padded(other)));
      const score = nested ? phrase.score * tuning.nestedPenalty : phrase.score;
      if (score > bestScore && (!nested || tuning.nestedPenalty > 0)) [best, bestScore] = [phrase, score];
    }
    if (best === undefined) break;
    kept.push(best);
    pool = pool.filter((phrase) => phrase !== best);
  }
  return kept;
}

/**
 * The top key phrases of `text`, best first (ties by stemmed form). `df` and
 * `docCount` come from `buildPhraseDf` over a reference corpus; without them
 * every word is equally rare and the ranking falls back to frequency and
 * position. O(n · maxWords²) for n words, plus O(c log c) to sort c candidates.
 */
export function extractKeyphrases(text: string, options: KeyphraseOptions = {}, tuning: KeyphraseTuning = DEFAULT_TUNING): Keyphrase[] {
  const words = tagWords(text);
  const candidates = candidatesOf(text, words, options, tuning);
  return rank(scoreCandidates(candidates, weighWords(words, tuning), options, tuning), options.limit ?? 10, tuning);
}

/**
 * Document frequencies over `texts` for `extractKeyphrases`: each stemmed word
 * and each candidate phrase key counts once per text it occurs in.
 */
export function buildPhraseDf(texts: Iterable<string>, tuning: KeyphraseTuning = DEFAULT_TUNING): { df: Map<string, number>; docCount: number } {
  const df = new Map<string, number>();
  let docCount = 0;
  for (const text of texts) {
    docCount++;
    const words = tagWords(text);
    const keys = new Set<string>(countWords(words).keys());
    for (const candidate of candidatesOf(text, words, {}, tuning)) keys.add(candidate.stemmed);
    for (const key of keys) df.set(key, (df.get(key) ?? 0) + 1);
  }
  return { df, docCount };
}
