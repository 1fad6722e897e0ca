import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src/config.js';
import { findMentions, linkLibrary } from '../../src/link/index.js';
import type { Library } from '../../src/types.js';
import { LIBRARY_FILES, readFixture } from './helpers.js';
import { prng, TOPIC_GLOSSARY, topicCorpus } from './topic-corpus.js';
import { parseGlossary } from '../../src/link/glossary.js';
import { wholeBodies } from '../../src/read/bodies.js';

const { notes, concepts } = readFixture('library', LIBRARY_FILES);
const library = linkLibrary(notes, concepts, defaultConfig, wholeBodies(notes));
const byId = (id: string) => library.notes.find((n) => n.note.id === id)!;
/** The library without the parsed trees (huge, and the same objects either way). */
const json = (lib: Library) => JSON.stringify(lib, (key, value) => (key === 'tree' ? undefined : value));

const shuffle = <T>(items: readonly T[], seed: number): T[] => {
  const random = prng(seed);
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
};

describe('linkLibrary', () => {
  it('should sort notes and concepts by id', () => {
    expect(library.notes.map((n) => n.note.id)).toEqual(['conways-law', 'product-market-fit', 'single-threaded-model']);
    expect(library.concepts.map((c) => c.concept.id)).toEqual(['conways-law', 'market', 'product-market-fit', 'single-threaded-leader', 'technical-debt']);
  });

  it('should give each note its declared and mentioned concepts with mention counts', () => {
    expect(byId('conways-law').concepts).toEqual([
      { id: 'conways-law', count: 2 },
      { id: 'single-threaded-leader', count: 2 },
    ]);
    // "Unknown concept" in front matter is skipped (lint reports it).
    expect(byId('product-market-fit').concepts.map((c) => c.id)).toEqual(['market', 'product-market-fit', 'single-threaded-leader', 'technical-debt']);
  });

  it('should compute backlinks and prose-only mentions of notes', () => {
    expect(byId('conways-law').backlinks).toEqual(['single-threaded-model']);
    expect(byId('single-threaded-model').backlinks).toEqual(['product-market-fit']);
    // product-market-fit names "Amazon's single-threaded model" without a link (and links it elsewhere).
    expect(byId('single-threaded-model').mentionedIn).toEqual(['product-market-fit']);
    // single-threaded-model only names the committees paper inside links: not an unlinked mention.
    expect(byId('conways-law').mentionedIn).toEqual([]);
  });

  it('should give each concept its notes, backlinks and mention count', () => {
    const stl = library.concepts.find((c) => c.concept.id === 'single-threaded-leader')!;
    expect(stl.notes).toEqual(['conways-law', 'product-market-fit', 'single-threaded-model']);
    expect(stl.backlinks).toEqual(['product-market-fit']);
    expect(stl.mentionCount).toBe(6);
    const conway = library.concepts.find((c) => c.concept.id === 'conways-law')!;
    expect(conway.backlinks).toEqual(['single-threaded-model']);
  });

  it('should give the same result with precomputed mentions', () => {
    expect(json(linkLibrary(notes, concepts, defaultConfig, wholeBodies(notes), findMentions(notes, concepts, wholeBodies(notes))))).toBe(json(library));
  });

  it('should be identical whatever order the notes and concepts come in', () => {
    const corpus = topicCorpus({ conceptRate: 0.5, wrongConceptRate: 0.1 });
    const glossary = parseGlossary(TOPIC_GLOSSARY).concepts;
    const all = [...notes, ...corpus.notes];
    const reference = json(linkLibrary(all, [...concepts, ...glossary], defaultConfig, wholeBodies(all)));
    for (const seed of [1, 2, 3]) {
      expect(json(linkLibrary(shuffle(all, seed), shuffle([...concepts, ...glossary], seed), defaultConfig, wholeBodies(shuffle(all, seed))))).toBe(reference);
    }
  });

  it('should respect config.relatedLimit', () => {
    const limited = linkLibrary(notes, concepts, { ...defaultConfig, relatedLimit: 1 }, wholeBodies(notes));
    expect(limited.notes.every((n) => n.related.length <= 1)).toBe(true);
  });

  it('should link an empty library to an empty result', () => {
    expect(linkLibrary([], [], defaultConfig, wholeBodies([]))).toEqual({ notes: [], concepts: [], diagnostics: [] });
  });
});
