/**
 * Text left over from `templates/essay.md`. The template marks every prompt
 * the writer must replace with one convention: a line that begins (after
 * optional spaces) with `TODO:`. A `{{name}}` left unrendered is reported too.
 * The `placeholder` lint rule imports {@link findPlaceholders}.
 */

/** The marker a prompt line starts with (case-sensitive). */
export const TODO_MARKER = 'TODO:';

/** Every marker the placeholder rule looks for, for docs and messages. */
export const PLACEHOLDER_MARKERS: readonly string[] = [TODO_MARKER, '{{…}}'];

/** One leftover from the template. Offsets are 0-based into the text; line/column 1-based. */
export interface PlaceholderHit {
  kind: 'todo' | 'mustache';
  /** The whole prompt line (without its line ending) or the `{{name}}` as written. */
  text: string;
  start: number;
  end: number;
  line: number;
  column: number;
}

/** Longest `{{name}}` we recognise; keeps the scan linear on `{{{{{…`. */
const MAX_NAME = 40;

/**
 * Finds template leftovers in `text` (expects `\n` line endings) in one
 * left-to-right pass: no regular expression, so no backtracking on hostile
 * input. Returns hits in source order.
 */
export function findPlaceholders(text: string): PlaceholderHit[] {
  const lineStarts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  const hits: PlaceholderHit[] = [];
  lineStarts.forEach((start, index) => {
    const next = lineStarts[index + 1];
    const end = next === undefined ? text.length : next - 1;
    let first = start;
    while (first < end && (text[first] === ' ' || text[first] === '\t')) first++;
    if (first + TODO_MARKER.length <= end && text.startsWith(TODO_MARKER, first)) {
      hits.push({ kind: 'todo', text: text.slice(first, end), start: first, end, line: index + 1, column: first - start + 1 });
    }
  });
  let lineIndex = 0;
  let i = text.indexOf('{{');
  while (i !== -1) {
    const close = nameEnd(text, i + 2);
    if (close === -1) {
      i = text.indexOf('{{', i + 1);
      continue;
    }
    // Hits come in order, so the line pointer only moves forward.
    while ((lineStarts[lineIndex + 1] ?? Infinity) <= i) lineIndex++;
    const lineStart = lineStarts[lineIndex] ?? 0;
    hits.push({ kind: 'mustache', text: text.slice(i, close + 2), start: i, end: close + 2, line: lineIndex + 1, column: i - lineStart + 1 });
    i = text.indexOf('{{', close + 2);
  }
  return hits.sort((a, b) => a.start - b.start);
}

/** Index of the `}}` closing a `{{name}}` whose name starts at `from`, or -1. Names: letters, digits, `_`, `-`, `.`. */
function nameEnd(text: string, from: number): number {
  let i = from;
  while (i < text.length && i - from <= MAX_NAME && isNameChar(text.charCodeAt(i))) i++;
  if (i === from || i - from > MAX_NAME) return -1;
  return text.startsWith('}}', i) ? i : -1;
}

function isNameChar(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) || c === 0x5f || c === 0x2d || c === 0x2e;
}
