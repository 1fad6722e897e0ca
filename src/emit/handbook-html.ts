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
import type { HandbookOptions } from './handbook-md.js';
import { essayMemoKey, memoised, memoisedByNodes, type Lookup } from './memo.js';
import { handbookModel, type EssayPart } from './model.js';
import { searchDocuments, searchPayload } from './search-data.js';

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

/**
 * Renders the whole handbook page. Each essay is sanitised and serialised on
 * its own (the schema's rules are per element, and an essay's lists and
 * tables are inside it, so this equals sanitising the whole page) and spliced
 * into its chapter's `<section>`; so an essay's HTML can be memoised.
 */
export function emitHandbookHtml(library: Library, config: Config, options: HandbookOptions = {}): string {
  const model = handbookModel(library, config);
  // Parts that are a pure function of their nodes are memoised by the nodes' hash.
  const byNodes = (kind: string, nodes: unknown, render: () => string): string => memoisedByNodes(options.memo, `html-${kind}`, nodes, render);
  const header = byNodes('header', model.titlePage, () => serialise(sanitizeFragment(toHast(model.titlePage))));
  const nav = byNodes('nav', model.contents, () => serialise(sanitizeFragment(toHast(model.contents))));
  const main: string[] = [];
  for (const chapter of model.chapters) {
    const section = byNodes('chapter', chapter.heading, () => serialise(sanitizeFragment([h('section', { className: ['chapter'] }, toHast([chapter.heading]))])));
    const [open, close] = splitClosingTag(section, 'section');
    main.push(open);
    for (const essay of chapter.essays) {
      const render = (): { text: string; lookups: Lookup[] } => ({ text: serialise(sanitizeFragment([renderEssayHtml(essay)])), lookups: essay.lookups });
      main.push(memoised(options.memo, () => essayMemoKey(essay.linked, config, 'html'), model.ctx, render));
    }
    main.push(close);
  }
  const backMatter = model.backMatter.map((part) => [part.anchor, part.nodes] as const);
  main.push(byNodes('back-matter', backMatter, () => serialise(sanitizeFragment(backMatter.map(([anchor, nodes]) => h('section', { className: ['back-matter', anchor] }, toHast(nodes)))))));
  const titleText = serialise([{ type: 'text', value: config.handbook.title || 'Commonplace' }]);
  const documents = searchDocuments(model);
  return fillShell({
    title: titleText,
    header,
    nav,
    main: main.join(''),
    searchIndex: byNodes('search', documents, () => inlineJson(searchPayload(documents))),
  });
}

/** `<tag …>…</tag>` → [`<tag …>…`, `</tag>`]. */
function splitClosingTag(html: string, tag: string): [string, string] {
  const close = `</${tag}>`;
  if (!html.endsWith(close)) throw new Error(`handbook-html: expected ${html.slice(0, 40)}… to end with ${close}`);
  return [html.slice(0, -close.length), close];
}
