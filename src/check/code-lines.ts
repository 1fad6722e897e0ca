/**
 * Where code is (fenced/indented blocks, inline code spans), so line-based
 * rules leave code samples alone.
 */
import { visit } from 'unist-util-visit';
import type { Note } from '../types.js';

/** 1-based line numbers covered by code blocks. */
export function codeBlockLines(note: Note): Set<number> {
  const lines = new Set<number>();
  visit(note.tree, 'code', (node) => {
    if (!node.position) return;
    for (let line = node.position.start.line; line <= node.position.end.line; line++) lines.add(line);
  });
  return lines;
}

/** Offset ranges [start, end) of inline code spans in `note.source`. */
export function inlineCodeRanges(note: Note): [number, number][] {
  const ranges: [number, number][] = [];
  visit(note.tree, 'inlineCode', (node) => {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (start !== undefined && end !== undefined) ranges.push([start, end]);
  });
  return ranges;
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
