/**
 * Concept suggestions for `commonplace concepts --suggest`: TEXT's
 * `suggestConcepts` (see `src/link/text/suggest.ts` for the rules and the
 * score) over each note's summary and section text, with the glossary's
 * concepts and every note title and alias passed as known names, so only
 * phrases that are not linked yet come back, and variants of a concept come
 * back as aliases of it.
 */
import { unlinkWikilinks } from '../read/wikilinks.js';
import type { Concept, Note } from '../types.js';
import { suggestConcepts, type ConceptSuggestion } from './text/suggest.js';
import type { TermhoodTuning } from './text/termhood.js';

/** One suggested concept, alias or name, with the notes that use it and where. */
export interface Suggestion {
  phrase: string;
  kind: ConceptSuggestion['kind'];
  /** For `kind: 'alias'`: the concept name it is a variant of, and how. */
  aliasOf?: string;
  relation?: ConceptSuggestion['relation'];
  score: number;
  /** The score's parts: C-value and NC-value (see `src/link/text/termhood.ts`). */
  cValue: number;
  ncValue: number;
  /** Ids of the notes using it, sorted. */
  notes: string[];
  /** One sentence from each of the first one or two notes using it. */
  evidence: { note: string; sentence: string }[];
}

/** The text suggestions are drawn from: summary and section bodies (titles are link targets already), wikilinks as plain words. */
export const proseOf = (note: Note): string =>
  unlinkWikilinks([note.summary?.text ?? '', ...note.sections.map((s) => s.text)].filter((t) => t !== '').join('\n\n'));

/** Up to `limit` suggestions (concepts and aliases, best first) and up to `limit` proper names apart. */
export function suggestions(
  library: { notes: readonly Note[]; concepts: readonly Concept[] },
  limit: number,
  tuning?: TermhoodTuning,
): { suggestions: Suggestion[]; names: Suggestion[] } {
  const titles = library.notes.flatMap((n) => [n.meta.title, ...n.meta.aliases]).filter((t): t is string => typeof t === 'string');
  const docs = library.notes.map((note) => ({ id: note.id, text: proseOf(note), ...(typeof note.meta.title === 'string' ? { title: note.meta.title } : {}) }));
  const found = suggestConcepts(docs, { concepts: library.concepts, titles }, { limit, ...(tuning ? { tuning } : {}) });
  return { suggestions: found.suggestions.map(toSuggestion), names: found.names.map(toSuggestion) };
}

function toSuggestion(s: ConceptSuggestion): Suggestion {
  return {
    phrase: s.phrase,
    kind: s.kind,
    ...(s.aliasOf !== undefined ? { aliasOf: s.aliasOf, relation: s.relation } : {}),
    score: s.score,
    cValue: s.cValue,
    ncValue: s.ncValue,
    notes: s.docs,
    evidence: s.evidence.map((e) => ({ note: e.doc, sentence: e.sentence })),
  };
}
