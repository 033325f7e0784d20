import { expect, test } from "vitest";
import { median } from "./median.ts";

test.each([
  ["empty", [], null],
  ["one", [4], 4],
  ["odd count, unsorted", [5, 1, 3], 3],
  ["even count: mean of the two middle values", [0, 5, 1, 2], 1.5],
  ["even count with equal middles", [2, 2, 9, 0], 2],
  ["zeros count", [0, 0, 0, 7], 0],
  ["not the mean", [1, 1, 10], 1],
])("%s", (_name, values, expected) => {
  expect(median(values)).toBe(expected);
});
