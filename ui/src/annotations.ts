// Annotation geometry: where a pointer is on the photo in the marks' units (ten-thousandths of the
// upright photo), how a mark is drawn at a size, and how a long freehand stroke is thinned to the
// points a mark may hold. No drawing and no IPC here.
import type { Mark, Point } from "./bindings";

/** The far edge of the photo in a mark's units. */
export const SCALE = 10_000;
/** The points a freehand mark may hold (the model refuses more). */
export const MAX_POINTS = 500;
/** Below this distance (in mark units) a press and release is a tap, not a drag. */
export const TAP = 80;

export type Shape = Mark["shape"];
export const SHAPES: Shape[] = ["arrow", "box", "freehand", "text"];

/** The label key of a shape (`annotation.<shape>`). */
export function shapeKey(shape: Shape): string {
  return `annotation.${shape}`;
}

/** A pointer's place on the photo's box, in mark units, kept on the photo. */
export function toPoint(clientX: number, clientY: number, box: { left: number; top: number; width: number; height: number }): Point {
  const clamp = (v: number) => Math.min(SCALE, Math.max(0, Math.round(v)));
  return {
    x: clamp(((clientX - box.left) / Math.max(1, box.width)) * SCALE),
    y: clamp(((clientY - box.top) / Math.max(1, box.height)) * SCALE),
  };
}

export function distance(a: Point, b: Point): number {
  return Math.hypot(a.x - b.x, a.y - b.y);
}

/** At most `max` points, evenly picked, first and last kept: a long stroke keeps its shape. */
export function thinned(points: Point[], max = MAX_POINTS): Point[] {
  if (points.length <= max) return points;
  const step = (points.length - 1) / (max - 1);
  return Array.from({ length: max }, (_, i) => points[Math.round(i * step)]);
}

/** Lines to draw a mark at `width` x `height` pixels: each a list of [x, y]. Text has none. */
export function strokes(mark: Mark, width: number, height: number): [number, number][][] {
  const px = (p: Point): [number, number] => [(p.x / SCALE) * width, (p.y / SCALE) * height];
  switch (mark.shape) {
    case "arrow": {
      const [x1, y1] = px(mark.from);
      const [x2, y2] = px(mark.to);
      const angle = Math.atan2(y2 - y1, x2 - x1);
      const head = headLength(width, height);
      const wing = (turn: number): [number, number] => [x2 - head * Math.cos(angle + turn), y2 - head * Math.sin(angle + turn)];
      return [
        [
          [x1, y1],
          [x2, y2],
        ],
        [wing(Math.PI / 7), [x2, y2], wing(-Math.PI / 7)],
      ];
    }
    case "box": {
      const [x1, y1] = px(mark.from);
      const [x2, y2] = px(mark.to);
      return [
        [
          [x1, y1],
          [x2, y1],
          [x2, y2],
          [x1, y2],
          [x1, y1],
        ],
      ];
    }
    case "freehand":
      return [mark.points.map(px)];
    case "text":
      return [];
  }
}

/** An arrowhead's length: the same share of the photo at every size, as the PDF draws it. */
export function headLength(width: number, height: number): number {
  return Math.min(width, height) * 0.05;
}

/** A line's width at a size: visible on a thumbnail and on a full original alike. */
export function lineWidth(width: number, height: number): number {
  return Math.max(2, Math.min(width, height) * 0.008);
}

/** Text's height at a size. */
export function textSize(width: number, height: number): number {
  return Math.max(12, Math.min(width, height) * 0.045);
}
