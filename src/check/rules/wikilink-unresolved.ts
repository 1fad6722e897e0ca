import { exampleLibrary } from '../examples.js';
import { exampleNote, EXAMPLE_SUMMARY } from '../example-note.js';
import { memoize } from '../memo.js';
import { defineRule } from '../rule.js';
import { didYouMean } from '../suggest.js';
import { createLinkResolver } from '../../link/resolve.js';

const fm = (title: string, source: string) => `title: ${title}\nauthor: B\nyear: 2020\nsource: ${source}`;

/** A `[[link]]` that names no note (id, title, alias) and no concept (name, alias). */
export default defineRule({
  id: 'wikilink-unresolved',
  description: 'Each `[[wikilink]]` must name a note (file name, title or alias) or a concept; the closest name is suggested.',
  severity: 'error',
  scope: 'library',
  examples: {
    concepts: [{ name: "Conway's law" }],
    ok: [
      exampleLibrary({
        'a.md': exampleNote({ frontmatter: fm('Single-threaded leaders', 'https://example.com/1'), summary: `${EXAMPLE_SUMMARY} See [[Team topologies|the book]] and [[Conway’s law]].` }),
        'b.md': exampleNote({ frontmatter: fm('Team topologies', 'https://example.com/2') }),
      }),
    ],
    notOk: [
      exampleLibrary({
        'a.md': exampleNote({ frontmatter: fm('Single-threaded leaders', 'https://example.com/1'), summary: `${EXAMPLE_SUMMARY} See [[Team topolgies]].` }),
        'b.md': exampleNote({ frontmatter: fm('Team topologies', 'https://example.com/2') }),
      }),
    ],
  },
  check(notes, report, ctx) {
    const resolver = memoize(ctx, 'linkResolver', () => createLinkResolver(notes, ctx.concepts));
    const names = memoize(ctx, 'linkNames', () => [
      ...new Set([...notes.flatMap((n) => [n.meta.title ?? '', ...n.meta.aliases]), ...ctx.concepts.flatMap((c) => [c.name, ...c.aliases])]),
    ].filter((n) => n !== ''));
    for (const note of notes) {
      for (const link of note.wikilinks) {
        if (resolver.wikilink(link.target, note.id)) continue;
        report({
          file: note.path,
          message: `Unresolved wikilink [[${link.target}]]: no note title, alias, file name or concept matches${didYouMean(link.target, names)}`,
          line: link.line,
          column: link.column,
          endLine: link.endLine,
          endColumn: link.endColumn,
        });
      }
    }
  },
});
