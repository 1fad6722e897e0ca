import { exampleNote, EXAMPLE_SUMMARY } from '../example-note.js';
import { memoize } from '../memo.js';
import { defineRule } from '../rule.js';
import { didYouMean } from '../suggest.js';
import { createLinkResolver } from '../../link/resolve.js';

const fm = (title: string, source: string) => `title: ${title}\nauthor: B\nyear: 2020\nsource: ${source}`;

/**
 * A `[[link]]` that names no note (id, title, alias) and no concept (name,
 * alias). A note rule that looks at every note's names, not a library rule:
 * its findings on a note change only with that note or with the names, which
 * is what lets lint keep them for an unchanged note (`noteRulesContext`).
 */
export default defineRule({
  id: 'wikilink-unresolved',
  description: 'Each `[[wikilink]]` must name a note (file name, title or alias) or a concept; the closest name is suggested.',
  severity: 'error',
  scope: 'note',
  examples: {
    concepts: [{ name: "Conway's law" }],
    ok: [exampleNote({ frontmatter: fm('Single-threaded leaders', 'https://example.com/1'), summary: `${EXAMPLE_SUMMARY} See [[single-threaded leaders|this note]], [[example]] and [[Conway’s law]].` })],
    notOk: [exampleNote({ frontmatter: fm('Single-threaded leaders', 'https://example.com/1'), summary: `${EXAMPLE_SUMMARY} See [[Team topolgies]].` })],
  },
  check(note, report, ctx) {
    const resolver = memoize(ctx, 'linkResolver', () => createLinkResolver(ctx.notes, ctx.concepts));
    const names = memoize(ctx, 'linkNames', () => [
      ...new Set([...ctx.notes.flatMap((n) => [n.meta.title ?? '', ...n.meta.aliases]), ...ctx.concepts.flatMap((c) => [c.name, ...c.aliases])]),
    ].filter((n) => n !== ''));
    for (const link of note.wikilinks) {
      if (resolver.wikilink(link.target, note.id)) continue;
      report({
        message: `Unresolved wikilink [[${link.target}]]: no note title, alias, file name or concept matches${didYouMean(link.target, names)}`,
        line: link.line,
        column: link.column,
        endLine: link.endLine,
        endColumn: link.endColumn,
      });
    }
  },
});
