/**
 * The print document the PDF is made from: the handbook model as plain HTML
 * (no search, no script), a title page, the contents, each chapter a named
 * page whose running header is its title, then the back matter. The essays
 * are the HTML handbook's own (sanitised, memoised); the stylesheets are
 * templates/handbook.css and templates/pdf.css.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { h } from 'hastscript';
import type { Config } from '../config.js';
import type { Library } from '../types.js';
import { renderedEssays } from './essay-output.js';
import { serialiseHtml, toHast } from './html-essay.js';
import { sanitizeFragment } from './html-sanitize.js';
import { TEMPLATES_DIR } from './html-shell.js';
import type { EmitMemo } from './memo.js';
import type { EssayBodies } from './context.js';

/** A CSS string literal of any text: everything but plain characters as a hex escape (no `</style>` can appear). */
export const cssString = (value: string): string =>
  `"${[...value].map((c) => (/^[A-Za-z0-9 ,.!?'()&:;-]$/.test(c) ? c : `\\${c.codePointAt(0)!.toString(16)} `)).join('')}"`;

/** The running header of every page of one named page group. */
const runningHeader = (page: string, title: string): string =>
  `@page ${page} { @top-center { content: ${cssString(title)}; font-family: sans-serif; font-size: 9pt; color: #444; } }\n`;

/** The print document in pieces, essays as the iteration reaches them. */
export function* pdfDocumentChunks(library: Library, config: Config, bodies: EssayBodies, memo?: EmitMemo): Generator<string> {
  const essays = renderedEssays(library, config, bodies, memo);
  const { model } = essays;
  const read = (name: string): string => readFileSync(path.join(TEMPLATES_DIR, name), 'utf8');
  const html = (nodes: Parameters<typeof sanitizeFragment>[0]): string => serialiseHtml(sanitizeFragment(nodes));
  let pages = '';
  model.chapters.forEach((chapter, i) => (pages += `.chapter-${i + 1} { page: chapter-${i + 1}; }\n${runningHeader(`chapter-${i + 1}`, chapter.title)}`));
  for (const part of model.backMatter) pages += `.back-matter.${part.anchor} { page: ${part.anchor}; }\n${runningHeader(part.anchor, part.title)}`;
  const title = serialiseHtml([{ type: 'text', value: config.handbook.title || 'Commonplace' }]);
  yield `<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>${title}</title>\n<style>\n${read('handbook.css')}\n${read('pdf.css')}\n${pages}</style>\n</head>\n<body>\n<main>\n`;
  yield html([h('header', { className: ['title-page'] }, toHast(model.titlePage))]);
  yield html([h('nav', { className: ['toc'], ariaLabel: 'Contents' }, toHast(model.contents))]);
  for (const [i, chapter] of model.chapters.entries()) {
    yield `\n<section class="chapter chapter-${i + 1}">\n${html(toHast([chapter.heading]))}\n`;
    for (const essay of chapter.essays) yield essays.text(essay, 'html');
    yield '\n</section>';
  }
  for (const part of model.backMatter) yield html([h('section', { className: ['back-matter', part.anchor] }, toHast(part.nodes))]);
  yield '\n</main>\n</body>\n</html>\n';
}
