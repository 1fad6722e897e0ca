/**
 * Mentions: every place in a note's prose where a concept (name or alias) or
 * another note (title or alias) is written, found by one left-to-right pass
 * of the phrase trie (`matcher.ts`) over the note's prose words.
 *
 * What counts as prose, and where a phrase may not continue, is decided by
 * the read stage (`src/read/prose-words.ts`), relied on by lint and the
 * handbook: paragraphs, list items, quotes, table cells and footnotes; not
 * code, headings, HTML, images or URLs. Words inside a Markdown link or a
 * `[[wikilink]]` give mentions with `linked: true` (so "unlinked mention"
 * lint can skip them).
 * A note never mentions itself: a match whose only target is the note itself
 * still consumes its words (so no shorter phrase is found inside the note's
 * own title) but yields no mention.
 *
 * Complexity: O(N × L) over all notes, N = total words, L = longest phrase in
 * words, plus O(P) to build the trie from P phrase words.
 */
import { JOINED, LINKED, proseTerms } from '../read/prose-words.js';
import type { Concept, Mention, Note, NoteBodies, NoteId, NoteWith } from '../types.js';
import { sortBy } from '../util/sort.js';
import { createMatcher, type MatchTarget, type PhraseMatcher } from './matcher.js';
import { createPositionIndex } from './positions.js';
import { phraseTerms } from './phrase.js';
import { isStopword } from './text/stopwords.js';

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

/** What mentions are found in: a note's head, source and prose words. */
export type MentionSource = NoteWith<'source' | 'prose'>;

/**
 * Every note's mentions (or only those of the notes in `of`; the phrases are
 * always every note's), keyed by note id, each list sorted by offset, then
 * kind and target. Each note of `of` has its source and prose fetched from
 * `bodies`, one at a time.
 */
export function findMentions(notes: readonly Note[], concepts: readonly Concept[], bodies: NoteBodies<'source' | 'prose'>, of: readonly Note[] = notes): Map<NoteId, Mention[]> {
  const result = new Map<NoteId, Mention[]>();
  if (of.length === 0) return result; // a warm lint with nothing changed: no phrase trie to build
  const matcher = createMentionMatcher(notes, concepts);
  for (const note of of) result.set(note.id, mentionsInNote({ ...note, ...bodies.get(note, ['source', 'prose']) }, matcher));
  return result;
}

/** Finds the mentions in one note (see the module comment for the rules). */
export function mentionsInNote(note: MentionSource, matcher: PhraseMatcher): Mention[] {
  if (matcher.size === 0) return [];
  const words = note.prose;
  const positions = createPositionIndex(note.source);
  const joined = Array.from(words.flags, (flags) => (flags & JOINED) !== 0);
  const mentions: Mention[] = [];
  for (const match of matcher.matchTerms(proseTerms(words), joined)) {
    const start = words.starts[match.start]!;
    const end = words.ends[match.end - 1]!;
    const linked = words.flags.subarray(match.start, match.end).some((flags) => (flags & LINKED) !== 0);
    const from = positions.at(start);
    const to = positions.at(end);
    for (const target of match.targets) {
      if (target.kind === 'note' && target.id === note.id) continue;
      mentions.push({
        kind: target.kind,
        target: target.id,
        text: note.source.slice(start, end),
        start,
        end,
        line: from.line,
        column: from.column,
        endLine: to.line,
        endColumn: to.column,
        section: sectionAt(note, start),
        linked,
      });
    }
  }
  return sortBy(mentions, (m) => m.start, (m) => m.kind, (m) => m.target);
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
