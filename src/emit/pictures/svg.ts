/**
 * The parts every picture shares, as hast built with hastscript's `s` (so
 * every text is escaped when serialised): the `<svg>` root, edges bundled
 * into one path per style, arrowheads, and the legend. No attribute ever
 * carries note text: titles reach a picture only as text nodes (labels and
 * `<title>` tooltips); classes come from fixed names and numbers.
 * Colours and line styles are classes, styled by templates/handbook.css
 * (light, dark and print), so the site's CSP (no inline style) holds.
 */
import type { Element, ElementContent } from 'hast';
import { s } from 'hastscript';
import { EDGE_STYLES, styleLabel, type EdgeStyle } from './graph.js';
import { round1 } from './layout.js';

/** How many chapter colours the stylesheet defines; chapter `i` uses colour `i mod CHAPTER_COLOURS`. */
export const CHAPTER_COLOURS = 10;

/** The class of chapter `index`'s colour. */
export const chapterClass = (index: number): string => `cp-chapter-${index % CHAPTER_COLOURS}`;

/** An `<svg>` root: sized by its viewBox, labelled for assistive technology, titled for a tooltip. */
export function svgRoot(options: { width: number; height: number; className: string; label: string; title: string }, children: ElementContent[]): Element {
  return s(
    'svg',
    {
      xmlns: 'http://www.w3.org/2000/svg',
      viewBox: `0 0 ${options.width} ${options.height}`,
      width: options.width,
      height: options.height,
      className: ['cp-picture', options.className],
      role: 'img',
      ariaLabel: options.label,
    },
    [s('title', options.title), ...children],
  );
}

/** A line from a to b, as path data, optionally shortened at each end (by the radius of the points it joins). */
export interface Segment {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  style: EdgeStyle;
  /** Stroke width class step (0 plain, 1–4 thicker: bundles). */
  weight?: number;
  /** Draw an arrowhead at (x2, y2). */
  arrow?: boolean;
}

/** Edges grouped into one `<path>` per style and weight (far smaller than a `<line>` each), arrowheads in one more per style. */
export function edgePaths(segments: readonly Segment[]): Element[] {
  const groups = new Map<string, { style: EdgeStyle; weight: number; d: string[]; heads: string[] }>();
  for (const seg of segments) {
    const weight = seg.weight ?? 0;
    const key = `${seg.style} ${weight}`;
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { style: seg.style, weight, d: [], heads: [] }));
    group.d.push(`M${round1(seg.x1)} ${round1(seg.y1)}L${round1(seg.x2)} ${round1(seg.y2)}`);
    if (seg.arrow) group.heads.push(arrowhead(seg));
  }
  const order = (style: EdgeStyle): number => EDGE_STYLES.indexOf(style);
  const out: Element[] = [];
  for (const group of [...groups.values()].sort((a, b) => order(a.style) - order(b.style) || a.weight - b.weight)) {
    out.push(s('path', { className: ['cp-edge', `cp-edge-${group.style}`, ...(group.weight > 0 ? [`cp-weight-${group.weight}`] : [])], d: group.d.join('') }));
    if (group.heads.length > 0) out.push(s('path', { className: ['cp-arrow', `cp-arrow-${group.style}`], d: group.heads.join('') }));
  }
  return out;
}

/** A small filled triangle pointing at (x2, y2) along the segment. */
function arrowhead(seg: Segment): string {
  const angle = Math.atan2(seg.y2 - seg.y1, seg.x2 - seg.x1);
  const length = 7;
  const half = 3;
  const bx = seg.x2 - Math.cos(angle) * length;
  const by = seg.y2 - Math.sin(angle) * length;
  const px = -Math.sin(angle) * half;
  const py = Math.cos(angle) * half;
  return `M${round1(seg.x2)} ${round1(seg.y2)}L${round1(bx + px)} ${round1(by + py)}L${round1(bx - px)} ${round1(by - py)}Z`;
}

/** `(x1, y1) → (x2, y2)` with `r1` cut from the start and `r2` from the end (points are discs). */
export function between(x1: number, y1: number, r1: number, x2: number, y2: number, r2: number): { x1: number; y1: number; x2: number; y2: number } {
  const dx = x2 - x1;
  const dy = y2 - y1;
  const length = Math.hypot(dx, dy);
  if (length <= r1 + r2) return { x1, y1, x2, y2 };
  const ux = dx / length;
  const uy = dy / length;
  return { x1: x1 + ux * r1, y1: y1 + uy * r1, x2: x2 - ux * r2, y2: y2 - uy * r2 };
}

/** One legend entry: a chapter's colour, an edge style, or a cluster disc. */
export type LegendEntry = { kind: 'chapter'; index: number; text: string } | { kind: 'edge'; style: EdgeStyle } | { kind: 'cluster'; text: string };

const LEGEND_FONT = 11;
const LEGEND_ROW = 18;

/**
 * The legend as a `<g>` laid out in rows from (x, y) within `width` (entry
 * width estimated from its text, like labels), and the height it takes.
 */
export function legend(entries: readonly LegendEntry[], x: number, y: number, width: number): { group: Element; height: number } {
  const children: ElementContent[] = [];
  let cx = x;
  let cy = y + LEGEND_ROW / 2;
  for (const entry of entries) {
    const text = entry.kind === 'edge' ? styleLabel(entry.style) : entry.text;
    const entryWidth = 22 + [...text].length * LEGEND_FONT * 0.58 + 14;
    if (cx > x && cx + entryWidth > x + width) {
      cx = x;
      cy += LEGEND_ROW;
    }
    if (entry.kind === 'chapter') children.push(s('circle', { className: ['cp-swatch', chapterClass(entry.index)], cx: cx + 8, cy, r: 5 }));
    else if (entry.kind === 'cluster') children.push(s('circle', { className: ['cp-swatch', 'cp-cluster', 'cp-legend-cluster'], cx: cx + 8, cy, r: 6 }));
    else children.push(...edgePaths([{ x1: cx, y1: cy, x2: cx + 18, y2: cy, style: entry.style, arrow: entry.style !== 'link' }]));
    children.push(s('text', { className: ['cp-legend-text'], x: cx + 22, y: round1(cy + LEGEND_FONT * 0.35) }, text));
    cx += entryWidth;
  }
  return { group: s('g', { className: ['cp-legend'] }, children), height: entries.length === 0 ? 0 : cy - y + LEGEND_ROW / 2 };
}
