/**
 * The print document the PDF is made from: the handbook model as plain HTML
 * (no search, no script), a title page, the contents, each chapter a named
 * page whose running header is its title, then the back matter. The essays
 * are the HTML handbook's own (sanitised, rendered once a build); the
 * stylesheets are templates/handbook.css and templates/pdf.css.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Element, ElementContent } from 'hast';
import { h } from 'hastscript';
import { visit } from 'unist-util-visit';
import type { Config } from '../config.js';
import type { RenderedEssays } from './essay-output.js';
import { serialiseHtml, toHast } from './html-essay.js';
import { CLOBBER_PREFIX, sanitizeFragment } from './html-sanitize.js';
import { TEMPLATES_DIR } from './html-shell.js';

/** A CSS string literal of any text: everything but plain characters as a hex escape (no `</style>` can appear). */
export const cssString = (value: string): string =>
  `"${[...value].map((c) => (/^[A-Za-z0-9 ,.!?'()&:;-]$/.test(c) ? c : `\\${c.codePointAt(0)!.toString(16)} `)).join('')}"`;

/** The running header of every page of one named page group. */
const runningHeader = (page: string, title: string): string =>
  `@page ${page} { @top-center { content: ${cssString(title)}; font-family: sans-serif; font-size: 9pt; color: #444; } }\n`;

/**
 * The page numbers of the contents: the page of each named destination
 * (`destinationPages`, keyed as the PDF names them: `user-content-<anchor>`),
 * and how many digits wide their column is.
 */
export interface ContentsPages {
  pages: ReadonlyMap<string, number>;
  digits: number;
}

/**
 * The print document in pieces, essays as the iteration reaches them. Each
 * contents line ends in a right-aligned page-number column `digits` wide,
 * empty without `numbers`: the column's width, not the numbers in it, sets
 * the layout, so filling it in moves nothing (LaTeX's `\@pnumwidth`).
 */
export function* pdfDocumentChunks(essays: RenderedEssays, config: Config, numbers: ContentsPages): Generator<string> {
  const { model } = essays;
  const read = (name: string): string => readFileSync(path.join(TEMPLATES_DIR, name), 'utf8');
  const html = (nodes: Parameters<typeof sanitizeFragment>[0]): string => serialiseHtml(sanitizeFragment(nodes));
  let pages = `.toc-page { flex-basis: ${numbers.digits}ch; }\n`;
  model.chapters.forEach((chapter, i) => (pages += `.chapter-${i + 1} { page: chapter-${i + 1}; }\n${runningHeader(`chapter-${i + 1}`, chapter.title)}`));
  for (const part of model.backMatter) pages += `.back-matter.${part.anchor} { page: ${part.anchor}; }\n${runningHeader(part.anchor, part.title)}`;
  const title = serialiseHtml([{ type: 'text', value: config.handbook.title || 'Commonplace' }]);
  yield `<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>${title}</title>\n<style>\n${read('handbook.css')}\n${read('pdf.css')}\n${pages}</style>\n</head>\n<body>\n<main>\n`;
  yield html([h('header', { className: ['title-page'] }, toHast(model.titlePage))]);
  yield html([h('nav', { className: ['toc'], ariaLabel: 'Contents' }, numbered(toHast(model.contents), numbers.pages))]);
  for (const [i, chapter] of model.chapters.entries()) {
    yield `\n<section class="chapter chapter-${i + 1}">\n${html(toHast([chapter.heading]))}\n`;
    for (const essay of chapter.essays) yield essays.text(essay, 'html');
    yield '\n</section>';
  }
  for (const part of model.backMatter) yield html([h('section', { className: ['back-matter', part.anchor] }, toHast(part.nodes))]);
  yield '\n</main>\n</body>\n</html>\n';
}

/** The contents with each in-page link as one line: its title, a dotted leader, and its page number (if known). */
function numbered(contents: ElementContent[], pages: ReadonlyMap<string, number>): ElementContent[] {
  const root = h(null, contents);
  visit(root, 'element', (node: Element) => {
    const href = node.properties.href;
    if (node.tagName !== 'a' || typeof href !== 'string' || !href.startsWith('#')) return;
    const page = pages.get(`${CLOBBER_PREFIX}${href.slice(1)}`);
    node.properties.className = ['toc-entry'];
    node.children = [h('span', { className: ['toc-title'] }, node.children), h('span', { className: ['toc-leader'] }), h('span', { className: ['toc-page'] }, page === undefined ? '' : String(page))];
    return 'skip';
  });
  return root.children as ElementContent[];
}
