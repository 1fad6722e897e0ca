/**
 * An essay's own neighbourhood, one hop: the essay in the middle, around it
 * every essay it links to, that links to it, or that a typed relation joins
 * it with (either way), arrows pointing from the essay that states the link
 * or relation. Neighbours sit on an ellipse in a fixed order (relations,
 * then links out, then links in; by title), so no layout engine is needed.
 *
 * `neighbourhoodData` is everything the picture shows, as plain data: the
 * render memo keys the picture by it, so a neighbour's new title or chapter
 * re-draws it (a warm build equals a cold one).
 */
import type { Element } from 'hast';
import { h, s } from 'hastscript';
import type { LinkedNote } from '../../types.js';
import { compareCodePoints } from '../../util/sort.js';
import { noteTitle } from '../chapters.js';
import { EDGE_STYLES, edgeStyle, RELATION_STYLES, type EdgeStyle } from './graph.js';
import { placeLabels, shortLabel } from './labels.js';
import { round1 } from './layout.js';
import { grouped } from './plan.js';
import { between, chapterClass, edgePaths, legend, svgRoot, type LegendEntry, type Segment } from './svg.js';

/** Most neighbours drawn; the rest are counted in the caption. */
export const NEIGHBOURS_DRAWN = 16;

/** One edge between the essay and a neighbour: its style, its phrase, and whether the essay states it. */
export interface NeighbourEdge {
  style: EdgeStyle;
  /** "links to", "responds to", or an unknown relation's type as written. */
  phrase: string;
  out: boolean;
}

/** What an essay's neighbourhood picture shows (and is memoised by). */
export interface NeighbourhoodData {
  title: string;
  chapter: number;
  neighbours: { title: string; chapter: number; edges: NeighbourEdge[] }[];
  /** Neighbours not drawn. */
  more: number;
  /** Titles of the chapters the picture's points are in, by index (others empty). */
  chapters: string[];
}

/** What the neighbourhood needs to know about other notes. */
export interface NeighbourLookup {
  title(id: string): string | undefined;
  chapter(id: string): number | undefined;
  chapterTitle(index: number): string;
}

const phraseOf = (type: string): string => (Object.hasOwn(RELATION_STYLES, type) ? RELATION_STYLES[type as keyof typeof RELATION_STYLES] : type.replace(/-/g, ' '));

/** An edge's rank in the neighbours' order: relations first, then links out, then links in. */
const rank = (edge: NeighbourEdge): number => (edge.style !== 'link' ? 0 : edge.out ? 1 : 2);

/** The neighbourhood of `linked`, or null when it has no neighbour. */
export function neighbourhoodData(linked: LinkedNote, lookup: NeighbourLookup): NeighbourhoodData | null {
  const self = linked.note.id;
  const edges = new Map<string, NeighbourEdge[]>();
  const add = (id: string, edge: NeighbourEdge): void => {
    if (id === self || lookup.title(id) === undefined) return;
    const list = edges.get(id) ?? [];
    if (!list.some((e) => e.style === edge.style && e.phrase === edge.phrase && e.out === edge.out)) list.push(edge);
    edges.set(id, list);
  };
  for (const relation of linked.relations) add(relation.id, { style: edgeStyle(relation.type), phrase: phraseOf(relation.type), out: relation.direction === 'out' });
  // A relation replaces a plain link between the same two essays the same way (as on the map).
  const related = (id: string, out: boolean): boolean => (edges.get(id) ?? []).some((e) => e.style !== 'link' && e.out === out);
  for (const link of linked.links) if (link.kind === 'note' && !related(link.to, true)) add(link.to, { style: 'link', phrase: 'links to', out: true });
  for (const id of linked.backlinks) if (!related(id, false)) add(id, { style: 'link', phrase: 'links to', out: false });
  if (edges.size === 0) return null;
  const all = [...edges.entries()].map(([id, list]) => {
    const sorted = list.sort((a, b) => rank(a) - rank(b) || compareCodePoints(a.phrase, b.phrase));
    return { id, title: lookup.title(id)!, chapter: lookup.chapter(id) ?? 0, edges: sorted };
  });
  all.sort((a, b) => rank(a.edges[0]!) - rank(b.edges[0]!) || compareCodePoints(a.title, b.title) || compareCodePoints(a.id, b.id));
  const drawn = all.slice(0, NEIGHBOURS_DRAWN);
  const chapter = lookup.chapter(self) ?? 0;
  const chapters: string[] = [];
  for (const index of [chapter, ...drawn.map((n) => n.chapter)]) chapters[index] = lookup.chapterTitle(index);
  return {
    title: noteTitle(linked),
    chapter,
    neighbours: drawn.map(({ title, chapter, edges }) => ({ title, chapter, edges })),
    more: all.length - drawn.length,
    chapters: Array.from(chapters, (t) => t ?? ''),
  };
}

