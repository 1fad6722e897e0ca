import { exampleNote, EXAMPLE_FRONTMATTER } from '../example-note.js';
import { lineStarts, offsetAt, positionAt } from '../position.js';
import { memoize } from '../memo.js';
import { defineRule } from '../rule.js';
import { didYouMean } from '../suggest.js';
import { createConceptLookup } from '../../link/glossary.js';


/** A `concepts:` entry the glossary does not know (checked only when there is a glossary). */
export default defineRule({
  id: 'unknown-concept',
  description: 'Each name in `concepts:` must be a glossary concept (name or alias); the closest glossary name is suggested.',
  severity: 'warning',
  scope: 'note',
  examples: {
    concepts: [{ name: 'single-threaded leader', aliases: ['STL'] }, { name: "Conway's law" }],
    ok: [exampleNote({ frontmatter: `${EXAMPLE_FRONTMATTER}\nconcepts: [single-threaded leaders, "Conway’s law", stl]` })],
    notOk: [exampleNote({ frontmatter: `${EXAMPLE_FRONTMATTER}\nconcepts:\n  - single-threaded leader\n  - Conway's lwa` })],
  },
  check(note, report, ctx) {
    const frontmatter = note.frontmatter;
    const field = frontmatter?.fields.concepts;
    if (ctx.concepts.length === 0 || !frontmatter || !field) return;
    const lookup = memoize(ctx.concepts, 'conceptLookup', () => createConceptLookup(ctx.concepts));
    const names = ctx.concepts.flatMap((c) => [c.name, ...c.aliases]);
    const starts = lineStarts(note.source);
    const from = offsetAt(starts, note.source, field.value.line, field.value.column);
    const to = offsetAt(starts, note.source, field.value.endLine, field.value.endColumn);
    for (const name of note.meta.concepts) {
      if (lookup(name)) continue;
      // Point at the entry itself when it can be found in the value, else at the value.
      const index = note.source.slice(from, to).indexOf(name);
      const at = index === -1 ? { line: field.value.line, column: field.value.column } : positionAt(starts, from + index);
      report({
        message: `Unknown concept "${name}": not in the glossary (concepts.yml)${didYouMean(name, names)}`,
        line: at.line,
        column: at.column,
        endLine: at.line,
        endColumn: at.column + (index === -1 ? 0 : name.length),
      });
    }
  },
});
