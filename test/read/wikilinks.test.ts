import { describe, expect, it } from 'vitest';
import { scanWikilinks, unlinkWikilinks } from '../../src/read/wikilinks.js';

/** Milliseconds for one scan (best of three, to keep noise down). */
const timeScan = (text: string): number => {
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i < 3; i++) {
    const started = performance.now();
    scanWikilinks(text);
    best = Math.min(best, performance.now() - started);
  }
  return best;
};

describe('scanWikilinks', () => {
  it('should find targets, headings and labels with offsets', () => {
    const text = 'a [[One]] b [[Two#Part]] c [[Three|label]] d [[Four#H|l]]';
    expect(scanWikilinks(text)).toEqual([
      { target: 'One', heading: null, label: null, start: 2, end: 9 },
      { target: 'Two', heading: 'Part', label: null, start: 12, end: 24 },
      { target: 'Three', heading: null, label: 'label', start: 27, end: 42 },
      { target: 'Four', heading: 'H', label: 'l', start: 45, end: 57 },
    ]);
    expect(text.slice(27, 42)).toBe('[[Three|label]]');
  });

  it('should take the innermost link from extra brackets and skip broken ones', () => {
    expect(scanWikilinks('[[[x]]').map((l) => [l.target, l.start])).toEqual([['x', 1]]);
    expect(scanWikilinks('[[a\nb]] [[c]d]] [[e] [[]] [[f]]').map((l) => l.target)).toEqual(['f']);
    expect(scanWikilinks('\\[[escaped]] [[kept]]').map((l) => l.target)).toEqual(['kept']);
  });

  it('should scan adversarial inputs in linear time', () => {
    // The checklist row, and the inputs that make a naive "find [[, then look for ]]" loop quadratic.
    const hostile = ['[[' + 'a'.repeat(50_000) + '!', '[['.repeat(50_000), '[[a'.repeat(50_000), '[[a]'.repeat(50_000), '[[a|'.repeat(50_000) + ']'];
    // A quadratic scan of 50,000+ characters costs seconds; a linear one, a millisecond or two.
    for (const text of hostile) expect(timeScan(text)).toBeLessThan(1000);
    expect(scanWikilinks('[[' + 'a'.repeat(50_000) + '!')).toEqual([]);
    expect(scanWikilinks('[[a]]'.repeat(20_000))).toHaveLength(20_000);
  });
});

describe('unlinkWikilinks', () => {
  it('should put each link\'s label, else its target, where the link was, and leave other text as it is', () => {
    expect(unlinkWikilinks('See [[Conway\'s law]] and [[how-do-committees-invent|Conway\'s paper]], [[Two#Part]].')).toBe(
      'See Conway\'s law and Conway\'s paper, Two.',
    );
    expect(unlinkWikilinks('\\[[escaped]] [[]] [a](b) [[[x]]')).toBe('\\[[escaped]] [[]] [a](b) [x');
    expect(unlinkWikilinks('no links at all')).toBe('no links at all');
  });
});
