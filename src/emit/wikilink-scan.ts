/**
 * Finds `[[target]]`, `[[target|label]]` and `[[target#heading]]` in one text
 * node's value. A hand-written scanner with `indexOf` (no regex): linear in
 * the length of the text even for `'[[' + 'a'.repeat(50000) + '!'`.
 */

/** One wikilink found in a text value. Offsets are into that value. */
export interface FoundWikilink {
  start: number;
  end: number;
  target: string;
  heading: string | null;
  label: string | null;
}

/** All wikilinks in `value`, left to right, non-overlapping. */
export function scanWikilinks(value: string): FoundWikilink[] {
  const found: FoundWikilink[] = [];
  let from = 0;
  for (;;) {
    const open = value.indexOf('[[', from);
    if (open < 0) break;
    const close = value.indexOf(']]', open + 2);
    if (close < 0) break;
    const inner = value.slice(open + 2, close);
    const reopen = inner.lastIndexOf('[[');
    if (reopen >= 0) {
      // `[[a [[b]]`: the link is the innermost `[[`; resume there (still linear: we only move right).
      from = open + 2 + reopen;
      continue;
    }
    from = close + 2;
    const pipe = inner.indexOf('|');
    const targetPart = pipe < 0 ? inner : inner.slice(0, pipe);
    const hash = targetPart.indexOf('#');
    const target = (hash < 0 ? targetPart : targetPart.slice(0, hash)).trim();
    if (target === '' || inner.includes('\n')) continue;
    const heading = hash < 0 ? null : targetPart.slice(hash + 1).trim() || null;
    const label = pipe < 0 ? null : inner.slice(pipe + 1).trim() || null;
    found.push({ start: open, end: close + 2, target, heading, label });
  }
  return found;
}
