/**
 * What "the same phrase" means for glossary names, aliases, note titles and
 * wikilink targets: the normalised token sequence. Two spellings are the same
 * phrase when they tokenise to the same words after `normalizeTerm`, so case,
 * hyphen/space, typographic apostrophes, plurals and possessives never matter:
 * `Conway’s Laws`, `conway's law` and `Conways-law` share one key.
 */
import { normalizeTerm } from './text/normalize.js';
import { tokenize } from './text/tokenize.js';

/** The normalised words of `text`, in order (empty when it has no words). */
export function phraseTerms(text: string): string[] {
  return tokenize(text).map((token) => normalizeTerm(token.value));
}

/** One string per phrase: its normalised words joined by single spaces ('' when there are none). */
export function phraseKey(text: string): string {
  return phraseTerms(text).join(' ');
}