const WIDTH = 560;
const HEIGHT = 300;
const FONT = 11;

/** The neighbourhood as a `<figure>`: the SVG and a caption. */
export function neighbourhoodFigure(data: NeighbourhoodData): Element {
  const cx = WIDTH / 2;
  const cy = HEIGHT / 2;
  const n = data.neighbours.length;
  const centreR = 9;
  const r = 6;
  // Evenly round an ellipse, starting at the top, clockwise; one neighbour sits to the right.
  const points = data.neighbours.map((_, i) => {
    const angle = n === 1 ? 0 : -Math.PI / 2 + (2 * Math.PI * i) / n;
    return { x: round1(cx + Math.cos(angle) * 170), y: round1(cy + Math.sin(angle) * 100) };
  });
  const segments: Segment[] = [];
  data.neighbours.forEach((neighbour, i) => {
    const p = points[i]!;
    neighbour.edges.forEach((edge, k) => {
      // Several edges to one neighbour are drawn side by side, 4 px apart.
      const shift = (k - (neighbour.edges.length - 1) / 2) * 4;
      const length = Math.hypot(p.x - cx, p.y - cy) || 1;
      const ox = (-(p.y - cy) / length) * shift;
      const oy = ((p.x - cx) / length) * shift;
      const line = edge.out ? between(cx + ox, cy + oy, centreR, p.x + ox, p.y + oy, r + 1) : between(p.x + ox, p.y + oy, r, cx + ox, cy + oy, centreR + 1);
      segments.push({ ...line, style: edge.style, arrow: true });
    });
  });
  const nodes = [
    s('circle', { className: ['cp-node', 'cp-centre', chapterClass(data.chapter)], cx, cy, r: centreR }, [s('title', data.title)]),
    ...data.neighbours.map((neighbour, i) =>
      s('circle', { className: ['cp-node', chapterClass(neighbour.chapter)], cx: points[i]!.x, cy: points[i]!.y, r }, [
        s('title', neighbour.edges.map((e) => (e.out ? `This essay ${e.phrase} ${neighbour.title}` : `${neighbour.title} ${e.phrase} this essay`)).join('; ')),
      ]),
    ),
  ];
  const frame = { width: WIDTH, height: HEIGHT, margin: 4 };
  const placed = placeLabels(
    [{ x: cx, y: cy, radius: centreR, text: shortLabel(data.title, 40) }, ...data.neighbours.map((nb, i) => ({ x: points[i]!.x, y: points[i]!.y, radius: r, text: shortLabel(nb.title, 30) }))],
    frame,
    FONT,
  );
  const labels = placed.flatMap((label, i) => (label ? [s('text', { className: ['cp-label', ...(i === 0 ? ['cp-centre-label'] : [])], x: label.x, y: label.y, textAnchor: label.anchor }, label.text)] : []));
  const styles = EDGE_STYLES.filter((style) => data.neighbours.some((nb) => nb.edges.some((e) => e.style === style)));
  const shownChapters = [...new Set([data.chapter, ...data.neighbours.map((nb) => nb.chapter)])].sort((a, b) => a - b);
  const entries: LegendEntry[] = [...shownChapters.map((index): LegendEntry => ({ kind: 'chapter', index, text: data.chapters[index] ?? '' })), ...styles.map((style): LegendEntry => ({ kind: 'edge', style }))];
  const key = legend(entries, 8, HEIGHT + 2, WIDTH - 16);
  const total = n + data.more;
  const svg = svgRoot(
    {
      width: WIDTH,
      height: HEIGHT + 2 + key.height + 6,
      className: 'cp-neighbourhood-map',
      title: 'Neighbourhood of this essay',
      label: `Neighbourhood of this essay: ${grouped(total)} ${total === 1 ? 'essay' : 'essays'} joined to it by links or relations${data.more > 0 ? `, ${grouped(n)} drawn` : ''}.`,
    },
    [s('g', { className: ['cp-edges'] }, edgePaths(segments)), s('g', { className: ['cp-nodes'] }, nodes), s('g', { className: ['cp-labels'] }, labels), key.group],
  );
  const caption = `Neighbourhood: the essays this one links to, that link to it, or that a relation joins it with (arrows point from the essay that states it).${
    data.more > 0 ? ` ${grouped(data.more)} more not drawn.` : ''
  }`;
  return h('figure', { className: ['cp-figure', 'cp-neighbourhood'] }, [svg, h('figcaption', caption)]);
}
