/**
 * The timeline: essays by year, one lane a chapter (in reading order), a dot
 * per chapter and year, or, where years are crowded, a bar whose height is
 * its number of essays (each names its essays in a tooltip); a year axis
 * below. Essays without a year are listed apart, under the picture, as links.
 */
import type { Element, ElementContent } from 'hast';
import { h, s } from 'hastscript';
import { compareCodePoints } from '../../util/sort.js';
import type { LibraryGraph } from './graph.js';
import { shortLabel } from './labels.js';
import { round1 } from './layout.js';
import { grouped } from './plan.js';
import { chapterClass, svgRoot } from './svg.js';

const WIDTH = 800;
const LANE = 34;
const TOP = 10;
const AXIS = 30;
const FONT = 11;
/** Titles a disc's tooltip names before "and N more". */
const TOOLTIP_TITLES = 12;
/** Undated essays listed by name before "and N more". */
export const UNDATED_LISTED = 100;

/** Tick spacing in years: the smallest of these that gives at most ~12 ticks. */
function tickStep(span: number): number {
  for (const step of [1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000]) if (span / step <= 12) return step;
  return Math.ceil(span / 12 / 1000) * 1000;
}

/**
 * The timeline as a `<figure>`: the SVG (when any essay has a year) and the
 * undated essays listed apart, each linked with `hrefOf(id)`; null for an empty library.
 */
export function timelineFigure(graph: LibraryGraph, hrefOf: (id: string) => string | undefined): Element | null {
  if (graph.nodes.length === 0) return null;
  const dated = graph.nodes.filter((n) => n.year !== undefined);
  const undated = [...graph.nodes.filter((n) => n.year === undefined)].sort((a, b) => compareCodePoints(a.title, b.title) || compareCodePoints(a.id, b.id));
  const children: ElementContent[] = [];
  if (dated.length > 0) children.push(timelineSvg(graph, dated));
  const caption: (Element | string)[] = [
    dated.length > 0
      ? `${grouped(dated.length)} dated essays by year, one lane a chapter; a dot (a bar, its height by count, where years are crowded) names the essays of its year on hover.`
      : 'No essay has a year yet.',
  ];
  if (undated.length > 0) {
    const listed = undated.slice(0, UNDATED_LISTED);
    const links: (Element | string)[] = [];
    listed.forEach((n, i) => {
      if (i > 0) links.push(', ');
      const href = hrefOf(n.id);
      links.push(href ? h('a', { href }, n.title) : n.title);
    });
    if (undated.length > listed.length) links.push(`, and ${grouped(undated.length - listed.length)} more`);
    caption.push(' ', h('span', { className: ['cp-undated'] }, [h('strong', `Undated (${grouped(undated.length)}):`), ' ', ...links, '.']));
  }
  children.push(h('figcaption', caption));
  return h('figure', { className: ['cp-figure', 'cp-timeline-figure'] }, children);
}

function timelineSvg(graph: LibraryGraph, dated: LibraryGraph['nodes']): Element {
  const lanes = [...new Set(dated.map((n) => n.chapter))].sort((a, b) => a - b);
  const laneOf = new Map(lanes.map((chapter, i) => [chapter, i]));
  const years = dated.map((n) => n.year!);
  let first = Math.min(...years);
  let last = Math.max(...years);
  if (first === last) {
    first -= 1;
    last += 1;
  }
  const laneLabels = lanes.map((chapter) => shortLabel(graph.chapters[chapter] ?? '', 24));
  const left = Math.min(210, 16 + Math.max(...laneLabels.map((t) => [...t].length)) * FONT * 0.62);
  const right = WIDTH - 24;
  const x = (year: number): number => round1(left + ((year - first) / (last - first)) * (right - left));
  const height = TOP + lanes.length * LANE + AXIS;
  const axisY = TOP + lanes.length * LANE;
  const out: ElementContent[] = [];
  const step = tickStep(last - first);
  const grid: ElementContent[] = [];
  for (let year = Math.ceil(first / step) * step; year <= last; year += step) {
    grid.push(s('line', { className: ['cp-grid'], x1: x(year), y1: TOP, x2: x(year), y2: axisY }));
    grid.push(s('text', { className: ['cp-axis-text'], x: x(year), y: axisY + 16, textAnchor: 'middle' }, String(year)));
  }
  out.push(s('g', { className: ['cp-axis'] }, grid));
  const laneRules = lanes.map((_, i) => s('line', { className: ['cp-lane-rule'], x1: left, y1: TOP + i * LANE + LANE / 2, x2: right, y2: TOP + i * LANE + LANE / 2 }));
  const laneTexts = lanes.map((_, i) => s('text', { className: ['cp-lane-text'], x: left - 10, y: round1(TOP + i * LANE + LANE / 2 + FONT * 0.35), textAnchor: 'end' }, laneLabels[i]!));
  out.push(s('g', { className: ['cp-lanes'] }, [...laneRules, ...laneTexts]));
  // One disc per lane and year.
  const cells = new Map<string, { lane: number; year: number; chapter: number; titles: string[] }>();
  for (const n of dated) {
    const lane = laneOf.get(n.chapter)!;
    const key = `${lane} ${n.year}`;
    const cell = cells.get(key) ?? { lane, year: n.year!, chapter: n.chapter, titles: [] };
    cell.titles.push(n.title);
    cells.set(key, cell);
  }
  // Sparse years (at most two essays a lane and year, years far enough apart) are dots; else bars, height by count.
  const spacing = (right - left) / (last - first);
  const maxCount = Math.max(...[...cells.values()].map((c) => c.titles.length));
  const bars = maxCount > 2 || spacing < 6;
  const marks: ElementContent[] = [];
  for (const cell of [...cells.values()].sort((a, b) => a.lane - b.lane || a.year - b.year)) {
    const titles = cell.titles.sort(compareCodePoints);
    const count = titles.length;
    const cx = x(cell.year);
    const named = titles.slice(0, TOOLTIP_TITLES).join('; ') + (count > TOOLTIP_TITLES ? `; and ${grouped(count - TOOLTIP_TITLES)} more` : '');
    const tooltip = [s('title', `${cell.year}, ${graph.chapters[cell.chapter] ?? ''}: ${count === 1 ? named : `${grouped(count)} essays: ${named}`}`)];
    const className = ['cp-mark', chapterClass(cell.chapter)];
    if (bars) {
      const width = round1(Math.min(16, Math.max(1.5, spacing * 0.8)));
      const height = round1(Math.max(2, ((LANE - 8) * count) / maxCount));
      const bottom = TOP + cell.lane * LANE + LANE - 4;
      marks.push(s('rect', { className, x: round1(cx - width / 2), y: round1(bottom - height), width, height }, tooltip));
    } else {
      const r = round1(Math.max(2.5, Math.min(5, spacing * 0.45)) * (count === 2 ? 1.4 : 1));
      marks.push(s('circle', { className, cx, cy: TOP + cell.lane * LANE + LANE / 2, r }, tooltip));
    }
  }
  out.push(s('g', { className: ['cp-marks'] }, marks));
  return svgRoot(
    {
      width: WIDTH,
      height,
      className: 'cp-timeline',
      title: 'Timeline of the essays',
      label: `Timeline: ${grouped(dated.length)} essays from ${Math.min(...years)} to ${Math.max(...years)} in ${lanes.length} ${lanes.length === 1 ? 'chapter' : 'chapters'}.`,
    },
    out,
  );
}
