/**
 * What rendering any part of the handbook needs to know about the whole
 * library, computed once per build: chapters, anchors and lookups.
 */
import type { Config } from '../config.js';
import type { Library, LinkedConcept, LinkedNote, NoteBodies } from '../types.js';
import { compareCodePoints, sortBy } from '../util/sort.js';
import { createAnchors, type Anchors } from './anchors.js';
import { groupChapters, type Chapter } from './chapters.js';
import { findDebates, type Debate } from './debates.js';

/** What emit reads of note bodies: the source and tree of one essay at a time. */
export type EssayBodies = NoteBodies<'source' | 'tree'>;

/** Shared, read-only rendering context. */
export interface EmitContext {
  library: Library;
  config: Config;
  /** Where essays' sources and trees are fetched (one note at a time, so emit's memory stays bounded). */
  bodies: EssayBodies;
  chapters: Chapter[];
  anchors: Anchors;
  notes: Map<string, LinkedNote>;
  concepts: Map<string, LinkedConcept>;
  /** Lower-cased concept name or alias → concept, for `see` references written as names. */
  conceptsByName: Map<string, LinkedConcept>;
  /** Every author name, trimmed, unique, by code point. */
  authors: string[];
  /** The essays that contradict one another (`debates.ts`), in the order the Debates part shows them. */
  debates: Debate[];
}

/** The authors of a note as shown: trimmed, empty names dropped, order as written. */
export function noteAuthors(linked: LinkedNote): string[] {
  return linked.note.meta.authors.map((a) => a.trim()).filter((a) => a !== '');
}

/** Builds the context (linear in the size of the library). */
export function createContext(library: Library, config: Config, bodies: EssayBodies): EmitContext {
  const chapters = groupChapters(library, config);
  const authors = [...new Set(library.notes.flatMap(noteAuthors))].sort(compareCodePoints);
  const conceptsByName = new Map<string, LinkedConcept>();
  for (const linked of sortBy(library.concepts, (c) => c.concept.id)) {
    for (const name of [linked.concept.name, ...linked.concept.aliases, linked.concept.id]) {
      const key = name.trim().toLowerCase();
      if (key !== '' && !conceptsByName.has(key)) conceptsByName.set(key, linked);
    }
  }
  return {
    library,
    config,
    bodies,
    chapters,
    anchors: createAnchors(library, chapters, authors, config),
    notes: new Map(library.notes.map((n) => [n.note.id, n])),
    concepts: new Map(library.concepts.map((c) => [c.concept.id, c])),
    conceptsByName,
    authors,
    debates: findDebates(library),
  };
}
