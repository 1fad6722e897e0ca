/**
 * Fuzzy matching for completion and symbol search: the query's characters
 * must appear in the candidate in order (case-insensitively); runs of
 * consecutive characters, word starts and an early first hit score higher,
 * gaps and length lower. `"cnwy"` finds "Conway's law"; no match is null.
 * Linear in the candidate's length.
 */

const isWordStart = (text: string, i: number): boolean => i === 0 || /[\s\-_/'’([]/u.test(text[i - 1]!);

/** The score of `candidate` for `query` (higher is better), or null when it does not match. */
export function fuzzyScore(query: string, candidate: string): number | null {
  const q = query.trim().toLowerCase();
  if (q === '') return 0;
  const c = candidate.toLowerCase();
  let score = 0;
  let at = 0;
  let previous = -2;
  for (const char of q) {
    const found = c.indexOf(char, at);
    if (found === -1) return null;
    if (found === previous + 1) score += 6;
    if (isWordStart(candidate, found)) score += 8;
    if (found === 0) score += 10;
    score -= Math.min(found - at, 5);
    previous = found;
    at = found + 1;
  }
  return score - candidate.length / 100;
}

/**
 * The `limit` best matches of `query` among `items` (by `text`), best first,
 * ties in the order given. Keeps only the best `limit` while scanning (a
 * sorted window): 20,000 names and a one-letter query cost no full sort.
 */
export function fuzzyTop<T>(query: string, items: Iterable<T>, text: (item: T) => string, limit: number): { items: T[]; more: boolean } {
  const best: { item: T; score: number }[] = [];
  let matched = 0;
  for (const item of items) {
    const score = fuzzyScore(query, text(item));
    if (score === null) continue;
    matched++;
    if (best.length === limit && score <= best[best.length - 1]!.score) continue;
    let at = best.length;
    while (at > 0 && best[at - 1]!.score < score) at--;
    best.splice(at, 0, { item, score });
    if (best.length > limit) best.pop();
  }
  return { items: best.map((b) => b.item), more: matched > limit };
}
