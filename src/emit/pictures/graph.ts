/**
 * The library as a graph for the pictures: one node per essay, one edge per
 * explicit note link and per typed relation (as its declaring note states
 * it: direction `out`), nothing else. Plain, sorted data, so everything drawn
 * from it is a pure function of the library, whatever order notes came in.
 */
import type { Library, LinkedNote } from '../../types.js';
import { compareCodePoints, sortBy } from '../../util/sort.js';
import { noteTitle } from '../chapters.js';

/**
 * The relation types the pictures draw in their own style, with the phrase
 * their legend shows. Any other type (the config may add some) is drawn in
 * the neutral `other` style: its name never reaches a class or attribute.
 */
export const RELATION_STYLES = {
  'responds-to': 'responds to',
  'builds-on': 'builds on',
  contradicts: 'contradicts',
  supports: 'supports',
  summarises: 'summarises',
} as const;

/** How an edge is drawn: a plain link, a known relation type, or `other` for any other relation. */
export type EdgeStyle = 'link' | keyof typeof RELATION_STYLES | 'other';

/** The style an edge of `kind` (`link` or a relation type as written) is drawn in. */
export function edgeStyle(kind: string): EdgeStyle {
  if (kind === 'link') return 'link';
  return Object.hasOwn(RELATION_STYLES, kind) ? (kind as keyof typeof RELATION_STYLES) : 'other';
}

/** The legend's phrase for a style. */
export function styleLabel(style: EdgeStyle): string {
  if (style === 'link') return 'links to';
  if (style === 'other') return 'other relation';
  return RELATION_STYLES[style];
}

/** Every style in legend order. */
export const EDGE_STYLES: readonly EdgeStyle[] = ['link', ...(Object.keys(RELATION_STYLES) as (keyof typeof RELATION_STYLES)[]), 'other'];

/** One essay. */
export interface GraphNode {
  id: string;
  title: string;
  /** Index of its chapter in reading order (its colour). */
  chapter: number;
  /** Edges that touch it, either way (how important it is for labels and sampling). */
  degree: number;
  year: number | undefined;
  /** Its first tag as written, or '' (the topic it is clustered by in a large library). */
  topic: string;
}

/** One drawn edge: `kind` is `link` or the relation's type as written. */
export interface GraphEdge {
  source: string;
  target: string;
  kind: string;
}

/** The library's graph: nodes by id, edges by source, target, kind (code point order). */
export interface LibraryGraph {
  nodes: GraphNode[];
  edges: GraphEdge[];
  /** Chapter titles in reading order (index = `GraphNode.chapter`). */
  chapters: string[];
}

/** Note id → chapter index, from the chapters in reading order. */
export function chapterIndex(chapters: readonly { notes: readonly LinkedNote[] }[]): Map<string, number> {
  const index = new Map<string, number>();
  chapters.forEach((chapter, i) => chapter.notes.forEach((n) => index.set(n.note.id, i)));
  return index;
}

/**
 * The edges a note states: its links to other notes in the library, and its
 * outgoing relations; a relation replaces a plain link between the same two
 * notes in the same direction (it says more). Unique, sorted.
 */
export function noteEdges(linked: LinkedNote, known: (id: string) => boolean): GraphEdge[] {
  const from = linked.note.id;
  const related = new Set<string>();
  const edges = new Map<string, GraphEdge>();
  for (const relation of linked.relations) {
    if (relation.direction !== 'out' || relation.id === from || !known(relation.id)) continue;
    related.add(relation.id);
    edges.set(`${relation.id}\u0000${relation.type}`, { source: from, target: relation.id, kind: relation.type });
  }
  for (const link of linked.links) {
    if (link.kind !== 'note' || link.to === from || related.has(link.to) || !known(link.to)) continue;
    edges.set(`${link.to}\u0000link`, { source: from, target: link.to, kind: 'link' });
  }
  return sortBy([...edges.values()], (e) => e.target, (e) => e.kind);
}

/** Builds the graph of a library whose chapters are `chapters` (in reading order). */
export function libraryGraph(library: Library, chapters: readonly { title: string; notes: readonly LinkedNote[] }[]): LibraryGraph {
  const chapterOf = chapterIndex(chapters);
  const notes = sortBy(library.notes, (n) => n.note.id);
  const known = (id: string): boolean => chapterOf.has(id);
  const edges = notes.flatMap((n) => noteEdges(n, known));
  const degree = new Map<string, number>();
  for (const e of edges) {
    degree.set(e.source, (degree.get(e.source) ?? 0) + 1);
    degree.set(e.target, (degree.get(e.target) ?? 0) + 1);
  }
  return {
    nodes: notes.map((n) => ({
      id: n.note.id,
      title: noteTitle(n),
      chapter: chapterOf.get(n.note.id) ?? 0,
      degree: degree.get(n.note.id) ?? 0,
      year: n.note.meta.year,
      topic: n.note.meta.tags[0]?.trim() ?? '',
    })),
    edges: edges.sort((a, b) => compareCodePoints(a.source, b.source) || compareCodePoints(a.target, b.target) || compareCodePoints(a.kind, b.kind)),
    chapters: chapters.map((c) => c.title),
  };
}
