/**
 * What a build can let go of once the library is linked. A note carries data
 * for every stage; the stages after linking read none of its plain text
 * (`text`), prose words (`prose`, ~21 KB of typed arrays a note) or term bag
 * (`termBag`), and at 100,000 notes those are ~4.5 GB of a build's memory
 * (heap and buffers) held through emit for nothing.
 *
 * So the linked library gets each note's head (`LinkedNoteHead`, a type
 * without those fields): a copy sharing every other value, the tree passed on
 * undecoded. Nothing is emptied: the full notes are simply no longer held
 * once the caller drops them. A build with an incremental store keeps the
 * full notes anyway (the store hands them to the next run), so it need not
 * call this.
 */
import { copyTree } from './read/tree-bytes.js';
import type { Library, LinkedNoteHead, Note } from './types.js';

/** The fields no stage after linking reads. */
const LINK_ONLY = new Set<string>(['text', 'prose', 'termBag']);

/** `library` with each linked note replaced by its head; `library` itself is not changed. */
export function releaseAfterLink(library: Library): Library {
  return { ...library, notes: library.notes.map((linked) => ({ ...linked, note: headOf(linked.note as Note) })) };
}

/** A note's own properties but the link-only ones, copied as they are (getters stay getters: nothing is loaded). */
function headOf(note: Note): LinkedNoteHead {
  const head = {};
  for (const [key, descriptor] of Object.entries(Object.getOwnPropertyDescriptors(note))) {
    if (LINK_ONLY.has(key)) continue;
    if (key === 'tree') copyTree(note, head);
    else Object.defineProperty(head, key, descriptor);
  }
  return head as LinkedNoteHead;
}
