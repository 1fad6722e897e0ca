/**
 * File-name slugs for notes. Whatever the title (`../../etc/passwd`, emoji,
 * CJK, 500 characters, only punctuation, `CON`), the slug is a non-empty run
 * of `[a-z0-9]` words joined by single `-`, at most {@link MAX_SLUG_LENGTH}
 * characters, so `<library>/<slug>.md` always lands directly in the library.
 */
import { createHash } from 'node:crypto';

/** Longest slug, in characters (all ASCII, so also in bytes). */
export const MAX_SLUG_LENGTH = 80;

/** What every slug matches. Linear: no nested quantifiers over overlapping classes. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * Letters that NFKD does not split into an ASCII base plus combining marks,
 * folded the way German, Nordic, Polish and French readers would spell them.
 */
const EXTRA_FOLDS: Record<string, string> = {
  ß: 'ss', ẞ: 'ss', æ: 'ae', Æ: 'ae', œ: 'oe', Œ: 'oe', ø: 'o', Ø: 'o', ł: 'l', Ł: 'l',
  đ: 'd', Đ: 'd', ð: 'd', Ð: 'd', þ: 'th', Þ: 'th', ı: 'i', ħ: 'h', Ħ: 'h',
};

/** Apostrophes vanish rather than split a word: "Amazon's" → "amazons", not "amazon-s". */
const APOSTROPHES = /['\u2019\u02BC\u2018`]/g;

/** Names Windows refuses as files whatever the extension (`con.md` included). */
export const WINDOWS_RESERVED = /^(?:con|prn|aux|nul|com[0-9]|lpt[0-9])$/;

/**
 * The slug of a title: NFKD, combining marks dropped, a few letters folded
 * (ß → ss, ø → o), apostrophes removed, lower-case ASCII, every other run of
 * non-alphanumerics turned into one `-`, trimmed, cut to 80 characters at a
 * word boundary when one is in the second half. A title with nothing left
 * (emoji, CJK, punctuation, empty) gets `note-<8 hex of its sha256>`,
 * deterministic for the same title; a Windows reserved name gets `-note`.
 */
export function slugify(title: string): string {
  const folded = title
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/[ßẞæÆœŒøØłŁđĐðÐþÞıħĦ]/g, (c) => EXTRA_FOLDS[c] ?? c)
    .replace(APOSTROPHES, '')
    .toLowerCase();
  let slug = folded.replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  if (slug.length > MAX_SLUG_LENGTH) slug = cutAtWordBoundary(slug, MAX_SLUG_LENGTH);
  if (slug === '') return fallbackSlug(title);
  if (WINDOWS_RESERVED.test(slug)) return `${slug}-note`;
  return slug;
}

/** True when `value` could be produced by {@link slugify} (used to vet `--slug`). */
export function isValidSlug(value: string): boolean {
  return value.length <= MAX_SLUG_LENGTH && SLUG_PATTERN.test(value) && !WINDOWS_RESERVED.test(value);
}

function cutAtWordBoundary(slug: string, max: number): string {
  const head = slug.slice(0, max + 1);
  // A `-` at index `max` means the first `max` characters end on a whole word.
  const boundary = head.lastIndexOf('-');
  const cut = boundary >= max / 2 ? slug.slice(0, boundary) : slug.slice(0, max);
  return cut.replace(/-+$/, '');
}

function fallbackSlug(title: string): string {
  const hash = createHash('sha256').update(title.normalize('NFC'), 'utf8').digest('hex');
  return `note-${hash.slice(0, 8)}`;
}
