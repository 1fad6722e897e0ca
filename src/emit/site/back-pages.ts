/**
 * The handbook's back matter made to fit the site at any size: the
 * glossary's essay lines cut short (each concept's page has the whole
 * concordance), and the bibliography paged like every other long list. At
 * 10,000 notes the handbook's glossary is 6.6 MB and its bibliography 3.2 MB.
 */
import type { List, ListItem, Paragraph, RootContent } from 'mdast';
import { anchorLink, text } from '../mdast-build.js';
import { grouped } from './paging.js';

const classOf = (node: RootContent): unknown => (node.data as { hProperties?: { className?: unknown } } | undefined)?.hProperties?.className;
const idOf = (node: RootContent): unknown => (node.data as { hProperties?: { id?: unknown } } | undefined)?.hProperties?.id;

/**
 * The glossary's nodes with each concept's "Essays:" line kept to its first
 * `limit` essays, then "and N more" linking the concept (which the site
 * points at the concept's page, whose concordance lists them all).
 */
export function shortGlossary(nodes: readonly RootContent[], limit: number): RootContent[] {
  let concept: string | undefined;
  return nodes.map((node) => {
    if (node.type === 'heading' && typeof idOf(node) === 'string') concept = idOf(node) as string;
    if (node.type !== 'paragraph' || !Array.isArray(classOf(node)) || !(classOf(node) as unknown[]).includes('concept-essays') || !concept) return node;
    // A labelled line is `**Essays:**`, ' ', then the items separated by ', ' (mdast-build.ts labelledLine): one link each.
    const items = node.children.filter((child) => child.type === 'link');
    if (items.length <= limit) return node;
    const cut = node.children.indexOf(items[limit]!) - 1;
    const short: Paragraph = { ...node, children: [...node.children.slice(0, cut), text(' and '), anchorLink(concept, `${grouped(items.length - limit)} more`), text(" on the concept's page")] };
    return short;
  });
}

/** The sources of the bibliography's nodes (the items of its one list), to be paged. */
export function bibliographyItems(nodes: readonly RootContent[]): ListItem[] {
  const list = nodes.find((node): node is List => node.type === 'list');
  return list ? list.children : [];
}

/** The bibliography's nodes with its list holding only `items` (one page's). */
export function withBibliographyItems(nodes: readonly RootContent[], items: ListItem[]): RootContent[] {
  return nodes.map((node) => (node.type === 'list' ? { ...node, children: items } : node));
}
