/**
 * Plain text of mdast nodes for word counts and text tooling: prose only.
 * Code blocks, raw HTML, front matter and link definitions contribute
 * nothing; inline code, link text and image alt text are kept. Block-level
 * pieces are joined by a blank line, so paragraphs stay apart.
 */
import type { Nodes } from 'mdast';

/** Containers whose children are blocks (joined by a blank line). */
const BLOCK_CONTAINERS = new Set(['root', 'blockquote', 'list', 'listItem', 'footnoteDefinition']);

/** Nodes that carry no prose. */
const SILENT = new Set(['code', 'html', 'yaml', 'definition', 'thematicBreak', 'footnoteReference']);

/** The prose of one node. */
export function plainText(node: Nodes): string {
  if (SILENT.has(node.type)) return '';
  switch (node.type) {
    case 'text':
    case 'inlineCode':
      return node.value;
    case 'break':
      return '\n';
    case 'image':
    case 'imageReference':
      return node.alt ?? '';
    case 'table':
      return node.children.map(plainText).filter(Boolean).join('\n');
    case 'tableRow':
      return node.children.map(plainText).join(' ').trim();
    default:
      break;
  }
  if (!('children' in node)) return '';
  const children = node.children as Nodes[];
  if (BLOCK_CONTAINERS.has(node.type)) return joinBlocks(children);
  return children.map(plainText).join('');
}

/** The prose of a run of block nodes, joined by a blank line. */
export function joinBlocks(nodes: readonly Nodes[]): string {
  return nodes
    .map(plainText)
    .filter((text) => text.trim() !== '')
    .join('\n\n');
}

/** Words: whitespace-separated pieces holding at least one letter or digit (linear, no backtracking). */
export function countWords(text: string): number {
  let count = 0;
  for (const piece of text.split(/\s+/)) if (/[\p{L}\p{N}]/u.test(piece)) count++;
  return count;
}
