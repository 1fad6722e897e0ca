/**
 * `[[target]]`, `[[target|label]]`, `[[target#heading]]` and
 * `[[target#heading|label]]`, found by a hand-written linear scanner (no
 * backtracking regex): each character is looked at a bounded number of
 * times, so `'[[' + 'a'.repeat(50000) + '!'` costs one pass.
 *
 * Inside the brackets a link may not contain `[`, `]` or a line break; an
 * empty target (`[[]]`, `[[#heading]]`, `[[ |x]]`) is not a wikilink, nor is `\[[x]]`
 * (an escaped bracket). Callers pass raw source slices, so offsets are exact.
 */

/** One wikilink in a piece of text, with offsets relative to that text. */
export interface WikilinkMatch {
  target: string;
  label: string | null;
  heading: string | null;
  /** Offset of the first `[` and just past the last `]`. */
  start: number;
  end: number;
}

const OPEN = 0x5b; // [
const CLOSE = 0x5d; // ]
const NEWLINE = 0x0a;
const BACKSLASH = 0x5c;

/** Every wikilink in `text`, in order. */
export function scanWikilinks(text: string): WikilinkMatch[] {
  const found: WikilinkMatch[] = [];
  let pos = 0;
  while (pos < text.length) {
    const open = text.indexOf('[[', pos);
    if (open === -1) break;
    if (open > 0 && text.charCodeAt(open - 1) === BACKSLASH) {
      pos = open + 1; // `\[[` is an escaped bracket, not a link
      continue;
    }
    let i = open + 2;
    // Skip extra `[` so `[[[x]]` links `x` (the innermost `[[`).
    while (text.charCodeAt(i) === OPEN) i++;
    const innerStart = i;
    while (i < text.length) {
      const c = text.charCodeAt(i);
      if (c === OPEN || c === CLOSE || c === NEWLINE) break;
      i++;
    }
    if (text.charCodeAt(i) === CLOSE && text.charCodeAt(i + 1) === CLOSE) {
      const link = splitInner(text.slice(innerStart, i));
      if (link) found.push({ ...link, start: innerStart - 2, end: i + 2 });
      pos = i + 2;
    } else {
      // Nothing between innerStart and i can open a link (no `[` there): resume at i.
      pos = Math.max(i, open + 1);
    }
  }
  return found;
}

/** `target#heading|label` → its parts, trimmed; null when the target is empty. */
function splitInner(inner: string): Omit<WikilinkMatch, 'start' | 'end'> | null {
  const bar = inner.indexOf('|');
  const left = bar === -1 ? inner : inner.slice(0, bar);
  const label = bar === -1 ? null : inner.slice(bar + 1).trim() || null;
  const hash = left.indexOf('#');
  const target = (hash === -1 ? left : left.slice(0, hash)).trim();
  const heading = hash === -1 ? null : left.slice(hash + 1).trim() || null;
  if (target === '') return null;
  return { target, label, heading };
}

/**
 * `text` as a reader sees it where links cannot be followed (one-line
 * summaries, an abstract, suggestion evidence): each wikilink replaced by
 * its label, else its target as written.
 */
export function unlinkWikilinks(text: string): string {
  let out = '';
  let at = 0;
  for (const link of scanWikilinks(text)) {
    out += text.slice(at, link.start) + (link.label ?? link.target);
    at = link.end;
  }
  return out + text.slice(at);
}
