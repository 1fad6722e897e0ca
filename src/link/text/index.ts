/**
 * The text tooling's public API: tokenise, normalise (glossary matching),
 * stem (ranking), stop words, key phrases and the related-notes ranker.
 */
export { tokenize } from './tokenize.js';
export type { Token } from './tokenize.js';
export { normalizeTerm, normalizePhrase } from './normalize.js';
export { stem } from './stem.js';
export { isStopword, isVagueWord, stopwordList } from './stopwords.js';
export { extractKeyphrases, buildPhraseDf, findCandidates } from './keyphrases.js';
export type { Keyphrase, KeyphraseOptions, Candidate } from './keyphrases.js';
export { suggestConcepts } from './suggest.js';
export type { ConceptSuggestion, KnownNames, SuggestOptions, SuggestResult } from './suggest.js';
export { createRanker, DEFAULT_RANKER_OPTIONS } from './ranker.js';
export type { Ranker, RankerDoc, RankerOptions, RelatedHit, SearchHit } from './ranker.js';
export type { Snippet } from './snippet.js';
