/**
 * Where a note's code is (fenced and indented blocks, inline code spans), so
 * line-based lint rules leave code samples alone. Read from the tree once,
 * while parsing, so the check stage needs no tree.
 */
import type { Root } from 'mdast';
import { visit } from 'unist-util-visit';
import type { CodeRegions } from '../types.js';

/** The code regions of a parsed note. */
export function codeRegions(tree: Root): CodeRegions {
  const blockLines = new Set<number>();
  const inline: [number, number][] = [];
  visit(tree, (node) => {
    if (node.type === 'code' && node.position) {
      for (let line = node.position.start.line; line <= node.position.end.line; line++) blockLines.add(line);
    } else if (node.type === 'inlineCode') {
      const start = node.position?.start.offset;
      const end = node.position?.end.offset;
      if (start !== undefined && end !== undefined) inline.push([start, end]);
    }
  });
  return { blockLines: [...blockLines].sort((a, b) => a - b), inline };
}
