/**
 * From a parsed tree to the parts of a `Note` that come from the body:
 * wikilinks, Markdown links, lint directives, raw HTML spans. Every walk is
 * iterative, so a deep (but parsable) tree cannot overflow the stack here.
 */
import type { Nodes, Root } from 'mdast';
import type { LintDirective, MarkdownLink, Span, Wikilink } from '../types.js';
import type { LineIndex } from './lines.js';
import { scanWikilinks } from './wikilinks.js';

/** The body-derived parts of a Note. */
export interface BodyParts {
  wikilinks: Wikilink[];
  links: MarkdownLink[];
  directives: LintDirective[];
  html: Span[];
}

/** Every node of the tree in document order (iterative depth-first walk). */
export function* walk(root: Nodes): Generator<Nodes> {
  const stack: Nodes[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    yield node;
    if ('children' in node) {
      const children = node.children as Nodes[];
      for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
    }
  }
}

/** Collects wikilinks, links, directives and raw HTML from the tree of `source`. */
export function readBodyParts(tree: Root, source: string, lines: LineIndex): BodyParts {
  const parts: BodyParts = { wikilinks: [], links: [], directives: [], html: [] };
  for (const node of walk(tree)) {
    const position = node.position;
    if (!position) continue;
    const start = position.start.offset ?? 0;
    const end = position.end.offset ?? start;
    const span: Span = {
      line: position.start.line,
      column: position.start.column,
      endLine: position.end.line,
      endColumn: position.end.column,
    };
    switch (node.type) {
      case 'text':
        // Scan the raw source of the text node so offsets are the file's own.
        for (const match of scanWikilinks(source.slice(start, end))) {
          parts.wikilinks.push({
            target: match.target,
            label: match.label,
            heading: match.heading,
            ...lines.span(start + match.start, start + match.end),
          });
        }
        break;
      case 'link':
      case 'image':
      case 'definition':
        parts.links.push({ url: node.url, type: node.type, ...span });
        break;
      case 'html': {
        const { directives, rest } = readComments(node.value, start, lines);
        parts.directives.push(...directives);
        if (rest.trim() !== '') parts.html.push(span);
        break;
      }
      default:
        break;
    }
  }
  return parts;
}

const DIRECTIVE_PREFIX = 'commonplace-';
const ACTIONS: readonly LintDirective['action'][] = ['disable-next-line', 'disable', 'enable'];

/**
 * Splits an HTML node into its `<!-- … -->` comments (read as directives when
 * they start with `commonplace-`) and the rest (real HTML). Linear: indexOf only.
 */
function readComments(value: string, offset: number, lines: LineIndex): { directives: LintDirective[]; rest: string } {
  const directives: LintDirective[] = [];
  let rest = '';
  let pos = 0;
  while (pos < value.length) {
    const open = value.indexOf('<!--', pos);
    if (open === -1) break;
    const close = value.indexOf('-->', open + 4);
    const bodyEnd = close === -1 ? value.length : close;
    rest += value.slice(pos, open);
    const directive = parseDirective(value.slice(open + 4, bodyEnd), lines.point(offset + open).line);
    if (directive) directives.push(directive);
    pos = close === -1 ? value.length : close + 3;
  }
  rest += value.slice(pos);
  return { directives, rest };
}

/** `commonplace-disable rule-a, rule-b` → a directive; anything else → null. */
function parseDirective(comment: string, line: number): LintDirective | null {
  const words = comment.trim().split(/[\s,]+/).filter(Boolean);
  const head = words[0];
  if (!head?.startsWith(DIRECTIVE_PREFIX)) return null;
  const action = ACTIONS.find((name) => head === DIRECTIVE_PREFIX + name);
  if (!action) return null;
  return { action, ruleIds: words.slice(1), line };
}
