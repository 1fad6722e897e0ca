/**
 * Plain text into Markdown that renders as exactly that text. We build an
 * mdast tree and let remark-stringify (with GFM, as the reader parses) escape
 * what Markdown would otherwise read as syntax: `*`, `_`, `[`, `<`, `&`, a
 * leading `#`, `1.` or `-`, and so on. No hand-written escaping.
 */
import type { Heading, Paragraph, Root, RootContent } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';

/** A titled block of paragraphs: one `##` section of a note. */
export interface MarkdownSection {
  heading: string;
  paragraphs: string[];
}

const processor = unified().use(remarkGfm).use(remarkStringify, { bullet: '-', emphasis: '_', strong: '*', rule: '-' });

/**
 * Text as one line of inline Markdown: line breaks become spaces, then every
 * character Markdown would treat as syntax is escaped. Used for template
 * placeholders substituted into the body.
 */
export function escapeInline(text: string): string {
  const flat = text
    .split(/\r\n|\r|\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .join(' ');
  if (flat === '') return '';
  return stringify([paragraph(flat)]).trimEnd();
}

/**
 * A note body: the summary paragraphs, then each section as a heading of
 * `depth` followed by its paragraphs. Lines are trimmed (leading spaces would
 * make code blocks, trailing ones hard breaks); the words are kept as given.
 */
export function renderBody(summary: readonly string[], sections: readonly MarkdownSection[], depth: number): string {
  const children: RootContent[] = summary.map((text) => paragraph(cleanParagraph(text)));
  for (const section of sections) {
    const heading: Heading = {
      type: 'heading',
      depth: Math.min(Math.max(depth, 1), 6) as Heading['depth'],
      children: [{ type: 'text', value: section.heading }],
    };
    children.push(heading, ...section.paragraphs.map((text) => paragraph(cleanParagraph(text))));
  }
  return stringify(children);
}

/** Trims each line of a paragraph and drops blank ones, keeping its line structure. */
export function cleanParagraph(text: string): string {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .join('\n');
}

function paragraph(value: string): Paragraph {
  return { type: 'paragraph', children: [{ type: 'text', value }] };
}

function stringify(children: RootContent[]): string {
  const root: Root = { type: 'root', children };
  return processor.stringify(root);
}
