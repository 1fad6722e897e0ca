/**
 * The words of a note's prose, in order: what mentions are matched against
 * (src/link/mentions.ts). It depends on the note alone, so the read stage
 * computes it where the tree is (in the parse workers) and the cache keeps
 * it; the link stage then never walks a syntax tree.
 *
 * What counts as prose:
 * - paragraphs, list items, block quotes, table cells and footnote bodies;
 * - NOT front matter, code blocks, inline code, raw HTML, images, link
 *   reference definitions, bare URLs (autolinks and `scheme://…`/`www.…`
 *   runs in text), and NOT headings: a heading names its section, and the
 *   handbook must not turn section titles into links;
 * - text inside a Markdown link or a `[[wikilink]]` IS included, flagged
 *   `LINKED`; in `[[Target|label]]` / `[[Target#heading]]` only `Target` is.
 * A barrier (a `null` term) stands wherever a phrase may not continue: a
 * link's edge, inline code, a line break, a URL, between paragraphs. Emphasis
 * is no barrier: "*Conway's* law" is two adjacent words.
 */
import type { Nodes, Parents, Root } from 'mdast';
import { normalizeTerm } from '../link/text/normalize.js';
import { tokenize } from '../link/text/tokenize.js';
import type { ProseWords, Wikilink } from '../types.js';
import { createPositionIndex } from '../link/positions.js';
import { sortBy } from '../util/sort.js';

/** Flag bits of `ProseWords.flags`. */
export const JOINED = 1;
export const LINKED = 2;

const SKIPPED = new Set(['yaml', 'code', 'html', 'definition', 'heading', 'thematicBreak', 'toml', 'math', 'inlineMath']);
const BARRIERS = new Set(['inlineCode', 'image', 'imageReference', 'break', 'footnoteReference', 'html']);

/** Collects words into growable columns, each distinct term stored once. */
class WordColumns {
  private readonly vocabulary = new Map<string, number>();
  private readonly ids: number[] = [];
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];
  private readonly flags: number[] = [];
  barrier(): void {
    if (this.ids.length > 0 && this.ids[this.ids.length - 1] === -1) return;
    this.add(-1, -1, -1, 0);
  }
  push(term: string, start: number, end: number, flags: number): void {
    let id = this.vocabulary.get(term);
    if (id === undefined) this.vocabulary.set(term, (id = this.vocabulary.size));
    this.add(id, start, end, flags);
  }
  private add(id: number, start: number, end: number, flags: number): void {
    this.ids.push(id);
    this.starts.push(start);
    this.ends.push(end);
    this.flags.push(flags);
  }
  done(): ProseWords {
    return {
      vocabulary: [...this.vocabulary.keys()].join(SEPARATOR),
      ids: Int32Array.from(this.ids),
      starts: Int32Array.from(this.starts),
      ends: Int32Array.from(this.ends),
      flags: Uint8Array.from(this.flags),
    };
  }
}

/** Joins `ProseWords.vocabulary`: terms are words (letters, digits, apostrophes), never a line break. */
const SEPARATOR = '\n';

/** Each word's term, `null` for a barrier: what the phrase matcher walks. */
export function proseTerms(words: ProseWords): (string | null)[] {
  // '' splits to [''], right for a vocabulary of one empty term and unused when there are no words.
  const vocabulary = words.vocabulary.split(SEPARATOR);
  return Array.from(words.ids, (id) => (id < 0 ? null : vocabulary[id]!));
}

/** The prose words of a note, from its tree, source and wikilinks. */
export function proseWords(note: { source: string; tree: Root; wikilinks: readonly Wikilink[] }): ProseWords {
  const { source } = note;
  const positions = createPositionIndex(source);
  const wikilinks = sortBy(
    note.wikilinks.map((w) => wikilinkRange(source, positions.offset(w.line, w.column), positions.offset(w.endLine, w.endColumn), w.target)),
    (w) => w.start,
  );
  const words = new WordColumns();

  const collect = (node: Nodes, linked: boolean): void => {
    if (BARRIERS.has(node.type)) {
      words.barrier();
      return;
    }
    if (node.type === 'text') {
      pushText(source, node, words, linked, wikilinks);
      return;
    }
    if (node.type === 'link' || node.type === 'linkReference') {
      words.barrier();
      if (node.type === 'link' && isAutolink(node)) return;
      for (const child of node.children) collect(child, true);
      words.barrier();
      return;
    }
    if ('children' in node) for (const child of node.children) collect(child as Nodes, linked);
  };

  const walkBlocks = (node: Nodes): void => {
    if (SKIPPED.has(node.type)) return;
    if (node.type === 'paragraph' || node.type === 'tableCell') {
      words.barrier();
      for (const child of node.children) collect(child, false);
      words.barrier();
      return;
    }
    if ('children' in node) for (const child of (node as Parents).children) walkBlocks(child as Nodes);
  };

  walkBlocks(note.tree);
  return words.done();
}

