import { expect, test } from "vitest";
import { DEFAULT_SORT, nextSort, sortFlakyTests, type SortableFlakyTest } from "./flakySort.ts";

const base = { suite: "s", flakyFailures: 1, blockingFailures: 1, firstSeen: "2026-08-01T00:00:00Z", lastSeen: "2026-11-01T00:00:00Z" };
// In the API's order: by hours lost.
const tests: (SortableFlakyTest & { id: number })[] = [
  {
    ...base,
    id: 10,
    name: "applies a promo code",
    hoursLost: 49.6,
    costUsd: 4967.47,
    state: "flaky",
    paybackWeeks: 1.05,
    flakyFailures: 103,
    lastSeen: "2026-11-20T00:00:00Z",
  },
  {
    ...base,
    id: 63,
    name: "redeliversAfterTimeout",
    hoursLost: 13.2,
    costUsd: 1318.53,
    state: "fixed",
    paybackWeeks: null,
    flakyFailures: 26,
    lastSeen: "2026-09-22T00:00:00Z",
  },
  { ...base, id: 8, name: "shows suggestions while typing", hoursLost: 3.3, costUsd: 333.71, state: "flaky", paybackWeeks: 15.6, flakyFailures: 7 },
  {
    ...base,
    id: 35,
    name: "evictsIdleSessionsAfterTimeout",
    hoursLost: 0,
    costUsd: 0,
    state: "flaky",
    paybackWeeks: null,
    flakyFailures: 23,
    blockingFailures: 0,
  },
];
const ids = (sorted: { id: number }[]) => sorted.map((t) => t.id);

test("the default is the API's ranking, by hours lost", () => {
  expect(ids(sortFlakyTests(tests, DEFAULT_SORT))).toEqual([10, 63, 8, 35]);
  expect(ids(sortFlakyTests(tests, { key: "hoursLost", direction: "ascending" }))).toEqual([35, 8, 63, 10]);
});

test("payback: quickest first, and tests without a payback last in both directions", () => {
  expect(ids(sortFlakyTests(tests, { key: "paybackWeeks", direction: "ascending" }))).toEqual([10, 8, 63, 35]);
  expect(ids(sortFlakyTests(tests, { key: "paybackWeeks", direction: "descending" }))).toEqual([8, 10, 63, 35]);
});

test("by name, state, failures and dates", () => {
  expect(ids(sortFlakyTests(tests, { key: "name", direction: "ascending" }))).toEqual([10, 35, 63, 8]);
  // Flaky before fixed; ties keep the ranking.
  expect(ids(sortFlakyTests(tests, { key: "state", direction: "ascending" }))).toEqual([10, 8, 35, 63]);
  expect(ids(sortFlakyTests(tests, { key: "flakyFailures", direction: "descending" }))).toEqual([10, 63, 35, 8]);
  expect(ids(sortFlakyTests(tests, { key: "lastSeen", direction: "descending" }))).toEqual([10, 8, 35, 63]);
});

test("choosing a column starts in its natural direction; choosing it again flips it", () => {
  expect(nextSort(DEFAULT_SORT, "hoursLost")).toEqual({ key: "hoursLost", direction: "ascending" });
  expect(nextSort(DEFAULT_SORT, "costUsd")).toEqual({ key: "costUsd", direction: "descending" });
  expect(nextSort(DEFAULT_SORT, "paybackWeeks")).toEqual({ key: "paybackWeeks", direction: "ascending" });
  expect(nextSort(DEFAULT_SORT, "name")).toEqual({ key: "name", direction: "ascending" });
});
