/**
 * One essay as HTML: its mdast turned into hast by remark-rehype (per essay,
 * so footnote ids are scoped to their essay), wrapped in an `<article>`,
 * sanitised after the last transform and serialised by rehype-stringify.
 */
import type { Element, ElementContent, Root as HastRoot, RootContent as HastContent } from 'hast';
import { h } from 'hastscript';
import type { Root, RootContent } from 'mdast';
import rehypeStringify from 'rehype-stringify';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { sanitizeFragment } from './html-sanitize.js';

/** Converts mdast nodes to hast; `clobberPrefix` scopes footnote ids (one per essay). */
export function toHast(nodes: RootContent[], clobberPrefix = ''): ElementContent[] {
  const root: Root = { type: 'root', children: nodes };
  const processor = unified().use(remarkRehype, {
    clobberPrefix,
    footnoteLabel: 'Notes',
    footnoteLabelTagName: 'h4',
    footnoteLabelProperties: { className: ['footnotes-label'] },
  });
  return (processor.runSync(root) as HastRoot).children as ElementContent[];
}

/** What the HTML of an essay is made from: its anchor (which scopes footnote ids) and nodes. */
export interface EssayNodes {
  anchor: string;
  nodes: RootContent[];
}

/** One essay as an `<article>` (unsanitised: the caller sanitises the whole fragment). */
export function renderEssayHtml(essay: EssayNodes): Element {
  const prefix = `${essay.anchor}-`;
  const article = h('article', { className: ['essay'] }, toHast(essay.nodes, prefix));
  scopeFootnoteLabel(article, prefix);
  return article;
}

/**
 * mdast-util-to-hast gives every footnote section the id `footnote-label`
 * (and every reference `aria-describedby` it) whatever the clobber prefix;
 * with one section per essay those ids would repeat, so scope them to the essay.
 */
function scopeFootnoteLabel(tree: Element, prefix: string): void {
  visit(tree, 'element', (node: Element) => {
    if (node.properties.id === 'footnote-label') node.properties.id = `${prefix}footnote-label`;
    const describedBy = node.properties.ariaDescribedBy;
    if (Array.isArray(describedBy)) {
      node.properties.ariaDescribedBy = describedBy.map((id) => (id === 'footnote-label' ? `${prefix}footnote-label` : id));
    }
  });
}

const serializer = unified().use(rehypeStringify, { characterReferences: { useNamedReferences: false } }).freeze();

/** Serialises sanitised hast. */
export function serialiseHtml(children: HastContent[]): string {
  return serializer.stringify({ type: 'root', children });
}

/** One essay's `<article>`, sanitised and serialised. */
export function essayHtml(essay: EssayNodes): string {
  return serialiseHtml(sanitizeFragment([renderEssayHtml(essay)]));
}
