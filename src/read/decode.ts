/**
 * Bytes → normalised text. Strict UTF-8 only: a file that is not UTF-8 text
 * (UTF-16, binary, a PNG renamed `.md`) or holds NUL bytes is refused with a
 * position. A U+FFFD already in the text (damage from an earlier lossy
 * conversion) is refused too, so no replacement character ever reaches a Note. The BOM
 * is stripped and CRLF / lone CR become LF, so the same note in any line
 * ending gives the same data; the first line ending seen is remembered so
 * fixes can be written back in the file's own style.
 */
import type { Note } from '../types.js';
import { formatBytes } from './failure.js';

/** A successfully decoded file. */
export interface Decoded {
  ok: true;
  /** BOM removed, every line ending `\n`. */
  text: string;
  eol: Note['eol'];
  hadBom: boolean;
}

/** Why a file could not be decoded: a `file-…` rule id, a message with the fix, a position. */
export interface DecodeError {
  ok: false;
  ruleId: 'file-empty' | 'file-not-utf8' | 'file-nul-byte' | 'file-replacement-char' | 'file-too-large';
  message: string;
  line: number;
  column: number;
}

const BOM = '\uFEFF';

/** The message tail every encoding error shares. */
const SAVE_AS_UTF8 = 'save the note as UTF-8 text (most editors: "Save with encoding" → UTF-8)';

/**
 * Decodes one file's bytes. `maxBytes` repeats the size cap for callers that
 * did not `stat` first (the pure `parseNote` path); `readLibrary` checks it
 * before reading.
 */
export function decode(bytes: Uint8Array, maxBytes = Number.POSITIVE_INFINITY): Decoded | DecodeError {
  if (bytes.length > maxBytes) {
    return fail('file-too-large', `file is ${formatBytes(bytes.length)}, over the ${formatBytes(maxBytes)} limit (maxFileBytes); split the note or raise maxFileBytes in commonplace.config.json`);
  }
  if (bytes.length === 0) return fail('file-empty', 'file is empty; write the note from the template (`commonplace new`) or delete the file');
  const utf16 = utf16Kind(bytes);
  if (utf16) return fail('file-not-utf8', `not UTF-8 text: the file is ${utf16}; ${SAVE_AS_UTF8}`);

  let decoded: string;
  try {
    decoded = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    const at = firstInvalidByte(bytes);
    const where = bytePoint(bytes, at);
    const byte = bytes[at]!.toString(16).toUpperCase().padStart(2, '0');
    const what = looksBinary(bytes) ? 'it looks like binary data, not a text note' : `invalid byte 0x${byte}`;
    return fail('file-not-utf8', `not UTF-8 text (${what}, at line ${where.line}, column ${where.column}); ${SAVE_AS_UTF8}`, where.line, where.column);
  }

  const hadBom = decoded.startsWith(BOM);
  const raw = hadBom ? decoded.slice(1) : decoded;
  const text = raw.replace(/\r\n?/g, '\n');
  const nul = text.indexOf('\0');
  if (nul !== -1) {
    const where = textPoint(text, nul);
    return fail('file-nul-byte', `file contains a NUL byte at line ${where.line}, column ${where.column}, so it is not a text note; remove it (or re-save the file as UTF-8 text)`, where.line, where.column);
  }
  const replacement = text.indexOf('\uFFFD');
  if (replacement !== -1) {
    // Already-damaged text (an earlier tool replaced bad bytes): refuse it, so no U+FFFD reaches a Note.
    const where = textPoint(text, replacement);
    return fail('file-replacement-char', `file contains U+FFFD (the replacement character) at line ${where.line}, column ${where.column}: text damaged by an earlier encoding conversion; retype the character that was lost`, where.line, where.column);
  }
  if (text.trim() === '') return fail('file-empty', 'file has no text (only whitespace); write the note from the template (`commonplace new`) or delete the file');
  return { ok: true, text, eol: firstEol(raw), hadBom };
}

function fail(ruleId: DecodeError['ruleId'], message: string, line = 1, column = 1): DecodeError {
  return { ok: false, ruleId, message, line, column };
}

/** Names a UTF-16 encoding from its BOM or from the NUL-every-other-byte pattern of ASCII in UTF-16. */
function utf16Kind(bytes: Uint8Array): string | null {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'UTF-16 (little-endian byte-order mark)';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'UTF-16 (big-endian byte-order mark)';
  const sample = Math.min(bytes.length, 64) & ~1;
  if (sample < 4) return null;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < sample; i += 2) {
    if (bytes[i] === 0) evenNul++;
    if (bytes[i + 1] === 0) oddNul++;
  }
  const pairs = sample / 2;
  if (oddNul === pairs && evenNul === 0) return 'UTF-16 (little-endian, no byte-order mark)';
  if (evenNul === pairs && oddNul === 0) return 'UTF-16 (big-endian, no byte-order mark)';
  return null;
}

/** A crude but stable binary sniff: control bytes other than tab/newline/CR in the first 512 bytes. */
function looksBinary(bytes: Uint8Array): boolean {
  const end = Math.min(bytes.length, 512);
  for (let i = 0; i < end; i++) {
    const b = bytes[i]!;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) return true;
  }
  return false;
}

/**
 * Index of the first byte of the first invalid UTF-8 sequence. Streaming
 * decoding of a prefix throws only for an invalid (not merely incomplete)
 * sequence, so the predicate is monotonic and a binary search finds it.
 */
function firstInvalidByte(bytes: Uint8Array): number {
  let low = 1;
  let high = bytes.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (prefixInvalid(bytes, mid)) high = mid;
    else low = mid + 1;
  }
  // `low` is the shortest invalid prefix. The bad sequence starts at the last
  // complete-character boundary before its end (at most 3 bytes back).
  for (let at = low - 1; at >= Math.max(0, low - 4); at--) {
    if (completePrefix(bytes, at)) return at;
  }
  return low - 1;
}

function completePrefix(bytes: Uint8Array, length: number): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, length));
    return true;
  } catch {
    return false;
  }
}

function prefixInvalid(bytes: Uint8Array, length: number): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, length), { stream: true });
    return false;
  } catch {
    return true;
  }
}

/** Line/column of a byte offset: lines counted on LF/CR, the column in characters. */
function bytePoint(bytes: Uint8Array, offset: number): { line: number; column: number } {
  const before = new TextDecoder('utf-8').decode(bytes.subarray(0, offset));
  return textPoint(before.replace(/\r\n?/g, '\n'), Number.POSITIVE_INFINITY);
}

function textPoint(text: string, offset: number): { line: number; column: number } {
  const upTo = text.slice(0, offset);
  const lastBreak = upTo.lastIndexOf('\n');
  let line = 1;
  for (let i = upTo.indexOf('\n'); i !== -1; i = upTo.indexOf('\n', i + 1)) line++;
  return { line, column: upTo.length - lastBreak };
}

/** The first line ending in the raw text (LF when there is none). */
function firstEol(raw: string): Note['eol'] {
  const i = raw.search(/[\r\n]/);
  if (i === -1 || raw[i] === '\n') return '\n';
  return raw[i + 1] === '\n' ? '\r\n' : '\r';
}
