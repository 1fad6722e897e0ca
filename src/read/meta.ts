/**
 * The typed view of the known front-matter fields (`NoteMeta`). Lenient by
 * design: an absent or ill-typed field becomes undefined or an empty list
 * here, and the check stage reports it with the field's position. The only
 * coercion is `author`: one string or a list of strings both give a list.
 * Strings are trimmed; a blank string counts as absent.
 */
import type { NoteMeta } from '../types.js';

/** The default `kind` when the front matter names none. */
export const DEFAULT_KIND = 'essay';

/** Reads `NoteMeta` from parsed front-matter data (null when there is none or it is unusable). */
export function noteMeta(data: Record<string, unknown> | null): NoteMeta {
  const get = (key: string): unknown => (data && Object.prototype.hasOwnProperty.call(data, key) ? data[key] : undefined);
  const meta: NoteMeta = {
    authors: stringOrList(get('author')),
    kind: nonEmptyString(get('kind')) ?? DEFAULT_KIND,
    tags: stringList(get('tags')),
    concepts: stringList(get('concepts')),
    aliases: stringList(get('aliases')),
  };
  const title = nonEmptyString(get('title'));
  if (title !== undefined) meta.title = title;
  const year = get('year');
  if (typeof year === 'number' && Number.isInteger(year)) meta.year = year;
  const source = nonEmptyString(get('source'));
  if (source !== undefined) meta.source = source;
  const venue = nonEmptyString(get('venue'));
  if (venue !== undefined) meta.venue = venue;
  return meta;
}

function nonEmptyString(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/** A list whose every item is a non-empty string (trimmed), else empty. */
function stringList(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  const items = value.map(nonEmptyString);
  return items.every((item): item is string => item !== undefined) ? items : [];
}

function stringOrList(value: unknown): string[] {
  const single = nonEmptyString(value);
  return single !== undefined ? [single] : stringList(value);
}
