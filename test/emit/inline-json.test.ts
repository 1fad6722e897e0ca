import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inlineJson } from '../../src/emit/inline-json.js';

describe('inlineJson', () => {
  it('should write <, >, & and U+2028/2029 as escapes so data cannot end a <script> element', () => {
    const value = { text: '</script><script>alert(1)</script><!-- \u2028 \u2029 & done' };
    const out = inlineJson(value);
    expect(out).not.toMatch(/[<>&\u2028\u2029]/);
    expect(out).toContain('\\u003c/script\\u003e');
    expect(out).toContain('\\u2028');
    expect(JSON.parse(out)).toEqual(value);
  });

  it('should round-trip any JSON value and never contain a raw < or line separator', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const out = inlineJson(value);
        expect(out).not.toMatch(/[<\u2028\u2029]/);
        expect(JSON.parse(out)).toEqual(JSON.parse(JSON.stringify(value)));
      }),
      { seed: 5, numRuns: 300 },
    );
  });
});
