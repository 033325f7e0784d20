import { expect, test } from "vitest";
import { change, compared } from "./comparison.ts";

test.each([
  ["numbers: current − previous", { n: 5, rate: 0.25 }, { n: 2, rate: 0.5 }, { n: 3, rate: -0.25 }],
  ["a missing value on either side has no change", { n: 0, median: null }, { n: 3, median: 4 }, { n: -3, median: null }],
  ["missing before", { median: 2 }, { median: null }, { median: null }],
  ["levels are not compared", { n: 1, level: "high" }, { n: 1, level: "low" }, { n: 0 }],
])("%s", (_name, current, previous, expected) => {
  expect(change(current as Record<string, number | string | null>, previous as Record<string, number | string | null>)).toEqual(expected);
});

test("compared keeps the current figures, adds previous and change", () => {
  expect(compared({ n: 4, level: "elite" }, { n: 1, level: "high" })).toEqual({ n: 4, level: "elite", previous: { n: 1, level: "high" }, change: { n: 3 } });
});
