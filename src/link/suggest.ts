/**
 * Concept suggestions for `commonplace concepts --suggest`: multi-word noun
 * phrases that recur across notes but are not in the glossary yet, so a
 * librarian can grow the glossary in minutes.
 *
 * Candidates are TEXT's key-phrase chunks (`findCandidates`: adjective/noun
 * runs ending in a noun, no stop word and no number-only word anywhere, so
 * none at either edge), identified by their Porter key. A candidate is kept
 * when it has 2+ words (a lone hyphenated compound like `long-term` is one),
 * occurs in the summary or sections of at least 2 notes, and is not (part of)
 * a glossary name or alias or a note title or alias: those are already
 * linked, and is not always used inside one longer recurring phrase. It is
 * shown in its commonest written form. Its score is
 *
 *   score(p) = df(p) · (1/|p|) · Σ_{w ∈ p} ln((N + 1) / df(w))
 *
 * document frequency (how many notes use the phrase) times the phrase's mean
 * word specificity (a phrase of words every note uses scores low), N the
 * number of notes. Rounded to 4 decimals; ties by phrase (code point).
 *
 * Complexity: one tagging pass over every note (linear in the text), plus
 * O(candidates) bookkeeping.
 */
import type { Note } from '../types.js';
import { compareCodePoints, sortBy } from '../util/sort.js';
import { findCandidates } from './text/keyphrases.js';
import { porterKey } from './text/tagger.js';
import { tokenize } from './text/tokenize.js';
import type { Concept } from '../types.js';

/** One suggested concept. */
export interface Suggestion {
  /** The phrase as first written (in the first note, by id, that uses it). */
  phrase: string;
  score: number;
  /** Notes using it, sorted by id. */
  notes: string[];
}

/** The Porter key of a multi-word name (`Single-threaded leaders` → `singl thread leader`). */
const keyOf = (text: string): string => tokenize(text).map((t) => porterKey(t.value)).join(' ');

/** Up to `limit` suggestions, best first (see the module comment for the rules and the score). */
export function suggestions(library: { notes: readonly Note[]; concepts: readonly Concept[] }, limit: number): Suggestion[] {
  const notes = sortBy(library.notes, (n) => n.id);
  const titles = notes.flatMap((n) => [n.meta.title, ...n.meta.aliases]).filter((t): t is string => typeof t === 'string');
  const known = [...library.concepts.flatMap((c) => [c.name, ...c.aliases]), ...titles].map((name) => ` ${keyOf(name)} `);
  const isKnown = (key: string): boolean => known.some((k) => k.includes(` ${key} `));

  const phrases = new Map<string, { forms: Map<string, number>; notes: string[] }>();
  const wordDf = new Map<string, number>();
  for (const note of notes) {
    const text = [note.summary?.text ?? '', ...note.sections.map((s) => s.text)].join('\n\n');
    for (const word of new Set(tokenize(text).map((t) => porterKey(t.value)))) wordDf.set(word, (wordDf.get(word) ?? 0) + 1);
    for (const candidate of findCandidates(text)) {
      if (!/\s/u.test(candidate.phrase)) continue; // one word, or one hyphenated compound (`long-term`)
      const entry = phrases.get(candidate.stemmed) ?? { forms: new Map<string, number>(), notes: [] };
      entry.notes.push(note.id);
      entry.forms.set(candidate.phrase, (entry.forms.get(candidate.phrase) ?? 0) + 1);
      phrases.set(candidate.stemmed, entry);
    }
  }
  // A phrase always used inside one longer recurring phrase ("empowered product" in
  // "empowered product teams", same number of notes) is left to the longer one.
  const coveredDf = new Map<string, number>();
  for (const [key, { notes: using }] of phrases) {
    if (using.length < 2) continue;
    const words = key.split(' ');
    for (let a = 0; a < words.length; a++) {
      for (let b = a + 1; b <= words.length; b++) {
        if (b - a === words.length) continue;
        const inner = words.slice(a, b).join(' ');
        coveredDf.set(inner, Math.max(coveredDf.get(inner) ?? 0, using.length));
      }
    }
  }
  const n = notes.length;
  const found: Suggestion[] = [];
  for (const [key, { forms, notes: using }] of phrases) {
    if (using.length < 2 || isKnown(key) || (coveredDf.get(key) ?? 0) >= using.length) continue;
    const words = key.split(' ');
    const specificity = words.reduce((sum, w) => sum + Math.log((n + 1) / (wordDf.get(w) ?? 1)), 0) / words.length;
    const phrase = sortBy([...forms], ([, count]) => -count, ([form]) => (form === form.toLowerCase() ? 0 : 1), ([form]) => form)[0]![0];
    found.push({ phrase, score: Math.round(using.length * specificity * 1e4) / 1e4, notes: using });
  }
  return found.sort((a, b) => b.score - a.score || compareCodePoints(a.phrase.toLowerCase(), b.phrase.toLowerCase()) || compareCodePoints(a.phrase, b.phrase)).slice(0, limit);
}
