import { exampleNote } from '../example-note.js';
import { FIELD_ORDER } from '../fields.js';
import { lineStarts } from '../position.js';
import { defineRule } from '../rule.js';
import type { Fix, Frontmatter } from '../../types.js';

const rank = (key: string): number => {
  const index = (FIELD_ORDER as readonly string[]).indexOf(key);
  return index === -1 ? FIELD_ORDER.length : index;
};

/** Known keys in canonical order, then the others in the order written (a stable sort). */
export const canonicalKeyOrder = (keys: readonly string[]): string[] =>
  keys
    .map((key, index) => ({ key, index }))
    .sort((a, b) => rank(a.key) - rank(b.key) || a.index - b.index)
    .map((x) => x.key);

/**
 * Moves whole lines: each top-level key owns the lines from its own to the
 * next key's (its value, block scalars, comments after it). Offered only when
 * that is unambiguous: parsed cleanly, every key at column 1 on its own line.
 * Every value byte is kept; only the order of the line groups changes.
 */
function reorderFix(source: string, frontmatter: Frontmatter, order: string[]): Fix | undefined {
  if (frontmatter.problems.length > 0 || frontmatter.language !== null || frontmatter.data === null) return undefined;
  const lines: number[] = [];
  for (const key of frontmatter.keyOrder) {
    const position = frontmatter.fields[key];
    if (!position || position.key.column !== 1) return undefined;
    if (lines.length > 0 && position.key.line <= (lines.at(-1) ?? 0)) return undefined;
    lines.push(position.key.line);
  }
  const first = lines[0];
  if (first === undefined || frontmatter.endLine <= (lines.at(-1) ?? 0)) return undefined;
  const starts = lineStarts(source);
  const at = (line: number): number | undefined => starts[line - 1];
  const blocks = new Map<string, string>();
  for (const [i, key] of frontmatter.keyOrder.entries()) {
    const from = at(lines[i] ?? 0);
    const to = at(lines[i + 1] ?? frontmatter.endLine);
    if (from === undefined || to === undefined) return undefined;
    blocks.set(key, source.slice(from, to));
  }
  const start = at(first);
  const end = at(frontmatter.endLine);
  if (start === undefined || end === undefined) return undefined;
  const text = order.map((key) => blocks.get(key) ?? '').join('');
  return text.length === end - start ? { start, end, text } : undefined;
}

/** title, author, year, source, venue, kind, tags, concepts, aliases, then anything else. */
export default defineRule({
  id: 'frontmatter-key-order',
  description: 'Front-matter keys should follow the order title, author, year, source, venue, kind, tags, concepts, aliases, then others.',
  severity: 'warning',
  scope: 'note',
  fixable: true,
  examples: {
    ok: [exampleNote(), exampleNote({ frontmatter: 'title: A note\nauthor: B\nyear: 2020\nsource: https://example.com/a\nextra: kept last' })],
    notOk: [exampleNote({ frontmatter: 'author: Pedro Gallego\ntitle: A note\nyear: 2020\nsource: https://example.com/a' })],
  },
  check(note, report) {
    const frontmatter = note.frontmatter;
    if (!frontmatter?.data) return;
    const order = canonicalKeyOrder(frontmatter.keyOrder);
    const index = order.findIndex((key, i) => frontmatter.keyOrder[i] !== key);
    if (index === -1) return;
    const expected = order[index] ?? '';
    const actual = frontmatter.keyOrder[index] ?? '';
    const position = frontmatter.fields[expected]?.key;
    const fix = reorderFix(note.source, frontmatter, order);
    report({
      message: `Unexpected front-matter key order: "${expected}" should come before "${actual}" (expected ${order.join(', ')})`,
      line: position?.line ?? frontmatter.startLine,
      column: position?.column ?? 1,
      ...(fix ? { fix } : {}),
    });
  },
});
