// Annotation geometry: pointer to mark units, thinning long strokes, lines at a size.
import { describe, expect, it } from "vitest";
import { MAX_POINTS, strokes, thinned, toPoint } from "./annotations";

describe("annotation geometry", () => {
  it("reads a pointer as ten-thousandths of the photo's box, kept on the photo", () => {
    const box = { left: 100, top: 50, width: 400, height: 200 };
    expect(toPoint(300, 150, box)).toEqual({ x: 5000, y: 5000 });
    expect(toPoint(100, 50, box)).toEqual({ x: 0, y: 0 });
    expect(toPoint(900, -20, box)).toEqual({ x: 10000, y: 0 });
  });

  it("thins a long stroke to the points a mark may hold, keeping its ends", () => {
    const long = Array.from({ length: 2000 }, (_, i) => ({ x: i, y: 2 * i }));
    const kept = thinned(long);
    expect(kept).toHaveLength(MAX_POINTS);
    expect(kept[0]).toEqual(long[0]);
    expect(kept[kept.length - 1]).toEqual(long[long.length - 1]);
    expect(thinned(long.slice(0, 10))).toHaveLength(10);
  });

  it("draws an arrow as a shaft and a head at its tip, and a box closed", () => {
    const [shaft, head] = strokes({ shape: "arrow", from: { x: 0, y: 5000 }, to: { x: 10000, y: 5000 } }, 200, 100);
    expect(shaft).toEqual([
      [0, 50],
      [200, 50],
    ]);
    expect(head[1]).toEqual([200, 50]);
    expect(head[0][0]).toBeLessThan(200);
    expect(head[0][1]).toBeLessThan(50);
    expect(head[2][1]).toBeGreaterThan(50);
    const [box] = strokes({ shape: "box", from: { x: 0, y: 0 }, to: { x: 5000, y: 10000 } }, 200, 100);
    expect(box[0]).toEqual(box[box.length - 1]);
    expect(box).toContainEqual([100, 100]);
  });
});
