/**
 * `dist/handbook.md`: the handbook model serialised with remark-stringify
 * (+ remark-gfm for footnotes and tables). Never string concatenation.
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
import type { Config } from '../config.js';
import type { Library } from '../types.js';
import { fastText } from './markdown-text.js';
import { essayMemoKey, memoised, memoisedByNodes, type EmitMemo } from './memo.js';
import { handbookModel } from './model.js';

/** Options of the handbook emitters. */
export interface HandbookOptions {
  /** Store of rendered essays, for warm builds (see memo.ts); output is the same with or without it. */
  memo?: EmitMemo | undefined;
}

/**
 * Renders the whole handbook as one Markdown document. Each part (title page
 * and contents, chapter heading, essay, back-matter part) is serialised on
 * its own and the parts joined by a blank line: every part starts with a
 * heading, so this is exactly what serialising them as one tree gives, and an
 * essay's text can be memoised.
 */
export function emitHandbookMarkdown(library: Library, config: Config, options: HandbookOptions = {}): string {
  const model = handbookModel(library, config);
  const byNodes = (nodes: RootContent[]): string => memoisedByNodes(options.memo, 'md-part', nodes, () => serialise(nodes));
  const parts: string[] = [byNodes([...model.titlePage, ...model.contents])];
  for (const chapter of model.chapters) {
    parts.push(byNodes([chapter.heading]));
    for (const essay of chapter.essays) {
      parts.push(
        memoised(options.memo, () => essayMemoKey(essay.linked, config, 'md'), model.ctx, () => ({ text: serialise(essay.nodes), lookups: essay.lookups })),
      );
    }
  }
  for (const part of model.backMatter) parts.push(byNodes(part.nodes));
  return `${parts.join('\n\n')}\n`;
}

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

/** One part as Markdown, without the final newline. */
function serialise(nodes: RootContent[]): string {
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
