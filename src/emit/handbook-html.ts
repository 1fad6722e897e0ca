/**
 * `dist/handbook.html`: the same model as the Markdown, turned into hast by
 * remark-rehype (essays: html-essay.ts), wrapped in landmarks with
 * hastscript, sanitised after the last transform, serialised by
 * rehype-stringify and placed into the trusted shell with the inlined search index.
 */
import { h } from 'hastscript';
import type { RootContent } from 'mdast';
import type { Config } from '../config.js';
import type { Library } from '../types.js';
import { FIXED_ANCHORS } from './anchors.js';
import { CLOBBER_PREFIX, sanitizeFragment } from './html-sanitize.js';
import { shellChunks } from './html-shell.js';
import { inlineJson } from './inline-json.js';
import { renderedEssays } from './essay-output.js';
import type { HandbookOptions } from './handbook-md.js';
import { serialiseHtml as serialise, toHast } from './html-essay.js';
import { anchorLink, paragraph } from './mdast-build.js';
import { memoisedByNodes } from './memo.js';
import { contextGraph, neighbourhoodData, neighbourhoodFigure, neighbourLookup, picturesSection, PICTURES_TITLE } from './pictures/index.js';
import { searchDocuments, searchPayload } from './search-data.js';

export { renderEssayHtml, toHast } from './html-essay.js';

/**
 * Libraries with more notes than this get no handbook.html, with a notice:
 * the one page grows ~20 KB a note, and Chromium takes ~2.4 ms a note to
 * reach `load` (2.5 s at 1,000 notes, 23.6 s at 10,000: scripts/bench/README.md),
 * so past 3,000 it no longer opens in 8 s. The site has every page instead.
 */
export const HTML_NOTE_LIMIT = 3000;

/** Why handbook.html is left out of this build, or nothing when it is written (or not wanted). */
export function handbookHtmlNotice(library: Library, wanted: ReadonlySet<string>): string | undefined {
  if (!wanted.has('html') || library.notes.length <= HTML_NOTE_LIMIT) return undefined;
  return `handbook.html not written: ${library.notes.length} notes are past its limit of ${HTML_NOTE_LIMIT} (one page that size takes Chromium over 8 s to open); read dist/site/index.html instead`;
}

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
  const { ctx } = model;
  // The pictures (trusted SVG, see pictures/index.ts), memoised by everything they draw.
  const graph = contextGraph(ctx);
  const noteHref = (id: string): string | undefined => {
    const anchor = ctx.anchors.note(id);
    return anchor && `#${CLOBBER_PREFIX}${anchor}`;
  };
  const undated = graph.nodes.filter((n) => n.year === undefined).map((n) => noteHref(n.id));
  const pictures = byNodes('pictures', { graph, undated }, () => {
    const section = picturesSection(graph, noteHref, options.memo);
    return section ? serialise([section]) : '';
  });
  const contents = pictures ? withContentsEntry(model.contents, FIXED_ANCHORS.map, PICTURES_TITLE) : model.contents;
  const nav = byNodes('nav', contents, () => serialise(sanitizeFragment(toHast(contents))));
  const lookup = neighbourLookup(ctx);
  function* main(): Generator<string> {
    if (pictures) yield pictures;
    for (const chapter of model.chapters) {
      const section = byNodes('chapter', chapter.heading, () => serialise(sanitizeFragment([h('section', { className: ['chapter'] }, toHast([chapter.heading]))])));
      const [open, close] = splitClosingTag(section, 'section');
      yield open;
      for (const essay of chapter.essays) {
        const html = essays.text(essay, 'html');
        const data = neighbourhoodData(essay.linked, lookup);
        if (!data) {
          yield html;
          continue;
        }
        // The essay is memoised by its own inputs; its neighbourhood by what it draws (neighbours' titles and chapters).
        const [article, end] = splitClosingTag(html, 'article');
        yield article;
        yield byNodes('neighbourhood', data, () => serialise([neighbourhoodFigure(data)]));
        yield end;
      }
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

/** The contents with an entry for `anchor` first (the HTML has parts the Markdown has not). */
function withContentsEntry(contents: RootContent[], anchor: string, title: string): RootContent[] {
  return contents.map((node) =>
    node.type === 'list' ? { ...node, children: [{ type: 'listItem', spread: false, children: [paragraph([anchorLink(anchor, title)])] }, ...node.children] } : node,
  );
}

/** `<tag …>…</tag>` → [`<tag …>…`, `</tag>`]. */
function splitClosingTag(html: string, tag: string): [string, string] {
  const close = `</${tag}>`;
  if (!html.endsWith(close)) throw new Error(`handbook-html: expected ${html.slice(0, 40)}… to end with ${close}`);
  return [html.slice(0, -close.length), close];
}
