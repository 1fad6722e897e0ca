/**
 * Finds glossary names, aliases, note titles and note aliases in text: a trie
 * keyed by normalised words (see `phrase.ts`), walked once left to right over
 * a token sequence. At each position the longest phrase that matches wins and
 * the scan resumes after it, so "product-market fit" is one match, never also
 * "market"; matches never overlap.
 *
 * Tolerance comes from the words, not from the trie: tokens are split at
 * hyphens and compared after `normalizeTerm` (lowercase, typographic
 * apostrophes unified, possessive and plural dropped). So "Single threaded
 * leaders'", "single-threaded leader's" and "Single-Threaded Leader" all
 * match one entry, while "marketing" does not match "market".
 *
 * Complexity: building is O(total words in all phrases). Matching a sequence
 * of T tokens is O(T × L), L = the longest phrase in words (each start walks
 * at most L trie edges, each a hash lookup); independent of how many phrases
 * there are. Memory is O(total words in all phrases).
 */
import { normalizeTerm } from './text/normalize.js';
import { tokenize } from './text/tokenize.js';
import { phraseTerms } from './phrase.js';

/** What a phrase points at. */
export interface MatchTarget {
  kind: 'concept' | 'note';
  id: string;
}

/** One match over a term sequence: tokens `[start, end)` and every target of the phrase. */
export interface TermMatch {
  start: number;
  end: number;
  targets: MatchTarget[];
}

/** A match in plain text, with 0-based UTF-16 offsets into that text. */
export interface TextMatch {
  start: number;
  end: number;
  text: string;
  targets: MatchTarget[];
}

interface TrieNode {
  children: Map<string, TrieNode>;
  targets: MatchTarget[];
}

/** A compiled set of phrases. */
export interface PhraseMatcher {
  /** Number of distinct phrases (normalised word sequences) in the trie. */
  readonly size: number;
  /** Longest phrase, in words. */
  readonly maxLength: number;
  /**
   * Longest-first, non-overlapping matches over normalised terms (already
   * passed through `normalizeTerm`). A `null` term is a barrier no match
   * may cross (inline code, an image, a line break in a table cell…).
   * `joined[k]` true means token k is hyphen-joined to token k − 1 (see
   * `Token.joinedToPrevious`): matches never cut such a compound, so
   * "market" is not found inside "product-market" or "cross-functional".
   */
  matchTerms(terms: readonly (string | null)[], joined?: readonly boolean[]): TermMatch[];
  /** Tokenises and normalises `text`, then matches it (for tests and one-off use). */
  matchText(text: string): TextMatch[];
}

const newNode = (): TrieNode => ({ children: new Map(), targets: [] });

/**
 * Builds the trie. Phrases with no words are ignored; a phrase written in two
 * ways (`Conway's law`, `Conway’s Laws`) is one entry whose targets are the
 * union of both, each target listed once, in insertion order.
 */
export function createMatcher(phrases: Iterable<{ text: string; target: MatchTarget }>): PhraseMatcher {
  const root = newNode();
  let size = 0;
  let maxLength = 0;
  for (const { text, target } of phrases) {
    const terms = phraseTerms(text);
    if (terms.length === 0) continue;
    let node = root;
    for (const term of terms) {
      let next = node.children.get(term);
      if (!next) node.children.set(term, (next = newNode()));
      node = next;
    }
    if (node.targets.length === 0) size++;
    if (!node.targets.some((t) => t.kind === target.kind && t.id === target.id)) node.targets.push(target);
    maxLength = Math.max(maxLength, terms.length);
  }

  const matchTerms = (terms: readonly (string | null)[], joined?: readonly boolean[]): TermMatch[] => {
    // A match may not cut a hyphenated compound: it must not start on a word
    // hyphen-joined to the previous one, nor end just before a joined word.
    const cuts = (k: number): boolean => joined?.[k] === true;
    const matches: TermMatch[] = [];
    let i = 0;
    while (i < terms.length) {
      let node: TrieNode | undefined = root;
      let best: TermMatch | null = null;
      for (let j = i; j < terms.length && node && !cuts(i); j++) {
        const term = terms[j];
        if (term === null || term === undefined) break;
        node = node.children.get(term);
        if (node && node.targets.length > 0 && !cuts(j + 1)) best = { start: i, end: j + 1, targets: node.targets };
      }
      if (best) {
        matches.push(best);
        i = best.end;
      } else {
        i++;
      }
    }
    return matches;
  };

  return {
    size,
    maxLength,
    matchTerms,
    matchText(text) {
      const tokens = tokenize(text);
      const terms = tokens.map((t) => normalizeTerm(t.value));
      return matchTerms(terms, tokens.map((t) => t.joinedToPrevious)).map((m) => {
        const start = tokens[m.start]!.start;
        const end = tokens[m.end - 1]!.end;
        return { start, end, text: text.slice(start, end), targets: m.targets };
      });
    },
  };
}
