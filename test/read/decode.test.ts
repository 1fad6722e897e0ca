import { describe, expect, it } from 'vitest';
import { decode } from '../../src/read/decode.js';
import { fixture } from './helpers.js';

const ok = (bytes: Uint8Array) => {
  const result = decode(bytes);
  if (!result.ok) throw new Error(`expected to decode, got ${result.ruleId}: ${result.message}`);
  return result;
};

describe('decode', () => {
  it('should strip the BOM and record it', () => {
    const plain = ok(fixture('notes/good.md'));
    const bom = ok(fixture('notes/good-bom.md'));
    expect(bom.hadBom).toBe(true);
    expect(plain.hadBom).toBe(false);
    expect(bom.text).toBe(plain.text);
    expect(bom.text.startsWith('---\n')).toBe(true);
  });

  it('should normalise CRLF and lone CR to LF and remember the first line ending', () => {
    const lf = ok(fixture('notes/good.md'));
    const crlf = ok(fixture('notes/good-crlf.md'));
    const cr = ok(fixture('notes/good-cr.md'));
    expect(crlf.text).toBe(lf.text);
    expect(cr.text).toBe(lf.text);
    expect([lf.eol, crlf.eol, cr.eol]).toEqual(['\n', '\r\n', '\r']);
    expect(cr.text).not.toContain('\r');
  });

  it('should refuse invalid UTF-8 with the position of the bad byte', () => {
    const result = decode(fixture('decode/invalid-utf8.md'));
    expect(result).toMatchObject({ ok: false, ruleId: 'file-not-utf8', line: 5, column: 4 });
    expect(!result.ok && result.message).toMatch(/^not UTF-8 text \(invalid byte 0xE9, at line 5, column 4\); save the note as UTF-8/);
  });

  it('should name UTF-16 with or without a byte-order mark', () => {
    for (const [file, kind] of [
      ['decode/utf16le.md', 'little-endian byte-order mark'],
      ['decode/utf16be.md', 'big-endian byte-order mark'],
      ['decode/utf16le-nobom.md', 'little-endian, no byte-order mark'],
    ] as const) {
      const result = decode(fixture(file));
      expect(result.ok).toBe(false);
      expect(!result.ok && result.message).toContain(`not UTF-8 text: the file is UTF-16 (${kind})`);
    }
  });

  it('should call a PNG renamed .md binary, not UTF-8 text', () => {
    const result = decode(fixture('decode/png.md'));
    expect(result).toMatchObject({ ok: false, ruleId: 'file-not-utf8', line: 1, column: 1 });
    expect(!result.ok && result.message).toContain('not UTF-8 text (it looks like binary data');
  });

  it('should refuse a NUL byte with its line and column', () => {
    expect(decode(fixture('decode/nul.md'))).toMatchObject({ ok: false, ruleId: 'file-nul-byte', line: 6, column: 8 });
  });

  it('should refuse an empty or whitespace-only file', () => {
    expect(decode(fixture('decode/empty.md'))).toMatchObject({ ok: false, ruleId: 'file-empty' });
    expect(decode(fixture('decode/whitespace.md'))).toMatchObject({ ok: false, ruleId: 'file-empty' });
  });

  it('should refuse bytes over the size cap without decoding them', () => {
    const result = decode(new Uint8Array(2048).fill(0x61), 1024);
    expect(result).toMatchObject({ ok: false, ruleId: 'file-too-large' });
    expect(!result.ok && result.message).toContain('over the 1.0 KiB limit (maxFileBytes)');
  });

  it('should refuse a U+FFFD already in the text (damage from an earlier conversion), with its position', () => {
    const result = decode(fixture('decode/replacement-char.md'));
    expect(result).toMatchObject({ ok: false, ruleId: 'file-replacement-char', line: 5, column: 8 });
  });

  it('should point at the lead byte of a broken multi-byte sequence', () => {
    // "ab" then C3 (lead of a 2-byte sequence) followed by "(" instead of a continuation byte.
    const result = decode(new Uint8Array([0x61, 0x62, 0xc3, 0x28, 0x0a]));
    expect(result).toMatchObject({ ok: false, line: 1, column: 3 });
    expect(!result.ok && result.message).toContain('invalid byte 0xC3');
  });
});
