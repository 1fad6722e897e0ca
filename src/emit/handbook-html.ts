/**
 * `dist/handbook.html`: the same model as the Markdown, turned into hast by
 * remark-rehype (per essay, so footnote ids are scoped to their essay and a
 * cache could memoise each), wrapped in landmarks with hastscript, sanitised
 * after the last transform, serialised by rehype-stringify and placed into
 * the trusted shell with the inlined search index.
 */
import type { Element, ElementContent, Root as HastRoot, RootContent as HastContent } from 'hast';
import { h } from 'hastscript';
import type { Root, RootContent } from 'mdast';
import rehypeStringify from 'rehype-stringify';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import type { Config } from '../config.js';
import type { Library } from '../types.js';
import { sanitizeFragment } from './html-sanitize.js';
import { fillShell } from './html-shell.js';
import { inlineJson } from './inline-json.js';
import { handbookModel, type EssayPart } from './model.js';
import { searchPayload } from './search-data.js';

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

/** One essay as an `<article>` (unsanitised: the caller sanitises the whole fragment). */
export function renderEssayHtml(essay: EssayPart): Element {
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
function serialise(children: HastContent[]): string {
  return serializer.stringify({ type: 'root', children });
}

/** Renders the whole handbook page. */
export function emitHandbookHtml(library: Library, config: Config): string {
  const model = handbookModel(library, config);
  const [titleHeading, ...titleRest] = model.titlePage;
  const header = sanitizeFragment(toHast(titleHeading ? [titleHeading, ...titleRest] : []));
  const nav = sanitizeFragment(toHast(model.contents));
  const sections: Element[] = model.chapters.map((chapter) =>
    h('section', { className: ['chapter'] }, [...toHast([chapter.heading]), ...chapter.essays.map(renderEssayHtml)]),
  );
  for (const part of model.backMatter) sections.push(h('section', { className: ['back-matter', part.anchor] }, toHast(part.nodes)));
  const main = sanitizeFragment(sections);
  const titleText = serialise([{ type: 'text', value: config.handbook.title || 'Commonplace' }]);
  return fillShell({
    title: titleText,
    header: serialise(header),
    nav: serialise(nav),
    main: serialise(main),
    searchIndex: inlineJson(searchPayload(model)),
  });
}
