/**
 * Offset ↔ line/column for a normalised source (`\n` line endings only).
 * Lines and columns are 1-based, offsets 0-based UTF-16 indices, as in
 * `src/types.ts`.
 */
import type { Span } from '../types.js';

/** A point in a file. */
export interface Point {
  line: number;
  column: number;
}

/** Maps offsets in one text to line/column by binary search over line starts. */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(readonly text: string) {
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }

  /** The 1-based line and column of a 0-based offset (clamped to the text). */
  point(offset: number): Point {
    const at = Math.max(0, Math.min(offset, this.text.length));
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.starts[mid]! <= at) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: at - this.starts[low]! + 1 };
  }

  /** The span between two offsets. */
  span(start: number, end: number): Span {
    const a = this.point(start);
    const b = this.point(end);
    return { line: a.line, column: a.column, endLine: b.line, endColumn: b.column };
  }

  /** Offset where a 1-based line starts (the text's end for lines past it). */
  lineStart(line: number): number {
    return this.starts[line - 1] ?? this.text.length;
  }
}

/** A zero-width span at a point (1:1 when there is no better position). */
export const pointSpan = (line = 1, column = 1): Span => ({ line, column, endLine: line, endColumn: column });
