/**
 * The trusted frame of every site page, built as hast with hastscript (so
 * every text is escaped by construction) around content that is already
 * sanitised. Shared CSS and JS are files under `assets/`, linked relatively.
 */
import type { Element, Root, RootContent } from 'hast';
import { h } from 'hastscript';
import rehypeStringify from 'rehype-stringify';
import { unified } from 'unified';
import type { Config } from '../../config.js';
import { hrefFrom, rootFrom, SITE_PAGES } from './paths.js';

/**
 * Only the site's own files: no third-party request, no inline script or
 * style (a note's text can never become one), no form, no <base>.
 */
export const SITE_CSP = "default-src 'none'; style-src 'self'; script-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'";

/** The shared files every page links, from the site root. */
export const ASSETS = { handbookCss: 'assets/handbook.css', siteCss: 'assets/site.css', siteJs: 'assets/site.js', stemmerJs: 'assets/stemmer.js', searchJs: 'assets/search.js' } as const;

/** One page: where it lives (from the site root), its title and its already sanitised main content. */
export interface PageSpec {
  path: string;
  title: string;
  main: RootContent[];
  /** Extra scripts (from the site root) loaded after site.js, e.g. the search page's. */
  scripts?: string[];
  /** True when the site has a debates page: the navigation links it. */
  debates?: boolean;
}

const serializer = unified().use(rehypeStringify, { characterReferences: { useNamedReferences: false } }).freeze();

/** The whole page as HTML text. */
export function renderPage(spec: PageSpec, config: Config): string {
  const link = (to: string, label: string): Element => h('a', { href: hrefFrom(spec.path, to) }, label);
  const siteTitle = config.handbook.title || 'Commonplace';
  const head = h('head', [
    h('meta', { charSet: 'utf-8' }),
    h('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }),
    h('meta', { httpEquiv: 'Content-Security-Policy', content: SITE_CSP }),
    h('meta', { name: 'generator', content: 'Commonplace' }),
    h('title', spec.path === SITE_PAGES.home ? siteTitle : `${spec.title} · ${siteTitle}`),
    h('link', { rel: 'stylesheet', href: hrefFrom(spec.path, ASSETS.handbookCss) }),
    h('link', { rel: 'stylesheet', href: hrefFrom(spec.path, ASSETS.siteCss) }),
    ...[ASSETS.siteJs, ...(spec.scripts ?? [])].map((src) => h('script', { src: hrefFrom(spec.path, src), defer: true })),
  ]);
  const body = h('body', { className: ['site-page'], dataRoot: rootFrom(spec.path) }, [
    h('a', { className: ['skip-link'], href: '#main' }, 'Skip to the content'),
    h('header', { className: ['site-header', 'site-bar'] }, [
      h('p', { className: ['site-name'] }, [link(SITE_PAGES.home, siteTitle)]),
      h('nav', { className: ['site-nav'], ariaLabel: 'Site' }, [
        link(SITE_PAGES.home, 'Contents'),
        link(SITE_PAGES.glossary, 'Glossary'),
        link(SITE_PAGES.bibliography, 'Bibliography'),
        link(SITE_PAGES.authors, 'Authors'),
        link(SITE_PAGES.tags, 'Tags'),
        ...(spec.debates ? [link(SITE_PAGES.debates, 'Debates')] : []),
        link(SITE_PAGES.search, 'Search'),
      ]),
    ]),
    h('main', { id: 'main', tabIndex: -1 }, spec.main as Element['children']),
    h('footer', { className: ['site-footer'] }, [h('p', 'Built with Commonplace.')]),
  ]);
  const tree: Root = { type: 'root', children: [{ type: 'doctype' }, h('html', { lang: 'en' }, [head, body])] };
  return `${serializer.stringify(tree)}\n`;
}
