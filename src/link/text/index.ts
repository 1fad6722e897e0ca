/**
 * The text tooling's public API: tokenise, normalise (glossary matching),
 * stem (ranking), stop words, key phrases and the related-notes ranker.
 */
export { tokenize } from './tokenize.js';
export type { Token } from './tokenize.js';
export { normalizeTerm, normalizePhrase } from './normalize.js';
export { stem } from './stem.js';
export { isStopword, stopwordList } from './stopwords.js';
