/**
 * `dist/site/`: the handbook as one page per essay, concept, author and tag,
 * plus home, chapter pages, glossary, bibliography, author and tag indexes,
 * debates (when there are any), search and 404 pages and the shared assets.
 * Long lists (a chapter, a concordance, an author's or a tag's essays, the
 * bibliography) are paged (paging.ts). Every page is one OutputFile named `site/…`, rendered
 * when iterated, in a fixed order (assets, home, chapters in reading order,
 * fixed pages, essays in reading order, concepts by id, authors and tags by
 * code point; each list's pages in order), so the site is deterministic like
 * every other output.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Config } from '../../config.js';
import { sortBy } from '../../util/sort.js';
import { TEMPLATES_DIR } from '../html-shell.js';
import { memoisedByNodes, type EmitMemo } from '../memo.js';
import type { HandbookModel } from '../model.js';
import { contextGraph, neighbourLookup } from '../pictures/index.js';
import { ASSETS, renderPage, type PageSpec } from './layout.js';
import { bibliographyItems, shortGlossary } from './back-pages.js';
import { backMatterMain, bibliographyMain, chapterMain, homeMain, notFoundMain, searchMain, type PageContext } from './pages.js';
import { conceptPageText, concordanceNotes } from './concept-page.js';
import { essayPageText } from './essay-page.js';
import { DEFAULT_PAGING, listPages, pageTitle, type SitePaging } from './paging.js';
import { authorMain, authorsIndexMain, listings, tagMain, tagsIndexMain } from './listings.js';
import { searchFiles, stemmerScript } from './search-index.js';
import { SITE_DIR, SITE_PAGES, sitePaths } from './paths.js';

export { SITE_DIR, SITE_PAGES } from './paths.js';
export { DEFAULT_PAGING, type SitePaging } from './paging.js';

/** One file of the site: its path under the output folder and its text, rendered when iterated. */
export interface SiteFile {
  name: string;
  chunks: Iterable<string>;
}

const lazily = (render: () => string): Iterable<string> => ({ [Symbol.iterator]: () => [render()][Symbol.iterator]() });

/** The shared assets: the handbook's stylesheet as is, the site's additions and script. */
function assets(): SiteFile[] {
  const read = (name: string): string => readFileSync(path.join(TEMPLATES_DIR, name), 'utf8');
  return [
    { name: `${SITE_DIR}/${ASSETS.handbookCss}`, chunks: lazily(() => read('handbook.css')) },
    { name: `${SITE_DIR}/${ASSETS.siteCss}`, chunks: lazily(() => read('site.css')) },
    { name: `${SITE_DIR}/${ASSETS.siteJs}`, chunks: lazily(() => read('site.js')) },
    { name: `${SITE_DIR}/${ASSETS.stemmerJs}`, chunks: lazily(stemmerScript) },
    { name: `${SITE_DIR}/${ASSETS.searchJs}`, chunks: lazily(() => read('site-search.js')) },
  ];
}

/**
 * Every file of the site, in a fixed order (see the module comment), from
 * the handbook's model (shared with the handbooks: its essays' lookups are
 * recorded once); `memo` keeps rendered pages, concordance sentences and the
 * map's layout.
 */
