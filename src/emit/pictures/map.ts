/**
 * The map of the library as an SVG figure: the plan (plan.ts) laid out by
 * d3-force (layout.ts), edges under points under labels, a legend below,
 * the counts (and, for a clustered map, how it was reduced) in the caption.
 */
import type { Element } from 'hast';
import { h, s } from 'hastscript';
import { compareCodePoints } from '../../util/sort.js';
import { EDGE_STYLES, type LibraryGraph } from './graph.js';
import { placeLabels, shortLabel } from './labels.js';
import { memoisedByNodes, type EmitMemo } from '../memo.js';
import { forceLayout, LAYOUT_TICKS, type Frame, type Layout } from './layout.js';
import { grouped, planMap, type MapItem, type MapLine } from './plan.js';
import { between, chapterClass, edgePaths, legend, svgRoot, type LegendEntry, type Segment } from './svg.js';

/** The drawing area of the map (the legend goes below it). */
export const MAP_FRAME: Frame = { width: 800, height: 560, margin: 12 };
const LABEL_FONT = 11;

/** A point's radius: an essay by its degree (smaller on a crowded map), a cluster by its count (area ∝ essays). */
export function itemRadius(item: MapItem, items: number): number {
  if (item.cluster) return Math.min(44, 5 + Math.sqrt(item.count) * 1.4);
  return items > 200 ? 2 + Math.min(3, Math.sqrt(item.degree) / 2) : 3 + Math.min(5, Math.sqrt(item.degree));
}

/** A bundle's stroke step: 0 for one edge, up to 4 for the heaviest. */
const weightStep = (count: number): number => (count <= 1 ? 0 : count <= 4 ? 1 : count <= 15 ? 2 : count <= 60 ? 3 : 4);

/**
 * The map of `graph` as a `<figure>` (an `<svg>` and its caption); null for
 * an empty library. The layout, most of the time, is kept in `memo` under
 * its inputs: the handbook and the site share one, and a warm build reuses it.
 */
export function libraryMapFigure(graph: LibraryGraph, memo?: EmitMemo): Element | null {
  if (graph.nodes.length === 0) return null;
  const plan = planMap(graph);
  const radii = plan.items.map((item) => itemRadius(item, plan.items.length));
  const inputs = plan.items.map((item, i) => ({ id: item.key, radius: radii[i]! }));
  const edges = plan.lines.map((l) => ({ source: l.source, target: l.target, weight: l.count }));
  const layout = JSON.parse(
    memoisedByNodes(memo, 'map-layout', { inputs, edges, frame: MAP_FRAME, ticks: LAYOUT_TICKS }, () => JSON.stringify(forceLayout(inputs, edges, MAP_FRAME))),
  ) as Layout;
  const at = layout.points;
  const frame = { ...MAP_FRAME, height: layout.height };
  const segments = plan.lines.map((line: MapLine): Segment => {
    const a = at[line.source]!;
    const b = at[line.target]!;
    return { ...between(a.x, a.y, radii[line.source]!, b.x, b.y, radii[line.target]! + 1), style: line.style, weight: weightStep(line.count), arrow: line.style !== 'link' };
  });
  const nodes = plan.items.map((item, i) =>
    s('circle', { className: ['cp-node', chapterClass(item.chapter), ...(item.cluster ? ['cp-cluster'] : [])], cx: at[i]!.x, cy: at[i]!.y, r: radii[i]! }, [
      s('title', item.cluster ? `${item.label}: ${grouped(item.count)} essays (${graph.chapters[item.chapter] ?? ''})` : `${item.label} (${graph.chapters[item.chapter] ?? ''})`),
    ]),
  );
  // Labels by importance: clusters by size, then essays by degree, then key.
  const order = plan.items.map((_, i) => i).sort((a, b) => {
    const x = plan.items[a]!;
    const y = plan.items[b]!;
    return Number(y.cluster) - Number(x.cluster) || y.count - x.count || y.degree - x.degree || compareCodePoints(x.key, y.key);
  });
  const placed = placeLabels(
    order.map((i) => {
      const item = plan.items[i]!;
      return { x: at[i]!.x, y: at[i]!.y, radius: radii[i]!, text: item.cluster ? `${shortLabel(item.label, 24)} (${grouped(item.count)})` : shortLabel(item.label), inside: item.cluster };
    }),
    frame,
    LABEL_FONT,
  );
  const labels = placed.flatMap((label) => (label ? [s('text', { className: ['cp-label'], x: label.x, y: label.y, textAnchor: label.anchor }, label.text)] : []));
  const chaptersShown = [...new Set(plan.items.map((item) => item.chapter))].sort((a, b) => a - b);
  const stylesShown = EDGE_STYLES.filter((style) => plan.lines.some((l) => l.style === style));
  const entries: LegendEntry[] = [
    ...chaptersShown.map((index): LegendEntry => ({ kind: 'chapter', index, text: graph.chapters[index] ?? '' })),
    ...(plan.notice ? [{ kind: 'cluster', text: 'cluster (area by essays)' } as LegendEntry] : []),
    ...stylesShown.map((style): LegendEntry => ({ kind: 'edge', style })),
  ];
  const key = legend(entries, frame.margin, frame.height + 4, frame.width - 2 * frame.margin);
  const height = frame.height + 4 + key.height + 8;
  const svg = svgRoot(
    {
      width: MAP_FRAME.width,
      height,
      className: 'cp-map',
      title: 'Map of the library',
      label: `Map of the library: ${grouped(plan.essays)} essays in ${graph.chapters.length} ${graph.chapters.length === 1 ? 'chapter' : 'chapters'}, joined by ${grouped(plan.edges)} links and relations${plan.notice ? ', clustered' : ''}.`,
    },
    [s('g', { className: ['cp-edges'] }, edgePaths(segments)), s('g', { className: ['cp-nodes'] }, nodes), s('g', { className: ['cp-labels'] }, labels), key.group],
  );
  const caption = [
    `${grouped(plan.essays)} essays, coloured by chapter, joined by ${grouped(plan.edges)} links and typed relations (arrows point from the essay that states the relation); a point's size grows with its links. Labels are shown where they fit; every point names its essay on hover.`,
  ];
  if (plan.notice) caption.push(` ${plan.notice}`);
  return h('figure', { className: ['cp-figure', 'cp-map-figure'] }, [svg, h('figcaption', caption.join(''))]);
}
