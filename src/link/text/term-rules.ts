/**
 * The rules that keep a term candidate out of the concept suggestions. Each
 * is a linguistic rule over the candidate's words, tags and occurrences, never
 * a list of one corpus's phrases. The two word classes below are closed
 * grammatical classes of English, written out because they are small:
 *
 * - Latin citation abbreviations (`et al.`, `ibid.`, `cf.`): reference
 *   apparatus, not subject matter.
 * - Evaluative and quantity adjectives (`good`, `important`, `large`,
 *   `wide`, `several`, `whole`, `previous`): they grade or count a noun
 *   instead of naming a kind of it, so `good agreement` or `wide range` is
 *   the noun plus an opinion or a size. Adjectives that also form technical
 *   compounds (`high`, `low`, `real`, `current`, `main`, `key`, `normal`,
 *   `multiple`, `big`: `big data`, `big rewrite`) are left out.
 */
import type { TermCandidate } from './term-candidates.js';

/** Why a candidate is not a suggestion. */
export type TermRejection = 'clause-fragment' | 'citation-residue' | 'evaluative' | 'fragment-word' | 'truncated';

const CITATION = new Set(['et', 'al', 'ibid', 'idem', 'cf', 'viz', 'op', 'cit', 'loc', 'passim', 'sic']);

/** Adjectives that grade or count (see the module comment); compared on the lower-cased written word. */
const EVALUATIVE = new Set(
  `good better best bad worse worst great greater greatest poor excellent fine nice
important significant notable remarkable interesting useful valuable relevant crucial major minor
large larger largest small smaller smallest little huge vast tiny enormous wide broad
many several various numerous few different diverse certain particular
whole entire overall
previous prior recent former latter earlier later present future further following next last
same similar other such typical usual
young old new novel modern traditional conventional possible simple easy difficult`.split(/\s+/u),
);

/**
 * Clause fragment: a subject and its verb mis-tagged as a noun phrase
 * (`results show`). Such a phrase is followed by a determiner, a pronoun or
 * `that` in most of its occurrences (`results show that …`, `… show the …`),
 * which a noun phrase that names something rarely is.
 */
export function isClauseFragment(candidate: TermCandidate): boolean {
  return candidate.clauseFollowed * 2 > candidate.count;
}

/** Citation residue: a word of the phrase is a Latin citation abbreviation (`Smith et al`). */
export function isCitationResidue(words: readonly string[]): boolean {
  return words.some((word) => CITATION.has(word.toLowerCase().replace(/\.$/u, '')));
}

/**
 * Evaluative or quantity phrase: a two-word phrase whose modifier is an
 * evaluative or quantity adjective (`good agreement`, `large number`,
 * `important initiative`). Longer phrases keep such a word only inside a
 * compound that names a kind (`large scale integration`).
 */
export function isEvaluative(words: readonly string[]): boolean {
  return words.length === 2 && EVALUATIVE.has(words[0]!.toLowerCase());
}

/**
 * Fragment word: an edge word of one or two lower-case letters, the residue
 * of a split unit or abbreviation (`mu m`); acronyms (`IT`, `AI`) are
 * upper case and stay.
 */
export function hasFragmentWord(words: readonly string[]): boolean {
  const edges = [words[0] ?? '', words[words.length - 1] ?? ''];
  return edges.some((word) => /^\p{Ll}{1,2}$/u.test(word));
}

/**
 * Truncated piece: `piece` lies inside longer kept terms that account for
 * nearly all its occurrences (fewer than `minDocs` left over) and it ends
 * where its noun phrase ends in fewer than `minDocs` notes
 * (`transmission electron` of `transmission electron microscopes`).
 * `longer` are the occurrence counts of the shortest kept terms containing it
 * (a term containing one of those is left out: its occurrences are counted there).
 */
export function isTruncated(piece: { count: number; completeDocs: number }, longer: readonly number[], minDocs: number): boolean {
  if (longer.length === 0) return false;
  const own = piece.count - longer.reduce((sum, f) => sum + f, 0);
  return own < minDocs && piece.completeDocs < minDocs;
}

/** The first rule (in the order of `TermRejection`) a candidate breaks on its own, or null; `isTruncated` needs the other kept terms and runs later. */
export function rejectionOf(candidate: TermCandidate, words: readonly string[]): TermRejection | null {
  if (isClauseFragment(candidate)) return 'clause-fragment';
  if (isCitationResidue(words)) return 'citation-residue';
  if (isEvaluative(words)) return 'evaluative';
  if (hasFragmentWord(words)) return 'fragment-word';
  return null;
}
