/**
 * Author names as reference managers want them: family and given parts, a
 * particle ("van", "de la") and a suffix ("Jr."), from the one string a note
 * gives per author. The same split serves CSL-JSON and BibTeX, so both files
 * name each author alike.
 */

/** A CSL name variable (the fields CSL-JSON and BibTeX share). */
export interface CslName {
  family: string;
  given?: string;
  'non-dropping-particle'?: string;
  suffix?: string;
}

const SUFFIXES = new Set(['jr', 'jr.', 'sr', 'sr.', 'ii', 'iii', 'iv']);

/** A word that starts with a lowercase letter in any script ("van", "de", "ibn", "d'"). */
const isParticle = (word: string): boolean => /^\p{Ll}/u.test(word);

/**
 * Splits one author string. "Family, Given" is taken as written; otherwise
 * the last word is the family name, lowercase words just before it are the
 * particle ("Vincent van Gogh"), the rest the given names; one word (Plato,
 * 王小波, an unspaced CJK name whose split we cannot know) is a family name
 * alone. A trailing "Jr."/"III" is the suffix. Total: never throws.
 */
export function splitName(written: string): CslName {
  const name = written.trim().replace(/\s+/g, ' ');
  const comma = name.split(/\s*,\s*/);
  if (comma[0] !== '' && (comma.length >= 3 || (comma.length === 2 && !SUFFIXES.has(comma[1]!.toLowerCase())))) {
    // "van Gogh, Vincent" or "King, Jr., Martin Luther" (BibTeX's orders).
    const [familyPart, ...rest] = comma as [string, ...string[]];
    const suffix = rest.length >= 2 ? rest[0] : undefined;
    const given = rest.length >= 2 ? rest.slice(1).join(', ') : rest[0]!;
    return withParts(familyWords(familyPart.split(' ')), given, suffix);
  }
  let words = name.split(' ').filter((w) => w !== '');
  let suffix: string | undefined;
  if (comma.length >= 2 && SUFFIXES.has(comma[1]!.toLowerCase())) {
    // "Martin Luther King, Jr."
    words = comma[0]!.split(' ');
    suffix = comma.slice(1).join(', ');
  } else if (words.length > 2 && SUFFIXES.has(words[words.length - 1]!.toLowerCase())) {
    suffix = words.pop();
  }
  if (words.length <= 1) return withParts({ family: words[0] ?? name }, undefined, suffix);
  // The particle is the run of lowercase words right before the last word, after at least one given name.
  let start = words.length - 1;
  while (start > 1 && isParticle(words[start - 1]!)) start--;
  return withParts(familyWords(words.slice(start)), words.slice(0, start).join(' '), suffix);
}

/** "van Gogh" → particle "van", family "Gogh"; a family part with no lowercase lead is all family. */
function familyWords(words: string[]): { family: string; particle?: string } {
  let i = 0;
  while (i < words.length - 1 && isParticle(words[i]!)) i++;
  const particle = words.slice(0, i).join(' ');
  return particle ? { family: words.slice(i).join(' '), particle } : { family: words.join(' ') };
}

function withParts(family: { family: string; particle?: string }, given: string | undefined, suffix: string | undefined): CslName {
  const out: CslName = { family: family.family };
  if (given) out.given = given;
  if (family.particle) out['non-dropping-particle'] = family.particle;
  if (suffix) out.suffix = suffix;
  return out;
}
