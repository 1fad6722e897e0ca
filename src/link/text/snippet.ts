/**
 * Search-result snippets: the window of a document with the most distinct
 * query terms, cut at word boundaries, with highlight offsets relative to
 * the snippet text.
 */

/** A short excerpt and the [start, end) offsets of the matched words inside it. */
export interface Snippet {
  text: string;
  highlights: [number, number][];
}

/** A matched word: its stem and its offsets in the document text. */
interface Match {
  term: string;
  start: number;
  end: number;
}

/**
 * Picks the window of at most `width` characters that starts at a match and
 * covers the most distinct terms (earliest wins ties). O(m²) worst case for m
 * matches, bounded by looking at most 50 matches ahead.
 */
export function makeSnippet(text: string, matches: readonly Match[], width = 200): Snippet {
  if (matches.length === 0) {
    const cut = cutAtWord(text, 0, width);
    return { text: flatten(text.slice(0, cut)), highlights: [] };
  }
  let bestStart = 0;
  let bestDistinct = 0;
  for (let i = 0; i < matches.length; i++) {
    const distinct = new Set<string>();
    for (let j = i; j < Math.min(matches.length, i + 50) && matches[j]!.end - matches[i]!.start <= width; j++) distinct.add(matches[j]!.term);
    if (distinct.size > bestDistinct) [bestStart, bestDistinct] = [i, distinct.size];
  }
  // Start a little before the first match, at a word boundary, for context.
  const first = matches[bestStart]!;
  let start = Math.max(0, first.start - 40);
  while (start > 0 && start < first.start && /\S/u.test(text[start - 1] ?? '')) start++;
  const end = cutAtWord(text, start, width);
  const raw = flatten(text.slice(start, end));
  const highlights: [number, number][] = matches
    .filter((m) => m.start >= start && m.end <= end)
    .map((m) => [m.start - start, m.end - start]);
  return { text: raw, highlights };
}

/** An end offset at most `width` after `start`, moved back to the last word boundary. */
function cutAtWord(text: string, start: number, width: number): number {
  let end = Math.min(text.length, start + width);
  if (end === text.length) return end;
  const space = text.lastIndexOf(' ', end);
  if (space > start) end = space;
  return end;
}

/** Turns each line break or tab into one space, so offsets stay valid. */
function flatten(text: string): string {
  return text.replace(/\s/gu, ' ');
}
