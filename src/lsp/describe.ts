/**
 * How a note or a concept is shown in completion documentation and hovers:
 * Markdown, with the note's title, byline and summary, or the concept's
 * definition and aliases.
 */
import type { Concept, Note } from '../types.js';

/** "Ada Lovelace, 1843 · Journal" (the parts a note has). */
export function byline(note: Note): string {
  const parts = [note.meta.authors.join(', '), note.meta.year === undefined ? '' : String(note.meta.year)].filter((p) => p !== '');
  const head = parts.join(', ');
  return note.meta.venue ? (head ? `${head} · ${note.meta.venue}` : note.meta.venue) : head;
}

/** A note as Markdown: title, byline, summary. */
export function describeNote(note: Note): string {
  const title = note.meta.title ?? note.id;
  const lines = [`**${title}**`];
  const by = byline(note);
  if (by) lines.push(`_${by}_`);
  if (note.summary?.text) lines.push(note.summary.text);
  return lines.join('\n\n');
}

/** A concept as Markdown: name, definition, aliases. */
export function describeConcept(concept: Concept): string {
  const lines = [`**${concept.name}** (concept)`, concept.definition];
  if (concept.aliases.length > 0) lines.push(`Also: ${concept.aliases.join(', ')}`);
  return lines.join('\n\n');
}
