import { createLinkResolver } from '../../link/resolve.js';
import { exampleNote, EXAMPLE_SUMMARY } from '../example-note.js';
import { memoize } from '../memo.js';
import { defineRule } from '../rule.js';
import { didYouMean } from '../suggest.js';

/**
 * `[text](missing-note.md)`: a Markdown link to a note file that is not in
 * the library would be a broken link in the handbook. Only links meant as
 * note links count (a relative `.md`/`.markdown` path, as the link stage
 * reads them); web links, anchors and other files are left alone.
 */
export default defineRule({
  id: 'link-missing-note',
  description: 'A Markdown link to a note file (`other.md`) must name a file in the library; the closest note path is suggested.',
  severity: 'error',
  scope: 'note',
  examples: {
    ok: [exampleNote({ summary: `${EXAMPLE_SUMMARY} See [this note](example.md), [the post](https://example.com/x.md) and [a heading](#critique).` })],
    notOk: [exampleNote({ summary: `${EXAMPLE_SUMMARY} See [the other note](missing-note.md).` })],
  },
  check(note, report, ctx) {
    if (note.links.length === 0) return;
    const resolver = memoize(ctx, 'linkResolver', () => createLinkResolver(ctx.notes, ctx.concepts));
    const paths = memoize(ctx, 'notePaths', () => ctx.notes.map((n) => n.path));
    for (const link of note.links) {
      if (link.type === 'image' || resolver.href(link.url, note.path) !== null) continue;
      report({
        message: `Link to a missing note file "${link.url}": no such note in the library, so the handbook link would be broken${didYouMean(link.url.replace(/[?#].*$/su, ''), paths)}`,
        line: link.line,
        column: link.column,
        endLine: link.endLine,
        endColumn: link.endColumn,
      });
    }
  },
});
