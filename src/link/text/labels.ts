/**
 * The label side of the related-documents score (concepts and tags): which
 * documents carry a label, how rare it is, and what two documents share.
 */
import { compareCodePoints } from '../../util/sort.js';

/** What these helpers read of a document. */
export interface LabelledDoc {
  concepts?: string[];
  tags?: string[];
}

/** Label (`c:` concept or `t:` tag) → documents carrying it. */
export function labelPostings(docs: readonly LabelledDoc[]): Map<string, number[]> {
  const postings = new Map<string, number[]>();
  docs.forEach((doc, d) => {
    const labels = new Set([...(doc.concepts ?? []).map((c) => `c:${c}`), ...(doc.tags ?? []).map((t) => `t:${t}`)]);
    for (const label of labels) {
      const list = postings.get(label);
      if (list) list.push(d);
      else postings.set(label, [d]);
    }
  });
  return postings;
}

/** Rarity of each label: ln(N / df) / ln(N + 1), in [0, 1). */
export function rarity(labels: readonly string[][], n: number): Map<string, number> {
  const df = new Map<string, number>();
  for (const list of labels) for (const label of new Set(list)) df.set(label, (df.get(label) ?? 0) + 1);
  return new Map([...df].map(([label, count]) => [label, Math.log(n / count) / Math.log(n + 1)]));
}

/**
 * Σ rarity of the labels two documents share, summed in `a`'s order (a Set:
 * first occurrences, so a repeated label counts once and the sum is the same
 * double whatever the caller). Sets built once per document, not per pair.
 */
export function overlap(a: ReadonlySet<string>, b: ReadonlySet<string>, weights: ReadonlyMap<string, number>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let total = 0;
  for (const label of a) if (b.has(label)) total += weights.get(label) ?? 0;
  return total;
}

/** Labels in both lists, rarest first, then by code point. */
export function shared(a: readonly string[] | undefined, b: readonly string[] | undefined, weights: ReadonlyMap<string, number>): string[] {
  if (!a?.length || !b?.length) return [];
  const other = new Set(b);
  const both = [...new Set(a)].filter((label) => other.has(label));
  return both.sort((x, y) => (weights.get(y) ?? 0) - (weights.get(x) ?? 0) || compareCodePoints(x, y));
}
