/**
 * Offset ↔ line/column arithmetic over one note's LF-normalised source.
 * Lines and columns are 1-based, offsets 0-based (see `src/types.ts`).
 */

/** Maps offsets of one text to positions. Building is O(n); each lookup O(log lines). */
export interface PositionIndex {
  /** The 1-based line and column of a 0-based offset (the column of `source.length` is one past the last character). */
  at(offset: number): { line: number; column: number };
  /** The 0-based offset of a 1-based line and column, clamped into the text. */
  offset(line: number, column: number): number;
}

/** Indexes the line starts of `source`. */
export function createPositionIndex(source: string): PositionIndex {
  const starts = [0];
  for (let i = source.indexOf('\n'); i !== -1; i = source.indexOf('\n', i + 1)) starts.push(i + 1);
  return {
    at(offset) {
      let low = 0;
      let high = starts.length - 1;
      while (low < high) {
        const mid = (low + high + 1) >> 1;
        if (starts[mid]! <= offset) low = mid;
        else high = mid - 1;
      }
      return { line: low + 1, column: offset - starts[low]! + 1 };
    },
    offset(line, column) {
      const start = starts[Math.min(Math.max(line, 1), starts.length) - 1]!;
      return Math.min(start + Math.max(column, 1) - 1, source.length);
    },
  };
}
