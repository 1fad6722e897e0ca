import { describe, expect, it } from 'vitest';
import { conceptId } from '../../src/link/concept-id.js';

describe('conceptId', () => {
  it.each([
    ["Conway's law", 'conways-law'],
    ['Conway’s law', 'conways-law'],
    ['Single-threaded leader', 'single-threaded-leader'],
    ['Café culture', 'cafe-culture'],
    ['  Product   market fit ', 'product-market-fit'],
    ['OKRs (objectives & key results)', 'okrs-objectives-key-results'],
    ['Jobs-to-be-done', 'jobs-to-be-done'],
  ])('should slug %j as %j', (name, id) => {
    expect(conceptId(name)).toBe(id);
  });

  it('should fall back to a stable hashed id when no ASCII letter or digit is left', () => {
    const cjk = conceptId('心理安全');
    expect(cjk).toMatch(/^concept-[0-9a-f]{8}$/);
    expect(conceptId('心理安全')).toBe(cjk);
    expect(conceptId('!!!')).toMatch(/^concept-[0-9a-f]{8}$/);
    expect(conceptId('!!!')).not.toBe(cjk);
  });

  it('should only ever produce lowercase ASCII letters, digits and single inner hyphens', () => {
    for (const name of ['A -- B', '-x-', 'Ünïcödé Ñame', '../../etc/passwd', 'a/b\\c', 'x\u0000y', '🙂 emoji']) {
      expect(conceptId(name)).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
    }
  });
});
