/**
 * The fields of a new note and how each is checked, shared by `new` and
 * `import` so both write the same front matter in the same order.
 */
import { FIELD_ORDER, KINDS } from '../check/fields.js';
import type { Config } from '../config.js';
import type { FrontmatterEntries, FrontmatterValue } from './frontmatter.js';

/** The kinds of work a note may describe (`kind`), as lint checks them. */
export { KINDS };

/** The front-matter keys in lint's canonical order (its key-order rule and fix use the same list). */
export const FRONTMATTER_KEY_ORDER = FIELD_ORDER;

/** Everything a scaffolded or imported note says about its work. */
export interface NoteFields {
  title: string;
  /** One or more; written as a string for one author, a list for several. */
  authors: string[];
  year: number;
  source: string;
  venue: string | null;
  kind: string;
  tags: string[];
  concepts: string[];
  /** Relation name → the notes it names (written as `relations:`, last); absent or empty: none. */
  relations?: [type: string, targets: string[]][];
}

/** A field value that failed its check: the message says what was expected. */
export class FieldError extends Error {
  override name = 'FieldError';
}

/**
 * `text` unchanged, or a FieldError when it holds U+FFFD: the reader refuses
 * a note with one (src/read/decode.ts: damage from a lossy conversion), and
 * YAML writes it as it is. (A NUL is fine: YAML writes it escaped.)
 */
export function checkReadable(name: string, text: string): string {
  if (!text.includes('\uFFFD')) return text;
  throw new FieldError(`${name} contains U+FFFD (the replacement character, left by a lossy encoding conversion), which no note may hold; retype the character that was lost`);
}

/** `2020` → 2020; anything but a whole number within the config's plausible range throws. */
export function parseYear(text: string, config: Config): number {
  const trimmed = text.trim();
  if (!/^-?[0-9]{1,6}$/.test(trimmed)) throw new FieldError(`year "${text}" is not a whole number (e.g. 2020)`);
  const year = Number(trimmed);
  if (year < config.minYear || year > config.maxYear) {
    throw new FieldError(`year ${year} is outside ${config.minYear}–${config.maxYear}`);
  }
  return year;
}

/** Returns the trimmed URL when it is an absolute http(s) URL; throws otherwise. */
export function parseSource(text: string): string {
  const trimmed = text.trim();
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    throw new FieldError(`source "${text}" is not a URL (expected https://…)`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new FieldError(`source "${text}" must be an http(s) URL, not ${url.protocol}`);
  }
  return trimmed;
}

/** Returns the kind, lower-cased, when it is one of {@link KINDS}; throws otherwise. */
export function parseKind(text: string): string {
  const kind = text.trim().toLowerCase();
  if (!(KINDS as readonly string[]).includes(kind)) {
    throw new FieldError(`kind "${text}" is not one of ${KINDS.join(', ')}`);
  }
  return kind;
}

/** The trimmed text; throws when it is empty. Line breaks are kept: the YAML emitter quotes them safely. */
export function parseText(name: string, text: string): string {
  const trimmed = text.trim();
  if (trimmed === '') throw new FieldError(`${name} is empty`);
  return trimmed;
}

/** `a, b,,c ` → `['a', 'b', 'c']`: trimmed, empties dropped, first occurrence kept. */
export function splitList(text: string): string[] {
  const seen = new Set<string>();
  for (const part of text.split(',')) {
    const item = part.trim();
    if (item !== '') seen.add(item);
  }
  return [...seen];
}

/** The value of one front-matter key for these fields, or null when it should be left out. */
export function fieldValue(fields: NoteFields, key: string): FrontmatterValue | null {
  switch (key) {
    case 'title':
      return fields.title;
    case 'author':
      return fields.authors.length === 1 ? (fields.authors[0] ?? '') : [...fields.authors];
    case 'year':
      return fields.year;
    case 'source':
      return fields.source;
    case 'venue':
      return fields.venue;
    case 'kind':
      return fields.kind;
    case 'tags':
      return fields.tags.length > 0 ? [...fields.tags] : null;
    case 'concepts':
      return fields.concepts.length > 0 ? [...fields.concepts] : null;
    case 'relations':
      return fields.relations && fields.relations.length > 0 ? new Map(fields.relations.map(([type, targets]) => [type, [...targets]])) : null;
    default:
      return null;
  }
}

/** The fields as front-matter entries in {@link FRONTMATTER_KEY_ORDER}, empty ones left out. */
export function fieldEntries(fields: NoteFields): FrontmatterEntries {
  const entries: [string, FrontmatterValue][] = [];
  for (const key of FRONTMATTER_KEY_ORDER) {
    const value = fieldValue(fields, key);
    if (value !== null) entries.push([key, value]);
  }
  return entries;
}
