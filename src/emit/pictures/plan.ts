/**
 * What the library map draws. Up to `FULL_MAP_LIMIT` essays, every essay is
 * a point and every edge a line. Past that a map of every point is a grey
 * blot that takes minutes to lay out, so the map is clustered: the
 * `HUB_COUNT` most linked essays stay points, every other essay joins the
 * cluster of its chapter and first tag (one disc a cluster, its area by the
 * count; the `CLUSTER_LIMIT` largest clusters kept, the rest of a chapter
 * in one "other topics" disc), and edges between the same two items are
 * drawn as one line, thicker the more they bundle. A notice says so.
 */
import { compareCodePoints } from '../../util/sort.js';
import { edgeStyle, type EdgeStyle, type LibraryGraph } from './graph.js';

/** Libraries up to this many essays are drawn whole. */
export const FULL_MAP_LIMIT = 1000;
/** How many of the most linked essays a clustered map keeps as points. */
export const HUB_COUNT = 120;
/** How many clusters a clustered map keeps before merging a chapter's smallest into one. */
export const CLUSTER_LIMIT = 40;
/** How many bundled edges a clustered map draws (the heaviest). */
export const BUNDLE_LIMIT = 600;

/** One thing the map draws: an essay, or a cluster of essays. */
export interface MapItem {
  /** The note id, or `cluster:<chapter>:<topic>` (unique, the layout's seed). */
  key: string;
  /** The essay's title or the cluster's topic. */
  label: string;
  chapter: number;
  /** Essays it stands for (1 for an essay). */
  count: number;
  /** Edges that touch it (the essay's degree, or the cluster's bundled total). */
  degree: number;
  cluster: boolean;
}

/** One drawn line: items by index; `count` edges bundled into it (1 on a whole map). */
export interface MapLine {
  source: number;
  target: number;
  style: EdgeStyle;
  count: number;
}

/** The map to draw: items (sorted by key), lines (sorted), and the notice a clustered map carries. */
export interface MapPlan {
  items: MapItem[];
  lines: MapLine[];
  /** Essays and edges in the library. */
  essays: number;
  edges: number;
  /** Why the map does not show every essay, or null when it does. */
  notice: string | null;
}

const byKey = (a: { key: string }, b: { key: string }): number => compareCodePoints(a.key, b.key);
/** `12,345`: digits grouped by hand, never by the machine's locale. */
export const grouped = (n: number): string => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
const plural = (n: number, noun: string): string => `${grouped(n)} ${noun}${n === 1 ? '' : 's'}`;

/** The plan for a library graph (see the module comment). */
export function planMap(graph: LibraryGraph): MapPlan {
  if (graph.nodes.length <= FULL_MAP_LIMIT) return wholeMap(graph);
  return clusteredMap(graph);
}

function wholeMap(graph: LibraryGraph): MapPlan {
  const items: MapItem[] = graph.nodes.map((n) => ({ key: n.id, label: n.title, chapter: n.chapter, count: 1, degree: n.degree, cluster: false }));
  const at = new Map(items.map((item, i) => [item.key, i]));
  const lines = graph.edges.map((e) => ({ source: at.get(e.source)!, target: at.get(e.target)!, style: edgeStyle(e.kind), count: 1 }));
  return { items, lines, essays: graph.nodes.length, edges: graph.edges.length, notice: null };
}

function clusteredMap(graph: LibraryGraph): MapPlan {
  const hubs = [...graph.nodes]
    .filter((n) => n.degree > 0)
    .sort((a, b) => b.degree - a.degree || compareCodePoints(a.id, b.id))
    .slice(0, HUB_COUNT);
  const hubIds = new Set(hubs.map((n) => n.id));
  // Cluster by chapter and first tag; keep the largest, fold the rest into their chapter's "other topics".
  const clusterKey = (chapter: number, topic: string): string => `cluster:${String(chapter).padStart(4, '0')}:${topic}`;
  const sizes = new Map<string, { chapter: number; topic: string; count: number }>();
  for (const n of graph.nodes) {
    if (hubIds.has(n.id)) continue;
    const key = clusterKey(n.chapter, n.topic);
    const entry = sizes.get(key) ?? { chapter: n.chapter, topic: n.topic, count: 0 };
    entry.count++;
    sizes.set(key, entry);
  }
  const kept = new Set(
    [...sizes.entries()]
      .sort(([ka, a], [kb, b]) => b.count - a.count || compareCodePoints(ka, kb))
      .slice(0, CLUSTER_LIMIT)
      .map(([key]) => key),
  );
  const OTHER = '\u0000other';
  const owner = new Map<string, string>();
  const clusters = new Map<string, MapItem>();
  for (const n of graph.nodes) {
    if (hubIds.has(n.id)) continue;
    let key = clusterKey(n.chapter, n.topic);
    if (!kept.has(key)) key = clusterKey(n.chapter, OTHER);
    owner.set(n.id, key);
    const topic = key.endsWith(OTHER) ? `${graph.chapters[n.chapter] ?? ''}: other topics` : n.topic || `${graph.chapters[n.chapter] ?? ''}: untagged`;
    const cluster = clusters.get(key) ?? { key, label: topic, chapter: n.chapter, count: 0, degree: 0, cluster: true };
    cluster.count++;
    clusters.set(key, cluster);
  }
  const items = [...hubs.map((n) => ({ key: n.id, label: n.title, chapter: n.chapter, count: 1, degree: n.degree, cluster: false })), ...clusters.values()].sort(byKey);
  const at = new Map(items.map((item, i) => [item.key, i]));
  const rep = (id: string): number => at.get(hubIds.has(id) ? id : owner.get(id)!)!;
  const bundles = new Map<string, MapLine>();
  for (const e of graph.edges) {
    let source = rep(e.source);
    let target = rep(e.target);
    if (source === target) continue;
    const style = edgeStyle(e.kind);
    // Links bundle both ways; a relation keeps its direction.
    if (style === 'link' && source > target) [source, target] = [target, source];
    const key = `${source} ${target} ${style}`;
    const line = bundles.get(key) ?? { source, target, style, count: 0 };
    line.count++;
    bundles.set(key, line);
  }
  const lines = [...bundles.values()]
    .sort((a, b) => b.count - a.count || a.source - b.source || a.target - b.target || compareCodePoints(a.style, b.style))
    .slice(0, BUNDLE_LIMIT)
    .sort((a, b) => a.source - b.source || a.target - b.target || compareCodePoints(a.style, b.style));
  for (const line of lines) {
    items[line.source]!.degree += items[line.source]!.cluster ? line.count : 0;
    items[line.target]!.degree += items[line.target]!.cluster ? line.count : 0;
  }
  const shown = lines.reduce((sum, l) => sum + l.count, 0);
  const notice =
    `${plural(graph.nodes.length, 'essay')} are too many to draw one by one: the ${plural(hubs.length, 'most linked essay')} are points, ` +
    `the others are ${plural(clusters.size, 'cluster')} by chapter and first tag (a disc's area is its number of essays); ` +
    `${plural(shown, 'edge')} of ${grouped(graph.edges.length)} are drawn as ${plural(lines.length, 'line')}, thicker for more.`;
  return { items, lines, essays: graph.nodes.length, edges: graph.edges.length, notice };
}
