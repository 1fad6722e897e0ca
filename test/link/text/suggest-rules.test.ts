/** The filter rules of concept suggestions (`term-rules.ts`) and the glossary variants (`term-variants.ts`), each on real text. */
import { describe, expect, it } from 'vitest';
import { collectTermCandidates } from '../../../src/link/text/term-candidates.js';
import { hasFragmentWord, isCitationResidue, isClauseFragment, isEvaluative, isTruncated, rejectionOf } from '../../../src/link/text/term-rules.js';
import { createTitlePartTest, createVariantFinder } from '../../../src/link/text/term-variants.js';
import { suggestConcepts } from '../../../src/link/text/suggest.js';

const candidatesOf = (...texts: string[]) => collectTermCandidates(texts.map((text, i) => ({ id: `n${i}`, text }))).candidates;

describe('term rules', () => {
  it('should call a subject and its verb tagged as a noun phrase a clause fragment', () => {
    const found = candidatesOf(
      'The experimental results show that the filter converges. The filter design is simple.',
      'Our results show the same trend for the filter design.',
    );
    expect(isClauseFragment(found.get('result show')!)).toBe(true);
    expect(isClauseFragment(found.get('filter design')!)).toBe(false);
  });

  it('should call a phrase with a Latin citation abbreviation citation residue', () => {
    expect(isCitationResidue(['Smith', 'et', 'al'])).toBe(true);
    expect(isCitationResidue(['al.', 'method'])).toBe(true);
    expect(isCitationResidue(['neural', 'network'])).toBe(false);
  });

  it('should call a two-word phrase with an evaluative or quantity modifier evaluative', () => {
    for (const phrase of ['good agreement', 'wide range', 'large number', 'important initiative', 'Whole company', 'previous research'])
      expect(isEvaluative(phrase.split(' '))).toBe(true);
    for (const phrase of ['high voltage', 'real time', 'big rewrite', 'large scale integration', 'neural network'])
      expect(isEvaluative(phrase.split(' '))).toBe(false);
  });

  it('should call a phrase with a lower-case edge word of one or two letters a fragment', () => {
    expect(hasFragmentWord(['mu', 'm'])).toBe(true);
    expect(hasFragmentWord(['x', 'axis'])).toBe(true);
    expect(hasFragmentWord(['IT', 'department'])).toBe(false);
    expect(hasFragmentWord(['neural', 'network'])).toBe(false);
  });

  it('should call a piece truncated when longer kept terms take nearly all its uses and it never ends its phrase', () => {
    const found = candidatesOf(
      'We used transmission electron microscopes. The transmission electron microscopes were new.',
      'Transmission electron microscopes show the grains. Electron beams hit them.',
    );
    const piece = found.get('transmiss electron')!;
    expect(piece.completeDocs).toBe(0);
    expect(isTruncated(piece, [found.get('transmiss electron microscop')!.count], 2)).toBe(true);
    expect(isTruncated(piece, [], 2)).toBe(false);
    expect(isTruncated({ count: 6, completeDocs: 3 }, [3], 2)).toBe(false);
  });

  it('should report the first rule a candidate breaks, or null', () => {
    const found = candidatesOf('Smith et al. found good agreement.', 'Jones et al. report good agreement.');
    expect(rejectionOf(found.get('good agreement')!, ['good', 'agreement'])).toBe('evaluative');
    expect(rejectionOf(found.get('smith et al')!, ['Smith', 'et', 'al'])).toBe('citation-residue');
  });

  it('should keep every rule-breaking phrase out of the suggestions', () => {
    const notes = [
      'Results show that a wide range of filter designs works. Smith et al. found good agreement with transmission electron microscopes.',
      'Results show the filter design works over a wide range. Jones et al. report good agreement in transmission electron microscopes.',
      'The filter design of Smith et al. has a wide range, and transmission electron microscopes agree.',
    ].map((text, i) => ({ id: `n${i}`, text }));
    const phrases = suggestConcepts(notes, { concepts: [], titles: [] }, { limit: 100 }).suggestions.map((s) => s.phrase.toLowerCase());
    expect(phrases).toContain('filter design');
    expect(phrases).toContain('transmission electron microscopes');
    for (const junk of ['results show', 'wide range', 'good agreement', 'smith et al', 'transmission electron']) expect(phrases).not.toContain(junk);
  });
});

describe('glossary variants', () => {
  const concepts = [
    { name: 'single-threaded leader', aliases: ['single-threaded owner'] },
    { name: 'product/market fit', aliases: [] },
    { name: 'team size', aliases: [] },
    { name: 'team autonomy', aliases: [] },
    { name: 'organizing principle', aliases: [] },
  ];
  const relate = createVariantFinder(concepts, ["Amazon's Single-Threaded Model"]);

  it('should call names the library has, in any inflection, known', () => {
    expect(relate('Single-threaded leaders')).toEqual({ kind: 'known' });
    expect(relate("amazon's single-threaded models")).toEqual({ kind: 'known' });
  });

  it('should offer longer and shorter forms, inflections and a new head on the same modifier as aliases', () => {
    expect(relate('single-threaded leader model')).toEqual({ kind: 'alias', of: 'single-threaded leader', relation: 'longer' });
    expect(relate('market fit')).toEqual({ kind: 'alias', of: 'product/market fit', relation: 'shorter' });
    expect(relate('organizing principles')).toEqual({ kind: 'known' });
    expect(relate('organized principle')).toEqual({ kind: 'alias', of: 'organizing principle', relation: 'inflection' });
    expect(relate('single-threaded team')).toEqual({ kind: 'alias', of: 'single-threaded leader', relation: 'same-modifier' });
  });

  it('should not tie a new head to a modifier that several concepts share', () => {
    expect(relate('team structure')).toEqual({ kind: 'new' });
    expect(relate('feature team')).toEqual({ kind: 'new' });
  });

  it('should tell a phrase inside a note title', () => {
    const inTitle = createTitlePartTest(["Amazon's Single-Threaded Model", 'No Silver Bullet']);
    expect(inTitle('Single-Threaded Model')).toBe(true);
    expect(inTitle('silver bullets')).toBe(true);
    expect(inTitle('silver lining')).toBe(false);
  });
});
