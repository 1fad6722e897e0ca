import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeText } from '../../src/import/decode.js';

const fixture = (name: string): Uint8Array => readFileSync(`test/fixtures/import/${name}`);

describe('decodeText', () => {
  it('should drop a BOM and turn CRLF and lone CR into LF', () => {
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, 0x61, 0x0d, 0x0a, 0x62, 0x0d, 0x63]))).toEqual({ text: 'a\nb\nc' });
  });

  it('should refuse invalid UTF-8, naming the first bad byte', () => {
    expect(decodeText(fixture('invalid-utf8.txt'))).toEqual({ problem: expect.stringMatching(/^not UTF-8 text \(byte 22 is not valid UTF-8\)/) as unknown });
  });

  it('should refuse a binary file (a PNG) at its first byte', () => {
    expect(decodeText(fixture('binary-png.txt'))).toEqual({ problem: expect.stringMatching(/^not UTF-8 text \(byte 1 is not valid/) as unknown });
  });

  it('should refuse valid UTF-8 that holds control characters as not text', () => {
    expect(decodeText(new TextEncoder().encode('Title\n\u001a\u0000'))).toEqual({ problem: 'not a text file (control character U+001A at character 7)' });
  });

  it('should name the first byte of a truncated multi-byte sequence at the end', () => {
    expect(decodeText(new Uint8Array([0x61, 0x62, 0xe2, 0x82]))).toEqual({ problem: expect.stringContaining('byte 3 is not valid') as unknown });
  });

  it('should refuse NUL bytes and accept tabs and form feeds', () => {
    expect(decodeText(new Uint8Array([0x61, 0x00, 0x62]))).toEqual({ problem: 'not a text file (control character U+0000 at character 2)' });
    expect(decodeText(new TextEncoder().encode('a\tb\fc'))).toEqual({ text: 'a\tb\fc' });
  });
});
