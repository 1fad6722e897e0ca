import { describe, expect, it } from 'vitest';
import { noteMeta } from '../../src/read/meta.js';

const data = (entries: Record<string, unknown>): Record<string, unknown> => Object.assign(Object.create(null) as Record<string, unknown>, entries);

describe('noteMeta', () => {
  it('should give defaults when there is no front matter', () => {
    expect(noteMeta(null)).toEqual({ authors: [], kind: 'essay', tags: [], concepts: [], aliases: [], relations: [] });
  });

  it.each([
    ['a number', 123],
    ['a list', ['a', 'b']],
    ['empty (null)', null],
    ['blank', '   '],
  ])('should leave a title that is %s undefined for the check stage', (_what, title) => {
    expect(noteMeta(data({ title })).title).toBeUndefined();
  });

  it('should turn one author or a list of authors into a list, and nothing else', () => {
    expect(noteMeta(data({ author: 'Ann' })).authors).toEqual(['Ann']);
    expect(noteMeta(data({ author: ['Ann', ' Bo '] })).authors).toEqual(['Ann', 'Bo']);
    expect(noteMeta(data({ author: ['Ann', 3] })).authors).toEqual([]);
    expect(noteMeta(data({ author: { name: 'Ann' } })).authors).toEqual([]);
  });

  it('should take only an integer year', () => {
    expect(noteMeta(data({ year: 2009 })).year).toBe(2009);
    expect(noteMeta(data({ year: 2009.5 })).year).toBeUndefined();
    expect(noteMeta(data({ year: '2009' })).year).toBeUndefined();
  });

  it('should keep lists only when every item is a string (no coercion of a lone string)', () => {
    expect(noteMeta(data({ tags: ['a', 'b'], concepts: 'solo', aliases: ['x', null] }))).toMatchObject({ tags: ['a', 'b'], concepts: [], aliases: [] });
  });

  it('should read kind, source and venue as strings, kind defaulting to essay', () => {
    expect(noteMeta(data({ kind: 'talk', source: 'https://x.example', venue: 'Blog' }))).toMatchObject({ kind: 'talk', source: 'https://x.example', venue: 'Blog' });
    expect(noteMeta(data({ kind: 7 })).kind).toBe('essay');
  });

  it('should not read inherited properties as fields', () => {
    expect(noteMeta({ title: 'Own' } as Record<string, unknown>).title).toBe('Own');
    expect(noteMeta(Object.create({ title: 'Inherited' }) as Record<string, unknown>).title).toBeUndefined();
  });
});
