/**
 * The search index inlined into handbook.html: a MiniSearch index over
 * essays (title, authors, summary, tags, concepts) and concepts (name,
 * aliases, definition), built here so the page only loads it.
 */
import MiniSearch, { type Options } from 'minisearch';
import { CLOBBER_PREFIX } from './html-sanitize.js';
import { noteTitle } from './chapters.js';
import { noteAuthors } from './context.js';
import type { HandbookModel } from './model.js';
import { glossaryOrder } from './back-matter.js';

/** One searchable entry. `id` is the final in-page href (clobber prefix included). */
export interface SearchDocument {
  id: string;
  kind: 'essay' | 'concept';
  title: string;
  meta: string;
  text: string;
}

/** Options the page must pass to `MiniSearch.loadJS` (they travel with the index). */
export const SEARCH_OPTIONS = {
  fields: ['title', 'meta', 'text'],
  storeFields: ['kind', 'title', 'meta'],
  searchOptions: { prefix: true, fuzzy: 0.2, boost: { title: 3, meta: 1.5 }, combineWith: 'AND' },
} satisfies Options<SearchDocument>;

/** Builds the documents in handbook order (chapters, then glossary order). */
export function searchDocuments(model: HandbookModel): SearchDocument[] {
  const { ctx } = model;
  const docs: SearchDocument[] = [];
  for (const chapter of model.chapters) {
    for (const essay of chapter.essays) {
      const { meta, summary } = essay.linked.note;
      const concepts = essay.linked.concepts.map((c) => ctx.concepts.get(c.id)?.concept.name ?? '');
      docs.push({
        id: `#${CLOBBER_PREFIX}${essay.anchor}`,
        kind: 'essay',
        title: noteTitle(essay.linked),
        meta: [noteAuthors(essay.linked).join(', '), meta.year === undefined ? '' : String(meta.year)].filter(Boolean).join(' · '),
        text: [summary?.text ?? '', meta.tags.join(' '), concepts.join(' '), chapter.title].join(' '),
      });
    }
  }
  for (const linked of glossaryOrder(ctx.library.concepts)) {
    docs.push({
      id: `#${CLOBBER_PREFIX}${ctx.anchors.concept(linked.concept.id)!}`,
      kind: 'concept',
      title: linked.concept.name,
      meta: 'Concept',
      text: [linked.concept.aliases.join(' '), linked.concept.definition].join(' '),
    });
  }
  return docs;
}

/** The payload the page reads: options plus the serialised index of `documents` (from `searchDocuments`). */
export function searchPayload(documents: SearchDocument[]): { options: typeof SEARCH_OPTIONS; index: unknown } {
  const search = new MiniSearch<SearchDocument>(SEARCH_OPTIONS);
  search.addAll(documents);
  return { options: SEARCH_OPTIONS, index: search.toJSON() };
}