export function* siteFiles(model: HandbookModel, config: Config, memo?: EmitMemo, paging: SitePaging = DEFAULT_PAGING): Generator<SiteFile> {
  const { library } = model.ctx;
  const page: PageContext = { model, paths: sitePaths(model.ctx), graph: contextGraph(model.ctx), neighbours: neighbourLookup(model.ctx), memo, paging };
  const hasDebates = model.ctx.debates.length > 0;
  const settings = JSON.stringify(config);
  // A page is a pure function of its spec and the config: kept in the memo under both, so an unchanged page is not serialised again.
  const file = (spec: () => PageSpec, name: string): SiteFile => ({
    name: `${SITE_DIR}/${name}`,
    chunks: lazily(() => {
      const whole = { ...spec(), debates: hasDebates };
      return memoisedByNodes(memo, 'site-page', [settings, whole], () => renderPage(whole, config));
    }),
  });
  yield* assets();
  yield file(() => ({ path: SITE_PAGES.home, title: config.handbook.title || 'Commonplace', main: homeMain(page) }), SITE_PAGES.home);
  for (const [i, chapter] of model.chapters.entries()) {
    for (const part of listPages(page.paths.chapter(i), chapter.essays, paging.essaysPerPage)) {
      yield file(() => ({ path: part.path, title: pageTitle(chapter.title, part.index, part.paths.length), main: chapterMain(chapter, part, page) }), part.path);
    }
  }
  const glossary = model.backMatter.find((p) => p.title === 'Glossary')!;
  yield file(() => ({ path: SITE_PAGES.glossary, title: 'Glossary', main: backMatterMain(shortGlossary(glossary.nodes, paging.previewEssays), SITE_PAGES.glossary, page) }), SITE_PAGES.glossary);
  const bibliography = model.backMatter.find((p) => p.title === 'Bibliography')!;
  for (const part of listPages(SITE_PAGES.bibliography, bibliographyItems(bibliography.nodes), paging.essaysPerPage)) {
    yield file(() => ({ path: part.path, title: pageTitle('Bibliography', part.index, part.paths.length), main: bibliographyMain(bibliography.nodes, part, page) }), part.path);
  }
  const lists = listings(library.notes);
  yield file(() => ({ path: SITE_PAGES.authors, title: 'Authors', main: authorsIndexMain(page, lists) }), SITE_PAGES.authors);
  yield file(() => ({ path: SITE_PAGES.tags, title: 'Tags', main: tagsIndexMain(page, lists) }), SITE_PAGES.tags);
  // Only a library with essays that contradict one another has a debates page (linked from the contents and concept pages).
  const debates = model.backMatter.find((p) => p.title === 'Debates');
  if (debates) yield file(() => ({ path: SITE_PAGES.debates, title: 'Debates', main: backMatterMain(debates.nodes, SITE_PAGES.debates, page) }), SITE_PAGES.debates);
  yield file(() => ({ path: SITE_PAGES.search, title: 'Search', main: searchMain(), scripts: [ASSETS.stemmerJs, ASSETS.searchJs] }), SITE_PAGES.search);
  for (const [name, text] of searchFiles(library, page.paths)) yield { name: `${SITE_DIR}/${name}`, chunks: [text] };
  yield file(() => ({ path: SITE_PAGES.notFound, title: 'Page not found', main: notFoundMain() }), SITE_PAGES.notFound);
  for (const [chapterIndex, chapter] of model.chapters.entries()) {
    for (const [at, essay] of chapter.essays.entries()) {
      // Kept in the memo by its own key (essay-page.ts): an unchanged essay's page is neither rendered nor its body read.
      yield { name: `${SITE_DIR}/${page.paths.essay(essay.linked.note.id)!}`, chunks: lazily(() => essayPageText(essay, { chapter, chapterIndex, at }, page, config, settings)) };
    }
  }
  for (const concept of sortBy(library.concepts, (c) => c.concept.id)) {
    for (const part of listPages(page.paths.concept(concept.concept.id)!, concordanceNotes(concept, page), paging.concordancePerPage)) {
      yield { name: `${SITE_DIR}/${part.path}`, chunks: lazily(() => conceptPageText(concept, part, page, config, settings)) };
    }
  }
  for (const author of model.ctx.authors) {
    const name = page.paths.author(author);
    if (!name) continue;
    for (const part of listPages(name, lists.byAuthor.get(author) ?? [], paging.essaysPerPage)) {
      yield file(() => ({ path: part.path, title: pageTitle(author, part.index, part.paths.length), main: authorMain(author, part, page, lists) }), part.path);
    }
  }
  for (const tag of page.paths.tags) {
    for (const part of listPages(page.paths.tag(tag)!, lists.byTag.get(tag) ?? [], paging.essaysPerPage)) {
      yield file(() => ({ path: part.path, title: pageTitle(`Tag: ${tag}`, part.index, part.paths.length), main: tagMain(tag, part, page) }), part.path);
    }
  }
}
