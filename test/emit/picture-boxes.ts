import { expect } from 'vitest';
/**
 * What the browser tests read of the pictures on a page (src/emit/pictures):
 * each `svg.cp-picture`'s kind and rendered size, how many points it draws,
 * how many of them have a zero-sized box, and the computed fill of its first
 * point (a colour from the stylesheet, not the default black). Passed to
 * `page.evaluate` as a string: the project's TypeScript has no DOM library.
 */
export interface PictureBox {
  kind: string;
  width: number;
  height: number;
  points: number;
  empty: number;
  fill: string;
}

export const PICTURE_BOXES = `[...document.querySelectorAll('svg.cp-picture')].map((svg) => {
  const box = svg.getBoundingClientRect();
  const points = [...svg.querySelectorAll('.cp-node, .cp-mark')];
  return {
    kind: [...svg.classList].find((c) => c !== 'cp-picture'),
    width: box.width,
    height: box.height,
    points: points.length,
    empty: points.filter((p) => { const b = p.getBBox(); return !(b.width > 0 && b.height > 0); }).length,
    fill: points.length ? getComputedStyle(points[0]).fill : '',
  };
})`;

/**
 * A picture drawn as meant: a real size, more than one point, no point with
 * an empty box, and coloured by the stylesheet (a CSP-blocked style would
 * leave the default black).
 */
export function expectDrawn(box: PictureBox): void {
  expect(box.width, box.kind).toBeGreaterThan(300);
  expect(box.height, box.kind).toBeGreaterThan(60);
  expect(box.points, box.kind).toBeGreaterThan(1);
  expect(box.empty, box.kind).toBe(0);
  expect(box.fill, box.kind).not.toBe('rgb(0, 0, 0)');
}
