import { anchorSlug } from '../../emit/slug.js';
import { createLinkResolver } from '../../link/resolve.js';
import type { Note } from '../../types.js';
import { exampleNote, EXAMPLE_SUMMARY } from '../example-note.js';
import { memoize } from '../memo.js';
import { defineRule, type LibraryReport, type RuleContext } from '../rule.js';
import { didYouMean } from '../suggest.js';
import { exampleLibrary } from '../examples.js';

/**
 * `[[Title#Heading]]` whose note (possibly this one) has no such
 * heading: the handbook would quietly link to the note's top. A heading
 * matches as the handbook's anchors do (same anchor slug), among the headings
 * that get an anchor (depth up to `sectionDepth`). Links to a concept or to
 * no note at all are wikilink-unresolved's business. A library rule: a
 * note's findings depend on other notes' headings, which the cached
 * note-rule results are not keyed by.
 */
export default defineRule({
  id: 'wikilink-heading',
  description: 'The `#Heading` of a `[[Title#Heading]]` wikilink must be a heading of that note (up to `sectionDepth`); the closest heading is suggested.',
  severity: 'error',
  scope: 'library',
  examples: {
    ok: [exampleLibrary({ 'example.md': exampleNote({ summary: `${EXAMPLE_SUMMARY} See [[example#Critique]] and [[Amazon's single-threaded model#why it matters]].` }) })],
    notOk: [
      exampleLibrary({ 'example.md': exampleNote({ summary: `${EXAMPLE_SUMMARY} See [[Amazon's single-threaded model#Critque]].` }) }),
      exampleLibrary({ 'example.md': exampleNote({ summary: `${EXAMPLE_SUMMARY} See [[example#No Such Heading]].` }) }),
    ],
  },
  check(notes, report, ctx) {
    for (const note of notes) checkNote(note, report, ctx);
  },
});

function checkNote(note: Note, report: (r: LibraryReport) => void, ctx: RuleContext): void {
  const withHeading = note.wikilinks.filter((link) => link.heading !== null);
  if (withHeading.length === 0) return;
  const resolver = memoize(ctx, 'linkResolver', () => createLinkResolver(ctx.notes, ctx.concepts));
  const byId = memoize(ctx, 'notesById', () => new Map<string, Note>(ctx.notes.map((n) => [n.id, n])));
  for (const link of withHeading) {
    const target = resolver.wikilink(link.target, note.id);
    const linked = target?.kind === 'note' ? (target.to === note.id ? note : byId.get(target.to)) : undefined;
    if (!linked || link.heading === null) continue;
    const headings = linked.sections.filter((s) => s.depth <= ctx.config.sectionDepth).map((s) => s.heading);
    const wanted = anchorSlug(link.heading);
    if (headings.some((h) => anchorSlug(h) === wanted)) continue;
    const name = linked === note ? 'this note' : `"${linked.meta.title ?? linked.id}"`;
    report({
      file: note.path,
      message: `No heading "${link.heading}" in ${name}: the link would go to the top of the note${didYouMean(link.heading, headings)}`,
      line: link.line,
      column: link.column,
      endLine: link.endLine,
      endColumn: link.endColumn,
    });
  }
}
