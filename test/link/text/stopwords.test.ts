import { describe, expect, it } from 'vitest';
import { isStopword, isVagueWord, stopwordList } from '../../../src/link/text/stopwords.js';
import { stem } from '../../../src/link/text/stem.js';

describe('isStopword', () => {
  it('should recognise function words in any case and with typographic apostrophes', () => {
    for (const word of ['the', 'The', 'AND', 'of', 'which', 'don’t', "isn't"]) expect(isStopword(word)).toBe(true);
  });

  it('should not flag content words', () => {
    for (const word of ['leader', 'market', 'law', 'thread', 'system', 'note']) expect(isStopword(word)).toBe(false);
  });

  it('should expose a sorted, lowercase list', () => {
    const list = stopwordList();
    expect(list).toEqual([...list].sort());
    expect(list.every((word) => word === word.toLowerCase())).toBe(true);
  });
});

describe('isVagueWord', () => {
  it('should cover stop words and everyday verbs and adverbs, not topic words', () => {
    for (const word of ['the', 'Able', 'first', 'made', 'things']) expect(isVagueWord(word)).toBe(true);
    for (const word of ['able', 'first']) expect(isStopword(word)).toBe(false);
    for (const word of ['boundaries', 'leader', 'conway']) expect(isVagueWord(word)).toBe(false);
  });
});

describe('stem', () => {
  it('should apply the Porter stemmer, merging derivations for ranking', () => {
    expect(stem('Marketing')).toBe(stem('market'));
    expect(stem('ranking')).toBe('rank');
    expect(stem("leader's")).toBe(stem('leader'));
  });
});
