/**
 * `dist/handbook.html`: the same model as the Markdown, turned into hast by
 * remark-rehype (essays: html-essay.ts), wrapped in landmarks with
 * hastscript, sanitised after the last transform, serialised by
 * rehype-stringify and placed into the trusted shell with the inlined search index.
 */
import { h } from 'hastscript';
import type { Config } from '../config.js';
import type { Library } from '../types.js';
import { sanitizeFragment } from './html-sanitize.js';
import { shellChunks } from './html-shell.js';
import { inlineJson } from './inline-json.js';
import { renderedEssays } from './essay-output.js';
import type { HandbookOptions } from './handbook-md.js';
import { serialiseHtml as serialise, toHast } from './html-essay.js';
import { memoisedByNodes } from './memo.js';
import { searchDocuments, searchPayload } from './search-data.js';

export { renderEssayHtml, toHast } from './html-essay.js';

/**
 * Renders the whole handbook page. Each essay is sanitised and serialised on
 * its own (the schema's rules are per element, and an essay's lists and
 * tables are inside it, so this equals sanitising the whole page) and spliced
 * into its chapter's `<section>`; so an essay's HTML can be memoised.
 */
export function emitHandbookHtml(library: Library, config: Config, options: HandbookOptions): string {
  return [...handbookHtmlChunks(library, config, options)].join('');
}

/**
 * `emitHandbookHtml`'s text in pieces; the essays are rendered as the
 * iteration reaches them: a large library's page is longer than one string can be.
 */
export function* handbookHtmlChunks(library: Library, config: Config, options: HandbookOptions): Generator<string> {
  const essays = options.essays ?? renderedEssays(library, config, options.bodies, options.memo);
  const { model } = essays;
  // Parts that are a pure function of their nodes are memoised by the nodes' hash.
  const byNodes = (kind: string, nodes: unknown, render: () => string): string => memoisedByNodes(options.memo, `html-${kind}`, nodes, render);
  const header = byNodes('header', model.titlePage, () => serialise(sanitizeFragment(toHast(model.titlePage))));
  const nav = byNodes('nav', model.contents, () => serialise(sanitizeFragment(toHast(model.contents))));
  function* main(): Generator<string> {
    for (const chapter of model.chapters) {
      const section = byNodes('chapter', chapter.heading, () => serialise(sanitizeFragment([h('section', { className: ['chapter'] }, toHast([chapter.heading]))])));
      const [open, close] = splitClosingTag(section, 'section');
      yield open;
      for (const essay of chapter.essays) yield essays.text(essay, 'html');
      yield close;
    }
    const backMatter = model.backMatter.map((part) => [part.anchor, part.nodes] as const);
    yield byNodes('back-matter', backMatter, () => serialise(sanitizeFragment(backMatter.map(([anchor, nodes]) => h('section', { className: ['back-matter', anchor] }, toHast(nodes))))));
  }
  const titleText = serialise([{ type: 'text', value: config.handbook.title || 'Commonplace' }]);
  const documents = searchDocuments(model);
  yield* shellChunks({
    title: titleText,
    header,
    nav,
    main: main(),
    searchIndex: byNodes('search', documents, () => inlineJson(searchPayload(documents))),
  });
}

/** `<tag …>…</tag>` → [`<tag …>…`, `</tag>`]. */
function splitClosingTag(html: string, tag: string): [string, string] {
  const close = `</${tag}>`;
  if (!html.endsWith(close)) throw new Error(`handbook-html: expected ${html.slice(0, 40)}… to end with ${close}`);
  return [html.slice(0, -close.length), close];
}
