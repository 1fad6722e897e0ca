/**
 * The README as data for the tests in test/readme/: its sections by heading
 * and its tables as rows of cell text, read with the same remark + GFM
 * parser the project uses, so a test checks what a reader sees.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Heading, Root, RootContent, Table } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const README_TEXT = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
const tree = unified().use(remarkParse).use(remarkGfm).parse(README_TEXT) as Root;

/** The nodes under the heading whose text is `title`, up to the next heading of the same or a higher level. */
export function section(title: string): RootContent[] {
  const start = tree.children.findIndex((n) => n.type === 'heading' && toString(n) === title);
  if (start < 0) throw new Error(`README has no section "${title}"`);
  const depth = (tree.children[start] as Heading).depth;
  const end = tree.children.findIndex((n, i) => i > start && n.type === 'heading' && n.depth <= depth);
  return tree.children.slice(start + 1, end < 0 ? undefined : end);
}

/** The source text of a section (what a reader reads, Markdown and all). */
export function sectionText(title: string): string {
  const nodes = section(title);
  const first = nodes[0]?.position?.start.offset ?? 0;
  const last = nodes.at(-1)?.position?.end.offset ?? first;
  return README_TEXT.slice(first, last);
}

/** The `index`-th table of a section as rows (header excluded) of cell plain text. */
export function table(title: string, index = 0): string[][] {
  const tables = section(title).filter((n): n is Table => n.type === 'table');
  const found = tables[index];
  if (!found) throw new Error(`README section "${title}" has no table ${index}`);
  return found.children.slice(1).map((row) => row.children.map((cell) => toString(cell)));
}

/** The inline-code spans of a piece of a section's text, in order (`x` → x). */
export function codeSpans(text: string): string[] {
  return [...text.matchAll(/`([^`]+)`/g)].map((m) => m[1] ?? '');
}
