/**
 * Related notes: for each note, the `k` notes most related to it, each with
 * the reasons (shared concepts rarest first, top shared terms).
 *
 * The ranking is TEXT's `createRanker` (`src/link/text/ranker.ts`), fed with,
 * per note: its title, summary and section texts (the prose a reader judges
 * relatedness by; front matter, code and headings left out: `rankingText`),
 * already analysed into `Note.termBag` by the read stage, its concepts
 * (declared in front matter ∪ mentioned in prose) and its tags. The score is
 *
 *   score(a, b) = bm25(a → b) / max_x bm25(a → x)              (text, in [0, 1])
 *               + 0.5  · Σ_{c shared} ln(N / df(c)) / ln(N + 1)  (concepts)
 *               + 0.25 · Σ_{t shared} ln(N / df(t)) / ln(N + 1)  (tags)
 *
 * where bm25(a → b) scores b against a's own stemmed, stop-word-free terms
 * (k1 = 1.6, b = 1: `DEFAULT_RANKER_OPTIONS`), N is the number of notes and df the number of notes
 * carrying a concept or tag: a concept every note shares adds nothing, a rare
 * one adds up to 0.5. Scores are rounded to 4 decimals, then ties go to the
 * smaller id (code point), so the order never depends on file order. Notes
 * with nothing in common (score 0) are never listed, except that notes
 * joined by a typed relation (front matter `relations:`, either way) come
 * first, whatever their score, with the relation named in the reasons: an
 * author's own "this answers that" outranks any similarity of wording.
 *
 * Complexity: see the ranker: building is O(total tokens); one note's query
 * walks only the postings lists of its own terms (the inverted index prunes
 * every note sharing none of them).
 */
import type { ConceptId, Note, NoteBodies, NoteId, Related, Relation } from '../types.js';
import { compareCodePoints } from '../util/sort.js';
import { createRanker, type RankerDoc } from './text/ranker.js';

export { rankingText } from '../read/ranking-text.js';

/** Answers "which notes are related to this one?" over one library. */
export interface RelatedIndex {
  /** Up to `k` related notes of `id`, best first ([] for an unknown id or k = 0). */
  related(id: NoteId, k: number): Related[];
}

/**
 * Indexes the notes; `concepts` gives each note's concept ids (declared ∪
 * mentioned), `relations` its typed relations (both ways, as the link stage
 * puts them on `LinkedNote.relations`); term bags come from `bodies`.
 */
export function createRelatedIndex(
  notes: readonly Note[],
  concepts: ReadonlyMap<NoteId, readonly ConceptId[]>,
  bodies: NoteBodies<'termBag'>,
  relations: ReadonlyMap<NoteId, readonly Relation[]> = new Map(),
): RelatedIndex {
  const docs: RankerDoc[] = notes.map((note) => ({
    id: note.id,
    // Analysed by the read stage (in the parse workers, kept by the cache): see `NoteBody.termBag`.
    bag: bodies.get(note, ['termBag']).termBag,
    concepts: [...(concepts.get(note.id) ?? [])],
    tags: note.meta.tags.map((tag) => tag.toLowerCase()),
    pinned: [...new Set((relations.get(note.id) ?? []).map((r) => r.id as string))].sort(compareCodePoints),
  }));
  const ranker = createRanker(docs);
  const typesBetween = (id: NoteId, other: string): string[] =>
    [...new Set((relations.get(id) ?? []).filter((r) => r.id === other).map((r) => r.type))].sort(compareCodePoints);
  return {
    related(id, k) {
      return ranker.related(id, k).map((hit) => ({
        id: hit.id as NoteId,
        score: hit.score,
        reasons: { concepts: hit.sharedConcepts, terms: hit.sharedTerms, relations: hit.pinned ? typesBetween(id, hit.id) : [] },
      }));
    },
  };
}

/** The related notes of every note (`limit` each), keyed by id. */
export function computeRelated(
  notes: readonly Note[],
  concepts: ReadonlyMap<NoteId, readonly ConceptId[]>,
  limit: number,
  bodies: NoteBodies<'termBag'>,
  relations: ReadonlyMap<NoteId, readonly Relation[]> = new Map(),
): Map<NoteId, Related[]> {
  const index = createRelatedIndex(notes, concepts, bodies, relations);
  return new Map(notes.map((note) => [note.id, index.related(note.id, limit)] as const));
}
