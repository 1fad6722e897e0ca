/**
 * Small builders for the handbook's own mdast nodes. Anchors travel as
 * `data.hProperties.id` (remark-rehype turns them into `id` attributes; the
 * Markdown emitter writes them as `<a id>` tags, see handbook-md.ts).
 */
import type { Heading, Link, List, ListItem, Paragraph, PhrasingContent, Strong, Text } from 'mdast';

/** A text node. */
export const text = (value: string): Text => ({ type: 'text', value });

/** A link to an in-document anchor. */
export const anchorLink = (anchor: string, label: string): Link => ({ type: 'link', url: `#${anchor}`, children: [text(label)] });

/** A heading carrying an anchor. */
export function anchoredHeading(depth: Heading['depth'], anchor: string, children: PhrasingContent[], className?: string): Heading {
  return { type: 'heading', depth, children, data: { hProperties: className ? { id: anchor, className: [className] } : { id: anchor } } };
}

/** A paragraph, optionally with a class (for the HTML) and an anchor. */
export function paragraph(children: PhrasingContent[], className?: string, anchor?: string): Paragraph {
  const node: Paragraph = { type: 'paragraph', children };
  const props: Record<string, string | string[]> = {};
  if (className) props.className = [className];
  if (anchor) props.id = anchor;
  if (className || anchor) node.data = { hProperties: props };
  return node;
}

/** `**Label:** a, b, c` — a labelled, comma-separated line. */
export function labelledLine(label: string, items: PhrasingContent[][], className: string): Paragraph {
  const strong: Strong = { type: 'strong', children: [text(`${label}:`)] };
  const children: PhrasingContent[] = [strong, text(' ')];
  items.forEach((item, i) => {
    if (i > 0) children.push(text(', '));
    children.push(...item);
  });
  return paragraph(children, className);
}

/** A tight bullet list whose items are single paragraphs. */
export function bulletList(items: PhrasingContent[][], className?: string, anchors?: (string | undefined)[]): List {
  const children: ListItem[] = items.map((item, i) => {
    const listItem: ListItem = { type: 'listItem', spread: false, children: [paragraph(item)] };
    // On the item, not its paragraph: a tight list's paragraphs vanish in HTML, and their ids with them.
    const anchor = anchors?.[i];
    if (anchor) listItem.data = { hProperties: { id: anchor } };
    return listItem;
  });
  const list: List = { type: 'list', ordered: false, spread: false, children };
  if (className) list.data = { hProperties: { className: [className] } };
  return list;
}

/** "A", "A and B", "A, B and C". */
export function joinNames(names: PhrasingContent[][]): PhrasingContent[] {
  const out: PhrasingContent[] = [];
  names.forEach((name, i) => {
    if (i > 0) out.push(text(i === names.length - 1 ? ' and ' : ', '));
    out.push(...name);
  });
  return out;
}
