// Sorting the flaky-test table. The API ranks by hours lost; a reader may sort by any column.
// Missing values (no payback for a fixed test) always go last, whichever the direction, and ties
// keep the API's ranking so the order is stable.

export type FlakyState = "flaky" | "fixed" | "broken";

export interface SortableFlakyTest {
  name: string;
  suite: string;
  hoursLost: number;
  costUsd: number;
  flakyFailures: number;
  blockingFailures: number;
  state: FlakyState;
  firstSeen: string;
  lastSeen: string;
  paybackWeeks: number | null;
}

export type SortKey = "name" | "hoursLost" | "costUsd" | "flakyFailures" | "blockingFailures" | "state" | "firstSeen" | "lastSeen" | "paybackWeeks";
export type SortDirection = "ascending" | "descending";
export interface FlakySort {
  key: SortKey;
  direction: SortDirection;
}

export const DEFAULT_SORT: FlakySort = { key: "hoursLost", direction: "descending" };

/** The direction a column sorts in when first chosen: biggest costs, newest dates, quickest payback first. */
export function firstDirection(key: SortKey): SortDirection {
  return key === "name" || key === "state" || key === "paybackWeeks" ? "ascending" : "descending";
}

/** Clicking a column: the same column flips; another starts in its natural direction. */
export function nextSort(current: FlakySort, key: SortKey): FlakySort {
  if (current.key === key) return { key, direction: current.direction === "ascending" ? "descending" : "ascending" };
  return { key, direction: firstDirection(key) };
}

// What needs attention first: still flaky, then failing for real, then fixed.
const STATE_ORDER: Record<FlakyState, number> = { flaky: 0, broken: 1, fixed: 2 };

function valueOf(t: SortableFlakyTest, key: SortKey): number | string | null {
  switch (key) {
    case "name":
      return `${t.name}\u0000${t.suite}`.toLowerCase();
    case "state":
      return STATE_ORDER[t.state];
    case "firstSeen":
    case "lastSeen":
      return Date.parse(t[key]);
    default:
      return t[key];
  }
}

export function sortFlakyTests<T extends SortableFlakyTest>(tests: readonly T[], sort: FlakySort): T[] {
  const sign = sort.direction === "ascending" ? 1 : -1;
  return tests
    .map((test, rank) => ({ test, rank, value: valueOf(test, sort.key) }))
    .sort((a, b) => {
      if (a.value === null || b.value === null) return a.value === b.value ? a.rank - b.rank : a.value === null ? 1 : -1;
      const order = typeof a.value === "string" && typeof b.value === "string" ? a.value.localeCompare(b.value) : Number(a.value) - Number(b.value);
      return order === 0 ? a.rank - b.rank : sign * order;
    })
    .map((x) => x.test);
}
