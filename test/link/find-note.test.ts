import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findNote } from '../../src/link/find-note.js';
import { fixture, LIBRARY_FILES, readFixture } from './helpers.js';

const { notes } = readFixture('library', LIBRARY_FILES);
const root = fixture('library');
const cwd = path.resolve(root, '../../../..');
const find = (query: string) => {
  const found = findNote(notes, query, root, cwd);
  return found.note ? found.note.id : { suggestion: found.suggestion };
};

describe('findNote', () => {
  it.each([
    ['conways-law', 'conways-law'],
    ['CONWAYS-LAW', 'conways-law'],
    ['sub/product-market-fit.md', 'product-market-fit'],
    ['sub/product-market-fit', 'product-market-fit'],
    ['./conways-law.md', 'conways-law'],
    ['test/fixtures/link/library/sub/product-market-fit.md', 'product-market-fit'],
    ['How Do Committees Invent?', 'conways-law'],
    ['how do committees invent', 'conways-law'],
    ['Committees Papers', 'conways-law'],
    ['amazon’s single threaded model', 'single-threaded-model'],
  ])('should find %j', (query, id) => {
    expect(find(query)).toBe(id);
  });

  it('should suggest the closest id or title, or nothing when nothing is close', () => {
    expect(find('the only thing that maters')).toEqual({ suggestion: 'The Only Thing That Matters' });
    expect(find('zeppelin')).toEqual({ suggestion: null });
  });
});
