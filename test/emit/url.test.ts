import { describe, expect, it } from 'vitest';
import { isWebUrl, safeUrl } from '../../src/emit/url.js';

describe('safeUrl', () => {
  it.each([
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    ' javascript:alert(1)',
    'java\tscript:alert(1)',
    'java\nscript:alert(1)',
    '\u0001javascript:alert(1)',
    'data:text/html;base64,PHNjcmlwdD4=',
    'vbscript:msgbox(1)',
    'file:///etc/passwd',
    'blob:https://example.com/x',
  ])('should refuse %j', (url) => {
    expect(safeUrl(url)).toBeNull();
  });

  it.each(['https://example.com/a?b=c#d', 'http://example.com', 'mailto:a@example.com', '#note-x', 'other.md', './a/b:c', '?q=a:b', ''])(
    'should keep %j',
    (url) => {
      expect(safeUrl(url)).toBe(url);
    },
  );

  it('should accept only absolute http(s) URLs as a source link', () => {
    expect(isWebUrl('https://example.com/x')).toBe(true);
    expect(isWebUrl('javascript:alert(1)')).toBe(false);
    expect(isWebUrl('example.com')).toBe(false);
    expect(isWebUrl('https://exa mple.com')).toBe(false);
  });
});
