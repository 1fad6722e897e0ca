/**
 * Part-of-speech tagging for key-phrase candidates, via wink-nlp with its
 * English "lite web" model (wink-eng-lite-web-model): an MIT-licensed,
 * maintained npm package (~4.6 MB installed, no native code, no download at
 * run time) whose tagger is deterministic and tags about 95% of tokens right.
 * Key phrases are adjective/noun chunks, so the tagger is what separates
 * "describes" from "describer" where a stop list cannot.
 *
 * The wink token stream is reshaped into `TaggedWord`s:
 * - `single - threaded` (wink splits some hyphenated words) is glued back
 *   into one word `single-threaded`, tagged with its last part's tag;
 * - a possessive `'s` / `’s` becomes a flag on the word before it;
 * - every word gets its source offsets and its Porter key (hyphen parts
 *   stemmed separately, joined by a space, so `single-threaded` and
 *   `single threaded` share the key `singl thread`).
 *
 * Complexity: linear in the text length (wink's tagger is a linear model).
 */
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { stem } from './stem.js';
import { tokenize } from './tokenize.js';

/** One word as the key-phrase grammar sees it. */
export interface TaggedWord {
  /** The word as written (hyphenated words whole). */
  text: string;
  /** Universal POS tag (NOUN, PROPN, ADJ, VERB, …; PUNCT for punctuation). */
  pos: string;
  /** Porter key: each hyphen/apostrophe-separated part stemmed, joined by spaces. */
  key: string;
  /** 0-based offsets in the input text. */
  start: number;
  end: number;
  /** Index of the sentence the word is in (0-based). */
  sentence: number;
  /** True when a possessive `'s` followed the word. */
  possessive: boolean;
}

const nlp = winkNLP(model, ['sbd', 'pos']);
const its = nlp.its;
const HYPHEN = /^[-\u2010\u2011]$/u;
const POSSESSIVE = /^['’]s?$/u;

/** The Porter key of a surface word: its tokenize() parts, each stemmed, joined by a space. */
export function porterKey(word: string): string {
  return tokenize(word).map((token) => stem(token.value)).join(' ');
}

const memo = new Map<string, readonly TaggedWord[]>();
const MEMO_LIMIT = 4096;

/**
 * Tags `text` and returns its words (see the module comment for the reshaping
 * rules). Results are memoised for the last few thousand texts, because
 * corpus statistics and extraction usually tag the same notes twice; callers
 * must not mutate the returned words.
 */
export function tagWords(text: string): readonly TaggedWord[] {
  let words = memo.get(text);
  if (words === undefined) {
    words = tagUncached(text);
    if (memo.size >= MEMO_LIMIT) memo.delete(memo.keys().next().value as string);
    memo.set(text, words);
  }
  return words;
}

/** Runs of non-space characters longer than this are blanked before tagging (see `tagUncached`). */
const MAX_RUN = 64;
const LONG_RUN = new RegExp(`\\S{${MAX_RUN + 1},}`, 'gu');

/**
 * The tagging itself. wink's tokenizer is quadratic in the length of a run
 * without spaces (200,000 characters take minutes), and such runs (URLs,
 * hashes, `a-a-a-…`) are never key phrases, so they are replaced by as many
 * spaces first: offsets stay valid and the run simply yields no words.
 */
function tagUncached(original: string): TaggedWord[] {
  const text = original.replace(LONG_RUN, (run) => ' '.repeat(run.length));
  const doc = nlp.readDoc(text);
  const words: TaggedWord[] = [];
  let cursor = 0;
  doc.sentences().each((sentence, sentenceIndex) => {
    const values = sentence.tokens().out();
    const tags = sentence.tokens().out(its.pos);
    const spaces = sentence.tokens().out(its.precedingSpaces);
    for (let i = 0; i < values.length; i++) {
      const value = values[i] ?? '';
      const found = text.indexOf(value, cursor);
      const start = found >= 0 ? found : cursor;
      const end = found >= 0 ? start + value.length : cursor;
      cursor = end;
      const previous = words[words.length - 1];
      const glued = spaces[i] === '' && previous !== undefined && previous.end === start && previous.sentence === sentenceIndex;
      if (glued && POSSESSIVE.test(value) && previous.pos !== 'PUNCT') {
        previous.possessive = true;
        continue;
      }
      if (glued && (HYPHEN.test(value) || HYPHEN.test(previous.text.slice(-1))) && previous.pos !== 'PUNCT') {
        // `single` `-` `threaded`: extend the previous word; the tag of the head (last part) wins.
        previous.text = text.slice(previous.start, end);
        previous.end = end;
        if (!HYPHEN.test(value)) previous.pos = tags[i] ?? 'X';
        previous.key = porterKey(previous.text);
        continue;
      }
      words.push({ text: value, pos: tags[i] ?? 'X', key: porterKey(value), start, end, sentence: sentenceIndex, possessive: false });
    }
  });
  return words;
}
