import { describe, expect, it } from 'vitest';
import { suggestConcepts } from '../../../src/link/text/suggest.js';
import { isStopword } from '../../../src/link/text/stopwords.js';

const NOTES = [
  { id: 'b-teams', text: 'Stream-aligned teams own a slice of the product. Cognitive load limits what stream-aligned teams can own. The team API describes how to work with a team.' },
  { id: 'a-flow', text: 'Fast flow needs stream-aligned teams with low cognitive load. In 2024 we had 3 teams. Conway’s law shapes the architecture, as Team Topologies argues.' },
  { id: 'c-law', text: "Conway's law says the architecture copies the communication structure. Reverse Conway manoeuvres change teams first. Team Topologies calls this the inverse manoeuvre." },
  { id: 'd-other', text: 'A recipe for bread: flour, water, salt and time. Cognitive load is not a baking term.' },
];
const none = { concepts: [], titles: [] };

describe('suggestConcepts', () => {
  it('should suggest multi-word terms found in at least two notes, with their notes and a sentence from each of the first two', () => {
    const { suggestions } = suggestConcepts(NOTES, none);
    const load = suggestions.find((s) => s.phrase === 'cognitive load');
    expect(load?.docs).toEqual(['a-flow', 'b-teams', 'd-other']);
    expect(load?.kind).toBe('concept');
    expect(load?.evidence).toEqual([
      { doc: 'a-flow', sentence: 'Fast flow needs stream-aligned teams with low cognitive load.' },
      { doc: 'b-teams', sentence: 'Cognitive load limits what stream-aligned teams can own.' },
    ]);
    expect(suggestions.find((s) => s.phrase === 'communication structure')).toBeUndefined(); // one note only
  });

  it('should list proper names apart from concepts', () => {
    const { suggestions, names } = suggestConcepts(NOTES, none);
    expect(names.map((n) => n.phrase)).toEqual(['Team Topologies']);
    expect(names[0]!.kind).toBe('name');
    expect(suggestions.map((s) => s.phrase)).not.toContain('Team Topologies');
  });

  it('should keep possessive concept names whole and match typographic apostrophes', () => {
    const law = suggestConcepts(NOTES, none).suggestions.find((s) => s.phrase.toLowerCase().startsWith('conway'));
    expect(law?.docs).toEqual(['a-flow', 'c-law']);
  });

  it('should leave out what the glossary or a note title already names, in any inflection', () => {
    const known = { concepts: [{ name: 'Stream-aligned team', aliases: [] }, { name: 'Conway’s law', aliases: [] }], titles: ['Cognitive Loads'] };
    const phrases = suggestConcepts(NOTES, known).suggestions.map((s) => s.phrase.toLowerCase());
    expect(phrases).not.toContain('stream-aligned teams');
    expect(phrases.some((p) => p.startsWith('conway'))).toBe(false);
    expect(phrases).not.toContain('cognitive load');
  });

  it('should offer a variant of a concept as its alias', () => {
    const known = { concepts: [{ name: 'stream-aligned team topology', aliases: [] }], titles: [] };
    const variant = suggestConcepts(NOTES, known).suggestions.find((s) => s.phrase === 'stream-aligned teams');
    expect(variant).toMatchObject({ kind: 'alias', aliasOf: 'stream-aligned team topology', relation: 'shorter' });
  });

  it('should never suggest a single word, a stop-word edge or a number-only phrase', () => {
    const { suggestions, names } = suggestConcepts(NOTES, none, { minDocs: 1, limit: 100 });
    expect(suggestions.length).toBeGreaterThan(5);
    for (const { phrase } of [...suggestions, ...names]) {
      const words = phrase.split(/\s+/u);
      expect(words.length).toBeGreaterThan(1);
      expect(isStopword(words[0]!)).toBe(false);
      expect(isStopword(words[words.length - 1]!)).toBe(false);
      expect(/\p{L}/u.test(phrase)).toBe(true);
    }
  });

  it('should rank by score and not depend on note order', () => {
    const result = suggestConcepts(NOTES, none, { minDocs: 1, limit: 100 });
    for (let i = 1; i < result.suggestions.length; i++) expect(result.suggestions[i - 1]!.score).toBeGreaterThanOrEqual(result.suggestions[i]!.score);
    expect(suggestConcepts([...NOTES].reverse(), none, { minDocs: 1, limit: 100 })).toEqual(result);
  });

  it('should honour the limit and return nothing for an empty library', () => {
    expect(suggestConcepts(NOTES, none, { limit: 1 }).suggestions).toHaveLength(1);
    expect(suggestConcepts([], none)).toEqual({ suggestions: [], names: [] });
  });
});
