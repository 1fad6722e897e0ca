/**
 * How a candidate relates to the names a library already has. A candidate
 * whose normalised words (`normalizeTerm`: case, plural, possessive,
 * hyphen/space) equal a concept name or alias, or a note title or alias, is
 * known and never suggested; so is one with the same Porter key as a note
 * title. A variant of a concept is offered as an alias of it:
 *
 * - `inflection`: same Porter key, different normalised words
 *   (`organizing principle` beside `organized principles`; a plain plural
 *   normalises to the same words and is known already);
 * - `longer`: the words of a concept name or alias of two words or more lie
 *   inside the candidate's (`single-threaded leader model`); one-word
 *   concepts (`focus`) head too many phrases to claim them;
 * - `shorter`: the candidate's words lie inside the concept's (`market fit`
 *   in `product/market fit`);
 * - `same-modifier`: the same modifier words with another head
 *   (`single-threaded team` beside `single-threaded leader`), only when no
 *   other concept shares those modifiers (`team size` and `team autonomy`
 *   make `team` a productive modifier: `team structure` is a concept of its own).
 *
 * The first relation that holds wins, in that order; among concepts, the
 * longest name first, then glossary order.
 */
import { normalizeTerm } from './normalize.js';
import { porterKey } from './tagger.js';
import { tokenize } from './tokenize.js';

/** How a variant relates to its concept. */
export type VariantRelation = 'inflection' | 'longer' | 'shorter' | 'same-modifier';

/** A glossary concept as the variant rules see it. */
export interface KnownConcept {
  name: string;
  aliases: readonly string[];
}

/** What a candidate is with respect to the glossary. */
export type Relation = { kind: 'known' } | { kind: 'alias'; of: string; relation: VariantRelation } | { kind: 'new' };

const normalised = (phrase: string) => tokenize(phrase).map((t) => normalizeTerm(t.value));
const porterOf = (phrase: string) => phrase.split(/\s+/u).map(porterKey).join(' ');
const padded = (words: readonly string[]) => ` ${words.join(' ')} `;

/** Builds the relation test for one glossary and set of note titles (O(names) per candidate). */
export function createVariantFinder(concepts: readonly KnownConcept[], titles: readonly string[]): (phrase: string) => Relation {
  const forms = concepts.flatMap((concept, order) =>
    [concept.name, ...concept.aliases].map((written) => ({ concept: concept.name, order, words: normalised(written), porter: porterOf(written) })),
  );
  const known = new Set([...forms.map((f) => f.words.join(' ')), ...titles.map((t) => normalised(t).join(' '))]);
  const titlePorter = new Set(titles.map(porterOf));
  const modifierOwners = new Map<string, Set<string>>();
  for (const form of forms) {
    if (form.words.length < 2) continue;
    const modifiers = form.words.slice(0, -1).join(' ');
    let owners = modifierOwners.get(modifiers);
    if (!owners) modifierOwners.set(modifiers, (owners = new Set()));
    owners.add(form.concept);
  }
  const ordered = [...forms].sort((a, b) => b.words.length - a.words.length || a.order - b.order);

  return (phrase) => {
    const words = normalised(phrase);
    const key = words.join(' ');
    const porter = porterOf(phrase);
    if (known.has(key) || titlePorter.has(porter)) return { kind: 'known' };
    const inflection = ordered.find((f) => f.porter === porter);
    if (inflection) return { kind: 'alias', of: inflection.concept, relation: 'inflection' };
    const mine = padded(words);
    const longer = ordered.find((f) => f.words.length >= 2 && mine.includes(padded(f.words)));
    if (longer) return { kind: 'alias', of: longer.concept, relation: 'longer' };
    const shorter = ordered.find((f) => padded(f.words).includes(mine));
    if (shorter) return { kind: 'alias', of: shorter.concept, relation: 'shorter' };
    if (words.length >= 2) {
      const modifiers = words.slice(0, -1).join(' ');
      const owners = modifierOwners.get(modifiers);
      if (owners?.size === 1) return { kind: 'alias', of: [...owners][0]!, relation: 'same-modifier' };
    }
    return { kind: 'new' };
  };
}

/**
 * Whether a phrase lies inside a note title or alias (normalised words): a
 * proper name found there is a reference to the note (`Single-Threaded Model`
 * of `Amazon's Single-Threaded Model`), not a name of its own.
 */
export function createTitlePartTest(titles: readonly string[]): (phrase: string) => boolean {
  const padded = titles.map((t) => ` ${normalised(t).join(' ')} `);
  return (phrase) => {
    const mine = ` ${normalised(phrase).join(' ')} `;
    return padded.some((title) => title.includes(mine));
  };
}
