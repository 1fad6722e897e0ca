/**
 * Porter stemming (the `stemmer` package, a maintained implementation of
 * Porter 1980) for ranking and key-phrase scoring only. It merges
 * market/marketing and price/pricing, which is right for recall in search and
 * wrong for glossary matching: use `normalizeTerm` there.
 */
import { stemmer } from 'stemmer';

const cache = new Map<string, string>();
const CACHE_LIMIT = 200_000;

/** The Porter stem of one word, lowercased first (`Ranking` → `rank`). */
export function stem(word: string): string {
  const lower = word.normalize('NFKC').toLowerCase();
  let stemmed = cache.get(lower);
  if (stemmed === undefined) {
    // Apostrophes are not letters to Porter; `leader's` stems as `leader`.
    stemmed = stemmer(lower.replace(/['’‘ʼ′]s?$/u, ''));
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(lower, stemmed);
  }
  return stemmed;
}
