import { describe, expect, it } from 'vitest';
import { tokenize } from '../../../src/link/text/tokenize.js';

const values = (text: string) => tokenize(text).map((token) => token.value);

describe('tokenize', () => {
  it('should return words with offsets that slice back to the word', () => {
    const text = 'Conway’s law: systems mirror   the org chart.';
    const tokens = tokenize(text);
    expect(tokens.map((t) => t.value)).toEqual(['Conway’s', 'law', 'systems', 'mirror', 'the', 'org', 'chart']);
    for (const token of tokens) expect(text.slice(token.start, token.end)).toBe(token.value);
  });

  it('should split hyphenated words into the same tokens as the spaced form', () => {
    expect(values('single-threaded leader')).toEqual(values('single threaded leader'));
    const [first, second] = tokenize('single-threaded');
    expect(first?.joinedToPrevious).toBe(false);
    expect(second?.joinedToPrevious).toBe(true);
    expect(tokenize('single threaded')[1]?.joinedToPrevious).toBe(false);
  });

  it('should treat typographic hyphens like the ASCII hyphen', () => {
    expect(values('single‐threaded single‑threaded')).toEqual(['single', 'threaded', 'single', 'threaded']);
  });

  it('should keep internal apostrophes, straight or typographic, inside the word', () => {
    expect(values("the leader's call, Conway’s law, don't")).toEqual(['the', "leader's", 'call', 'Conway’s', 'law', "don't"]);
  });

  it('should not attach quotes or a trailing apostrophe to a word', () => {
    expect(values("‘quoted’ and 'single' and the leaders' desks")).toEqual([
      'quoted', 'and', 'single', 'and', 'the', 'leaders', 'desks',
    ]);
  });

  it('should keep Unicode letters, combining marks and digits', () => {
    expect(values('naïve café (cafe\u0301) Ünïcödé 2024 x86')).toEqual(['naïve', 'café', 'cafe\u0301', 'Ünïcödé', '2024', 'x86']);
  });

  it('should return nothing for empty or punctuation-only text', () => {
    expect(tokenize('')).toEqual([]);
    expect(tokenize(' -- ... !? ')).toEqual([]);
  });

  it('should tokenise a large hostile input in linear time without hanging', () => {
    const text = "a'".repeat(200_000) + '-'.repeat(200_000) + 'word '.repeat(100_000);
    const started = Date.now();
    const tokens = tokenize(text);
    expect(tokens.length).toBeGreaterThan(100_000);
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});
