/**
 * Groups essays into the handbook's chapters.
 *
 * Rule (documented in the README): chapters follow `config.handbook.chapters`
 * in config order; a note goes to the FIRST chapter whose tag it carries;
 * notes with none of those tags go to `otherChapter`, last. Chapters with no
 * notes are left out. Within a chapter: year ascending (notes without a year
 * last), then title, then id, compared by code point.
 */
import type { Config } from '../config.js';
import type { Library, LinkedNote } from '../types.js';
import { sortBy } from '../util/sort.js';

/** One chapter: its title and its essays in reading order. */
export interface Chapter {
  title: string;
  notes: LinkedNote[];
}

/** The title a note is shown under: its front-matter title, else its id. */
export function noteTitle(linked: LinkedNote): string {
  const title = linked.note.meta.title?.trim();
  return title ? title : linked.note.id;
}

/** Splits the library's notes into chapters (see the module comment for the rule). */
export function groupChapters(library: Library, config: Config): Chapter[] {
  const configured = config.handbook.chapters;
  const buckets: LinkedNote[][] = configured.map(() => []);
  const other: LinkedNote[] = [];
  for (const linked of library.notes) {
    const tags = new Set(linked.note.meta.tags);
    const index = configured.findIndex((c) => tags.has(c.tag));
    (index < 0 ? other : buckets[index]!).push(linked);
  }
  const ordered = (notes: LinkedNote[]): LinkedNote[] =>
    sortBy(
      notes,
      (n) => (n.note.meta.year === undefined ? 1 : 0),
      (n) => n.note.meta.year ?? 0,
      noteTitle,
      (n) => n.note.id,
    );
  const chapters = configured.map((c, i) => ({ title: c.title, notes: ordered(buckets[i]!) }));
  chapters.push({ title: config.handbook.otherChapter, notes: ordered(other) });
  return chapters.filter((c) => c.notes.length > 0);
}
