/**
 * Notes made from a snapshot digest (snapshot.ts): the digest's fields are
 * plain data, every other field loads the note's whole cache entry on first
 * read. A warm lint makes one per note and reads almost none of the rest.
 */
import { CachedNoteLost } from '../read/index.js';
import type { Note, ReadFailure } from '../types.js';
import { DIGEST_FIELDS, type NoteDigest } from './snapshot.js';

/** Every Note field (so none can be missing from a digest note). */
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
 * A Note whose digest fields are plain data and whose other fields load the
 * whole entry on first access (once for all of them; a field becomes an
 * ordinary own property when read or written). Loading throws
 * `CachedNoteLost` when the entry is gone or damaged.
 *
 * The loaded fields are getters on the prototype, not own properties: a warm
 * lint makes 10,000 of these and reads none of those fields, and defining
 * them on each note cost ~12 µs a note (measured), a tenth of a warm lint at
 * 10,000 notes. So, like any Note from the cache, read its fields; do not
 * spread or structured-clone it (see `Note`).
 */
export function noteFromDigest(digest: NoteDigest, loadWhole: () => Note | ReadFailure): Note {
  return new DigestNote(digest, loadWhole) as unknown as Note;
}

class DigestNote {
  readonly #loadWhole: () => Note | ReadFailure;
  #whole: Note | undefined;
  constructor(digest: NoteDigest, loadWhole: () => Note | ReadFailure) {
    // Always the same fields in the same order: one hidden class for all.
    for (const field of DIGEST_FIELDS) (this as unknown as Record<string, unknown>)[field] = digest[field];
    this.#loadWhole = loadWhole;
  }

  wholeNote(): Note {
    if (this.#whole) return this.#whole;
    const loaded = this.#loadWhole();
    // An entry is keyed by path and hash, so this only fails for a forged one.
    const { path, hash } = this as unknown as NoteDigest;
    if (!('tree' in loaded) || loaded.hash !== hash) throw new CachedNoteLost(path);
    return (this.#whole = loaded);
  }
}

const own = (note: object, field: string, value: unknown): void => {
  Object.defineProperty(note, field, { value, writable: true, enumerable: true, configurable: true });
};
for (const field of LOADED_FIELDS) {
  Object.defineProperty(DigestNote.prototype, field, {
    configurable: true,
    get(this: DigestNote) {
      const value = this.wholeNote()[field];
      own(this, field, value);
      return value;
    },
    set(this: DigestNote, value: unknown) {
      own(this, field, value);
    },
  });
}
// The tree is decoded from the whole note's bytes on each read, never kept (src/read/tree-bytes.ts).
Object.defineProperty(DigestNote.prototype, 'tree', {
  configurable: true,
  get(this: DigestNote) {
    return this.wholeNote().tree;
  },
  set(this: DigestNote, value: unknown) {
    own(this, 'tree', value);
  },
});

/** True for a note made by `noteFromDigest`. */
export const isDigestNote = (value: unknown): boolean => value instanceof DigestNote;
