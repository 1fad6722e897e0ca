/**
 * Parses emitted files back with real parsers (rehype-parse, remark-parse)
 * so tests assert on structure, never on substrings of serialised text.
 */
import type { Element, Root as HastRoot } from 'hast';
import type { Root as MdastRoot } from 'mdast';
import rehypeParse from 'rehype-parse';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';

/** A full HTML document as hast (as a browser would parse it). */
export function parseHtml(html: string): HastRoot {
  return unified().use(rehypeParse).parse(html);
}

/** Markdown (GFM, with a leading YAML metadata block as a `yaml` node) as mdast. */
export function parseMarkdown(markdown: string): MdastRoot {
  return unified().use(remarkParse).use(remarkFrontmatter).use(remarkGfm).parse(markdown);
}

/** Every element of a hast tree, in document order. */
export function elements(tree: HastRoot | Element): Element[] {
  const out: Element[] = [];
  visit(tree, 'element', (node: Element) => {
    out.push(node);
  });
  return out;
}

/** Text content of a hast element. */
export function textOf(node: Element | HastRoot): string {
  let text = '';
  visit(node, 'text', (t: { value: string }) => {
    text += t.value;
  });
  return text;
}

/** All `id`s in the HTML, with how often each occurs. */
export function htmlIds(tree: HastRoot): Map<string, number> {
  const ids = new Map<string, number>();
  for (const el of elements(tree)) {
    const id = el.properties.id;
    if (typeof id === 'string') ids.set(id, (ids.get(id) ?? 0) + 1);
  }
  return ids;
}

/** Every in-page `href="#…"` target (without the `#`). */
export function htmlFragmentLinks(tree: HastRoot): string[] {
  return elements(tree).flatMap((el) => {
    const href = el.properties.href;
    return typeof href === 'string' && href.startsWith('#') ? [decodeURIComponent(href.slice(1))] : [];
  });
}

/** Anchors declared in Markdown as `<a id="…">` raw HTML. */
export function markdownAnchorIds(tree: MdastRoot): string[] {
  const ids: string[] = [];
  visit(tree, 'html', (node: { value: string }) => {
    const match = /^<a id="([^"]+)">$/.exec(node.value);
    if (match) ids.push(match[1]!);
  });
  return ids;
}

/** Every Markdown link URL (links, images, definitions). */
export function markdownUrls(tree: MdastRoot): string[] {
  const urls: string[] = [];
  visit(tree, (node) => {
    if ((node.type === 'link' || node.type === 'image' || node.type === 'definition') && 'url' in node) urls.push(String(node.url));
  });
  return urls;
}
