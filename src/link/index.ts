/**
 * The link stage: notes + glossary → the linked `Library` the emitters read.
 * Pure and deterministic: notes are sorted by id first and every list is
 * sorted by code point, so the order files were found in never matters.
 *
 * Public API of `src/link/` (one import for other stages).
 */
import type { Config } from '../config.js';
import type { Concept, ConceptId, Library, LinkedConcept, LinkedNote, Mention, Note, NoteBodies, NoteId } from '../types.js';
import { compareCodePoints, sortBy } from '../util/sort.js';
import { createConceptLookup } from './glossary.js';
import { findMentions } from './mentions.js';
import { computeRelated } from './related.js';
import { relationVocabulary } from './relation-types.js';
import { relationsByNote, resolveRelations } from './relations.js';
import { computeBacklinks, createLinkResolver, resolveLinks } from './resolve.js';

export { loadGlossary, parseGlossary, createConceptLookup, closestName, GLOSSARY_FILE, GLOSSARY_RULES } from './glossary.js';
export type { Glossary } from './glossary.js';
export { conceptId } from './concept-id.js';
export { findMentions, createMentionMatcher, mentionsInNote } from './mentions.js';
export { createLinkResolver, resolveLinks, computeBacklinks } from './resolve.js';
export type { LinkResolver, LinkTarget, UnresolvedLink } from './resolve.js';
export { createRelatedIndex, computeRelated, rankingText } from './related.js';
export { phraseKey, phraseTerms } from './phrase.js';
export { relationsByNote, resolveRelations } from './relations.js';
export type { ResolvedRelation } from './relations.js';
export { BUILTIN_RELATIONS, relationPhrase, relationVocabulary } from './relation-types.js';
export type { RelationPhrases } from './relation-types.js';

/** Concept ids a note declares in its `concepts:` front matter (unknown names skipped: lint reports them). */
export function declaredConcepts(note: Note, lookup: (written: string) => Concept | undefined): ConceptId[] {
  const ids = new Set<ConceptId>();
  for (const name of note.meta.concepts) {
    const concept = lookup(name);
    if (concept) ids.add(concept.id);
  }
  return [...ids].sort(compareCodePoints);
}

/**
 * Each note's concepts: those it declares (count 0 unless also mentioned) and
 * those it mentions in prose, with the number of mentions (linked or not).
 */
export function noteConcepts(
  notes: readonly Note[],
  concepts: readonly Concept[],
  mentions: ReadonlyMap<NoteId, readonly Mention[]>,
): Map<NoteId, Map<ConceptId, number>> {
  const lookup = createConceptLookup(concepts);
  const result = new Map<NoteId, Map<ConceptId, number>>();
  for (const note of notes) {
    const counts = new Map<ConceptId, number>(declaredConcepts(note, lookup).map((id) => [id, 0]));
    for (const mention of mentions.get(note.id) ?? []) {
      if (mention.kind === 'concept') counts.set(mention.target as ConceptId, (counts.get(mention.target as ConceptId) ?? 0) + 1);
    }
    result.set(note.id, counts);
  }
  return result;
}

/** Each note's concept ids (declared ∪ mentioned), sorted: what the related-notes ranking shares. */
export function conceptIdsByNote(counts: ReadonlyMap<NoteId, ReadonlyMap<ConceptId, number>>): Map<NoteId, ConceptId[]> {
  return new Map([...counts].map(([id, c]) => [id, [...c.keys()].sort(compareCodePoints)] as const));
}

/**
 * Links the library: mentions (computed unless given, e.g. by the lint run
 * that already found them; from each note's prose, fetched from `bodies`),
 * explicit links and backlinks, per-note concepts with mention counts, typed
 * relations both ways, related notes (`config.relatedLimit` each), and the
 * per-concept note lists. `diagnostics` is left empty: the caller adds lint's.
 *
 * Complexity: O(words × longest phrase) for mentions, O(links log links) for
 * links, plus the related-notes ranking (see `related.ts`).
 */
export function linkLibrary(
  input: readonly Note[],
  glossary: readonly Concept[],
  config: Config,
  bodies: NoteBodies<'source' | 'prose' | 'termBag'>,
  precomputed?: ReadonlyMap<NoteId, Mention[]>,
): Library {
  const notes = sortBy(input, (n) => n.id, (n) => n.path);
  const concepts = sortBy(glossary, (c) => c.id);
  const mentions = precomputed ?? findMentions(notes, concepts, bodies);
  const { links } = resolveLinks(notes, concepts);
  const backlinks = computeBacklinks([...links.values()].flat());

  const conceptCounts = noteConcepts(notes, concepts, mentions);
  const mentionedIn = new Map<NoteId, Set<NoteId>>();
  const conceptNotes = new Map<ConceptId, Set<NoteId>>();
  const conceptMentions = new Map<ConceptId, number>();
  const add = <K, V>(map: Map<K, Set<V>>, key: K, value: V) => {
    const set = map.get(key);
    if (set) set.add(value);
    else map.set(key, new Set([value]));
  };
  for (const note of notes) {
    for (const mention of mentions.get(note.id) ?? []) {
      if (mention.kind === 'concept') {
        const id = mention.target as ConceptId;
        conceptMentions.set(id, (conceptMentions.get(id) ?? 0) + 1);
      } else if (!mention.linked && mention.target !== note.id) {
        add(mentionedIn, mention.target as NoteId, note.id);
      }
    }
    for (const id of conceptCounts.get(note.id)!.keys()) add(conceptNotes, id, note.id);
  }

  const relations = relationsByNote(resolveRelations(notes, createLinkResolver(notes, concepts), relationVocabulary(config)));
  const related = computeRelated(notes, conceptIdsByNote(conceptCounts), config.relatedLimit, bodies, relations);
  const sorted = (set: Set<NoteId> | undefined): NoteId[] => [...(set ?? [])].sort(compareCodePoints);

  const linkedNotes: LinkedNote[] = notes.map((note) => ({
    note,
    mentions: mentions.get(note.id) ?? [],
    links: links.get(note.id) ?? [],
    backlinks: backlinks.notes.get(note.id) ?? [],
    mentionedIn: sorted(mentionedIn.get(note.id)),
    related: related.get(note.id) ?? [],
    relations: relations.get(note.id) ?? [],
    concepts: sortBy([...conceptCounts.get(note.id)!].map(([id, count]) => ({ id, count })), (c) => c.id),
  }));
  const linkedConcepts: LinkedConcept[] = concepts.map((concept) => ({
    concept,
    notes: sorted(conceptNotes.get(concept.id)),
    backlinks: backlinks.concepts.get(concept.id) ?? [],
    mentionCount: conceptMentions.get(concept.id) ?? 0,
  }));
  return { notes: linkedNotes, concepts: linkedConcepts, diagnostics: [] };
}
