/**
 * Line/column ↔ offset arithmetic over `Note.source` (LF-normalised), for
 * rules that build fixes or point inside a front-matter value.
 */

/** Offsets at which each line starts (index 0 is line 1). */
export function lineStarts(source: string): number[] {
  const starts = [0];
  for (let i = source.indexOf('\n'); i !== -1; i = source.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/** The 0-based offset of a 1-based line and column, clamped into the text. */
export function offsetAt(starts: readonly number[], source: string, line: number, column: number): number {
  const start = starts[Math.min(Math.max(line, 1), starts.length) - 1] ?? 0;
  return Math.min(start + Math.max(column, 1) - 1, source.length);
}

/** The 1-based line and column of a 0-based offset. */
export function positionAt(starts: readonly number[], offset: number): { line: number; column: number } {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if ((starts[mid] ?? 0) <= offset) low = mid;
    else high = mid - 1;
  }
  return { line: low + 1, column: offset - (starts[low] ?? 0) + 1 };
}

/** The text of a 1-based line, without its newline ('' past the end). */
export function lineText(starts: readonly number[], source: string, line: number): string {
  const start = starts[line - 1];
  if (start === undefined) return '';
  const next = starts[line];
  return source.slice(start, next === undefined ? source.length : next - 1);
}
