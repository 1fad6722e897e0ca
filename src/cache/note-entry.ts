/**
 * One note's cache entry as parts (entry-file.ts lays the parts out): what a
 * Note or ReadFailure becomes on disk and back, and per-note extras.
 *
 * A Note is stored as `light` (everything but the big fields) plus `source`
 * and `text` as UTF-8, `termBag` and `tree` as v8. Source, text and term bag
 * decode on first access; the tree stays bytes and is decoded on each read
 * (src/read/tree-bytes.ts), so trees never pile up in the heap.
 */
import { deserialize, serialize } from 'node:v8';
import { withNullPrototypes } from '../read/null-prototype.js';
import { setTreeBytes, treeBytes } from '../read/tree-bytes.js';
import type { Note, ReadFailure } from '../types.js';
import type { EntryPart } from './entry-file.js';

/** An extra as entry parts: a string as UTF-8 (half the bytes of a V8 two-byte string), anything else through v8. */
export function extraParts(value: unknown): EntryPart[] {
  return typeof value === 'string' ? [{ name: 'text', bytes: Buffer.from(value, 'utf8') }] : [{ name: 'value', bytes: serialize(value) }];
}

/** The value `extraParts` encoded, or undefined for parts it did not write. */
export function extraValue(parts: Map<string, Buffer>): unknown {
  const text = parts.get('text');
  if (text) return text.toString('utf8');
  const value = parts.get('value');
  return value === undefined ? undefined : safeDeserialize(value);
}

export const partMap = (parts: readonly EntryPart[]): Map<string, Buffer> => new Map(parts.map((p) => [p.name, Buffer.from(p.bytes)]));

/** The fields stored apart from the rest of a Note and decoded on first access. */
const LAZY_FIELDS = ['source', 'text', 'termBag'] as const;

export function toParts(value: Note | ReadFailure): EntryPart[] {
  if (!('tree' in value)) return [{ name: 'failure', bytes: serialize(value) }];
  // null placeholders keep the key order of the original object.
  const light = { ...value, tree: null, source: null, text: null, termBag: null };
  return [
    { name: 'light', bytes: serialize(light) },
    { name: 'source', bytes: Buffer.from(value.source, 'utf8') },
    { name: 'text', bytes: Buffer.from(value.text, 'utf8') },
    { name: 'tree', bytes: Buffer.from(treeBytes(value)) },
    { name: 'termBag', bytes: serialize(value.termBag) },
  ];
}

/** Rebuilds a Note or ReadFailure, or undefined when the parts are not what `toParts` wrote. */
export function fromParts(parts: Map<string, Buffer>): Note | ReadFailure | undefined {
  const failure = parts.get('failure');
  if (failure) {
    const value = safeDeserialize(failure);
    return isRecord(value) && typeof value.path === 'string' && isRecord(value.diagnostic) ? (value as unknown as ReadFailure) : undefined;
  }
  const light = parts.get('light');
  const source = parts.get('source');
  const text = parts.get('text');
  const tree = parts.get('tree');
  const termBag = parts.get('termBag');
  if (!light || !source || !text || !tree || !termBag) return undefined;
  const note = safeDeserialize(light);
  if (!isRecord(note) || typeof note.id !== 'string' || typeof note.path !== 'string' || typeof note.hash !== 'string') return undefined;
  // Fields later stages read without checking: an entry without them is not one of ours.
  if (!isRecord(note.prose) || typeof note.prose.vocabulary !== 'string' || !isRecord(note.code) || !Array.isArray(note.code.blockLines)) return undefined;
  note.frontmatter = withNullPrototypes(note.frontmatter as Note['frontmatter']); // v8 deserialisation gave them Object.prototype
  const decoders: Record<(typeof LAZY_FIELDS)[number], () => unknown> = {
    source: () => source.toString('utf8'),
    text: () => text.toString('utf8'),
    termBag: () => deserialize(termBag),
  };
  for (const field of LAZY_FIELDS) defineLazy(note, field, decoders[field]);
  // The tree is decoded on each read and never kept (see src/read/tree-bytes.ts).
  return setTreeBytes(note, tree) as unknown as Note;
}

/** A property that computes itself once, then is an ordinary writable data property. */
function defineLazy(target: Record<string, unknown>, field: string, compute: () => unknown): void {
  const settle = (value: unknown): void => {
    Object.defineProperty(target, field, { value, writable: true, enumerable: true, configurable: true });
  };
  Object.defineProperty(target, field, {
    enumerable: true,
    configurable: true,
    get() {
      const value = compute();
      settle(value);
      return value;
    },
    set: settle,
  });
}

function safeDeserialize(bytes: Buffer): unknown {
  try {
    return deserialize(bytes);
  } catch {
    return undefined;
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
