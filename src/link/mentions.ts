/**
 * Mentions: every place in a note's prose where a concept (name or alias) or
 * another note (title or alias) is written, found by one left-to-right pass
 * of the phrase trie (`matcher.ts`) over each paragraph's words.
 *
 * What counts as prose (decided here, relied on by lint and the handbook):
 * - paragraphs, list items, block quotes, table cells and footnote bodies;
 * - NOT front matter, code blocks, inline code, raw HTML, images, link
 *   reference definitions, bare URLs (autolinks and `scheme://…`/`www.…`
 *   runs in text), and NOT headings: a heading names its section, and the
 *   handbook must not turn section titles into links;
 * - text inside a Markdown link or a `[[wikilink]]` IS scanned and its
 *   mentions get `linked: true` (so "unlinked mention" lint can skip them);
 *   in `[[Target|label]]` / `[[Target#heading]]` only `Target` is scanned.
 * A phrase never spans a boundary between these (a link's edge, inline code,
 * a line break), but does span emphasis: "*Conway's* law" is one mention.
 * A note never mentions itself: a match whose only target is the note itself
 * still consumes its words (so no shorter phrase is found inside the note's
 * own title) but yields no mention.
 *
 * Complexity: O(N × L) over all notes, N = total words, L = longest phrase in
 * words, plus O(P) to build the trie from P phrase words.
 */
import type { Nodes, Parents } from 'mdast';
import type { Concept, Mention, Note, NoteId } from '../types.js';
import { sortBy } from '../util/sort.js';
import { createMatcher, type MatchTarget, type PhraseMatcher } from './matcher.js';
import { createPositionIndex } from './positions.js';
import { phraseTerms } from './phrase.js';
import { isStopword } from './text/stopwords.js';
import { normalizeTerm } from './text/normalize.js';
import { tokenize } from './text/tokenize.js';

/**
 * The trie of every concept name/alias and note title/alias. Phrases made only
 * of stop words (a note titled "It") are left out: they would match everywhere.
 */
export function createMentionMatcher(notes: readonly Note[], concepts: readonly Concept[]): PhraseMatcher {
  const phrases: { text: string; target: MatchTarget }[] = [];
  for (const concept of concepts) {
    for (const text of [concept.name, ...concept.aliases]) phrases.push({ text, target: { kind: 'concept', id: concept.id } });
  }
  for (const note of notes) {
    const names = [note.meta.title, ...note.meta.aliases].filter((t): t is string => typeof t === 'string');
    for (const text of names) phrases.push({ text, target: { kind: 'note', id: note.id } });
  }
  return createMatcher(phrases.filter((p) => !phraseTerms(p.text).every((term) => isStopword(term))));
}

/** Every note's mentions, keyed by note id (each list sorted by offset, then kind and target). */
export function findMentions(notes: readonly Note[], concepts: readonly Concept[]): Map<NoteId, Mention[]> {
  const matcher = createMentionMatcher(notes, concepts);
  const result = new Map<NoteId, Mention[]>();
  for (const note of notes) result.set(note.id, mentionsInNote(note, matcher));
  return result;
}

/** One word of prose: its offsets in `Note.source`, and whether it sits inside a link. */
interface Word {
  start: number;
  end: number;
  term: string;
  joined: boolean;
  linked: boolean;
}

/** A barrier between words that no phrase may cross. */
const BARRIER = null;

type Stream = (Word | typeof BARRIER)[];

