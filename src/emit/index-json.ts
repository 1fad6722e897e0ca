/**
 * `dist/index.json`: the contract other tools read (shape in index-schema.ts,
 * documented in the README). Keys are written in a fixed order, lists are
 * sorted by code point, 2-space indented with a trailing newline. No
 * timestamp unless the caller passes `SOURCE_DATE_EPOCH`.
 */
import type { Config } from '../config.js';
import type { Library, LinkedConcept, LinkedNote } from '../types.js';
import { compareCodePoints, sortBy } from '../util/sort.js';
import { noteTitle } from './chapters.js';
import { noteAuthors } from './context.js';

/**
 * Version of the index shape; bump on any incompatible change. 2: each note
 * gains `relations` (typed, both ways) and each related note's reasons gain
 * `relations` (the typed relations joining the two).
 */
export const INDEX_SCHEMA_VERSION = 2;

/** Options for the index: only the reproducible-build timestamp. */
export interface IndexOptions {
  /** The `SOURCE_DATE_EPOCH` value (whole seconds since 1970); ignored unless it is a non-negative integer. */
  sourceDateEpoch?: string | undefined;
}

/** One note in the index. */
export interface IndexNote {
  id: string;
  path: string;
  title: string;
  authors: string[];
  year: number | null;
  venue: string | null;
  kind: string;
  source: string | null;
  tags: string[];
  summary: string;
  sections: Record<string, string>;
  wordCount: number;
  concepts: { id: string; count: number }[];
  links: string[];
  backlinks: string[];
  /** Typed relations both ways, sorted by type, direction, id. */
  relations: { type: string; id: string; direction: 'out' | 'in' }[];
  related: { id: string; score: number; reasons: { concepts: string[]; terms: string[]; relations: string[] } }[];
  hash: string;
}

/** One concept in the index. */
export interface IndexConcept {
  id: string;
  name: string;
  aliases: string[];
  definition: string;
  see: string[];
  notes: string[];
}

/** The whole index document. */
export interface IndexDocument {
  schemaVersion: number;
  generatedAt?: string;
  notes: IndexNote[];
  concepts: IndexConcept[];
}

const unique = (items: readonly string[]): string[] => [...new Set(items)].sort(compareCodePoints);

/** The index entry of one note, keys in contract order. */
export function indexNote(linked: LinkedNote, config: Config): IndexNote {
  const { note } = linked;
  const sections: Record<string, string> = {};
  for (const spec of config.sections) sections[spec.key] = note.sections.find((s) => s.key === spec.key)?.text ?? '';
  return {
    id: note.id,
    path: note.path,
    title: noteTitle(linked),
    authors: noteAuthors(linked),
    year: note.meta.year ?? null,
    venue: note.meta.venue?.trim() || null,
    kind: note.meta.kind,
    source: note.meta.source?.trim() || null,
    tags: unique(note.meta.tags),
    summary: note.summary?.text ?? '',
    sections,
    wordCount: note.wordCount,
    concepts: sortBy(linked.concepts, (c) => c.id).map((c) => ({ id: c.id, count: c.count })),
    links: unique(linked.links.filter((l) => l.kind === 'note' && l.to !== note.id).map((l) => l.to)),
    backlinks: unique(linked.backlinks),
    relations: sortBy(linked.relations, (r) => r.type, (r) => r.direction, (r) => r.id).map((r) => ({ type: r.type, id: r.id, direction: r.direction })),
    related: linked.related.map((r) => ({ id: r.id, score: r.score, reasons: { concepts: [...r.reasons.concepts], terms: [...r.reasons.terms], relations: [...r.reasons.relations] } })),
    hash: note.hash,
  };
}

/** The index entry of one concept, keys in contract order. */
export function indexConcept(linked: LinkedConcept): IndexConcept {
  const { concept } = linked;
  return {
    id: concept.id,
    name: concept.name,
    aliases: [...concept.aliases],
    definition: concept.definition,
    see: [...concept.see],
    notes: unique([...linked.notes, ...linked.backlinks]),
  };
}

/** Renders `index.json`. */
export function emitIndexJson(library: Library, config: Config, options: IndexOptions = {}): string {
  return [...indexJsonChunks(library, config, options)].join('');
}

/**
 * `emitIndexJson`'s text in pieces, one per note and concept, each built when
 * the iteration reaches it: the index of a large library is longer than one
 * string can be. The text is exactly `JSON.stringify(document, null, 2)` plus
 * a newline (each entry is stringified on its own and indented to its depth;
 * JSON escapes line breaks inside strings, so every `\n` in an entry's text
 * is between tokens).
 */
export function* indexJsonChunks(library: Library, config: Config, options: IndexOptions = {}): Generator<string> {
  const generatedAt = timestampFrom(options.sourceDateEpoch);
  const notes = sortBy(library.notes, (n) => n.note.id);
  const concepts = sortBy(library.concepts, (c) => c.concept.id);
  // The document's members in contract order: a value, or a list rendered item by item.
  const members: [key: keyof IndexDocument, value: { value: unknown } | { list: Iterable<unknown> }][] = [['schemaVersion', { value: INDEX_SCHEMA_VERSION }]];
  if (generatedAt) members.push(['generatedAt', { value: generatedAt }]);
  members.push(['notes', { list: mapLazily(notes, (n) => indexNote(n, config)) }], ['concepts', { list: mapLazily(concepts, indexConcept) }]);
  yield '{';
  for (const [i, [key, member]] of members.entries()) {
    yield `${i === 0 ? '' : ','}\n  ${JSON.stringify(key)}: `;
    if ('list' in member) yield* jsonList(member.list);
    else yield JSON.stringify(member.value, null, 2);
  }
  yield '\n}\n';
}

/** A list member of the top-level object, as `JSON.stringify(…, null, 2)` writes it at that depth. */
function* jsonList(items: Iterable<unknown>): Generator<string> {
  let empty = true;
  for (const item of items) {
    yield `${empty ? '[' : ','}\n    ${JSON.stringify(item, null, 2).replace(/\n/g, '\n    ')}`;
    empty = false;
  }
  yield empty ? '[]' : '\n  ]';
}

function* mapLazily<T, U>(items: readonly T[], map: (item: T) => U): Generator<U> {
  for (const item of items) yield map(item);
}

/** ISO-8601 UTC time of a `SOURCE_DATE_EPOCH` value, or undefined when unset or not a whole number. */
export function timestampFrom(epoch: string | undefined): string | undefined {
  if (epoch === undefined || !/^\d{1,12}$/.test(epoch.trim())) return undefined;
  return new Date(Number(epoch.trim()) * 1000).toISOString();
}
