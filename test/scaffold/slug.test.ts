import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isValidSlug, MAX_SLUG_LENGTH, SLUG_PATTERN, slugify } from '../../src/scaffold/slug.js';

describe('slugify', () => {
  it.each([
    ["Amazon's Single-Threaded Model", 'amazons-single-threaded-model'],
    ['The Mythical Man-Month', 'the-mythical-man-month'],
    ['Café au lait: ÉTÉ', 'cafe-au-lait-ete'],
    ['Straße, Ærø, Łódź, Þing', 'strasse-aero-lodz-thing'],
    ['ﬁne ① full-width ＡＢＣ', 'fine-1-full-width-abc'],
    ['../../etc/passwd', 'etc-passwd'],
    ['a/b\\c', 'a-b-c'],
    ['x\u0000y', 'x-y'],
    ['  --Hello--  World--  ', 'hello-world'],
    ['CON', 'con-note'],
    ['nul', 'nul-note'],
    ['Com1', 'com1-note'],
    ['LPT9', 'lpt9-note'],
    ['console', 'console'],
  ])('should turn %j into %j', (title, slug) => {
    expect(slugify(title)).toBe(slug);
  });

  it.each(['', '..', '.', '😀🎉', '東京の夜', '!!!???', '   ', '\u0000'])('should give a non-empty hashed fallback for %j', (title) => {
    const slug = slugify(title);
    expect(slug).toMatch(/^note-[0-9a-f]{8}$/);
    expect(slugify(title)).toBe(slug);
  });

  it('should give different fallbacks to different emoji titles', () => {
    expect(slugify('😀')).not.toBe(slugify('🎉'));
  });

  it('should cap 300 accented letters at 80 ASCII characters', () => {
    const slug = slugify('é'.repeat(300));
    expect(slug).toBe('e'.repeat(MAX_SLUG_LENGTH));
    expect(Buffer.byteLength(slug)).toBe(MAX_SLUG_LENGTH);
  });

  it('should cut a long title at a word boundary', () => {
    const slug = slugify('word '.repeat(40));
    expect(slug.length).toBeLessThanOrEqual(MAX_SLUG_LENGTH);
    expect(slug.split('-').every((w) => w === 'word')).toBe(true);
    expect(slugify(`${'a'.repeat(78)} bcdef`)).toBe('a'.repeat(78));
  });

  it('should reject --slug values slugify would never produce', () => {
    expect(isValidSlug('good-slug-2')).toBe(true);
    for (const bad of ['', '..', 'Upper', 'a--b', '-a', 'a/b', 'con', 'a.md', 'x'.repeat(81)]) expect(isValidSlug(bad)).toBe(false);
  });

  it('should always give a safe slug that keeps the file directly inside the library', () => {
    const library = path.resolve('/srv/library');
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' }), fc.string({ maxLength: 600 })), (title) => {
        const slug = slugify(title);
        expect(slug).toMatch(SLUG_PATTERN);
        expect(slug.length).toBeLessThanOrEqual(MAX_SLUG_LENGTH);
        expect(isValidSlug(slug)).toBe(true);
        const file = path.join(library, `${slug}.md`);
        expect(path.dirname(file)).toBe(library);
        expect(path.basename(file).startsWith('.')).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });
});
