/**
 * Word tokenisation with source offsets, shared by glossary matching, key
 * phrases and ranking so every stage agrees on what a "word" is.
 *
 * Rules (documented because matching depends on them):
 * - A word is a run of Unicode letters, digits and combining marks
 *   (`\p{L}\p{N}\p{M}`). Everything else separates words.
 * - An apostrophe (`'`, `’`, `‘`, `ʼ`, `′`) between two word characters stays
 *   inside the word: `leader's`, `Conway’s`, `don't` are one token each; the
 *   normaliser later drops the possessive. A trailing apostrophe (`leaders'`)
 *   is not part of the word, so a closing quote never sticks to it.
 * - A hyphen (`-`, `‐`, `‑`, `‒`, `–` inside a word, and `­` soft hyphen) between two
 *   word characters SPLITS the word: `single-threaded` gives `single` and
 *   `threaded`, exactly the tokens of `single threaded`, so hyphen and space
 *   variants match. `joinedToPrevious` records that the split came from a
 *   hyphen, for callers that want to rebuild the surface form.
 *
 * Complexity: O(n) in the text length (one regular-expression scan).
 */

/** One word of the input with its 0-based UTF-16 offsets (`text.slice(start, end) === value`). */
export interface Token {
  value: string;
  start: number;
  end: number;
  /** True when a hyphen (not a space) separates this token from the previous one. */
  joinedToPrevious: boolean;
}

const WORD = /[\p{L}\p{N}\p{M}]+(?:['’‘ʼ′][\p{L}\p{N}\p{M}]+)*/gu;
const HYPHENS = new Set(['-', '\u2010', '\u2011', '\u2012', '\u2013', '\u00ad']);

/** Splits `text` into word tokens (see the module comment for the rules). */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let previousEnd = -2;
  for (const match of text.matchAll(WORD)) {
    const start = match.index;
    const value = match[0];
    const joinedToPrevious = start === previousEnd + 1 && HYPHENS.has(text[previousEnd] ?? '');
    tokens.push({ value, start, end: start + value.length, joinedToPrevious });
    previousEnd = start + value.length;
  }
  return tokens;
}
