/**
 * Markdown serialisation of handbook parts with remark-stringify (+ remark-gfm
 * for footnotes and tables). Never string concatenation.
 *
 * Anchors: every anchored heading, paragraph or list item starts with an empty
 * `<a id="…"></a>`. Pandoc keeps raw HTML anchors in HTML/EPUB output and
 * GitHub maps `#id` to them, so `[x](#note-y)` works in both; our ids are
 * ASCII slugs, so the tag needs no escaping.
 */
import type { Nodes, Root, RootContent } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';
import { fastText } from './markdown-text.js';

const markdownProcessor = unified()
  .use(remarkGfm)
  .use(remarkStringify, {
    bullet: '-',
    emphasis: '*',
    strong: '*',
    rule: '-',
    listItemIndent: 'one',
    fences: true,
    handlers: { text: fastText },
  })
  .freeze();

/** One part (nodes that start with a heading) as Markdown, without the final newline. */
export function serialiseMarkdown(nodes: RootContent[]): string {
  const root: Root = { type: 'root', children: nodes.map(withAnchorTags) as RootContent[] };
  const out = markdownProcessor.stringify(root);
  return out.endsWith('\n') ? out.slice(0, -1) : out;
}

/** A copy of `node` where anchored headings, paragraphs and list items begin with `<a id>`. */
function withAnchorTags(node: Nodes): Nodes {
  if (!('children' in node)) return node;
  const children = (node.children as Nodes[]).map(withAnchorTags);
  const id = (node.data as { hProperties?: { id?: unknown } } | undefined)?.hProperties?.id;
  if (typeof id !== 'string') return { ...node, children } as Nodes;
  const tag: Nodes = { type: 'html', value: `<a id="${id}"></a>` };
  if (node.type === 'heading' || node.type === 'paragraph') children.unshift(tag);
  else if (node.type === 'listItem' && children[0]?.type === 'paragraph') children[0] = { ...children[0], children: [tag, ...children[0].children] } as Nodes;
  else throw new Error(`handbook-md: an anchor on a ${node.type} cannot be written`);
  return { ...node, children } as Nodes;
}
