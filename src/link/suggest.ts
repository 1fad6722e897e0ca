/**
 * Concept suggestions for `commonplace concepts --suggest`: TEXT's
 * `suggestConcepts` (see `src/link/text/suggest.ts` for the candidate rules
 * and the score) over each note's summary and section text, with every
 * glossary name and alias and every note title and alias passed as already
 * known, so only phrases that are not linked yet come back.
 *
 *   score(p) = df(p) · mean_{w ∈ p} ln((N + 1) / df(w)) · log2(1 + |p|)
 *
 * df = number of notes using the phrase / word, N = number of notes, |p| =
 * words in the phrase; ties by phrase (code point).
 */
import type { Concept, Note } from '../types.js';
import { suggestConcepts } from './text/suggest.js';

/** One suggested concept. */
export interface Suggestion {
  /** The commonest written form across the notes. */
  phrase: string;
  score: number;
  /** Ids of the notes using it, sorted. */
  notes: string[];
}

/** The text suggestions are drawn from: summary and section bodies (titles are link targets already). */
const proseOf = (note: Note): string => [note.summary?.text ?? '', ...note.sections.map((s) => s.text)].filter((t) => t !== '').join('\n\n');

/** Up to `limit` suggestions, best first. */
export function suggestions(library: { notes: readonly Note[]; concepts: readonly Concept[] }, limit: number): Suggestion[] {
  const existing = [
    ...library.concepts.flatMap((c) => [c.name, ...c.aliases]),
    ...library.notes.flatMap((n) => [n.meta.title, ...n.meta.aliases]).filter((t): t is string => typeof t === 'string'),
  ];
  const docs = library.notes.map((note) => ({ id: note.id, text: proseOf(note) }));
  return suggestConcepts(docs, existing, { limit }).map((s) => ({ phrase: s.phrase, score: s.score, notes: s.docs }));
}
