import { describe, expect, it } from 'vitest';
import { suggestConcepts } from '../../../src/link/text/suggest.js';
import { isStopword } from '../../../src/link/text/stopwords.js';

const NOTES = [
  { id: 'b-teams', text: 'Stream-aligned teams own a slice of the product. Cognitive load limits what stream-aligned teams can own. The team API describes how to work with a team.' },
  { id: 'a-flow', text: 'Fast flow needs stream-aligned teams with low cognitive load. In 2024 we had 3 teams. Conway’s law shapes the architecture.' },
  { id: 'c-law', text: "Conway's law says the architecture copies the communication structure. Reverse Conway manoeuvres change teams first. The communication structure matters." },
  { id: 'd-other', text: 'A recipe for bread: flour, water, salt and time. Cognitive load is not a baking term.' },
];

describe('suggestConcepts', () => {
  it('should suggest multi-word phrases found in at least two notes, with the notes they occur in', () => {
    const suggestions = suggestConcepts(NOTES, []);
    const byPhrase = new Map(suggestions.map((s) => [s.phrase.toLowerCase(), s]));
    expect(byPhrase.get('stream-aligned teams')?.docs).toEqual(['a-flow', 'b-teams']);
    expect(byPhrase.get('cognitive load')?.docs).toEqual(['a-flow', 'b-teams', 'd-other']);
    expect(byPhrase.get('communication structure')).toBeUndefined(); // one note only
  });

  it('should keep possessive concept names whole and match typographic apostrophes', () => {
    const law = suggestConcepts(NOTES, []).find((s) => s.phrase.toLowerCase().startsWith('conway'));
    expect(law?.docs).toEqual(['a-flow', 'c-law']);
  });

  it('should leave out phrases the glossary already has, in any inflection', () => {
    const phrases = suggestConcepts(NOTES, ['Stream-aligned team', 'Conway’s law']).map((s) => s.phrase.toLowerCase());
    expect(phrases).not.toContain('stream-aligned teams');
    expect(phrases.some((p) => p.startsWith('conway'))).toBe(false);
    expect(phrases).toContain('cognitive load');
  });

  it('should never suggest a single word, a stop-word edge or a number-only phrase', () => {
    for (const { phrase } of suggestConcepts(NOTES, [], { minDocs: 1, limit: 100 })) {
      const words = phrase.split(/\s+/u);
      expect(words.length).toBeGreaterThan(1);
      expect(isStopword(words[0]!)).toBe(false);
      expect(isStopword(words[words.length - 1]!)).toBe(false);
      expect(/\p{L}/u.test(phrase)).toBe(true);
    }
  });

  it('should rank by the documented score and not depend on note order', () => {
    const suggestions = suggestConcepts(NOTES, []);
    for (let i = 1; i < suggestions.length; i++) expect(suggestions[i - 1]!.score).toBeGreaterThanOrEqual(suggestions[i]!.score);
    expect(suggestConcepts([...NOTES].reverse(), [])).toEqual(suggestions);
  });

  it('should honour the limit and return nothing for an empty library', () => {
    expect(suggestConcepts(NOTES, [], { limit: 1 })).toHaveLength(1);
    expect(suggestConcepts([], [])).toEqual([]);
  });
});
