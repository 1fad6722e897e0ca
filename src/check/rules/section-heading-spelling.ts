import { exampleNote, EXAMPLE_SECTION_TEXT as T } from '../example-note.js';
import { defineRule } from '../rule.js';
import { configuredSections } from '../sections.js';
import type { Fix, Section } from '../../types.js';

/** The content of an ATX heading line (opening and closing `#`s and spaces removed) and where it starts. */
export function atxContent(line: string): { content: string; offset: number } | undefined {
  const open = /^ {0,3}#{1,6}[ \t]+/.exec(line);
  if (!open) return undefined;
  let content = line.slice(open[0].length).trimEnd();
  // An optional closing sequence: spaces then only `#`s (scanned by hand: no backtracking).
  let i = content.length;
  while (i > 0 && content[i - 1] === '#') i--;
  if (i < content.length && (i === 0 || content[i - 1] === ' ' || content[i - 1] === '\t')) content = content.slice(0, i).trimEnd();
  return { content, offset: open[0].length };
}
const fold = (text: string): string => text.replace(/\s+/gu, ' ').trim().toLowerCase();

/** Replaces the heading's text in place when it is plain text differing only in case or spacing. */
function spellingFix(source: string, section: Section, canonical: string): Fix | undefined {
  const line = source.slice(section.headingStart, section.headingEnd);
  const atx = atxContent(line);
  if (atx === undefined || fold(atx.content) !== fold(canonical)) return undefined;
  const { content } = atx;
  const start = section.headingStart + atx.offset;
  return { start, end: start + content.length, text: canonical };
}

/** `## central  Argument` becomes `## Central argument`; other misspellings are reported only. */
export default defineRule({
  id: 'section-heading-spelling',
  description: 'Configured section headings must be spelled as configured; case- and spacing-only differences are fixable.',
  severity: 'warning',
  scope: 'note',
  fixable: true,
  examples: {
    ok: [exampleNote()],
    notOk: [exampleNote({ body: `## central argument\n\n${T.centralArgument}\n\n## Critique:\n\n${T.critique}\n\n## Why  it matters\n\n${T.whyItMatters}\n` })],
  },
  check(note, report, ctx) {
    for (const { section, match } of configuredSections(note.sections, ctx.config)) {
      if (section.heading === match.canonical) continue;
      const fix = spellingFix(note.source, section, match.canonical);
      report({
        message: `Unexpected heading "${section.heading}", expected "${match.canonical}"`,
        line: section.line,
        column: section.column,
        endLine: section.line,
        ...(fix ? { fix } : {}),
      });
    }
  },
});
