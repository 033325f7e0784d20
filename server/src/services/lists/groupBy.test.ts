import { expect, test } from "vitest";
import { groupBy } from "./groupBy.ts";

const rows = [
  { id: "d1", rule: "a" },
  { id: "d2", rule: "b" },
  { id: "d1", rule: "c" },
];

test.each([
  ["no rows", [], {}],
  ["one row", rows.slice(0, 1), { d1: ["a"] }],
  ["rows of two records, each record's in the query's order", rows, { d1: ["a", "c"], d2: ["b"] }],
])("%s", (_name, items, expected) => {
  expect(
    Object.fromEntries(
      groupBy(
        items,
        (r) => r.id,
        (r) => r.rule,
      ),
    ),
  ).toEqual(expected);
});
