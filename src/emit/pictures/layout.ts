/**
 * Places the map's points with d3-force, deterministically: nodes and edges
 * arrive sorted by id; every node starts where a hash of its id puts it (so
 * the start does not depend on which other notes exist); the simulation runs
 * a fixed number of ticks, never on a timer, with d3-force's own seeded
 * random source (a fixed LCG, used only to split coincident points); the
 * result is scaled into the drawing and rounded to 0.1 px. Same input, same
 * bytes, on any machine running the same Node.
 */
import { forceCollide, forceLink, forceManyBody, forceSimulation, forceX, forceY, type SimulationLinkDatum, type SimulationNodeDatum } from 'd3-force';

/** A point to place: its id (the seed of its start) and its drawn radius. */
export interface LayoutInput {
  id: string;
  radius: number;
}

/** An edge between two points, by their index in the input; `weight` (≥ 1) pulls harder. */
export interface LayoutEdge {
  source: number;
  target: number;
  weight: number;
}

/** Where one point landed. */
export interface Placed {
  x: number;
  y: number;
}

/** The box to fit into: its width, and the most height it may take. */
export interface Frame {
  width: number;
  height: number;
  margin: number;
}

/** The points in the input's order, inside `[margin, width - margin] × [margin, height - margin]`, and the height used (≤ the frame's). */
export interface Layout {
  points: Placed[];
  height: number;
}

/** Ticks the simulation runs: d3-force's default cooling reaches its minimum alpha in 300. */
export const LAYOUT_TICKS = 300;

interface SimNode extends SimulationNodeDatum {
  radius: number;
}

interface SimLink extends SimulationLinkDatum<SimNode> {
  weight: number;
}

/** FNV-1a over the UTF-16 code units of `text`, as an unsigned 32-bit integer. */
export function hash32(text: string, seed = 0x811c9dc5): number {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/** Rounds to 0.1, so coordinates print short and the same everywhere. */
export const round1 = (value: number): number => Math.round(value * 10) / 10;

/** Lays out `nodes` joined by `edges` and fits them into `frame` (see the module comment). */
export function forceLayout(nodes: readonly LayoutInput[], edges: readonly LayoutEdge[], frame: Frame): Layout {
  if (nodes.length === 0) return { points: [], height: frame.height };
  const spread = 12 * Math.sqrt(nodes.length) + 20;
  const sim: SimNode[] = nodes.map((node) => {
    // A seeded start: angle and distance from two hashes of the id.
    const angle = (hash32(node.id) / 0x100000000) * 2 * Math.PI;
    const distance = Math.sqrt(hash32(node.id, 0x2545f491) / 0x100000000) * spread;
    return { x: Math.cos(angle) * distance, y: Math.sin(angle) * distance, radius: node.radius };
  });
  const links: SimLink[] = edges.map((e) => ({ source: e.source, target: e.target, weight: e.weight }));
  const simulation = forceSimulation(sim)
    .stop()
    .force('charge', forceManyBody<SimNode>().strength((d) => -20 - d.radius * 4).distanceMax(spread * 2))
    .force(
      'link',
      forceLink<SimNode, SimLink>(links)
        .distance((l) => 24 + (l.source as SimNode).radius + (l.target as SimNode).radius)
        .strength((l) => Math.min(1, 0.15 * l.weight)),
    )
    .force('x', forceX<SimNode>(0).strength(0.06))
    .force('y', forceY<SimNode>(0).strength(0.06))
    .force('collide', forceCollide<SimNode>((d) => d.radius + 2));
  simulation.tick(LAYOUT_TICKS);
  return fit(sim, frame);
}

/**
 * Scales the points uniformly into the frame (keeping each radius inside),
 * centred, rounded; a wide layout takes less height than the frame's
 * (down to half the width), so a small library is not a tall empty box.
 */
function fit(sim: readonly SimNode[], frame: Frame): Layout {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const n of sim) {
    minX = Math.min(minX, n.x!);
    maxX = Math.max(maxX, n.x!);
    minY = Math.min(minY, n.y!);
    maxY = Math.max(maxY, n.y!);
  }
  const largest = Math.max(...sim.map((n) => n.radius));
  const innerW = frame.width - 2 * (frame.margin + largest);
  const innerH = frame.height - 2 * (frame.margin + largest);
  const spanX = maxX - minX;
  const spanY = maxY - minY;
  const scale = Math.min(spanX > 0 ? innerW / spanX : Infinity, spanY > 0 ? innerH / spanY : Infinity, 3);
  const s = Number.isFinite(scale) ? scale : 1;
  const height = Math.round(Math.min(frame.height, Math.max(frame.width / 2, spanY * s + 2 * (frame.margin + largest))));
  const offX = frame.width / 2 - ((minX + maxX) / 2) * s;
  const offY = height / 2 - ((minY + maxY) / 2) * s;
  return { points: sim.map((n) => ({ x: round1(n.x! * s + offX), y: round1(n.y! * s + offY) })), height };
}
