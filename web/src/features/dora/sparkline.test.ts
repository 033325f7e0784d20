import { expect, test } from "vitest";
import { sparklineGeometry } from "./sparkline.ts";

test("points spread across the width, scaled from zero at the bottom to the largest at the top", () => {
  expect(sparklineGeometry([0, 5, 10], 100, 30, 0)).toEqual({ line: "M0 30 L50 15 L100 0", last: { x: 100, y: 0 } });
});

test("weeks without a value break the line", () => {
  expect(sparklineGeometry([2, null, 4, 4], 30, 10, 0)).toEqual({ line: "M0 5 M20 0 L30 0", last: { x: 30, y: 0 } });
});

test("all zeros lie on the bottom; nothing to draw gives an empty path", () => {
  expect(sparklineGeometry([0, 0], 10, 10, 1).line).toBe("M1 9 L9 9");
  expect(sparklineGeometry([null, null], 10, 10)).toEqual({ line: "", last: null });
  expect(sparklineGeometry([], 10, 10)).toEqual({ line: "", last: null });
});

test("a single value sits in the middle; coordinates are rounded", () => {
  expect(sparklineGeometry([3], 10, 10, 0)).toEqual({ line: "M5 0", last: { x: 5, y: 0 } });
  expect(sparklineGeometry([1, 3, 2], 10, 10, 0).line).toBe("M0 6.7 L5 0 L10 3.3");
});
