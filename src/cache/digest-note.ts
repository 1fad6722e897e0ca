/**
 * Notes made from a snapshot digest (snapshot.ts): the digest's fields are
 * plain data, every other field loads the note's whole cache entry on first
 * read. A warm lint makes one per note and reads almost none of the rest.
 */
import { CachedNoteLost } from '../read/index.js';
import { setTreeBytes, treeBytes } from '../read/tree-bytes.js';
import type { Note, ReadFailure } from '../types.js';
import { DIGEST_FIELDS, type NoteDigest } from './snapshot.js';

/** Every Note field, in the order the parser writes them (so a digest note looks like any other). */
const NOTE_FIELDS = [
  'id', 'path', 'hash', 'bytes', 'source', 'eol', 'hadBom', 'frontmatter', 'meta', 'summary', 'sections',
  'wikilinks', 'links', 'directives', 'html', 'text', 'wordCount', 'termBag', 'prose', 'code', 'tree',
] as const satisfies readonly (keyof Note)[];
// A Note field missing from NOTE_FIELDS would silently be absent from digest notes: make it a type error.
const coversNote: [Exclude<keyof Note, (typeof NOTE_FIELDS)[number]>] extends [never] ? true : never = true;
void coversNote;

/** The fields a digest note loads from its entry. */
const LOADED_FIELDS = NOTE_FIELDS.filter((field): field is Exclude<(typeof NOTE_FIELDS)[number], (typeof DIGEST_FIELDS)[number] | 'tree'> => field !== 'tree' && !isDigestField(field));

function isDigestField(field: string): field is (typeof DIGEST_FIELDS)[number] {
  return (DIGEST_FIELDS as readonly string[]).includes(field);
}

/**
 * A Note whose digest fields are at hand and whose other fields load the
 * whole entry on first access (once for all of them; each field becomes an
 * ordinary data property when read or written). `loadWhole` throws
 * `CachedNoteLost` when the entry is gone or damaged. All fields are own and
 * enumerable, in the parser's order, so such a note clones, spreads and
 * serialises like any other.
 */
export function noteFromDigest(digest: NoteDigest, loadWhole: () => Note | ReadFailure): Note {
  let whole: Note | undefined;
  const load = (): Note => {
    if (whole) return whole;
    const loaded = loadWhole();
    // An entry is keyed by path and hash, so this only fails for a forged one.
    if (!('tree' in loaded) || loaded.hash !== digest.hash) throw new CachedNoteLost(digest.path);
    return (whole = loaded);
  };
  const note: Record<string | symbol, unknown> = {};
  Object.defineProperty(note, WHOLE, { value: load }); // not enumerable: a note equals, clones and spreads as its fields
  for (const field of NOTE_FIELDS) {
    if (isDigestField(field)) note[field] = digest[field];
    else if (field !== 'tree') Object.defineProperty(note, field, LOADED[field]);
  }
  return setTreeBytes(note, () => treeBytes(load())) as unknown as Note;
}

/** Where a digest note keeps its loader (a symbol: invisible to keys, clones and JSON). */
const WHOLE = Symbol('load the whole note');

/**
 * One getter and setter per field, shared by every digest note (they find
 * the note through `this`): a warm lint makes 10,000 digest notes and reads
 * none of these fields, and a closure per field per note cost more garbage
 * collection than the rest of the run.
 */
const LOADED = Object.fromEntries(
  LOADED_FIELDS.map((field) => {
    const settle = (note: object, value: unknown): void => {
      Object.defineProperty(note, field, { value, writable: true, enumerable: true, configurable: true });
    };
    const descriptor: PropertyDescriptor = {
      enumerable: true,
      configurable: true,
      get(this: Record<string | symbol, unknown>) {
        const value = (this[WHOLE] as () => Note)()[field];
        settle(this, value);
        return value;
      },
      set(this: object, value: unknown) {
        settle(this, value);
      },
    };
    return [field, descriptor];
  }),
) as Record<(typeof LOADED_FIELDS)[number], PropertyDescriptor>;


/** True for a note made by `noteFromDigest`. */
export const isDigestNote = (value: unknown): boolean => typeof value === 'object' && value !== null && WHOLE in value;
