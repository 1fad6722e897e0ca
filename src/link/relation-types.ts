/**
 * The relation vocabulary: the names a note may use under `relations:`, each
 * with the phrase shown on the declaring note ("Responds to") and the
 * inverse phrase shown on its target ("Responded to by"). Five are built in;
 * config `relationTypes` may add more (never redefine a built-in one).
 */

/** How one relation reads, both ways. */
export interface RelationPhrases {
  /** Shown on the declaring note, before the target: "Responds to". */
  phrase: string;
  /** Shown on the target, before the declaring note: "Responded to by". */
  inverse: string;
}

/** The built-in relations, in the order the README lists them. */
export const BUILTIN_RELATIONS: Readonly<Record<string, RelationPhrases>> = Object.freeze({
  'responds-to': { phrase: 'Responds to', inverse: 'Responded to by' },
  'builds-on': { phrase: 'Builds on', inverse: 'Built on by' },
  contradicts: { phrase: 'Contradicts', inverse: 'Contradicted by' },
  supports: { phrase: 'Supports', inverse: 'Supported by' },
  summarises: { phrase: 'Summarises', inverse: 'Summarised by' },
});

/** The relation that makes a debate (see the Debates chapter), and the one that cannot stand beside it. */
export const CONTRADICTS = 'contradicts';
export const SUPPORTS = 'supports';

/** A relation name must look like the built-in ones: lower-case words joined by hyphens. */
export const RELATION_NAME = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;

/** The whole vocabulary under a config: built-ins, then `relationTypes`. */
export function relationVocabulary(config: { relationTypes: Record<string, RelationPhrases> }): Map<string, RelationPhrases> {
  const vocabulary = new Map(Object.entries(BUILTIN_RELATIONS));
  for (const [name, phrases] of Object.entries(config.relationTypes)) {
    if (!vocabulary.has(name)) vocabulary.set(name, { phrase: phrases.phrase, inverse: phrases.inverse });
  }
  return vocabulary;
}

/** The phrase for one relation seen from one side ("Responds to" out, "Responded to by" in); the name itself when unknown. */
export function relationPhrase(vocabulary: ReadonlyMap<string, RelationPhrases>, type: string, direction: 'out' | 'in'): string {
  const phrases = vocabulary.get(type);
  if (!phrases) return type;
  return direction === 'out' ? phrases.phrase : phrases.inverse;
}
