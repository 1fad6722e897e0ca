import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src/config.js';
import { linkLibrary, parseGlossary } from '../../src/link/index.js';
import { computeRelated, rankingText } from '../../src/link/related.js';
import type { NoteId, Related } from '../../src/types.js';
import { noteFromText } from '../../src/read/parse.js';
import { fixture, LIBRARY_FILES, readFixture } from './helpers.js';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { precisionAtK, TOPIC_GLOSSARY, topicCorpus } from './topic-corpus.js';
import { wholeBodies } from '../../src/read/bodies.js';

const glossary = parseGlossary(TOPIC_GLOSSARY).concepts;
const measure = (options: Parameters<typeof topicCorpus>[0]) => {
  const { notes, topicOf } = topicCorpus(options);
  const library = linkLibrary(notes, glossary, defaultConfig, wholeBodies(notes));
  return { library, precision: precisionAtK(new Map(library.notes.map((n) => [n.note.id, n.related])), topicOf, 5) };
};

// Measured when the file is collected, so the value is in the test names.
// 5 topics × 8 notes, 10% topic words, 5% words from another topic, the rest shared.
const textOnly = measure({});
// A harder corpus (5% topic words): text alone is weak; topic concepts declared by
// 60% of notes (10% declare a wrong one) must lift precision.
const weakText = measure({ topicShare: 0.05 });
const weakTextWithConcepts = measure({ topicShare: 0.05, conceptRate: 0.6, wrongConceptRate: 0.1 });
const p = (x: number) => x.toFixed(3);

describe('related notes on a generated topic-group corpus', () => {
  it(`should rank same-topic notes first (precision@5 = ${p(textOnly.precision)}, threshold 0.9)`, () => {
    expect(textOnly.precision).toBeGreaterThanOrEqual(0.9);
    expect(textOnly.library.notes.every((n) => n.related.length === 5)).toBe(true);
  });

  it(`should gain from shared concepts (precision@5 ${p(weakText.precision)} → ${p(weakTextWithConcepts.precision)})`, () => {
    expect(weakTextWithConcepts.precision).toBeGreaterThan(weakText.precision + 0.1);
  });

  it('should list each related note with a score, shared concepts and shared terms, best first, ties by id', () => {
    for (const { note, related } of weakTextWithConcepts.library.notes) {
      expect(related.map((r) => r.id)).not.toContain(note.id);
      for (let i = 1; i < related.length; i++) {
        const [a, b] = [related[i - 1]!, related[i]!];
        expect(a.score > b.score || (a.score === b.score && a.id < b.id)).toBe(true);
      }
      for (const r of related) {
        expect(r.score).toBe(Math.round(r.score * 1e4) / 1e4);
        expect(r.reasons.terms.length).toBeGreaterThan(0);
      }
    }
    const withShared = weakTextWithConcepts.library.notes.flatMap((n) => n.related).filter((r) => r.reasons.concepts.length > 0);
    expect(withShared.length).toBeGreaterThan(0);
    expect(withShared.every((r) => r.reasons.concepts.every((c) => c.startsWith('topic-')))).toBe(true);
  });
});

describe('related notes on the fixture library', () => {
  const { notes, concepts } = readFixture('library', LIBRARY_FILES);
  const library = linkLibrary(notes, concepts, defaultConfig, wholeBodies(notes));
  const relatedOf = (id: string): Related[] => library.notes.find((n) => n.note.id === id)!.related;

  it('should relate the Conway’s-law note and the single-threaded-leader note first, for shared concepts', () => {
    const top = relatedOf('single-threaded-model')[0]!;
    expect(top.id).toBe('conways-law');
    expect(top.reasons.concepts).toEqual(['conways-law', 'single-threaded-leader']);
    expect(relatedOf('conways-law')[0]!.id).toBe('single-threaded-model');
  });

  it('should honour the limit and list nothing when the limit is 0', () => {
    const ids = new Map(notes.map((n) => [n.id, [] as never[]]));
    expect([...computeRelated(notes, ids, 1, wholeBodies(notes)).values()].every((r) => r.length <= 1)).toBe(true);
    expect([...computeRelated(notes, ids, 0, wholeBodies(notes)).values()].every((r) => r.length === 0)).toBe(true);
  });

  it('should rank by title, summary and section text, not front matter or code', () => {
    const text = rankingText(notes.find((n) => n.id === ('product-market-fit' as NoteId))!);
    expect(text.startsWith('The Only Thing That Matters\n\nAndreessen')).toBe(true);
    expect(text).not.toContain('pmarchive');
    expect(text).not.toContain('inside a code block');
  });
});

describe('related notes joined by a typed relation', () => {
  const { notes, concepts } = readFixture('library', LIBRARY_FILES);
  const text = readFileSync(path.join(fixture('library'), 'single-threaded-model.md'), 'utf8').replace(/\n---\n/, '\nrelations:\n  responds-to: [The Only Thing That Matters]\n---\n');
  const related = (input: typeof notes) => linkLibrary(input, concepts, defaultConfig, wholeBodies(input)).notes.map((n) => [n.note.id, n.related] as const);
  const withRelation = [...notes.filter((n) => n.id !== 'single-threaded-model'), noteFromText('single-threaded-model.md', text)];
  const byId = new Map(related(withRelation));

  it('should rank a typed relation above a note with a higher text score, and name it in the reasons', () => {
    const before = new Map(related(notes)).get('single-threaded-model' as NoteId)!;
    expect(before.map((r) => r.id)).toEqual(['conways-law', 'product-market-fit']);
    const pmf = before.find((r) => r.id === 'product-market-fit')!;
    expect(pmf.score).toBeLessThan(before[0]!.score);
    const after = byId.get('single-threaded-model' as NoteId)!;
    expect(after.map((r) => [r.id, r.reasons.relations])).toEqual([['product-market-fit', ['responds-to']], ['conways-law', []]]);
    expect(after[0]!.score).toBe(pmf.score); // the score stays the text score: the relation decides the order
  });

  it('should rank it first from the other end too, and keep the ranking byte-stable whatever the input order', () => {
    expect(byId.get('product-market-fit' as NoteId)![0]).toMatchObject({ id: 'single-threaded-model', reasons: { relations: ['responds-to'] } });
    expect(JSON.stringify(related([...withRelation].reverse()))).toBe(JSON.stringify([...byId]));
  });
});

