/**
 * Library-wide term candidates for concept suggestions: every noun phrase of
 * 2–`maxWords` words (adjectives, nouns and hyphenated modifiers ending in a
 * noun, inside one sentence, possessives kept: `Conway's law`) in every
 * document, gathered by Porter key with what the termhood score and the
 * filter rules need: frequencies, documents, written forms, the words around
 * each occurrence and one sentence per document as evidence.
 *
 * Complexity: O(total words · maxWords²) time; memory O(candidate types ·
 * (context words + 2 evidence sentences)).
 */
import { isStopword } from './stopwords.js';
import { tagWords, type TaggedWord } from './tagger.js';

/** Where a candidate was seen: a document and the sentence around it. */
export interface TermEvidence {
  doc: string;
  /** The sentence, line breaks flattened. */
  sentence: string;
}

/** One candidate phrase (identity: its Porter key) with its library-wide statistics. */
export interface TermCandidate {
  /** Porter key: stemmed words joined by single spaces. */
  key: string;
  /** Number of words. */
  length: number;
  /** Occurrences in all documents. */
  count: number;
  /** Ids of the documents it occurs in, in the order the documents were given. */
  docs: string[];
  /** Written forms (space-normalised) with their counts (0.4 for one at the start of a sentence). */
  surfaces: Map<string, number>;
  /** The tag of each word at its first occurrence. */
  tags: string[];
  /** Occurrences followed by a determiner, a pronoun or a subordinating conjunction (`results show that`). */
  clauseFollowed: number;
  /** Occurrences not at the start of a sentence, and those of them with every word capitalised. */
  midSentence: number;
  capitalised: number;
  /** Notes where it ends where its noun phrase ends at least once (not followed by another noun or modifier). */
  completeDocs: number;
  /** The last note counted in `completeDocs` (bookkeeping). */
  lastComplete: string;
  /** Neighbouring content words (Porter key → count), the NC-value's context. */
  context: Map<string, number>;
  /** The first occurrences' sentences, at most one per document and `evidencePerTerm` in all. */
  evidence: TermEvidence[];
}

/** Options of `collectTermCandidates`. */
export interface CollectOptions {
  /** Longest candidate in words (default 6, as the key-phrase extractor). */
  maxWords?: number;
  /** Sentences kept per candidate (default 2). */
  evidencePerTerm?: number;
}

const HEADS = new Set(['NOUN', 'PROPN']);
const MODIFIERS = new Set(['NOUN', 'PROPN', 'ADJ']);
const CONTEXT_TAGS = new Set(['NOUN', 'PROPN', 'ADJ', 'VERB']);
const CLAUSE_STARTS = new Set(['DET', 'PRON', 'SCONJ']);

/** Whether a word may sit inside a noun-phrase chunk (the key-phrase grammar: content word with a letter, hyphenated words whatever their tag). */
function chunkable(word: TaggedWord): boolean {
  if (isStopword(word.text) || word.key === '' || !/\p{L}/u.test(word.text)) return false;
  return MODIFIERS.has(word.pos) || (word.key.includes(' ') && word.pos !== 'PUNCT' && word.pos !== 'NUM');
}

const capitalisedWord = (text: string) => /^\p{Lu}/u.test(text);

/** What `collectTermCandidates` returns. */
export interface TermCollection {
  candidates: Map<string, TermCandidate>;
  /** Number of documents each stemmed word occurs in. */
  wordDf: Map<string, number>;
  docCount: number;
}

/** A document: its id, its prose and, optionally, its title. */
export interface TermDoc {
  id: string;
  text: string;
  /** Read before the prose as its first sentence (`withTitle`) for word counts, never a candidate or evidence. */
  title?: string;
}

/** The text tagged for a document: `title.` and a blank line before the prose when there is a title. */
export const withTitle = (doc: TermDoc): string => (doc.title ? `${doc.title}.\n\n${doc.text}` : doc.text);

/** Gathers the candidates of `docs` (see the module comment). Deterministic for a given document order. */
export function collectTermCandidates(docs: readonly TermDoc[], options: CollectOptions = {}): TermCollection {
  const maxWords = options.maxWords ?? 6;
  const evidencePerTerm = options.evidencePerTerm ?? 2;
  const candidates = new Map<string, TermCandidate>();
  const wordDf = new Map<string, number>();
  for (const source of docs) {
    const doc = { id: source.id, text: withTitle(source) };
    const proseStart = doc.text.length - source.text.length;
    const words = joinSlashed(tagWords(doc.text));
    for (const word of new Set(words.flatMap((w) => w.key.split(' ')))) if (word !== '') wordDf.set(word, (wordDf.get(word) ?? 0) + 1);
    const sentenceBounds = boundsOfSentences(words);
    let chunkStart = 0;
    for (let i = 0; i <= words.length; i++) {
      const word = words[i];
      const inChunk = word !== undefined && chunkable(word) && (i === chunkStart || words[i - 1]!.sentence === word.sentence);
      if (inChunk) continue;
      // words[chunkStart, i) is a maximal chunk; the title is context only
      for (let end = chunkStart; end < i && words[chunkStart]!.start >= proseStart; end++) {
        if (!HEADS.has(words[end]!.pos)) continue;
        for (let start = Math.max(chunkStart, end - maxWords + 1); start < end; start++) {
          add(candidates, doc, words, start, end, end === i - 1, sentenceBounds, evidencePerTerm);
        }
      }
      chunkStart = word !== undefined && chunkable(word) ? i : i + 1;
    }
  }
  return { candidates, wordDf, docCount: docs.length };
}

