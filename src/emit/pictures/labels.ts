/**
 * Greedy label placement: points in order of importance each try four spots
 * (right, left, above, below); a label is placed at the first spot inside the
 * frame that overlaps no label placed before it and no other point, else it
 * is left out (the point keeps its tooltip). A cluster's disc first tries its
 * own middle, where only other labels count. Text width is estimated from
 * the number of characters: no font is measured, so the result is the same
 * on every machine.
 */
import type { Frame } from './layout.js';
import { round1 } from './layout.js';

/** One point to label. */
export interface LabelTarget {
  x: number;
  y: number;
  radius: number;
  text: string;
  /** Try the middle of the point first (a cluster's disc), where only other labels count as overlap. */
  inside?: boolean;
}

/** A placed label: where its baseline starts and how it is anchored. */
export interface PlacedLabel {
  x: number;
  y: number;
  anchor: 'start' | 'end' | 'middle';
  text: string;
}

/** Longest label in characters; longer titles are cut with an ellipsis. */
export const LABEL_MAX_CHARS = 32;
/** Where the baseline sits in a label's box (1.2 em tall), from its top, in ems. */
export const BASELINE = 0.95;
/** Average advance of a character of the sans-serif label font, in ems (generous, so labels rarely touch). */
export const CHAR_EM = 0.58;

interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** A title cut to `LABEL_MAX_CHARS` code points (whole words where it can), with an ellipsis. */
export function shortLabel(text: string, max = LABEL_MAX_CHARS): string {
  const chars = [...text.replace(/\s+/g, ' ').trim()];
  if (chars.length <= max) return chars.join('');
  const cut = chars.slice(0, max - 1).join('');
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** A uniform grid of boxes, so an overlap test looks at nearby boxes only. */
class BoxGrid {
  private readonly cells = new Map<number, Box[]>();
  constructor(private readonly size: number) {}
  private *keys(b: Box): Generator<number> {
    for (let i = Math.floor(b.x0 / this.size); i <= Math.floor(b.x1 / this.size); i++) {
      for (let j = Math.floor(b.y0 / this.size); j <= Math.floor(b.y1 / this.size); j++) yield i * 100_003 + j;
    }
  }
  add(b: Box): void {
    for (const key of this.keys(b)) {
      const cell = this.cells.get(key);
      if (cell) cell.push(b);
      else this.cells.set(key, [b]);
    }
  }
  hits(b: Box, except?: Box): boolean {
    for (const key of this.keys(b)) {
      for (const o of this.cells.get(key) ?? []) {
        if (o !== except && o.x0 < b.x1 && b.x0 < o.x1 && o.y0 < b.y1 && b.y0 < o.y1) return true;
      }
    }
    return false;
  }
}

/**
 * Places labels for `targets`, given most important first; returns one entry
 * per target (null where no spot was free), in the same order.
 */
export function placeLabels(targets: readonly LabelTarget[], frame: Frame, fontSize: number): (PlacedLabel | null)[] {
  const grid = new BoxGrid(64);
  const labels = new BoxGrid(64);
  const dots: Box[] = targets.map((t) => ({ x0: t.x - t.radius, y0: t.y - t.radius, x1: t.x + t.radius, y1: t.y + t.radius }));
  for (const dot of dots) grid.add(dot);
  const height = fontSize * 1.2;
  return targets.map((t, i) => {
    if (t.text === '') return null;
    const width = [...t.text].length * fontSize * CHAR_EM;
    const gap = t.radius + 3;
    // Each spot's box; the baseline sits at the same height in every box.
    const middle: [Box, PlacedLabel['anchor'], number] = [{ x0: t.x - width / 2, y0: t.y - height / 2, x1: t.x + width / 2, y1: t.y + height / 2 }, 'middle', t.x];
    const spots: [Box, PlacedLabel['anchor'], number][] = [
      [{ x0: t.x + gap, y0: t.y - height / 2, x1: t.x + gap + width, y1: t.y + height / 2 }, 'start', t.x + gap],
      [{ x0: t.x - gap - width, y0: t.y - height / 2, x1: t.x - gap, y1: t.y + height / 2 }, 'end', t.x - gap],
      [{ x0: t.x - width / 2, y0: t.y - gap - height, x1: t.x + width / 2, y1: t.y - gap }, 'middle', t.x],
      [{ x0: t.x - width / 2, y0: t.y + gap, x1: t.x + width / 2, y1: t.y + gap + height }, 'middle', t.x],
    ];
    for (const [box, anchor, x] of t.inside ? [middle, ...spots] : spots) {
      const inFrame = box.x0 >= 2 && box.y0 >= 2 && box.x1 <= frame.width - 2 && box.y1 <= frame.height - 2;
      const free = box === middle[0] ? !labels.hits(box) : !grid.hits(box, dots[i]);
      if (inFrame && free) {
        grid.add(box);
        labels.add(box);
        return { x: round1(x), y: round1(box.y0 + BASELINE * fontSize), anchor, text: t.text };
      }
    }
    return null;
  });
}
