/**
 * Looking names up loosely: concepts by any way of writing them, and the
 * closest known name for a "did you mean" hint.
 */
import { closest, distance } from 'fastest-levenshtein';
import type { Concept } from '../types.js';
import { phraseKey } from './phrase.js';

/**
 * The glossary name closest to `written` (case-insensitive edit distance), or
 * null when even the closest is too far to be a plausible typo (more than
 * 40% of the longer string's length): a wrong suggestion is worse than none.
 */
export function closestName(written: string, names: readonly string[]): string | null {
  if (names.length === 0) return null;
  const lower = names.map((n) => n.toLowerCase());
  const target = written.toLowerCase();
  const best = closest(target, lower);
  const index = lower.indexOf(best);
  const limit = Math.ceil(0.4 * Math.max(target.length, best.length));
  return distance(target, best) <= limit ? names[index]! : null;
}

/**
 * A lookup from any way of writing a concept (name, alias or id, compared as
 * normalised phrases, see `phraseKey`) to the concept. For the `concepts:`
 * front-matter check and for resolving `[[concept]]` links.
 */
export function createConceptLookup(concepts: readonly Concept[]): (written: string) => Concept | undefined {
  const byKey = new Map<string, Concept>();
  for (const concept of concepts) {
    for (const form of [concept.name, ...concept.aliases]) if (!byKey.has(phraseKey(form))) byKey.set(phraseKey(form), concept);
  }
  const byId = new Map(concepts.map((c) => [c.id as string, c]));
  return (written) => byId.get(written.trim().toLowerCase()) ?? byKey.get(phraseKey(written));
}
