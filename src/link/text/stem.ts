/**
 * Porter stemming (the `stemmer` package, a maintained implementation of
 * Porter 1980) for ranking and key-phrase scoring only. It merges
 * market/marketing and price/pricing, which is right for recall in search and
 * wrong for glossary matching: use `normalizeTerm` there.
 */
import { stemmer } from 'stemmer';

const cache = new Map<string, string>();
const CACHE_LIMIT = 200_000;
/** Longer "words" (hashes, base64, hostile input) are not English: left unstemmed, as Porter's regexes backtrack on them. */
const MAX_STEMMED_LENGTH = 48;

/** The Porter stem of one word, lowercased first (`Ranking` → `rank`). */
export function stem(word: string): string {
  const lower = word.normalize('NFKC').toLowerCase();
  if (lower.length > MAX_STEMMED_LENGTH) return lower;
  let stemmed = cache.get(lower);
  if (stemmed === undefined) {
    // Apostrophes are not letters to Porter; `leader's` stems as `leader`.
    stemmed = stemmer(lower.replace(/['’‘ʼ′]s?$/u, ''));
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(lower, stemmed);
  }
  return stemmed;
}