const SKIPPED = new Set(['yaml', 'code', 'html', 'definition', 'heading', 'thematicBreak', 'toml', 'math', 'inlineMath']);
const BARRIERS = new Set(['inlineCode', 'image', 'imageReference', 'break', 'footnoteReference', 'html']);
/** Whether a whitespace-free run is a URL or an e-mail address (string tests only: linear, no backtracking). */
function isUrlLike(run: string): boolean {
  const bare = run.replace(/^[(<"'“‘]+/u, '');
  if (bare.includes('://') || /^www\./iu.test(bare)) return true;
  const at = bare.indexOf('@');
  return at > 0 && bare.indexOf('.', at + 2) > at;
}

/** Finds the mentions in one note (see the module comment for the rules). */
export function mentionsInNote(note: Note, matcher: PhraseMatcher): Mention[] {
  if (matcher.size === 0) return [];
  const positions = createPositionIndex(note.source);
  const wikilinks = sortBy(
    note.wikilinks.map((w) => wikilinkRange(note.source, positions.offset(w.line, w.column), positions.offset(w.endLine, w.endColumn), w.target)),
    (w) => w.start,
  );
  const mentions: Mention[] = [];

  const scan = (stream: Stream): void => {
    const words = stream;
    const terms = words.map((w) => (w ? w.term : null));
    const joined = words.map((w) => (w ? w.joined : false));
    for (const match of matcher.matchTerms(terms, joined)) {
      const first = words[match.start]!;
      const last = words[match.end - 1]!;
      const linked = words.slice(match.start, match.end).some((w) => w?.linked === true);
      const from = positions.at(first.start);
      const to = positions.at(last.end);
      for (const target of match.targets) {
        if (target.kind === 'note' && target.id === note.id) continue;
        mentions.push({
          kind: target.kind,
          target: target.id,
          text: note.source.slice(first.start, last.end),
          start: first.start,
          end: last.end,
          line: from.line,
          column: from.column,
          endLine: to.line,
          endColumn: to.column,
          section: sectionAt(note, first.start),
          linked,
        });
      }
    }
  };

  const collect = (node: Nodes, stream: Stream, linked: boolean): void => {
    if (BARRIERS.has(node.type)) {
      stream.push(BARRIER);
      return;
    }
    if (node.type === 'text') {
      pushText(note.source, node, stream, linked, wikilinks);
      return;
    }
    if (node.type === 'link' || node.type === 'linkReference') {
      if (node.type === 'link' && isAutolink(node)) {
        stream.push(BARRIER);
        return;
      }
      stream.push(BARRIER);
      for (const child of node.children) collect(child, stream, true);
      stream.push(BARRIER);
      return;
    }
    if ('children' in node) for (const child of node.children) collect(child as Nodes, stream, linked);
  };

  const walkBlocks = (node: Nodes): void => {
    if (SKIPPED.has(node.type)) return;
    if (node.type === 'paragraph' || node.type === 'tableCell') {
      const stream: Stream = [];
      for (const child of node.children) collect(child, stream, false);
      scan(stream);
      return;
    }
    if ('children' in node) for (const child of (node as Parents).children) walkBlocks(child as Nodes);
  };

  walkBlocks(note.tree);
  return sortBy(mentions, (m) => m.start, (m) => m.kind, (m) => m.target);
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
function pushText(source: string, node: Nodes, stream: Stream, linked: boolean, wikilinks: readonly WikilinkRange[]): void {
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
      stream.push(BARRIER);
      continue;
    }
    const wikilink = containing(wikilinks, from, to);
    if ((wikilink ?? 'outside') !== previous) stream.push(BARRIER);
    previous = wikilink ?? 'outside';
    if (wikilink && (from < wikilink.targetStart || to > wikilink.targetEnd)) {
      stream.push(BARRIER); // the label or heading part of `[[Target|label]]`
      continue;
    }
    stream.push({ start: from, end: to, term: normalized(token.value), joined: token.joinedToPrevious, linked: linked || wikilink !== undefined });
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

/**
 * 'summary' before the first heading; else the key of the section the offset
 * is in. A deeper heading without a key (a `###` inside "Critique") stays in
 * its parent's section; a keyless heading at the same or a higher level gives null.
 */
function sectionAt(note: Note, offset: number): string | null {
  let current: { key: string | null; depth: number } | undefined;
  for (const section of note.sections) {
    if (section.headingStart > offset) break;
    if (section.key === null && current?.key != null && section.depth > current.depth) continue;
    current = { key: section.key, depth: section.depth };
  }
  if (current !== undefined) return current.key;
  return note.summary ? 'summary' : null;
}
