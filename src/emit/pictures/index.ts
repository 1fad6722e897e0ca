/**
 * The pictures of the library, for the HTML handbook and the site: the map
 * and the timeline in one section, and each essay's neighbourhood. All are
 * trusted hast built here (never from note HTML; note text only as escaped
 * text nodes), so they are serialised as they are, not sanitised: the
 * sanitiser's schema has no SVG, and needs none.
 */
import type { Element } from 'hast';
import { h } from 'hastscript';
import { FIXED_ANCHORS } from '../anchors.js';
import { noteTitle } from '../chapters.js';
import type { EmitContext } from '../context.js';
import { CLOBBER_PREFIX } from '../html-sanitize.js';
import type { EmitMemo } from '../memo.js';
import { chapterIndex, libraryGraph, type LibraryGraph } from './graph.js';
import { libraryMapFigure } from './map.js';
import type { NeighbourLookup } from './neighbourhood.js';
import { timelineFigure } from './timeline.js';

export { libraryGraph, type LibraryGraph } from './graph.js';
export { neighbourhoodData, neighbourhoodFigure, type NeighbourhoodData } from './neighbourhood.js';

/** The section's heading text (and its contents entry). */
export const PICTURES_TITLE = 'Map and timeline';

/** The id of the section's heading: the anchor with the sanitiser's prefix, as every id in the page has. */
export const PICTURES_ID = `${CLOBBER_PREFIX}${FIXED_ANCHORS.map}`;

/** The library's graph, from the context's chapters (once a build). */
export const contextGraph = (ctx: EmitContext): LibraryGraph => libraryGraph(ctx.library, ctx.chapters);

/**
 * The map and timeline section, its h2 carrying `PICTURES_ID`; undated
 * essays link with `hrefOf`; the map's layout is kept in `memo`. Null for an empty library.
 */
export function picturesSection(graph: LibraryGraph, hrefOf: (id: string) => string | undefined, memo?: EmitMemo): Element | null {
  const map = libraryMapFigure(graph, memo);
  const timeline = timelineFigure(graph, hrefOf);
  if (!map || !timeline) return null;
  return h('section', { className: ['pictures'], ariaLabelledBy: PICTURES_ID }, [h('h2', { id: PICTURES_ID }, PICTURES_TITLE), map, h('h3', 'Timeline'), timeline]);
}

/** What the neighbourhood pictures look up, built once a build (chapter of every note). */
export function neighbourLookup(ctx: EmitContext): NeighbourLookup {
  const chapterOf = chapterIndex(ctx.chapters);
  return {
    title: (id) => {
      const linked = ctx.notes.get(id);
      return linked ? noteTitle(linked) : undefined;
    },
    chapter: (id) => chapterOf.get(id),
    chapterTitle: (index) => ctx.chapters[index]?.title ?? '',
  };
}
