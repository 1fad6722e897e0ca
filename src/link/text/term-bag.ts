/**
 * The analysed form of a text as the BM25 index needs it: its distinct
 * stems with their counts, its length in index terms, and how often each
 * surface form was written (for `Bm25Index.surface`). Everything else about
 * the text (offsets, order beyond first occurrence) is dropped, so the bag
 * is small enough to cache with the note and cheap to send between threads.
 *
 * `termBag(text)` analyses exactly as `indexTerms(text)` does (same tokens,
 * stop words, stems), so an index built from bags equals one built from the
 * texts to the last bit.
 */
import { stem } from './stem.js';
import { isStopword } from './stopwords.js';
import { tokenize } from './tokenize.js';

/**
 * A text's index terms, counted. Kept to a handful of objects per text (the
 * stems and forms joined into one string each, counts in plain number arrays
 * so the Note stays JSON-shaped):
 * every note carries one through the build and the cache, and ten thousand
 * notes × hundreds of little strings would be millions of objects for the
 * garbage collector to trace.
 */
export interface TermBag {
  /** Distinct stems in order of first occurrence (the index numbers new terms in this order), joined by `\n`. */
  terms: string;
  /** Occurrences of each stem, parallel to `terms`. */
  counts: number[];
  /** Number of index terms in the text (Σ counts): the document length BM25 normalises by. */
  length: number;
  /** Distinct lower-cased surface forms in order of first occurrence, joined by `\n`. */
  forms: string;
  /** Position in `terms` of the stem of each form, parallel to `forms`. */
  formTerms: number[];
  /** Occurrences of each form, parallel to `forms`. */
  formCounts: number[];
}

/**
 * The separator of `TermBag.terms` and `.forms`: tokens are letters, digits,
 * marks and apostrophes, and neither lower-casing nor NFKC (in `stem`) turns
 * those into a line feed (NFKC can give spaces, so a space would not do).
 */
const SEPARATOR = '\n';

/** A bag's stems as a list (parallel to `counts`). */
export function bagTerms(bag: TermBag): string[] {
  return bag.terms === '' ? [] : bag.terms.split(SEPARATOR);
}

/** A bag's surface forms as a list (parallel to `formTerms`, `formCounts`). */
export function bagForms(bag: TermBag): string[] {
  return bag.forms === '' ? [] : bag.forms.split(SEPARATOR);
}

/** One index term occurrence. */
export interface IndexTerm {
  term: string;
  surface: string;
  start: number;
  end: number;
}

/** Stemmed index terms of a text, with the surface form and offsets of each occurrence. O(length). */
export function indexTerms(text: string): IndexTerm[] {
  const terms: IndexTerm[] = [];
  for (const token of tokenize(text)) {
    const term = indexTerm(token.value);
    if (term !== undefined) terms.push({ term, surface: token.value.toLowerCase(), start: token.start, end: token.end });
  }
  return terms;
}

/** The stem a word is indexed under, or undefined for stop words, letterless tokens and one-letter stems. */
function indexTerm(word: string): string | undefined {
  if (isStopword(word) || !/\p{L}/u.test(word)) return undefined;
  const term = stem(word);
  return term.length < 2 ? undefined : term;
}

/** The term bag of `text`. O(length). */
export function termBag(text: string): TermBag {
  const terms: string[] = [];
  const counts: number[] = [];
  const forms: string[] = [];
  const formTerms: number[] = [];
  const formCounts: number[] = [];
  const termAt = new Map<string, number>();
  const formAt = new Map<string, number>();
  let length = 0;
  for (const token of tokenize(text)) {
    const term = indexTerm(token.value);
    if (term === undefined) continue;
    let t = termAt.get(term);
    if (t === undefined) {
      t = terms.length;
      termAt.set(term, t);
      terms.push(term);
      counts.push(0);
    }
    counts[t]!++;
    length++;
    const surface = token.value.toLowerCase();
    // A surface form always stems to the same term, so the form alone is the key.
    const f = formAt.get(surface);
    if (f === undefined) {
      formAt.set(surface, forms.length);
      forms.push(surface);
      formTerms.push(t);
      formCounts.push(1);
    } else formCounts[f]!++;
  }
  return {
    terms: terms.join(SEPARATOR),
    counts,
    length,
    forms: forms.join(SEPARATOR),
    formTerms,
    formCounts,
  };
}
