/**
 * The concordance of a concept: for each note that names it, the sentences
 * where it does, as plain text with the names marked. Sentences are cut from
 * the note's source around each mention (a mention's offsets are into
 * the note's source) and stripped of Markdown punctuation piece by piece, so the
 * marks stay where the mentions were.
 */
import type { Mention } from '../../types.js';

/** One sentence: plain-text runs, `mark` on the ones that name the concept. */
export type Sentence = { text: string; mark: boolean }[];

/** Longest text kept on either side of a mention, in characters (a run-on "sentence" is cut with an ellipsis). */
const SIDE = 160;

/** The sentences of a note (its `mentions` and `source`) that name concept `conceptId`, in note order, one per sentence. */
export function conceptSentences(noteMentions: readonly Mention[], conceptId: string, source: string): Sentence[] {
  const mentions = noteMentions.filter((m) => m.kind === 'concept' && m.target === conceptId).sort((a, b) => a.start - b.start);
  const sentences: Sentence[] = [];
  let i = 0;
  while (i < mentions.length) {
    const first = mentions[i]!;
    const [from, to] = sentenceAround(source, first.start, first.end);
    const inside = [];
    while (i < mentions.length && mentions[i]!.start < to) inside.push(mentions[i++]!);
    const parts: Sentence = [];
    let at = Math.max(from, first.start - SIDE);
    if (at > from) parts.push({ text: '… ', mark: false });
    for (const m of inside) {
      if (m.start < at) continue;
      parts.push({ text: plain(source.slice(at, m.start)), mark: false }, { text: plain(source.slice(m.start, m.end)), mark: true });
      at = m.end;
    }
    const end = Math.min(to, at + SIDE);
    parts.push({ text: plain(source.slice(at, end)) + (end < to ? ' …' : ''), mark: false });
    const trimmed = parts.filter((p) => p.text !== '');
    if (trimmed.length > 0) {
      trimmed[0]!.text = trimmed[0]!.text.trimStart();
      trimmed[trimmed.length - 1]!.text = trimmed[trimmed.length - 1]!.text.trimEnd();
      sentences.push(trimmed);
    }
  }
  return sentences;
}

/**
 * The sentence containing [start, end): back to the end of the previous
 * sentence or the paragraph's start, on to the end of this one or the paragraph's.
 */
function sentenceAround(source: string, start: number, end: number): [number, number] {
  const paraStart = Math.max(0, source.lastIndexOf('\n\n', start) + 1);
  const nextBlank = source.indexOf('\n\n', end);
  const paraEnd = nextBlank < 0 ? source.length : nextBlank;
  let from = paraStart;
  const before = source.slice(paraStart, start);
  for (const match of before.matchAll(/[.!?]["'”’)\]]*\s+/g)) from = paraStart + match.index + match[0].length;
  const after = /[.!?]["'”’)\]]*(?=\s|$)/.exec(source.slice(end, paraEnd));
  const to = after ? end + after.index + after[0].length : paraEnd;
  return [from, to];
}

/** Markdown punctuation out (emphasis, code ticks, wikilink and link brackets, block markers), whitespace collapsed. */
function plain(markdown: string): string {
  return markdown
    .replace(/\]\([^)\s]*\)/g, '')
    .replace(/\[\[([^\]|]*\|)?|\]\]/g, '')
    .replace(/^[ \t]*(?:[>#]+|[-*+]|\d+[.)])[ \t]+/gm, '')
    .replace(/[*_`[\]]/g, '')
    .replace(/\s+/g, ' ');
}
