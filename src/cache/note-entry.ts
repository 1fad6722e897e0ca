/**
 * One note's cache entry as parts (entry-file.ts lays the parts out): what a
 * parsed note or ReadFailure becomes on disk and back, and per-note extras.
 *
 * A note is stored as its `head` (v8) plus one part per body part: `source`
 * and `text` as UTF-8, `tree`, `termBag` and `prose` as v8. A fetch decodes
 * only the parts asked for (src/read/bodies.ts).
 */
import { deserialize, serialize } from 'node:v8';
import { withNullPrototypes } from '../read/null-prototype.js';
import type { PackedNote } from '../read/bodies.js';
import type { BodyPart, Note, NoteBody, ReadFailure } from '../types.js';
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

/** The body parts, each stored apart from the head: a run decodes only the ones it asks for. */
const BODY_PARTS = ['source', 'text', 'tree', 'termBag', 'prose'] as const satisfies readonly BodyPart[];

export function toParts(value: PackedNote | ReadFailure): EntryPart[] {
  if (!('note' in value)) return [{ name: 'failure', bytes: serialize(value) }];
  const { note, body } = value;
  return [
    { name: 'head', bytes: serialize(note) },
    { name: 'source', bytes: Buffer.from(body.source, 'utf8') },
    { name: 'text', bytes: Buffer.from(body.text, 'utf8') },
    { name: 'tree', bytes: Buffer.from(body.treeBytes) },
    { name: 'termBag', bytes: serialize(body.termBag) },
    { name: 'prose', bytes: serialize(body.prose) },
  ];
}

/** The head (or ReadFailure) `toParts` wrote, or undefined when the parts are not all there and ours. */
export function headFromParts(parts: Map<string, Buffer>): Note | ReadFailure | undefined {
  const failure = parts.get('failure');
  if (failure) {
    const value = safeDeserialize(failure);
    return isRecord(value) && typeof value.path === 'string' && isRecord(value.diagnostic) ? (value as unknown as ReadFailure) : undefined;
  }
  const head = parts.get('head');
  if (!head || BODY_PARTS.some((part) => !parts.has(part))) return undefined;
  const note = safeDeserialize(head);
  if (!isNoteHead(note)) return undefined;
  note.frontmatter = withNullPrototypes(note.frontmatter); // v8 deserialisation gave them Object.prototype
  return note;
}

/** Fields later stages read without checking: a head without them is not one of ours. */
export function isNoteHead(value: unknown): value is Note {
  if (!isRecord(value) || typeof value.id !== 'string' || typeof value.path !== 'string' || typeof value.hash !== 'string') return false;
  return isRecord(value.meta) && Array.isArray(value.directives) && Array.isArray(value.sections) && Array.isArray(value.wikilinks) && isRecord(value.code) && Array.isArray(value.code.blockLines);
}

/** The requested body parts from an entry's parts, or undefined when one is missing or damaged. */
export function bodyFromParts<K extends BodyPart>(parts: Map<string, Buffer>, wanted: readonly K[]): Pick<NoteBody, K> | undefined {
  const out: Record<string, unknown> = {};
  for (const part of wanted) {
    const bytes = parts.get(part);
    if (!bytes) return undefined;
    if (part === 'source' || part === 'text') out[part] = bytes.toString('utf8');
    else {
      const value = safeDeserialize(bytes);
      if (!isRecord(value)) return undefined;
      if (part === 'prose' && typeof value.vocabulary !== 'string') return undefined;
      out[part] = value;
    }
  }
  return out as Pick<NoteBody, K>;
}

function safeDeserialize(bytes: Buffer): unknown {
  try {
    return deserialize(bytes);
  } catch {
    return undefined;
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
