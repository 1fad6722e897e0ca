import { describe, expect, it } from 'vitest';
import { isStopword, stopwordList } from '../../../src/link/text/stopwords.js';
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

describe('stem', () => {
  it('should apply the Porter stemmer, merging derivations for ranking', () => {
    expect(stem('Marketing')).toBe(stem('market'));
    expect(stem('ranking')).toBe('rank');
    expect(stem("leader's")).toBe(stem('leader'));
  });
});
