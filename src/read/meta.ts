/**
 * The typed view of the known front-matter fields (`NoteMeta`). Lenient by
 * design: an absent or ill-typed field becomes undefined or an empty list
 * here, and the check stage reports it with the field's position. The only
 * coercion is `author`: one string or a list of strings both give a list.
 * Strings are trimmed; a blank string counts as absent.
 */
import type { FieldPosition, NoteMeta, RelationEntry } from '../types.js';

/** The default `kind` when the front matter names none. */
export const DEFAULT_KIND = 'essay';

/**
 * Reads `NoteMeta` from parsed front-matter data (null when there is none or
 * it is unusable); `fields` (the data's positions) place each relation item.
 */
export function noteMeta(data: Record<string, unknown> | null, fields: Record<string, FieldPosition> = {}): NoteMeta {
  const get = (key: string): unknown => (data && Object.prototype.hasOwnProperty.call(data, key) ? data[key] : undefined);
  const meta: NoteMeta = {
    authors: stringOrList(get('author')),
    kind: nonEmptyString(get('kind')) ?? DEFAULT_KIND,
    tags: stringList(get('tags')),
    concepts: stringList(get('concepts')),
    aliases: stringList(get('aliases')),
    relations: relationEntries(get('relations'), Object.hasOwn(fields, 'relations') ? fields.relations : undefined),
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

/**
 * `relations:` as a mapping of relation name → a note or a list of notes.
 * Items that are not non-empty strings are left out (field-type reports
 * them); so is everything when the value is not a mapping.
 */
function relationEntries(value: unknown, position: FieldPosition | undefined): RelationEntry[] {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return [];
  const entries: RelationEntry[] = [];
  for (const [type, targets] of Object.entries(value as Record<string, unknown>)) {
    const at = position?.entries && Object.hasOwn(position.entries, type) ? position.entries[type] : undefined;
    const typeSpan = at?.key ?? position?.key ?? { line: 1, column: 1, endLine: 1, endColumn: 1 };
    const list = Array.isArray(targets) ? targets : [targets];
    list.forEach((item, i) => {
      const target = nonEmptyString(item);
      if (target === undefined) return;
      const place = at?.items?.[i] ?? { ...(at?.value ?? typeSpan), start: 0, end: 0 };
      entries.push({ type: type.trim(), target, typeSpan: { ...typeSpan }, line: place.line, column: place.column, endLine: place.endLine, endColumn: place.endColumn, start: place.start, end: place.end });
    });
  }
  return entries;
}
