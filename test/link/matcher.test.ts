import { describe, expect, it } from 'vitest';
import { createMatcher, type MatchTarget } from '../../src/link/matcher.js';

const concept = (id: string): MatchTarget => ({ kind: 'concept', id });
const matcher = createMatcher([
  { text: 'Single-threaded leader', target: concept('stl') },
  { text: "Conway's law", target: concept('conway') },
  { text: 'Product-market fit', target: concept('pmf') },
  { text: 'market', target: concept('market') },
  { text: 'price', target: concept('price') },
  { text: 'policy', target: concept('policy') },
]);
const found = (text: string) => matcher.matchText(text).map((m) => [m.text, m.targets.map((t) => t.id).join()]);

describe('createMatcher', () => {
  it('should match case-insensitively', () => {
    expect(found('SINGLE-THREADED LEADER and conway\'S LAW')).toEqual([
      ['SINGLE-THREADED LEADER', 'stl'],
      ["conway'S LAW", 'conway'],
    ]);
  });

  it('should match plural and possessive forms through the light normaliser', () => {
    expect(found('Two single-threaded leaders met; the single-threaded leader’s team; policies')).toEqual([
      ['single-threaded leaders', 'stl'],
      ['single-threaded leader’s', 'stl'],
      ['policies', 'policy'],
    ]);
  });

  it('should not merge words a Porter stemmer would merge', () => {
    expect(found('marketing and pricing are not market and price')).toEqual([
      ['market', 'market'],
      ['price', 'price'],
    ]);
  });

  it('should treat hyphen, space and typographic apostrophe variants as equal', () => {
    expect(found('a single threaded leader, a single‐threaded leader, Conway’s law, Conway‘s Law')).toEqual([
      ['single threaded leader', 'stl'],
      ['single‐threaded leader', 'stl'],
      ['Conway’s law', 'conway'],
      ['Conway‘s Law', 'conway'],
    ]);
  });

  it('should prefer the longest phrase where phrases overlap', () => {
    expect(found('finding product-market fit before the market moves')).toEqual([
      ['product-market fit', 'pmf'],
      ['market', 'market'],
    ]);
    expect(found('product market fit')).toEqual([['product market fit', 'pmf']]);
  });

  it('should not cut a hyphenated compound to match part of it', () => {
    expect(found('a product-market view and a super-market')).toEqual([]);
  });

  it('should fall back to a shorter phrase when the longer one is incomplete', () => {
    expect(found('product-market is not a market fit')).toEqual([['market', 'market']]);
  });

  it('should not match across a barrier', () => {
    const terms = ['single', null, 'threaded', 'leader'];
    expect(matcher.matchTerms(terms)).toEqual([]);
    expect(matcher.matchTerms(['conway', 'law'])).toHaveLength(1);
  });

  it('should list every target of a phrase written two ways once', () => {
    const both = createMatcher([
      { text: "Conway's law", target: concept('conway') },
      { text: 'Conway’s Laws', target: { kind: 'note', id: 'conway-note' } },
      { text: 'conways law', target: concept('conway') },
    ]);
    expect(both.size).toBe(1);
    expect(both.matchText("Conway's law")[0]!.targets).toEqual([concept('conway'), { kind: 'note', id: 'conway-note' }]);
  });

  it('should report its size and longest phrase and ignore phrases with no words', () => {
    const m = createMatcher([{ text: '—', target: concept('dash') }, { text: 'a b c', target: concept('abc') }]);
    expect([m.size, m.maxLength]).toEqual([1, 3]);
    expect(m.matchText('— and a b c')).toHaveLength(1);
  });

  it('should scan a long text with many phrases in linear time', () => {
    const many = createMatcher(Array.from({ length: 5000 }, (_, i) => ({ text: `term${i} common word`, target: concept(String(i)) })));
    const text = 'common word '.repeat(50_000) + 'term4999 common word';
    const started = performance.now();
    const result = many.matchText(text);
    expect(performance.now() - started).toBeLessThan(5000);
    expect(result.map((m) => m.targets[0]!.id)).toEqual(['4999']);
  });
});
