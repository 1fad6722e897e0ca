/**
 * "Did you mean" suggestions: the closest candidate by Levenshtein distance
 * (fastest-levenshtein), offered only when it is plausibly a typo.
 */
import { distance } from 'fastest-levenshtein';
import { compareCodePoints } from '../util/sort.js';

/**
 * The candidate closest to `input` (compared case-insensitively), or null
 * when none is within a third of the longer string's length (at least 2
 * edits allowed). Ties go to the candidate first in code-point order, so the
 * suggestion never depends on input order.
 */
export function closestMatch(input: string, candidates: Iterable<string>): string | null {
  const needle = input.toLowerCase();
  let best: string | null = null;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const d = distance(needle, candidate.toLowerCase());
    const budget = Math.max(2, Math.floor(Math.max(needle.length, candidate.length) / 3));
    if (d > budget) continue;
    if (d < bestDistance || (d === bestDistance && best !== null && compareCodePoints(candidate, best) < 0)) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}

/** `; did you mean "x"?` or '' — appended to messages. */
export function didYouMean(input: string, candidates: Iterable<string>): string {
  const match = closestMatch(input, candidates);
  return match === null ? '' : `; did you mean "${match}"?`;
}
