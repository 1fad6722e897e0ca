/**
 * What "the same phrase" means for glossary names, aliases, note titles and
 * wikilink targets: the normalised token sequence. Two spellings are the same
 * phrase when they tokenise to the same words after `normalizeTerm`, so case,
 * hyphen/space, typographic apostrophes, plurals and possessives never matter:
 * `Conway’s Laws`, `conway's law` and `Conways-law` share one key.
 */
import { normalizeTerm } from './text/normalize.js';
import { tokenize } from './text/tokenize.js';

/**
 * Phrases already normalised. A run normalises every title and alias several
 * times (the mention matcher, the link resolver, the duplicate rules): 10,000
 * titles cost ~50 ms a pass. Bounded: cleared whole when it fills up.
 */
const known = new Map<string, readonly string[]>();
const KNOWN_LIMIT = 200_000;

/** The normalised words of `text`, in order (empty when it has no words). */
export function phraseTerms(text: string): readonly string[] {
  let terms = known.get(text);
  if (terms === undefined) {
    if (known.size >= KNOWN_LIMIT) known.clear();
    terms = Object.freeze(tokenize(text).map((token) => normalizeTerm(token.value)));
    known.set(text, terms);
  }
  return terms;
}

/** One string per phrase: its normalised words joined by single spaces ('' when there are none). */
export function phraseKey(text: string): string {
  return phraseTerms(text).join(' ');
}
