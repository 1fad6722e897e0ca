/**
 * What a build can let go of once the library is linked. A note carries data
 * for every stage; emit reads none of its plain text (`text`), prose words
 * (`prose`, ~21 KB of typed arrays a note) or term bag (`termBag`), and at
 * 100,000 notes those are ~4.5 GB of a build's memory (heap and buffers)
 * held through emit for nothing. Emptying them in place is the only way to
 * free them: the notes are also the lint result the caller gets back.
 *
 * Only for notes nobody else holds: a note cache keeps the same objects (to
 * write them out on flush, and to hand them to the next build in watch
 * mode), so the pipeline releases nothing when it was given one.
 */
import type { Note, ProseWords } from './types.js';
import type { TermBag } from './link/text/term-bag.js';

const NO_PROSE: ProseWords = Object.freeze({ vocabulary: '', ids: new Int32Array(0), starts: new Int32Array(0), ends: new Int32Array(0), flags: new Uint8Array(0) });
const NO_TERMS: TermBag = Object.freeze({ terms: '', counts: [], length: 0, forms: '', formTerms: [], formCounts: [] });

/** Empties, in place, the fields of each note that no stage after link reads. */
export function releaseAfterLink(notes: readonly Note[]): void {
  for (const note of notes) {
    note.text = '';
    note.prose = NO_PROSE;
    note.termBag = NO_TERMS;
  }
}
