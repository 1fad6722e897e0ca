import { describe, expect, it } from 'vitest';
import { bagForms, bagTerms, buildBm25Index, buildBm25IndexFromBags, indexTerms, termBag } from '../../../src/link/text/bm25-index.js';
import type { Bm25Index } from '../../../src/link/text/bm25-index.js';
import { createRanker } from '../../../src/link/text/ranker.js';

const TEXTS = [
  'Sourdough bread needs a starter; Starters and STARTING flour: bread, breads, bread!',
  'Baking bread at home: knead the flour and water, let the dough rise, then bake.',
  '',
  'The 2024 of 42 — numbers only, and a, I.',
  'Chess openings: the Sicilian opening, opened files, an opener.',
];

/** Everything an index holds, as plain data (surface forms included). */
const snapshot = (index: Bm25Index) => ({
  ...index,
  surface: index.termNames.map((_, t) => index.surface(t)),
});

describe('termBag', () => {
  it('should count the terms of indexTerms, in order of first occurrence, with their surface forms', () => {
    const text = TEXTS[0]!;
    const bag = termBag(text);
    const terms = indexTerms(text);
    expect(bagTerms(bag)).toEqual([...new Set(terms.map((t) => t.term))]);
    expect(bag.counts).toEqual(bagTerms(bag).map((term) => terms.filter((t) => t.term === term).length));
    expect(bag.length).toBe(terms.length);
    const forms = bagForms(bag);
    expect(forms).toEqual([...new Set(terms.map((t) => t.surface))]);
    expect(bag.formCounts).toEqual(forms.map((form) => terms.filter((t) => t.surface === form).length));
    expect(bag.formTerms.map((t) => bagTerms(bag)[t])).toEqual(forms.map((form) => terms.find((t) => t.surface === form)!.term));
  });

  it('should give an empty bag for a text without index terms', () => {
    for (const text of ['', 'the of and 42 7']) {
      const bag = termBag(text);
      expect(bag).toMatchObject({ length: 0, counts: [], formTerms: [], formCounts: [] });
      expect(bagTerms(bag)).toEqual([]);
      expect(bagForms(bag)).toEqual([]);
    }
  });

  it('should keep a stem that NFKC turns into several words as one term', () => {
    // U+FDFA is one letter whose compatibility form has spaces.
    const bag = termBag('\uFDFA and \uFDFA bread');
    expect(bagTerms(bag)).toHaveLength(2);
    expect(bagTerms(bag)[0]).toContain(' ');
    expect(bag.counts[0]).toBe(2);
  });

  it('should build the same index from bags as from the texts, and survive a structured clone', () => {
    const fromTexts = buildBm25Index(TEXTS, 1.6, 1);
    const fromBags = buildBm25IndexFromBags(structuredClone(TEXTS.map(termBag)), 1.6, 1);
    expect(snapshot(fromBags)).toEqual(snapshot(fromTexts));
  });

  it('should rank the same from bags as from texts', () => {
    const docs = TEXTS.map((text, i) => ({ id: `d${i}`, text }));
    const fromTexts = createRanker(docs);
    const fromBags = createRanker(docs.map(({ id, text }) => ({ id, bag: termBag(text) })));
    for (const { id } of docs) expect(fromBags.related(id, 3)).toEqual(fromTexts.related(id, 3));
  });
});
