/**
 * The summary (everything between the front matter and the first heading)
 * and the sections (one per top-level heading, any depth). A section's body
 * runs to the next heading of the same or a higher level, so a `###` inside
 * `## Critique` counts toward the critique; the `###` is a section too.
 */
import type { Heading, Nodes, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { SectionSpec } from '../config.js';
import type { Section, Summary } from '../types.js';
import { countWords, joinBlocks, plainText } from './plain-text.js';

/** Lower-case, trimmed, inner whitespace collapsed: how headings are compared. */
export function normalizeHeading(text: string): string {
  return text.trim().replace(/\s+/g, ' ').toLowerCase();
}

/**
 * The configured section a heading names, or null. Case-insensitive and
 * whitespace-normalised; with `allowSuffix` the heading may go on after a
 * word boundary ("Why it matters for product", "Why it matters: teams").
 */
export function matchSection(heading: string, specs: readonly SectionSpec[]): string | null {
  const text = normalizeHeading(heading);
  for (const spec of specs) {
    const want = normalizeHeading(spec.heading);
    if (text === want) return spec.key;
    if (spec.allowSuffix && text.startsWith(want) && !/[\p{L}\p{N}]/u.test(text.charAt(want.length))) return spec.key;
  }
  return null;
}

/** The summary: null when nothing with prose precedes the first heading. */
export function readSummary(body: readonly RootContent[]): Summary | null {
  const firstHeading = body.findIndex((node) => node.type === 'heading');
  const nodes = firstHeading === -1 ? body : body.slice(0, firstHeading);
  const text = joinBlocks(nodes as Nodes[]);
  if (text.trim() === '') return null;
  const first = nodes[0]!.position!;
  const last = nodes[nodes.length - 1]!.position!;
  return {
    text,
    wordCount: countWords(text),
    line: first.start.line,
    column: first.start.column,
    endLine: last.end.line,
    endColumn: last.end.column,
  };
}

/** One Section per heading among the body's top-level nodes, in order. */
export function readSections(body: readonly RootContent[], specs: readonly SectionSpec[]): Section[] {
  const sections: Section[] = [];
  body.forEach((node, index) => {
    if (node.type !== 'heading') return;
    let end = index + 1;
    while (end < body.length && !(body[end]!.type === 'heading' && (body[end] as Heading).depth <= node.depth)) end++;
    sections.push(section(node, body.slice(index + 1, end), specs));
  });
  return sections;
}

function section(heading: Heading, bodyNodes: readonly RootContent[], specs: readonly SectionSpec[]): Section {
  const headingText = plainText(heading).trim();
  const text = joinBlocks(bodyNodes as Nodes[]);
  const start = heading.position!;
  const first = bodyNodes[0]?.position;
  const last = bodyNodes[bodyNodes.length - 1]?.position;
  const end = last ?? start;
  return {
    heading: headingText,
    title: toString(heading),
    depth: heading.depth,
    key: matchSection(headingText, specs),
    headingStart: start.start.offset ?? 0,
    headingEnd: start.end.offset ?? 0,
    text,
    wordCount: countWords(text),
    bodyLine: first ? first.start.line : 0,
    bodyEndLine: last ? last.end.line : 0,
    line: start.start.line,
    column: start.start.column,
    endLine: end.end.line,
    endColumn: end.end.column,
  };
}
