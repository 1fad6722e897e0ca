/**
 * The EPUB's content as XHTML: the same sanitised HTML as handbook.html,
 * with in-book links pointed at the document that holds their target, and
 * rewritten as XML (every element closed, no valueless attribute, numeric
 * character references only: XML knows no `&nbsp;`).
 */
import type { RootContent } from 'hast';
import { serialiseHtml } from './html-essay.js';
import { CLOBBER_PREFIX } from './html-sanitize.js';

/** XML-escaped text, for the few strings written outside a tree (titles, metadata). */
export const xmlText = (value: string): string =>
  value.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!).replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '');

/** Serialises sanitised hast as XHTML, by way of its HTML (see `htmlToXhtml`). */
export function serialiseXhtml(children: RootContent[], current: string, fileOf: (anchor: string) => string | undefined): string {
  return htmlToXhtml(serialiseHtml(children), current, fileOf);
}

/** HTML's void elements: written `<br>` in HTML, `<br />` in XHTML. */
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);

/**
 * One tag as rehype-stringify writes sanitised hast: every attribute value
 * double-quoted with `"` escaped, so a `>` inside a value never ends the tag;
 * text escapes every `<`, so each `<` starts a tag.
 */
const TAG = /<(\/?)([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[^\s"'>/=]+(?:="[^"]*")?)*)\s*>/g;
const ATTRIBUTE = /\s+([^\s"'>/=]+)(?:="([^"]*)")?/g;

/**
 * Sanitised HTML as serialised by `serialiseHtml` (an essay as
 * handbook.html holds it) rewritten as XHTML, on the text, so the book
 * reuses the build's rendered essays instead of rendering each again:
 * - a `#x` link whose target is in another document of the book (per
 *   `fileOf`, by anchor without the sanitiser's prefix) becomes `that.xhtml#x`;
 * - a void element is closed (`<br />`);
 * - a boolean attribute (`data-footnotes`), which XML forbids, is dropped,
 *   and a task-list checkbox becomes the mark ☑ or ☐;
 * - `<` in an attribute value and `]]>` in text, which HTML allows and XML
 *   does not, are escaped;
 * - a table cell's `align` (a cell has no class) becomes the class `align-…`.
 */
export function htmlToXhtml(html: string, current: string, fileOf: (anchor: string) => string | undefined): string {
  return html
    .replace(TAG, (tag, close: string, name: string, attributes: string) => {
      if (close) return tag;
      if (name === 'input') return [...attributes.matchAll(ATTRIBUTE)].some((m) => m[1] === 'checked') ? '☑' : '☐';
      const kept = attributes.replace(ATTRIBUTE, (attribute, key: string, value: string | undefined) => {
        if (value === undefined) return ''; // a boolean attribute: XML has no valueless form
        if (key === 'href' && value.startsWith(`#${CLOBBER_PREFIX}`)) {
          const file = fileOf(value.slice(1 + CLOBBER_PREFIX.length));
          if (file !== undefined && file !== current) return ` href="${file}${value}"`;
        }
        // A table cell's alignment (GFM `:---:`) is not EPUB 3 XHTML: a class of epub.css's instead.
        if (key === 'align') return /^(left|center|right)$/.test(value) ? ` class="align-${value}"` : '';
        return value.includes('<') ? ` ${key}="${value.replaceAll('<', '&#x3C;')}"` : attribute;
      });
      return `<${name}${kept}${VOID.has(name) ? ' />' : '>'}`;
    })
    .replaceAll(']]>', ']]&#x3E;');
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
