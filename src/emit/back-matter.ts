/**
 * The handbook's reference parts, after the essays: glossary, bibliography
 * and author index. Each returns mdast nodes that start with an anchored h2.
 */
import type { PhrasingContent, RootContent } from 'mdast';
import type { LinkedConcept, LinkedNote } from '../types.js';
import { sortBy } from '../util/sort.js';
import { FIXED_ANCHORS } from './anchors.js';
import { noteTitle } from './chapters.js';
import { noteAuthors, type EmitContext } from './context.js';
import { debatesAbout } from './debates.js';
import { noteLinks } from './essay.js';
import { anchorLink, anchoredHeading, bulletList, joinNames, labelledLine, paragraph, text } from './mdast-build.js';
import { isWebUrl } from './url.js';

/** Concepts in glossary order: name case-folded, then name, then id (code point). */
export function glossaryOrder(concepts: readonly LinkedConcept[]): LinkedConcept[] {
  return sortBy(concepts, (c) => c.concept.name.toLowerCase(), (c) => c.concept.name, (c) => c.concept.id);
}

/** Glossary: each concept's definition, aliases, see-also links and the essays that mention it. */
export function renderGlossary(ctx: EmitContext): RootContent[] {
  const out: RootContent[] = [anchoredHeading(2, FIXED_ANCHORS.glossary, [text('Glossary')])];
  if (ctx.library.concepts.length === 0) out.push(paragraph([text('No concepts are defined yet (add them to concepts.yml).')], 'notice'));
  for (const linked of glossaryOrder(ctx.library.concepts)) {
    const { concept } = linked;
    out.push(anchoredHeading(3, ctx.anchors.concept(concept.id)!, [text(concept.name)], 'concept-title'));
    if (concept.definition.trim()) out.push(paragraph([text(concept.definition.trim())], 'definition'));
    if (concept.aliases.length > 0) out.push(labelledLine('Also called', concept.aliases.map((a) => [text(a)]), 'aliases'));
    const see = concept.see.map((name) => {
      const target = ctx.conceptsByName.get(name.trim().toLowerCase());
      const anchor = target ? ctx.anchors.concept(target.concept.id) : undefined;
      return target && anchor ? [anchorLink(anchor, target.concept.name)] : [text(name)];
    });
    if (see.length > 0) out.push(labelledLine('See also', see, 'see-also'));
    const essays = noteLinks([...linked.notes, ...linked.backlinks], ctx);
    if (essays.length > 0) out.push(labelledLine('Essays', essays, 'concept-essays'));
    const debates = debatesAbout(concept.id, ctx).map((d) => [anchorLink(d.anchor, d.title)]);
    if (debates.length > 0) out.push(labelledLine('Debates', debates, 'concept-debates'));
  }
  return out;
}

/** Bibliography: every source, "Author (Year). *Title*. Venue. URL", by author, year, title, id. */
export function renderBibliography(ctx: EmitContext): RootContent[] {
  const out: RootContent[] = [anchoredHeading(2, FIXED_ANCHORS.bibliography, [text('Bibliography')])];
  const notes = sortBy(ctx.library.notes, (n) => noteAuthors(n).join('; '), (n) => n.note.meta.year ?? 0, noteTitle, (n) => n.note.id);
  if (notes.length === 0) out.push(paragraph([text('No sources yet.')], 'notice'));
  else out.push(bulletList(notes.map((n) => citation(n, ctx)), 'bibliography'));
  return out;
}

function citation(linked: LinkedNote, ctx: EmitContext): PhrasingContent[] {
  const { meta } = linked.note;
  const authors = noteAuthors(linked);
  const out: PhrasingContent[] = [text(`${authors.length > 0 ? authors.join(', ') : 'Anonymous'} (${meta.year ?? 'n.d.'}). `)];
  out.push({ type: 'emphasis', children: [anchorLink(ctx.anchors.note(linked.note.id)!, noteTitle(linked))] }, text('.'));
  if (meta.venue?.trim()) out.push(text(` ${meta.venue.trim()}.`));
  const source = meta.source?.trim();
  if (source && isWebUrl(source)) out.push(text(' '), { type: 'link', url: source, children: [text(source)] });
  else if (source) out.push(text(` ${source}`));
  return out;
}

/** Author index: each author (by code point) with links to their essays. */
export function renderAuthorIndex(ctx: EmitContext): RootContent[] {
  const out: RootContent[] = [anchoredHeading(2, FIXED_ANCHORS.authors, [text('Authors')])];
  const byAuthor = new Map<string, LinkedNote[]>();
  for (const linked of ctx.library.notes) {
    for (const name of noteAuthors(linked)) {
      const list = byAuthor.get(name);
      if (list) list.push(linked);
      else byAuthor.set(name, [linked]);
    }
  }
  if (ctx.authors.length === 0) {
    out.push(paragraph([text('No authors yet.')], 'notice'));
    return out;
  }
  const items = ctx.authors.map((name) => [
    text(`${name}: `),
    ...joinNames(noteLinks((byAuthor.get(name) ?? []).map((n) => n.note.id), ctx)),
  ]);
  out.push(bulletList(items, 'author-index', ctx.authors.map((name) => ctx.anchors.author(name))));
  return out;
}
