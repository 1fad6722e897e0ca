/**
 * What the related-notes ranking reads of a note, and its analysed form.
 *
 * The term bag is computed here, in the read stage, rather than in link:
 * reading runs in the parse worker threads, so tokenising and stemming every
 * note is spread over the cores and done once per note content, and the
 * note cache keeps the bag with the note, so a warm build re-analyses only
 * the notes that changed. Data still flows one way: read uses the text
 * tooling (`src/link/text`), link uses the Note.
 */
import { termBag, type TermBag } from '../link/text/term-bag.js';
import type { Note } from '../types.js';

/** The parts of a note the ranking text is made of. */
export type RankedParts = Pick<Note, 'meta' | 'summary' | 'sections'>;

/** The text a note is ranked by: title, summary and section bodies, one paragraph each. */
export function rankingText(note: RankedParts): string {
  const parts = [note.meta.title ?? '', note.summary?.text ?? '', ...note.sections.map((s) => s.text)];
  return parts.filter((p) => p.trim() !== '').join('\n\n');
}

/** The term bag of a note's ranking text (what `Note.termBag` holds). */
export function rankingTermBag(note: RankedParts): TermBag {
  return termBag(rankingText(note));
}
