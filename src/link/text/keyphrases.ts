/**
 * Unsupervised key-phrase extraction: part-of-speech chunk candidates scored
 * by TF-IDF (see `scoreCandidates` for the formula). Evaluated on Inspec by
 * `scripts/eval-keyphrases.ts`.
 */
import { compareCodePoints } from '../../util/sort.js';
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

/**
 * Knobs of candidate selection and scoring, tuned on Inspec dev. Exported so
 * the evaluation script can switch each one off and report what it buys.
 */
export interface KeyphraseTuning {
  /** Longest candidate, in words. */
  maxWords: number;
  /** π in the position prior 1 + π / (1 + index of the first sentence with the phrase). */
  positionWeight: number;
  /** γ: exponent on the phrase's own normalised idf (phrase-level df). */
  phraseIdfWeight: number;
  /** Extra weight (× (1 + boost)) of words that occur in the first sentence (the title). */
  titleBoost: number;
  /** α: exponent on a word's in-text frequency. */
  wordTfExponent: number;
  /** Added to the reference df of a word before taking its idf (smoothing). */
  idfSmoothing: number;
  /** Drop a phrase nested in (or containing) a better-ranked one. */
  dropNested: boolean;
  /** Hyphenated words (`knowledge-based`, `object-oriented`) may modify a noun whatever their tag. */
  hyphenModifiers: boolean;
  /** A phrase may not start with a modifier found in at least this share of reference documents (1: off). */
  genericModifierShare: number;
  /** A possessive ends a phrase (`the ship's trajectory` → `ship`, `trajectory`). */
  possessiveBreaks: boolean;
}

/** The tuned defaults (see the README's evaluation table for what each bought). */
export const DEFAULT_TUNING: KeyphraseTuning = {
  maxWords: 6,
  positionWeight: 0.75,
  phraseIdfWeight: 0.25,
  titleBoost: 0.5,
  wordTfExponent: 0.5,
  idfSmoothing: 3,
  dropNested: true,
  hyphenModifiers: true,
  genericModifierShare: 0.15,
  possessiveBreaks: true,
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

/** A modifier is generic only if at least this many reference documents use it (small corpora prove nothing). */
const MIN_GENERIC_DF = 5;
const HEADS = new Set(['NOUN', 'PROPN']);
const MODIFIERS = new Set(['NOUN', 'PROPN', 'ADJ']);

/** Whether a word may sit inside a noun-phrase chunk. */
function chunkable(word: TaggedWord, tuning: KeyphraseTuning): boolean {
  if (isStopword(word.text) || word.key === '' || !/\p{L}/u.test(word.text)) return false;
  if (MODIFIERS.has(word.pos)) return true;
  // `knowledge-based`, `object-oriented`: the tagger often calls these verbs.
  return tuning.hyphenModifiers && word.key.includes(' ') && word.pos !== 'PUNCT' && word.pos !== 'NUM';
}

/**
 * Candidates: every contiguous run of at most `maxWords` chunkable words
 * (adjectives, nouns, hyphenated modifiers; never a stop word or a word
 * without letters) inside one sentence that ends in a noun and does not start
 * with a generic modifier. O(n · maxWords²) for n words.
 */
export function findCandidates(text: string, tuning: KeyphraseTuning = DEFAULT_TUNING): Candidate[] {
  return candidatesOf(text, tagWords(text), {}, tuning);
}

/** `findCandidates` over already tagged words. */
function candidatesOf(text: string, words: readonly TaggedWord[], options: KeyphraseOptions, tuning: KeyphraseTuning): Candidate[] {
  const docCount = options.docCount ?? 0;
  const generic = (word: TaggedWord) =>
    !HEADS.has(word.pos) && docCount > 0 && (options.df?.get(word.key) ?? 0) >= Math.max(MIN_GENERIC_DF, tuning.genericModifierShare * docCount);
  const byKey = new Map<string, Candidate>();
  let chunk: TaggedWord[] = [];
  const flush = () => {
    for (let end = 0; end < chunk.length; end++) {
      const last = chunk[end]!;
      if (!HEADS.has(last.pos)) continue;
      for (let start = Math.max(0, end - tuning.maxWords + 1); start <= end; start++) {
        const parts = chunk.slice(start, end + 1);
        const first = parts[0]!;
        if (generic(first)) continue;
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

/**
 * Inverse document frequency of a Porter key, never negative; unseen keys get
 * the maximum. Without a reference corpus every key gets 1, so the ranking
 * falls back to frequency and position.
 */
function idf(key: string, df: ReadonlyMap<string, number> | undefined, docCount: number, smoothing: number): number {
  if (docCount <= 0) return 1;
  return Math.max(0, Math.log((docCount + 1) / ((df?.get(key) ?? 0) + smoothing)));
}

/**
 * Scores candidates. With ω(w) the word weight of `weighWords` (tf^α, title
 * boost) and idf(w) = ln((N + 1) / (df(w) + smoothing)) over the reference
 * corpus of N documents:
 *
 *   score(p) = Σ_{w ∈ p} ω(w)·idf(w)                       (word evidence: longer specific phrases win)
 *            × (1 + π / (1 + first sentence of p))         (position prior)
 *            × (idf(p) / ln(N + 1))^γ   for |p| > 1        (phrase-level specificity)
 *
 * rounded to 4 decimals. Without a reference corpus (N = 0) every idf is 1
 * and the phrase-idf factor is left out.
 */
export function scoreCandidates(
  candidates: readonly Candidate[],
  wordWeights: ReadonlyMap<string, number>,
  options: KeyphraseOptions,
  tuning: KeyphraseTuning = DEFAULT_TUNING,
): Keyphrase[] {
  const docCount = options.docCount ?? 0;
  const maxIdf = Math.log(docCount + 1) + 1e-9;
  return candidates.map((candidate) => {
    let score = 0;
    for (const word of candidate.words) score += (wordWeights.get(word) ?? 0) * idf(word, options.df, docCount, tuning.idfSmoothing);
    score *= 1 + tuning.positionWeight / (1 + candidate.firstSentence);
    if (tuning.phraseIdfWeight !== 0 && candidate.words.length > 1 && docCount > 0)
      score *= (Math.max(idf(candidate.stemmed, options.df, docCount, 1), 0) / maxIdf) ** tuning.phraseIdfWeight;
    return { phrase: candidate.phrase, stemmed: candidate.stemmed, score: Math.round(score * 1e4) / 1e4 + 0 };
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

const byScore = (a: Keyphrase, b: Keyphrase) => b.score - a.score || compareCodePoints(a.stemmed, b.stemmed);

/**
 * Best first (ties by stemmed form, code point); with `dropNested`, a phrase
 * nested in or containing a better one is skipped (`safe ship control` hides
 * `ship control`). O(c log c + c · limit) for c candidates.
 */
function rank(phrases: Keyphrase[], limit: number, tuning: KeyphraseTuning): Keyphrase[] {
  phrases.sort(byScore);
  if (!tuning.dropNested) return phrases.slice(0, limit);
  const kept: Keyphrase[] = [];
  const padded: string[] = [];
  for (const phrase of phrases) {
    if (kept.length >= limit) break;
    const mine = ` ${phrase.stemmed} `;
    if (padded.some((other) => other.includes(mine) || mine.includes(other))) continue;
    kept.push(phrase);
    padded.push(mine);
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
