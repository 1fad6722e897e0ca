/**
 * The HTML safety boundary. Every fragment that carries note text passes
 * through `sanitizeFragment` AFTER its last transform.
 *
 * The schema is rehype-sanitize's GitHub-style default plus our landmarks
 * and classes, minus form attributes, with hrefs limited to http, https,
 * mailto and in-page fragments (src: http, https). DOM clobbering stays
 * defended: the sanitiser prefixes every `id` (and aria id reference) with
 * `user-content-`; `prefixFragmentLinks` runs first and gives every `#x`
 * href the same prefix, so in-page links, footnotes included, still resolve.
 */
import type { Element, Root, RootContent } from 'hast';
import { defaultSchema, type Options as Schema } from 'rehype-sanitize';
import rehypeSanitize from 'rehype-sanitize';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';

/** What the sanitiser puts before every id; in-page links get it too. */
export const CLOBBER_PREFIX = defaultSchema.clobberPrefix ?? 'user-content-';

const REMOVED_ATTRIBUTES = new Set(['action', 'method', 'encType', 'acceptCharset', 'accept', 'name']);

const isClassRestriction = (entry: unknown): boolean => Array.isArray(entry) && entry[0] === 'className';

const attributes: NonNullable<Schema['attributes']> = {};
for (const [tag, list] of Object.entries(defaultSchema.attributes ?? {})) {
  // Our own classes (`concept-link`, `byline`…) are allowed everywhere; notes cannot set
  // classes (their raw HTML never reaches the tree), so dropping the per-tag class lists is safe.
  attributes[tag] = (list ?? []).filter((entry) => !isClassRestriction(entry) && !(typeof entry === 'string' && REMOVED_ATTRIBUTES.has(entry)));
}
attributes['*'] = [...(attributes['*'] ?? []), 'className'];
attributes.nav = [...(attributes.nav ?? []), 'ariaLabel'];
attributes.section = [...(attributes.section ?? []), 'ariaLabelledBy'];

/** rehype-sanitize's default schema, extended for the handbook (see the module comment). */
export const handbookSchema: Schema = {
  ...defaultSchema,
  tagNames: [...(defaultSchema.tagNames ?? []), 'header', 'nav', 'main', 'article', 'footer', 'aside'],
  attributes,
  protocols: { ...defaultSchema.protocols, href: ['http', 'https', 'mailto'], src: ['http', 'https'] },
};

/** Gives every in-page `href="#x"` the clobber prefix the sanitiser will give `id="x"`. */
export function prefixFragmentLinks(tree: Root): void {
  visit(tree, 'element', (node: Element) => {
    const href = node.properties.href;
    if (typeof href === 'string' && href.startsWith('#') && href.length > 1) {
      node.properties.href = `#${CLOBBER_PREFIX}${href.slice(1)}`;
    }
  });
}

/**
 * Images would be fetched from the network when the page opens; the handbook
 * must make no request, so each becomes a link to the image, labelled by its alt text.
 */
export function offlineImages(tree: Root): void {
  visit(tree, 'element', (node: Element, index, parent) => {
    if (node.tagName !== 'img' || !parent || index === undefined) return;
    const alt = typeof node.properties.alt === 'string' && node.properties.alt ? node.properties.alt : 'image';
    const link: Element = { type: 'element', tagName: 'a', properties: { href: node.properties.src ?? '', className: ['image-link'] }, children: [{ type: 'text', value: `[${alt}]` }] };
    parent.children[index] = link;
  });
}

const sanitizer = unified().use(rehypeSanitize, handbookSchema).freeze();

/** Sanitises a fragment (links prefixed first) and returns the safe children. */
export function sanitizeFragment(children: RootContent[]): RootContent[] {
  const tree: Root = { type: 'root', children };
  offlineImages(tree);
  prefixFragmentLinks(tree);
  return (sanitizer.runSync(tree) as Root).children;
}
