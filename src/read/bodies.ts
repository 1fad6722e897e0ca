/**
 * Note bodies as the read stage keeps them, and the `NoteBodies` port over
 * them (src/types.ts): a body is fetched part by part, when a stage needs it.
 *
 * A kept body holds its tree as bytes (v8 serialisation), decoded on each
 * fetch and never kept: a 10,000-note library's trees are over a gigabyte of
 * small objects, which every major garbage collection would walk; as bytes
 * they are a third of that size and invisible to the collector. Only the
 * renderer asks for trees (lint rules and mentions work from what the read
 * stage extracted), one essay at a time.
 */
import { deserialize, serialize } from 'node:v8';
import type { Root } from 'mdast';
import type { BodyPart, Note, NoteBodies, NoteBody, WholeNote } from '../types.js';

/** A body as kept between fetches and sent between threads: the tree as bytes. */
export type StoredBody = Omit<NoteBody, 'tree'> & { treeBytes: Uint8Array };

/** A parsed note as a worker sends it to the main thread. */
export interface PackedNote {
  note: Note;
  body: StoredBody;
}

/** Splits a whole note into its head and its stored body (new objects; `whole` is left as it is). */
export function packNote(whole: WholeNote): PackedNote {
  const { source, text, termBag, prose, tree, ...note } = whole;
  return { note, body: { source, text, termBag, prose, treeBytes: serialize(tree) } };
}

/** The requested parts of a stored body, the tree decoded now. */
export function bodyParts<K extends BodyPart>(body: StoredBody, parts: readonly K[]): Pick<NoteBody, K> {
  const out: Partial<NoteBody> = {};
  for (const part of parts) {
    if (part === 'tree') out.tree = deserialize(body.treeBytes) as Root;
    else (out as Record<string, unknown>)[part] = body[part as Exclude<BodyPart, 'tree'>];
  }
  return out as Pick<NoteBody, K>;
}

/**
 * A port over notes that carry their bodies (parsed in this thread, as
 * tests and single-file tools do): each part is the note's own value.
 */
export function wholeBodies(notes: readonly WholeNote[]): NoteBodies {
  const byPath = new Map(notes.map((note) => [note.path, note]));
  return {
    get<K extends BodyPart>(note: Note, parts: readonly K[]): Pick<NoteBody, K> {
      const whole = byPath.get(note.path);
      if (!whole) throw new Error(`no body for ${note.path}: it is not one of the notes given`);
      const out: Partial<NoteBody> = {};
      for (const part of parts) (out as Record<string, unknown>)[part] = whole[part];
      return out as Pick<NoteBody, K>;
    },
  };
}

/**
 * The bodies of the notes a run read: those parsed this run are held here
 * (by path), the others are asked of `fallback` (the note cache, which may
 * throw `CachedNoteLost`). `only` gives a port that keeps fewer parts, so a
 * build lets go of what no later stage reads.
 */
export class BodyStore<P extends BodyPart = BodyPart> implements NoteBodies<P> {
  readonly #held: Map<string, StoredBody>;
  readonly #fallback: ((note: Note, parts: readonly P[]) => Pick<NoteBody, P>) | undefined;

  constructor(fallback?: (note: Note, parts: readonly P[]) => Pick<NoteBody, P>, held = new Map<string, StoredBody>()) {
    this.#fallback = fallback;
    this.#held = held;
  }

  /** Keeps `body` as the body of the note at `note.path`. */
  hold(note: Note, body: StoredBody): void {
    this.#held.set(note.path, body);
  }

  get<K extends P>(note: Note, parts: readonly K[]): Pick<NoteBody, K> {
    const held = this.#held.get(note.path);
    if (held) return bodyParts(held, parts);
    if (!this.#fallback) throw new Error(`no body for ${note.path}: it was not read in this run`);
    return this.#fallback(note, parts) as Pick<NoteBody, K>;
  }

  /** A store with only `parts` of each held body (new objects: this store is not changed). */
  only<Q extends P>(parts: readonly Q[]): BodyStore<Q> {
    const keep = new Set<string>(parts);
    const held = new Map<string, StoredBody>();
    for (const [file, body] of this.#held) {
      const kept: Record<string, unknown> = {};
      for (const [part, value] of Object.entries(body)) if (keep.has(part === 'treeBytes' ? 'tree' : part)) kept[part] = value;
      held.set(file, kept as StoredBody);
    }
    return new BodyStore<Q>(this.#fallback, held);
  }
}

/** Every part of a body (for a whole-note fetch: a fix, a test). */
export const ALL_PARTS: readonly BodyPart[] = ['source', 'text', 'termBag', 'prose', 'tree'];
