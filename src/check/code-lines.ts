/**
 * Where code is (fenced/indented blocks, inline code spans), so line-based
 * rules leave code samples alone.
 */
import type { Note } from '../types.js';

/** 1-based line numbers covered by code blocks (found by the read stage). */
export function codeBlockLines(note: Note): Set<number> {
  return new Set(note.code.blockLines);
}

/** Offset ranges [start, end) of inline code spans in `note.source`. */
export function inlineCodeRanges(note: Note): readonly [number, number][] {
  return note.code.inline;
}

/** `text` (which starts at `offset` in the source) with inline code spans blanked out. */
export function maskRanges(text: string, offset: number, ranges: readonly [number, number][]): string {
  let masked = text;
  for (const [start, end] of ranges) {
    const from = Math.max(start - offset, 0);
    const to = Math.min(end - offset, text.length);
    if (from < to) masked = masked.slice(0, from) + ' '.repeat(to - from) + masked.slice(to);
  }
  return masked;
}