/**
 * `product/market fit`: two words joined by a slash with no space are one
 * word (as hyphenated words are), tagged as the second, Porter keys joined by
 * a space. The tagger's words are shared (memoised), so new objects are made.
 */
function joinSlashed(words: readonly TaggedWord[]): readonly TaggedWord[] {
  if (!words.some((w) => w.text === '/')) return words;
  const out: TaggedWord[] = [];
  for (let i = 0; i < words.length; i++) {
    const [left, slash, right] = [out[out.length - 1], words[i]!, words[i + 1]];
    if (slash.text === '/' && left && right && left.end === slash.start && slash.end === right.start && /\p{L}/u.test(left.text) && /\p{L}/u.test(right.text)) {
      out[out.length - 1] = { ...right, text: `${left.text}/${right.text}`, key: `${left.key} ${right.key}`, start: left.start, possessive: right.possessive };
      i++;
      continue;
    }
    out.push(slash);
  }
  return out;
}

/** First and last word index of each sentence. */
function boundsOfSentences(words: readonly TaggedWord[]): Map<number, [number, number]> {
  const bounds = new Map<number, [number, number]>();
  words.forEach((word, i) => {
    const known = bounds.get(word.sentence);
    if (known) known[1] = i;
    else bounds.set(word.sentence, [i, i]);
  });
  return bounds;
}

/** Records the occurrence words[start..end] of `doc`. */
function add(
  candidates: Map<string, TermCandidate>,
  doc: { id: string; text: string },
  words: readonly TaggedWord[],
  start: number,
  end: number,
  complete: boolean,
  sentenceBounds: Map<number, [number, number]>,
  evidencePerTerm: number,
): void {
  const parts = words.slice(start, end + 1);
  const key = parts.map((w) => w.key).join(' ');
  let candidate = candidates.get(key);
  if (!candidate) {
    candidate = {
      key,
      length: parts.length,
      count: 0,
      docs: [],
      surfaces: new Map(),
      tags: parts.map((w) => w.pos),
      clauseFollowed: 0,
      completeDocs: 0,
      lastComplete: '',
      midSentence: 0,
      capitalised: 0,
      context: new Map(),
      evidence: [],
    };
    candidates.set(key, candidate);
  }
  candidate.count++;
  const newDoc = candidate.docs[candidate.docs.length - 1] !== doc.id;
  if (newDoc) {
    candidate.docs.push(doc.id);
    candidate.lastComplete = '';
  }
  if (complete && candidate.lastComplete !== doc.id) {
    candidate.completeDocs++;
    candidate.lastComplete = doc.id;
  }
  const [first, last] = sentenceBounds.get(parts[0]!.sentence)!;
  // A sentence's first word is capitalised whatever it is, so that form counts less than one seen mid-sentence.
  const surface = doc.text.slice(parts[0]!.start, parts[parts.length - 1]!.end).replace(/\s+/gu, ' ');
  candidate.surfaces.set(surface, (candidate.surfaces.get(surface) ?? 0) + (start > first ? 1 : 0.4));
  const next = words[end + 1];
  if (next && next.sentence === parts[0]!.sentence && CLAUSE_STARTS.has(next.pos)) candidate.clauseFollowed++;
  if (start > first) {
    candidate.midSentence++;
    if (parts.every((w) => capitalisedWord(w.text))) candidate.capitalised++;
  }
  for (const neighbour of [words[start - 1], next]) {
    if (neighbour && neighbour.sentence === parts[0]!.sentence && CONTEXT_TAGS.has(neighbour.pos) && !isStopword(neighbour.text) && neighbour.key !== '')
      candidate.context.set(neighbour.key, (candidate.context.get(neighbour.key) ?? 0) + 1);
  }
  if (newDoc && candidate.evidence.length < evidencePerTerm) {
    candidate.evidence.push({ doc: doc.id, sentence: doc.text.slice(words[first]!.start, words[last]!.end).replace(/\s+/gu, ' ').replace(/^[\s,;:.)\]]+/u, '') });
  }
}
