/**
 * What names a file's version and a note, without parsing anything: kept
 * apart from parse.ts so that a run with nothing to parse (a warm lint)
 * never loads the Markdown parser.
 */
import { createHash } from 'node:crypto';
import type { Note, NoteId, ReadFailure } from '../types.js';

/** True for a ReadFailure (a Note has an `id`, a failure never does). */
export function isReadFailure<T extends object>(value: T | ReadFailure): value is ReadFailure {
  return 'diagnostic' in value && !('id' in value);
}

/** The note id of a library-relative path: the file name without `.md`, in Unicode NFC. */
export function noteIdOf(path: string): NoteId {
  const name = path.slice(path.lastIndexOf('/') + 1);
  return (name.endsWith('.md') ? name.slice(0, -3) : name).normalize('NFC') as NoteId;
}

/** sha256 (hex) of a file's bytes. */
export function hashBytes(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

