import { expect, test } from "vitest";
import { fillBuckets } from "./weeks.ts";

test("fillBuckets keeps found rows and fills the rest", () => {
  const rows = new Map([["2026-11-16", { week: "2026-11-16", n: 3 }]]);
  expect(fillBuckets(["2026-11-09", "2026-11-16"], rows, (week) => ({ week, n: 0 }))).toEqual([
    { week: "2026-11-09", n: 0 },
    { week: "2026-11-16", n: 3 },
  ]);
});
