import { exampleNote, EXAMPLE_SECTION_TEXT as T } from '../example-note.js';
import { defineRule } from '../rule.js';
import { lineStarts, lineText } from '../position.js';
import { configuredSections } from '../sections.js';
import { TODO_MARKER } from '../../scaffold/placeholders.js';

/**
 * True when every non-blank body line of a section is a template prompt
 * (`TODO: …`): the placeholder rule reports those, and one unwritten section
 * is one problem, not two.
 */
function onlyPrompts(source: string, from: number, to: number): boolean {
  if (from === 0) return false;
  const starts = lineStarts(source);
  let prompts = 0;
  for (let line = from; line <= to; line++) {
    const text = lineText(starts, source, line).trim();
    if (text === '') continue;
    if (!text.startsWith(TODO_MARKER)) return false;
    prompts++;
  }
  return prompts > 0;
}

/** Each configured section says something: at least `minSectionWords` words (default 25). */
export default defineRule({
  id: 'section-min-words',
  description: 'Each configured section must be non-empty and have at least `minSectionWords` words (default 25).',
  severity: 'error',
  scope: 'note',
  examples: {
    ok: [exampleNote()],
    notOk: [
      exampleNote({ body: `## Central argument\n\n${T.centralArgument}\n\n## Critique\n\nToo short.\n\n## Why it matters\n\n${T.whyItMatters}\n` }),
      exampleNote({ body: `## Central argument\n\n${T.centralArgument}\n\n## Critique\n\n## Why it matters\n\n${T.whyItMatters}\n` }),
    ],
  },
  check(note, report, ctx) {
    const min = ctx.config.minSectionWords;
    const seen = new Set<string>();
    for (const { section, match } of configuredSections(note.sections, ctx.config)) {
      if (seen.has(match.spec.key)) continue;
      seen.add(match.spec.key);
      if (section.wordCount >= min && section.wordCount > 0) continue;
      if (ctx.config.rules.placeholder !== 'off' && onlyPrompts(note.source, section.bodyLine, section.bodyEndLine)) continue;
      report({
        message:
          section.wordCount === 0
            ? `Section "${section.heading}" is empty; write at least ${Math.max(min, 1)} word${Math.max(min, 1) === 1 ? '' : 's'}`
            : `Section "${section.heading}" has ${section.wordCount} word${section.wordCount === 1 ? '' : 's'}; expected at least ${min} (minSectionWords)`,
        line: section.line,
        column: section.column,
        endLine: section.line,
      });
    }
  },
});
