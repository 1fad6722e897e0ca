/**
 * The EPUB's content as XHTML: the same sanitised hast as handbook.html,
 * with in-book links pointed at the document that holds their target, and
 * serialised as XML (every element closed, no valueless attribute, numeric
 * character references only: XML knows no `&nbsp;`).
 */
import type { Element, Root, RootContent } from 'hast';
import rehypeStringify from 'rehype-stringify';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { CLOBBER_PREFIX } from './html-sanitize.js';

const serializer = unified()
  .use(rehypeStringify, { closeSelfClosing: true, closeEmptyElements: true, characterReferences: { useNamedReferences: false } })
  .freeze();

/** XML-escaped text, for the few strings written outside a tree (titles, metadata). */
export const xmlText = (value: string): string =>
  value.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!).replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '');

/**
 * Serialises sanitised hast as XHTML, after two rewrites: a `#x` link whose
 * target is in another document of the book (per `fileOf`, by anchor without
 * the sanitiser's prefix) becomes `that.xhtml#x`; a boolean attribute (a
 * task-list checkbox, `data-footnotes`), which HTML writes without a value
 * and XML forbids, is dropped, and a checkbox becomes the mark ☑ or ☐.
 */
export function serialiseXhtml(children: RootContent[], current: string, fileOf: (anchor: string) => string | undefined): string {
  const tree: Root = { type: 'root', children };
  visit(tree, 'element', (node: Element, index, parent) => {
    const href = node.properties.href;
    if (typeof href === 'string' && href.startsWith(`#${CLOBBER_PREFIX}`)) {
      const file = fileOf(href.slice(1 + CLOBBER_PREFIX.length));
      if (file !== undefined && file !== current) node.properties.href = `${file}${href}`;
    }
    if (node.tagName === 'input' && parent && index !== undefined) {
      parent.children[index] = { type: 'text', value: node.properties.checked === true ? '☑' : '☐' };
      return;
    }
    for (const [key, value] of Object.entries(node.properties)) if (value === true) delete node.properties[key];
  });
  return serializer.stringify(tree);
}

/** A complete XHTML content document around `body` (already serialised, or in pieces). */
export function* xhtmlDocument(title: string, body: Iterable<string>, options: { bodyClass?: string } = {}): Generator<string> {
  yield '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE html>\n';
  yield '<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" lang="en" xml:lang="en">\n';
  yield `<head>\n<meta charset="UTF-8"/>\n<title>${xmlText(title)}</title>\n<link rel="stylesheet" type="text/css" href="style.css"/>\n</head>\n`;
  yield options.bodyClass ? `<body class="${xmlText(options.bodyClass)}">\n` : '<body>\n';
  yield* body;
  yield '\n</body>\n</html>\n';
}
