/**
 * A note's syntax tree kept as bytes (v8 serialisation) instead of objects.
 *
 * Only the handbook renderer needs a tree once reading is done: lint rules
 * and mentions work from what the read stage extracted (sections, links,
 * prose words, code regions). A 10,000-note library's trees are over a
 * gigabyte of small objects, which every major garbage collection walks; as
 * bytes they are a third of that size and invisible to the collector.
 *
 * A byte-backed note's `tree` is decoded on EACH read and never kept, so
 * read it once per use (`const tree = note.tree`).
 */
import type { Root } from 'mdast';
import { deserialize, serialize } from 'node:v8';
import type { Note } from '../types.js';

const bytesOf = new WeakMap<object, Uint8Array | (() => Uint8Array)>();

/**
 * Makes `note.tree` a decode-on-read view of `bytes` (in place). `bytes` may
 * be a function, called once on first need: a note from the library
 * snapshot loads its tree from its cache entry only if someone reads it.
 */
export function setTreeBytes<T extends object>(note: T, bytes: Uint8Array | (() => Uint8Array)): T & { tree: Root } {
  bytesOf.set(note, bytes);
  Object.defineProperty(note, 'tree', TREE);
  return note as T & { tree: Root };
}

/** One getter and setter for every byte-backed note (they find it through `this`): no closures per note. */
const TREE: PropertyDescriptor = {
  enumerable: true,
  configurable: true,
  get(this: object) {
    return deserialize(bytesFor(this)!) as Root;
  },
  // Assigning a tree makes it an ordinary property again.
  set(this: object, tree: Root) {
    bytesOf.delete(this);
    Object.defineProperty(this, 'tree', { value: tree, writable: true, enumerable: true, configurable: true });
  },
};

/** The bytes behind a byte-backed note (loading them if they are still a function). */
function bytesFor(note: object): Uint8Array | undefined {
  const held = bytesOf.get(note);
  if (typeof held !== 'function') return held;
  const bytes = held();
  bytesOf.set(note, bytes);
  return bytes;
}

/** Gives `to` the tree of `from` without decoding it: the same bytes if byte-backed, else the same tree object. */
export function copyTree(from: { tree: Root }, to: object): void {
  const held = bytesOf.get(from);
  if (held !== undefined) setTreeBytes(to, held);
  else Object.defineProperty(to, 'tree', { value: from.tree, writable: true, enumerable: true, configurable: true });
}

/** The serialised tree of a note: its bytes if byte-backed, else the tree serialised now. */
export function treeBytes(note: Note): Uint8Array {
  return bytesFor(note) ?? serialize(note.tree);
}

/** A note to send between threads: everything but the tree, plus the tree as bytes. */
export type PackedNote = Omit<Note, 'tree'> & { treeBytes: Uint8Array };

/** Packs a note for the trip to the main thread. */
export function packNote(note: Note): PackedNote {
  const { tree, ...rest } = note;
  return { ...rest, treeBytes: serialize(tree) };
}

/** True for a packed note. */
export const isPackedNote = (value: object): value is PackedNote => 'treeBytes' in value;

/** Unpacks (in place) a note packed by `packNote`: its tree becomes byte-backed. */
export function unpackNote(packed: PackedNote): Note {
  const { treeBytes: bytes } = packed;
  delete (packed as Partial<PackedNote>).treeBytes;
  return setTreeBytes(packed, bytes) as unknown as Note;
}
