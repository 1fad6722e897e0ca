/**
 * A browser's-eye audit of a handbook page: parse it as a browser would
 * (rehype-parse, the HTML5 algorithm) and list everything that could run
 * code, load something or change the page, wherever it sits. Used by the
 * hostile-library, CommonMark and fuzz tests and by `scripts/fuzz.ts`.
 */
import type { Element, Root } from 'hast';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';

const parser = unified().use(rehypeParse).freeze();

/** Parses a whole HTML document. */
export function parseDocument(html: string): Root {
  return parser.parse(html);
}

/** Elements that must never come from a note (the shell's own head is checked apart). */
const FORBIDDEN_IN_BODY = new Set([
  'script', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'svg', 'math', 'form', 'base', 'meta', 'link',
  'style', 'template', 'noscript', 'button', 'textarea', 'select', 'img', 'video', 'audio', 'source', 'track',
  'picture', 'portal', 'area', 'map', 'marquee', 'dialog', 'details',
]);

/** What the handbook's own pictures (src/emit/pictures) are drawn with: elements, and their properties (hast names). */
const PICTURE_ELEMENTS = new Set(['svg', 'title', 'g', 'path', 'circle', 'rect', 'line', 'text']);
const PICTURE_PROPERTIES = new Set(['xmlns', 'viewBox', 'width', 'height', 'className', 'role', 'ariaLabel', 'cx', 'cy', 'r', 'x', 'y', 'x1', 'y1', 'x2', 'y2', 'd', 'textAnchor']);

/**
 * The handbook's own pictures under `root`: every `<svg class="cp-picture">`
 * and what it holds, allowed only while drawn with the fixed elements and
 * properties the pictures use (no link, no style, no handler); anything else
 * in one is a problem. A note cannot make one: the sanitiser drops every SVG.
 */
export function commonplacePictures(root: Root | Element): { drawn: Set<Element>; problems: string[] } {
  const drawn = new Set<Element>();
  const problems: string[] = [];
  const pictures = elementsOf(root).filter((e) => e.tagName === 'svg' && Array.isArray(e.properties.className) && e.properties.className.includes('cp-picture'));
  for (const picture of pictures) {
    for (const element of elementsOf(picture)) {
      drawn.add(element);
      if (!PICTURE_ELEMENTS.has(element.tagName)) problems.push(`element <${element.tagName}> in a picture`);
      for (const key of Object.keys(element.properties)) if (!PICTURE_PROPERTIES.has(key)) problems.push(`property ${key} on <${element.tagName}> in a picture`);
    }
  }
  return { drawn, problems };
}

/** Properties (hast names) that hold a URL a browser may follow or fetch. */
const URL_PROPERTIES = ['href', 'src', 'action', 'formAction', 'xLinkHref', 'data', 'srcSet', 'poster', 'background', 'cite', 'ping', 'longDesc', 'codeBase', 'manifest', 'icon'];

const ALLOWED_SCHEMES = new Set(['http', 'https', 'mailto']);

/** The scheme a browser would use for `url` (control characters and blanks dropped first), or null when relative. */
export function schemeOf(url: string): string | null {
  const compact = url.replace(/[\u0000-\u0020\u007f-\u009f]+/g, '');
  const match = /^([a-z][a-z0-9+.-]*):/i.exec(compact);
  return match ? match[1]!.toLowerCase() : null;
}

/** Every element under `node`, in document order. */
export function elementsOf(node: Root | Element): Element[] {
  const out: Element[] = [];
  visit(node, 'element', (element: Element) => void out.push(element));
  return out;
}

/** Text content of a node. */
export function textContent(node: Root | Element): string {
  let text = '';
  visit(node, 'text', (t: { value: string }) => void (text += t.value));
  return text;
}

/** The non-JSON script texts of a page: the shell's code, identical for every library. */
export function codeScripts(tree: Root): string[] {
  return elementsOf(tree)
    .filter((e) => e.tagName === 'script' && e.properties.type !== 'application/json')
    .map(textContent);
}

/**
 * Everything unsafe in a handbook page. `shellScripts` are the code scripts
 * of a page built from a harmless library: any other code script is a finding.
 */
export function auditHandbook(html: string, shellScripts: readonly string[]): string[] {
  const tree = parseDocument(html);
  const problems: string[] = [];
  const all = elementsOf(tree);
  const body = all.find((e) => e.tagName === 'body');
  if (!body) return ['no <body>'];

  const pictures = commonplacePictures(body);
  problems.push(...pictures.problems);
  for (const element of elementsOf(body)) {
    if (element.tagName === 'script') continue; // judged below, with the head's
    if (FORBIDDEN_IN_BODY.has(element.tagName) && !pictures.drawn.has(element)) problems.push(`element <${element.tagName}> in the body`);
    // GFM task lists render as disabled checkboxes; any other input is a finding.
    const taskBox = element.properties.type === 'checkbox' && element.properties.disabled === true && Object.keys(element.properties).length === 2;
    if (element.tagName === 'input' && element.properties.id !== 'search-input' && !taskBox) problems.push('an <input> other than the search box or a task-list checkbox');
  }
  for (const element of all) {
    for (const [key, value] of Object.entries(element.properties)) {
      if (/^on/i.test(key)) problems.push(`event handler ${key} on <${element.tagName}>`);
      if (key === 'style' && /url\(|expression\(|javascript:/i.test(String(value))) problems.push(`style with a URL on <${element.tagName}>`);
    }
    for (const key of URL_PROPERTIES) {
      const value = element.properties[key];
      if (value === undefined || value === null) continue;
      for (const url of Array.isArray(value) ? value.map(String) : [String(value)]) {
        const scheme = schemeOf(url);
        if (scheme !== null && !ALLOWED_SCHEMES.has(scheme)) problems.push(`${key}="${url.slice(0, 60)}" on <${element.tagName}>`);
      }
    }
    if (element.tagName === 'meta' && typeof element.properties.httpEquiv === 'string' && /refresh|set-cookie/i.test(element.properties.httpEquiv)) {
      problems.push(`<meta http-equiv="${element.properties.httpEquiv}">`);
    }
    if (element.tagName === 'base') problems.push('a <base> element');
  }

  const allowed = new Set(shellScripts);
  for (const script of all.filter((e) => e.tagName === 'script')) {
    const text = textContent(script);
    if (script.properties.type === 'application/json') {
      if (/[<\u2028\u2029]/.test(text)) problems.push(`raw < or U+2028/2029 in inline JSON #${String(script.properties.id)}`);
      try {
        JSON.parse(text);
      } catch {
        problems.push(`inline JSON #${String(script.properties.id)} does not parse`);
      }
    } else if (!allowed.has(text)) {
      problems.push(`a code <script> that is not the shell's: ${text.slice(0, 80)}`);
    }
  }
  problems.push(...brokenAnchors(tree));
  return problems;
}

/** In-page links whose target id does not exist exactly once. */
export function brokenAnchors(tree: Root): string[] {
  const ids = new Map<string, number>();
  const all = elementsOf(tree);
  for (const element of all) {
    const id = element.properties.id;
    if (typeof id === 'string') ids.set(id, (ids.get(id) ?? 0) + 1);
  }
  const problems: string[] = [];
  for (const [id, count] of ids) if (count > 1) problems.push(`id "${id}" appears ${count} times`);
  for (const element of all) {
    const href = element.properties.href;
    if (typeof href !== 'string' || !href.startsWith('#') || href === '#') continue;
    const target = decodeURIComponent(href.slice(1));
    if (!ids.has(target)) problems.push(`link to #${target} has no target`);
  }
  return problems;
}
