import { describe, expect, it } from 'vitest';
import { createRanker } from '../../../src/link/text/ranker.js';
import type { RankerDoc } from '../../../src/link/text/ranker.js';
import { stem } from '../../../src/link/text/stem.js';

const DOCS: RankerDoc[] = [
  { id: 'bread-1', text: 'Sourdough bread needs a starter, flour, water and a long, slow fermentation before baking.' },
  { id: 'bread-2', text: 'Baking bread at home: knead the flour and water, let the dough rise, then bake in a hot oven.' },
  { id: 'bread-3', text: 'A rye bread dough ferments slowly; the starter and the flour decide the flavour of the loaf.' },
  { id: 'chess-1', text: 'The Sicilian defence is a chess opening in which Black answers the king pawn with the c-pawn.' },
  { id: 'chess-2', text: 'Chess endgames: a king and pawn against king, the opposition, and when the pawn promotes.' },
  { id: 'chess-3', text: 'Opening theory in chess: gambits sacrifice a pawn for development and an attack on the king.' },
  { id: 'git-1', text: 'Git stores commits as snapshots; a branch is a movable pointer to a commit in the repository.' },
  { id: 'git-2', text: 'Rebasing a branch rewrites its commits on top of another branch of the repository.' },
  { id: 'git-3', text: 'Merge conflicts in git arise when two branches change the same lines of a file in the repository.' },
];

const group = (id: string) => id.split('-')[0];

describe('createRanker().related', () => {
  const ranker = createRanker(DOCS);

  it('should rank documents of the same topic first and never return the query itself', () => {
    for (const doc of DOCS) {
      const hits = ranker.related(doc.id, 2);
      expect(hits).toHaveLength(2);
      expect(hits.map((h) => h.id)).not.toContain(doc.id);
      for (const hit of hits) expect(group(hit.id)).toBe(group(doc.id));
      expect(hits[0]!.score).toBeGreaterThanOrEqual(hits[1]!.score);
    }
  });

  it('should explain a link with shared terms in their surface form', () => {
    const [hit] = ranker.related('git-2', 1);
    expect(hit?.sharedTerms.length).toBeGreaterThan(0);
    expect(hit?.sharedTerms).toContain('repository');
    for (const term of hit?.sharedTerms ?? []) expect(term).toMatch(/^\p{L}/u);
  });

  it('should not give vague words as reasons', () => {
    const pair = createRanker([
      { id: 'x', text: 'We were able to split the first team. The split made things clear.' },
      { id: 'y', text: 'They were able to split the first budget. A split made things worse.' },
    ]);
    expect(pair.related('x', 1)[0]?.sharedTerms).toEqual(['split']);
  });

  it('should give the same results whatever the input order', () => {
    const shuffled = createRanker([...DOCS.slice(4), ...DOCS.slice(0, 4)].reverse());
    for (const doc of DOCS) expect(shuffled.related(doc.id, 5)).toEqual(ranker.related(doc.id, 5));
  });

  it('should break score ties by id in code-point order', () => {
    const twins = createRanker([
      { id: 'query', text: 'lighthouse keepers polish the lens' },
      { id: 'b', text: 'lighthouse keepers polish the lens' },
      { id: 'B', text: 'lighthouse keepers polish the lens' },
      { id: 'a', text: 'lighthouse keepers polish the lens' },
      { id: 'é', text: 'lighthouse keepers polish the lens' },
    ]);
    const hits = twins.related('query', 10);
    expect(hits.map((h) => h.id)).toEqual(['B', 'a', 'b', 'é']);
    expect(new Set(hits.map((h) => h.score)).size).toBe(1);
  });

  it('should return nothing for an unknown id, k = 0 or an unrelated document', () => {
    expect(ranker.related('missing', 3)).toEqual([]);
    expect(ranker.related('bread-1', 0)).toEqual([]);
    const lonely = createRanker([...DOCS, { id: 'zz', text: 'Quasar spectroscopy' }]);
    expect(lonely.related('zz', 3)).toEqual([]);
  });

  it('should add shared concepts weighted by rarity, rarest first', () => {
    const docs: RankerDoc[] = [
      { id: 'a', text: 'Sourdough starter', concepts: ['fermentation', 'food'] },
      { id: 'b', text: 'Kimchi jars', concepts: ['fermentation', 'food'] },
      { id: 'c', text: 'Pickled herring', concepts: ['food'] },
      { id: 'd', text: 'Cheese caves', concepts: ['food'] },
    ];
    const hits = createRanker(docs).related('a', 3);
    expect(hits[0]?.id).toBe('b');
    expect(hits[0]?.sharedConcepts).toEqual(['fermentation', 'food']);
    // `food` is on every note: it carries no weight, so c and d share nothing that counts.
    expect(hits.map((h) => h.id)).toEqual(['b']);
    expect(hits[0]!.score).toBeGreaterThan(0);
  });

  it('should round scores to 4 decimals', () => {
    for (const hit of ranker.related('chess-1', 5)) expect(Math.round(hit.score * 1e4) / 1e4).toBe(hit.score);
  });
});

describe('createRanker().search', () => {
  const ranker = createRanker(DOCS);

  it('should rank matching documents with highlights on the matched words', () => {
    const hits = ranker.search('pawn promotion', 3);
    expect(hits[0]?.id).toBe('chess-2');
    for (const hit of hits) {
      expect(hit.snippet.highlights.length).toBeGreaterThan(0);
      for (const [start, end] of hit.snippet.highlights) {
        const word = hit.snippet.text.slice(start, end);
        expect([stem('pawn'), stem('promotion')]).toContain(stem(word));
      }
    }
  });

  it('should match inflected forms through stemming and break ties by id', () => {
    const hits = ranker.search('branches', 5);
    expect(hits.map((h) => h.id)).toEqual(['git-2', 'git-1', 'git-3'].slice(0, hits.length));
    expect(hits.length).toBe(3);
  });

  it('should return nothing for an empty, stop-word-only or unknown query', () => {
    expect(ranker.search('', 5)).toEqual([]);
    expect(ranker.search('the and of', 5)).toEqual([]);
    expect(ranker.search('xylophone', 5)).toEqual([]);
  });
});

describe('createRanker on hostile input', () => {
  it('should index and query long runs, huge documents and odd Unicode without hanging', () => {
    const docs: RankerDoc[] = [
      { id: 'long', text: 'x'.repeat(200_000) },
      { id: 'chain', text: `${'a-'.repeat(50_000)}b` },
      { id: 'big', text: 'bread flour water '.repeat(20_000) },
      { id: 'emoji', text: '🙂 ẞ ﬁle ǅ '.repeat(10_000) },
      ...DOCS,
    ];
    const started = Date.now();
    const ranker = createRanker(docs);
    for (const doc of docs) ranker.related(doc.id, 3);
    expect(ranker.search('bread '.repeat(1_000), 3)[0]?.id).toBeDefined();
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});