/** A wikilink's whole `[[…]]` range and the part that names its target. */
interface WikilinkRange {
  start: number;
  end: number;
  targetStart: number;
  targetEnd: number;
}

function wikilinkRange(source: string, start: number, end: number, target: string): WikilinkRange {
  const open = source.indexOf('[[', start);
  const targetStart = open >= 0 && open < end ? open + 2 : start;
  const written = source.slice(targetStart, end);
  // The target as written ends at the first `|`, `#` or `]]`; READ's `target` may be trimmed, so search.
  const stop = written.search(/[|#]|\]\]/u);
  return { start, end, targetStart, targetEnd: stop >= 0 ? targetStart + stop : Math.min(end, targetStart + target.length) };
}

/** Appends the words of one text node, mapping its source slice (escapes and all) so offsets are exact. */
function pushText(source: string, node: Nodes, words: WordColumns, linked: boolean, wikilinks: readonly WikilinkRange[]): void {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  if (start === undefined || end === undefined) return;
  const raw = source.slice(start, end);
  const urls = urlRanges(raw);
  let url = 0;
  let previous: WikilinkRange | 'outside' = 'outside';
  for (const token of tokenize(raw)) {
    const from = start + token.start;
    const to = start + token.end;
    while (url < urls.length && urls[url]![1] <= token.start) url++;
    if (url < urls.length && urls[url]![0] < token.end) {
      words.barrier();
      continue;
    }
    const wikilink = containing(wikilinks, from, to);
    if ((wikilink ?? 'outside') !== previous) words.barrier();
    previous = wikilink ?? 'outside';
    if (wikilink && (from < wikilink.targetStart || to > wikilink.targetEnd)) {
      words.barrier(); // the label or heading part of `[[Target|label]]`
      continue;
    }
    words.push(normalized(token.value), from, to, (token.joinedToPrevious ? JOINED : 0) | (linked || wikilink !== undefined ? LINKED : 0));
  }
}

/** [start, end) of each whitespace-free run of `text` that is a URL or an e-mail address, in order. O(n). */
function urlRanges(text: string): [number, number][] {
  const ranges: [number, number][] = [];
  if (!text.includes('://') && !text.includes('@') && !/www\./iu.test(text)) return ranges;
  for (const run of text.matchAll(/\S+/gu)) if (isUrlLike(run[0])) ranges.push([run.index, run.index + run[0].length]);
  return ranges;
}

const memo = new Map<string, string>();
/** `normalizeTerm`, memoised: prose repeats a small vocabulary, and normalising costs an NFKC pass. */
function normalized(word: string): string {
  let term = memo.get(word);
  if (term === undefined) {
    if (memo.size > 100_000) memo.clear();
    term = normalizeTerm(word);
    memo.set(word, term);
  }
  return term;
}

/** Whether a whitespace-free run is a URL or an e-mail address (string tests only: linear, no backtracking). */
function isUrlLike(run: string): boolean {
  const bare = run.replace(/^[(<"'“‘]+/u, '');
  if (bare.includes('://') || /^www\./iu.test(bare)) return true;
  const at = bare.indexOf('@');
  return at > 0 && bare.indexOf('.', at + 2) > at;
}


/** The wikilink (sorted by start, not overlapping) that holds `[from, to)`, by binary search. */
function containing(ranges: readonly WikilinkRange[], from: number, to: number): WikilinkRange | undefined {
  let low = 0;
  let high = ranges.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const range = ranges[mid]!;
    if (range.end <= from) low = mid + 1;
    else if (range.start > from) high = mid - 1;
    else return to <= range.end ? range : undefined;
  }
  return undefined;
}

/** A GFM autolink or `<https://…>`: its text is the URL itself, not prose. */
function isAutolink(node: { url: string; children: Nodes[] }): boolean {
  const only = node.children.length === 1 ? node.children[0] : undefined;
  if (!only || only.type !== 'text') return false;
  const text = only.value;
  return node.url === text || node.url === `mailto:${text}` || node.url === `http://${text}` || node.url === `https://${text}`;
}
