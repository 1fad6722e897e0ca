/**
 * Bytes to text for `import`: strict UTF-8 (a bad byte is a refusal, never a
 * U+FFFD in a note), no NUL or other control bytes (binary files), BOM
 * dropped, CRLF and lone CR turned into LF.
 */

/** The decoded text, or why the bytes are not a text file. */
export type Decoded = { text: string } | { problem: string };

const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/** Decodes `bytes` as UTF-8 text, refusing binary content with a message saying what was found. */
export function decodeText(bytes: Uint8Array): Decoded {
  let text: string;
  try {
    text = strict.decode(bytes);
  } catch {
    return { problem: `not UTF-8 text (byte ${firstInvalidByte(bytes) + 1} is not valid UTF-8); save the file as UTF-8` };
  }
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // Tab, line feed, form feed and carriage return are text; other C0 controls and DEL mean binary.
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0c && c !== 0x0d) || c === 0x7f) {
      return { problem: `not a text file (control character U+${c.toString(16).toUpperCase().padStart(4, '0')} at character ${i + 1})` };
    }
  }
  return { text: text.replace(/\r\n?/g, '\n') };
}

function firstInvalidByte(bytes: Uint8Array): number {
  // Binary search for the longest prefix that decodes in stream mode (an
  // unfinished sequence at its end is allowed), then step back to where that
  // unfinished sequence began: that is the first byte at fault.
  let lo = 0;
  let hi = bytes.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    try {
      // A fresh decoder each time: in stream mode a decoder carries state between calls.
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, mid), { stream: true });
      lo = mid;
    } catch {
      hi = mid - 1;
    }
  }
  for (let back = 1; back <= 3 && lo - back >= 0; back++) {
    const byte = bytes[lo - back] ?? 0;
    if (byte < 0x80) break;
    if (byte >= 0xc0) {
      const length = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : 2;
      return back < length ? lo - back : lo;
    }
  }
  return lo;
}
