import { describe, expect, it } from 'vitest';
import { normalizePhrase, normalizeTerm } from '../../../src/link/text/normalize.js';
import { tokenize } from '../../../src/link/text/tokenize.js';

const phrase = (text: string) => normalizePhrase(tokenize(text).map((t) => t.value)).join(' ');

describe('normalizeTerm', () => {
  it('should lowercase and apply NFKC', () => {
    expect(normalizeTerm('Leader')).toBe('leader');
    expect(normalizeTerm('ＬＥＡＤＥＲ')).toBe('leader');
    expect(normalizeTerm('ﬁle')).toBe('file');
  });

  it('should turn regular plurals into singulars', () => {
    const cases: [string, string][] = [
      ['leaders', 'leader'], ['policies', 'policy'], ['boxes', 'box'], ['classes', 'class'],
      ['churches', 'church'], ['wishes', 'wish'], ['ideas', 'idea'], ['topics', 'topic'], ['notes', 'note'],
    ];
    for (const [plural, single] of cases) expect(normalizeTerm(plural)).toBe(single);
  });

  it('should use the irregular table where suffix rules would be wrong', () => {
    expect(normalizeTerm('children')).toBe('child');
    expect(normalizeTerm('criteria')).toBe('criterion');
    expect(normalizeTerm('analyses')).toBe('analysis');
    expect(normalizeTerm('caches')).toBe('cache');
    expect(normalizeTerm('movies')).toBe('movie');
  });

  it('should leave words that only look plural alone', () => {
    for (const word of ['status', 'analysis', 'class', 'famous', 'news', 'series', 'gas', 'bus', 'ties', 'always'])
      expect(normalizeTerm(word)).toBe(word);
  });

  it('should drop possessives with straight and typographic apostrophes', () => {
    expect(normalizeTerm("leader's")).toBe('leader');
    expect(normalizeTerm('leader’s')).toBe('leader');
    expect(normalizeTerm('Conway’s')).toBe('conway');
    expect(normalizeTerm("leaders'")).toBe('leader');
    expect(normalizeTerm("don't")).toBe("don't");
  });

  it('should not merge derivations the way a Porter stem does', () => {
    expect(normalizeTerm('marketing')).not.toBe(normalizeTerm('market'));
    expect(normalizeTerm('pricing')).not.toBe(normalizeTerm('price'));
    expect(normalizeTerm('banking')).not.toBe(normalizeTerm('bank'));
    expect(normalizeTerm('organized')).toBe('organized');
  });

  it('should leave codes with digits as written', () => {
    expect(normalizeTerm('mp3s')).toBe('mp3s');
    expect(normalizeTerm('2020s')).toBe('2020s');
  });
});

describe('normalizePhrase with tokenize', () => {
  it('should make hyphen, space, case, plural and possessive variants equal', () => {
    const target = phrase('single-threaded leader');
    for (const variant of ['Single threaded leaders', 'single‐threaded leader’s', "SINGLE-THREADED LEADERS'"])
      expect(phrase(variant)).toBe(target);
    expect(phrase('Conway’s law')).toBe(phrase("conway's laws"));
  });
});
