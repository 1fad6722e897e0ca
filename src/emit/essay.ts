/**
 * One essay of the handbook as mdast, rendered from one linked note alone
 * (plus the read-only context), so a cache can memoise it per note.
 */
import type { PhrasingContent, RootContent } from 'mdast';
import type { LinkedNote, NoteId } from '../types.js';
import { sortBy } from '../util/sort.js';
import { noteTitle } from './chapters.js';
import { noteAuthors, type EmitContext } from './context.js';
import { createCrosslinker } from './crosslink.js';
import { anchorLink, anchoredHeading, bulletList, joinNames, labelledLine, paragraph, text } from './mdast-build.js';
import { splitNote } from './note-parts.js';
import { relationLines } from './relations.js';
import { relationPhrase, relationVocabulary } from '../link/relation-types.js';
import { isWebUrl } from './url.js';

/** Heading depth of an essay's title (chapters are 2, the handbook title 1). */
export const ESSAY_DEPTH = 3;

/** The essay's nodes: heading, byline, typed relations, summary, sections, concepts, related, mentioned in, footnotes. */
export function renderEssay(linked: LinkedNote, ctx: EmitContext): RootContent[] {
  const { note } = linked;
  const anchor = ctx.anchors.note(note.id)!;
  const parts = splitNote(note, ctx.bodies.get(note, ['source', 'tree']), ctx.config);
  const sectionDepth = (ESSAY_DEPTH + 1) as 4;
  const crosslinker = createCrosslinker(linked, parts, ctx, sectionDepth + 1 - ctx.config.sectionDepth);
  const out: RootContent[] = [anchoredHeading(ESSAY_DEPTH, anchor, [text(noteTitle(linked))], 'essay-title'), byline(linked, ctx), ...relationLines(linked, ctx)];
  if (parts.summary.length > 0) out.push(...crosslinker.section(parts.summary));
  for (const [index, section] of parts.sections.entries()) {
    const sectionAnchor = ctx.anchors.sectionAt(note.id, index) ?? anchor;
    const heading = anchoredHeading(sectionDepth, sectionAnchor, crosslinker.plain(section.heading.children) as PhrasingContent[]);
    out.push(heading, ...crosslinker.section(section.nodes));
  }
  const concepts = linked.concepts.flatMap((c) => {
    const target = ctx.concepts.get(c.id);
    const conceptAnchor = ctx.anchors.concept(c.id);
    return target && conceptAnchor ? [[anchorLink(conceptAnchor, target.concept.name)]] : [];
  });
  if (concepts.length > 0) out.push(labelledLine('Concepts', concepts, 'essay-concepts'));
  const vocabulary = relationVocabulary(ctx.config);
  const related = linked.related.flatMap((r) => {
    const other = ctx.notes.get(r.id);
    const otherAnchor = ctx.anchors.note(r.id);
    if (!other || !otherAnchor) return [];
    const typed = linked.relations.filter((x) => x.id === r.id).map((x) => relationPhrase(vocabulary, x.type, x.direction).toLowerCase());
    const reason = [typed.join(', '), relatedReason(r.reasons.concepts, r.reasons.terms, ctx)].filter(Boolean).join('; ');
    return [[anchorLink(otherAnchor, noteTitle(other)), ...(reason ? [text(` — ${reason}`)] : [])]];
  });
  if (related.length > 0) out.push(paragraph([{ type: 'strong', children: [text('Related essays')] }], 'essay-related-label'), bulletList(related, 'essay-related'));
  const mentionedIn = noteLinks([...linked.backlinks, ...linked.mentionedIn], ctx, note.id);
  if (mentionedIn.length > 0) out.push(labelledLine('Mentioned in', mentionedIn, 'essay-mentioned-in'));
  out.push(...crosslinker.plain(parts.footnotes));
  return out;
}

/** Links to the given notes' essays, unique, by title then id, `exclude` left out. */
export function noteLinks(ids: readonly NoteId[], ctx: EmitContext, exclude?: NoteId): PhrasingContent[][] {
  const notes = [...new Set(ids)].filter((id) => id !== exclude).flatMap((id) => {
    const linked = ctx.notes.get(id);
    return linked ? [linked] : [];
  });
  return sortBy(notes, noteTitle, (n) => n.note.id).map((n) => [anchorLink(ctx.anchors.note(n.note.id)!, noteTitle(n))]);
}

/** `By Ann Author and Bo Writer · 2020 · Venue · Source` (each part only when known). */
function byline(linked: LinkedNote, ctx: EmitContext): RootContent {
  const { meta } = linked.note;
  const parts: PhrasingContent[][] = [];
  const authors = noteAuthors(linked).map((name) => {
    const anchor = ctx.anchors.author(name);
    return anchor ? [anchorLink(anchor, name)] : [text(name)];
  });
  if (authors.length > 0) parts.push([text('By '), ...joinNames(authors)]);
  if (meta.year !== undefined) parts.push([text(String(meta.year))]);
  if (meta.venue?.trim()) parts.push([{ type: 'emphasis', children: [text(meta.venue.trim())] }]);
  if (meta.source && isWebUrl(meta.source)) {
    parts.push([{ type: 'link', url: meta.source.trim(), children: [text('Source')] }]);
  } else if (meta.source?.trim()) {
    parts.push([text(`Source: ${meta.source.trim()}`)]);
  }
  const children: PhrasingContent[] = [];
  parts.forEach((part, i) => {
    if (i > 0) children.push(text(' · '));
    children.push(...part);
  });
  return paragraph(children.length > 0 ? children : [text(meta.kind)], 'byline');
}

/** "shares Concept A and Concept B; terms: x, y" — why two essays are related. */
function relatedReason(conceptIds: string[], terms: string[], ctx: EmitContext): string {
  const names = conceptIds.flatMap((id) => {
    const c = ctx.concepts.get(id);
    return c ? [c.concept.name] : [];
  });
  const reasons: string[] = [];
  if (names.length > 0) reasons.push(`shared concepts: ${names.join(', ')}`);
  if (terms.length > 0) reasons.push(`shared terms: ${terms.join(', ')}`);
  return reasons.join('; ');
}
