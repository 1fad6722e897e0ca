/**
 * Concept suggestions for `concepts --suggest`: multi-word key-phrase
 * candidates (part-of-speech chunks, see `findCandidates`) that recur across
 * notes and are not in the glossary yet.
 *
 * A phrase qualifies when it has 2+ space-separated words (`open-source`
 * alone is one word), neither edge word is a stop word, it has a letter (not
 * numbers only), it occurs in at least `minDocs` notes, and it is not already
 * known: its normalised form (`normalizeTerm` per word) or Porter key equals
 * that of an `existing` name (pass glossary names, aliases and note titles),
 * or its normalised form lies inside one (`market fit` inside
 * `product/market fit`). A phrase nested in a
 * longer qualifying phrase found in exactly the same notes is left out (the
 * longer one says it all).
 *
 * Score (documented, deterministic):
 *   score(p) = df(p) · mean_{w ∈ p} idf(w) · log2(1 + |p|)
 * with df(p) the number of notes containing p, idf(w) = ln((N + 1) / df(w))
 * over the N notes (specific words weigh more than everyday ones), and |p|
 * the word count. Rounded to 4 decimals; ties by phrase (code point).
 *
 * Complexity: O(total words · maxWords²) to collect candidates, plus
 * O(s² · |p|) to drop nested suggestions among the s that qualify.
 */
import { compareCodePoints, sortBy } from '../../util/sort.js';
import { DEFAULT_TUNING, findCandidates } from './keyphrases.js';
import { normalizeTerm } from './normalize.js';
import { porterKey, tagWords } from './tagger.js';
import { isStopword } from './stopwords.js';
import { tokenize } from './tokenize.js';

/** One suggested concept. */
export interface ConceptSuggestion {
  /** The commonest surface form across the notes (ties by code point). */
  phrase: string;
  score: number;
  /** Ids of the notes it occurs in, sorted by code point. */
  docs: string[];
}

/** Options of `suggestConcepts`. */
export interface SuggestOptions {
  /** Minimum number of notes a phrase must occur in (default 2). */
  minDocs?: number;
  /** Maximum number of suggestions (default 20). */
  limit?: number;
}

/** The normalised (glossary-matching) form of a phrase: normalizeTerm per word, space-joined. */
function normalisedForm(phrase: string): string {
  return tokenize(phrase).map((token) => normalizeTerm(token.value)).join(' ');
}

/** Suggests glossary entries from `docs` (see the module comment for rules and score). */
export function suggestConcepts(
  docs: readonly { id: string; text: string }[],
  existing: readonly string[],
  options: SuggestOptions = {},
): ConceptSuggestion[] {
  const minDocs = Math.max(1, options.minDocs ?? 2);
  const known = new Set(existing.flatMap((name) => [normalisedForm(name), `porter:${porterKey(name)}`]));
  const knownPadded = existing.map((name) => ` ${normalisedForm(name)} `);
  // Possessives may stay inside a concept name: `Conway's law`.
  const tuning = { ...DEFAULT_TUNING, possessiveBreaks: false };
  const wordDf = new Map<string, number>();
  const phraseDocs = new Map<string, Set<string>>();
  const surfaces = new Map<string, Map<string, number>>();
  for (const doc of sortBy(docs, (d) => d.id)) {
    for (const word of new Set(tagWords(doc.text).flatMap((w) => w.key.split(' '))))
      wordDf.set(word, (wordDf.get(word) ?? 0) + 1);
    for (const candidate of findCandidates(doc.text, tuning)) {
      if (candidate.words.length < 2 || !qualifies(candidate.phrase)) continue;
      let ids = phraseDocs.get(candidate.stemmed);
      if (!ids) phraseDocs.set(candidate.stemmed, (ids = new Set()));
      ids.add(doc.id);
      let forms = surfaces.get(candidate.stemmed);
      if (!forms) surfaces.set(candidate.stemmed, (forms = new Map()));
      const surface = candidate.phrase.replace(/\s+/gu, ' ');
      forms.set(surface, (forms.get(surface) ?? 0) + candidate.count);
    }
  }
  const n = docs.length;
  const qualified: { stemmed: string; suggestion: ConceptSuggestion }[] = [];
  for (const [stemmed, ids] of phraseDocs) {
    if (ids.size < minDocs) continue;
    const phrase = [...surfaces.get(stemmed)!].sort((a, b) => b[1] - a[1] || compareCodePoints(a[0], b[0]))[0]![0];
    const normalised = normalisedForm(phrase);
    if (known.has(normalised) || known.has(`porter:${stemmed}`) || knownPadded.some((name) => name.includes(` ${normalised} `))) continue;
    const words = stemmed.split(' ');
    const meanIdf = words.reduce((sum, w) => sum + Math.log((n + 1) / (wordDf.get(w) ?? 1)), 0) / words.length;
    const score = Math.round(ids.size * meanIdf * Math.log2(1 + words.length) * 1e4) / 1e4;
    qualified.push({ stemmed, suggestion: { phrase, score, docs: [...ids].sort(compareCodePoints) } });
  }
  const kept = qualified.filter(
    ({ stemmed, suggestion }) =>
      !qualified.some(
        (other) =>
          other.stemmed !== stemmed &&
          ` ${other.stemmed} `.includes(` ${stemmed} `) &&
          other.suggestion.docs.length === suggestion.docs.length,
      ),
  );
  return sortBy(kept.map((entry) => entry.suggestion), (s) => -s.score, (s) => s.phrase).slice(0, options.limit ?? 20);
}

/** Two written words or more, no stop word at either edge, at least one letter, no number-only edge word. */
function qualifies(phrase: string): boolean {
  if (!/\S\s+\S/u.test(phrase)) return false;
  const tokens = tokenize(phrase);
  const first = tokens[0]?.value ?? '';
  const last = tokens[tokens.length - 1]?.value ?? '';
  if (tokens.length < 2 || isStopword(first) || isStopword(last)) return false;
  if (/^\p{N}+$/u.test(first) || /^\p{N}+$/u.test(last)) return false;
  return tokens.some((token) => /\p{L}/u.test(token.value));
}
