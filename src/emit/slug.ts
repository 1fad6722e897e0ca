/**
 * Anchor slugs: lowercase ASCII, safe in a URL fragment, in Pandoc, on GitHub
 * and as an HTML id. Deterministic: the same text always gives the same slug.
 */
import { createHash } from 'node:crypto';
import { slug } from 'github-slugger';

/**
 * `Conway’s law` → `conways-law`; text with no ASCII letters or digits left
 * (`心理安全`, `!!!`) becomes `x` plus 8 hex digits of its sha256, so a slug is
 * never empty.
 */
export function anchorSlug(text: string): string {
  const folded = text.normalize('NFKD').replace(/\p{M}+/gu, '');
  const ascii = slug(folded)
    .replace(/[^a-z0-9-]+/g, '')
    .replace(/-{2,}/g, '-')
    .replace(/^-+|-+$/g, '');
  if (ascii !== '') return ascii;
  return `x${createHash('sha256').update(text.normalize('NFC')).digest('hex').slice(0, 8)}`;
}
