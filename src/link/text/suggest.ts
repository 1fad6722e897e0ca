/**
 * Concept suggestions for `concepts --suggest`: multi-word noun phrases that
 * recur across notes, ranked by termhood (`termhood.ts`: C-value/NC-value
 * over note frequency, times word specificity and a bonus for the notes
 * whose own top key phrases include it), with every phrase that
 * breaks a rule of `term-rules.ts` left out and every phrase related to the
 * glossary offered as an alias of its concept (`term-variants.ts`).
 *
 * A phrase qualifies when it has 2+ words (`open-source` alone is one word),
 * occurs in at least `minDocs` notes, is not known (a concept, alias or note
 * title in any inflection) and breaks no rule: clause fragment, citation
 * residue, evaluative or quantity phrase, fragment word, truncated piece of a
 * longer qualifying phrase, proper name inside a note title (a reference
 * to the note). Proper names (every word capitalised in most
 * occurrences inside a sentence: people, organisations, places, products)
 * come back apart, as `names`. Ties by phrase (code point); the result does
 * not depend on the order of `docs`.
 */
import { compareCodePoints, sortBy } from '../../util/sort.js';
import { extractKeyphrases } from './keyphrases.js';
import { collectTermCandidates, withTitle, type TermCandidate, type TermDoc, type TermEvidence } from './term-candidates.js';
import { isTruncated, rejectionOf } from './term-rules.js';
import { createTitlePartTest, createVariantFinder, type KnownConcept, type VariantRelation } from './term-variants.js';
import { containers, DEFAULT_TERMHOOD, scoreTermhood, type TermhoodTuning } from './termhood.js';

/** One suggested concept, alias or name. */
export interface ConceptSuggestion {
  /** The commonest written form across the notes (ties: fewer capitals, then code point). */
  phrase: string;
  /** A new concept, an alias of an existing one (`aliasOf`), or a proper name. */
  kind: 'concept' | 'alias' | 'name';
  /** For an alias: the concept's name and how the phrase relates to it. */
  aliasOf?: string;
  relation?: VariantRelation;
  /** The ranking score and its parts (see `termhood.ts`). */
  score: number;
  cValue: number;
  ncValue: number;
  /** Ids of the notes it occurs in, sorted by code point. */
  docs: string[];
  /** One sentence from each of the first notes (by id) that use it. */
  evidence: TermEvidence[];
}

/** What the library already names: glossary concepts and note titles (with their aliases). */
export interface KnownNames {
  concepts: readonly KnownConcept[];
  titles: readonly string[];
}

/** Options of `suggestConcepts`. */
export interface SuggestOptions {
  /** Minimum number of notes a phrase must occur in (default 2). */
  minDocs?: number;
  /** Maximum number of suggestions, and of names (default 20). */
  limit?: number;
  tuning?: TermhoodTuning;
}

/** Suggested concepts and aliases (best first) and, apart, proper names. */
export interface SuggestResult {
  suggestions: ConceptSuggestion[];
  names: ConceptSuggestion[];
}

const capitals = (text: string) => text.replace(/[^\p{Lu}]/gu, '').length;

/** The commonest written form; ties go to the form with fewer capitals (glossary names are lower case unless proper), then code point. */
const commonestSurface = (c: TermCandidate) =>
  [...c.surfaces].sort((a, b) => b[1] - a[1] || capitals(a[0]) - capitals(b[0]) || compareCodePoints(a[0], b[0]))[0]![0];

/** Every word capitalised in most occurrences inside a sentence (all tagged proper nouns when it only starts sentences). */
export function isProperName(c: TermCandidate): boolean {
  return c.midSentence > 0 ? c.capitalised * 2 > c.midSentence : c.tags.every((t) => t === 'PROPN');
}

/** Suggests glossary entries from `docs` (see the module comment). */
export function suggestConcepts(docs: readonly TermDoc[], known: KnownNames, options: SuggestOptions = {}): SuggestResult {
  const minDocs = Math.max(1, options.minDocs ?? 2);
  const limit = options.limit ?? 20;
  const tuning = options.tuning ?? DEFAULT_TERMHOOD;
  const sorted = sortBy(docs, (d) => d.id);
  const { candidates, wordDf, docCount } = collectTermCandidates(sorted);
  const relate = createVariantFinder(known.concepts, known.titles);
  const inTitle = createTitlePartTest(known.titles);
  const kept: { candidate: TermCandidate; phrase: string; relation: ReturnType<typeof relate> }[] = [];
  for (const candidate of candidates.values()) {
    if (candidate.docs.length < minDocs) continue;
    const phrase = commonestSurface(candidate);
    if (rejectionOf(candidate, phrase.split(' ')) !== null) continue;
    const relation = relate(phrase);
    if (relation.kind === 'known' || (isProperName(candidate) && inTitle(phrase))) continue;
    kept.push({ candidate, phrase, relation });
  }
  const keyDocs = tuning.keyphraseWeight === 0 ? new Map<string, number>() : keyphraseDocs(sorted, candidates, wordDf, tuning.keyphraseTop);
  const scores = scoreTermhood(
    kept.map((k) => k.candidate),
    wordDf,
    docCount,
    tuning,
    keyDocs,
  );
  const containing = containers(kept.map((k) => k.candidate));
  const out: ConceptSuggestion[] = [];
  const names: ConceptSuggestion[] = [];
  for (const { candidate, phrase, relation } of kept) {
    if (isTruncated(candidate, shortestContaining(containing.get(candidate.key) ?? []), minDocs)) continue;
    const score = scores.get(candidate.key)!;
    const base = {
      phrase,
      score: score.score,
      cValue: score.cValue,
      ncValue: score.ncValue,
      docs: [...candidate.docs].sort(compareCodePoints),
      evidence: candidate.evidence,
    };
    if (relation.kind === 'alias') out.push({ ...base, kind: 'alias', aliasOf: relation.of, relation: relation.relation });
    else if (isProperName(candidate)) names.push({ ...base, kind: 'name' });
    else out.push({ ...base, kind: 'concept' });
  }
  const best = (list: ConceptSuggestion[]) => sortBy(list, (s) => -s.score, (s) => s.phrase).slice(0, limit);
  return { suggestions: best(out), names: best(names) };
}

/** The occurrence counts of the terms in `longer` that contain no other term of `longer`. */
export function shortestContaining(longer: readonly TermCandidate[]): number[] {
  return longer
    .filter((q) => !longer.some((other) => other !== q && other.length < q.length && ` ${q.key} `.includes(` ${other.key} `)))
    .map((q) => q.count);
}

/**
 * For each phrase, the number of notes whose top `top` key phrases
 * (`extractKeyphrases`, document frequencies from the library itself) include it.
 */
function keyphraseDocs(
  docs: readonly TermDoc[],
  candidates: ReadonlyMap<string, TermCandidate>,
  wordDf: ReadonlyMap<string, number>,
  top: number,
): Map<string, number> {
  const df = new Map(wordDf);
  for (const [key, c] of candidates) df.set(key, c.docs.length);
  const counts = new Map<string, number>();
  for (const doc of docs)
    for (const phrase of extractKeyphrases(withTitle(doc), { df, docCount: docs.length, limit: top }))
      if (candidates.has(phrase.stemmed)) counts.set(phrase.stemmed, (counts.get(phrase.stemmed) ?? 0) + 1);
  return counts;
}
