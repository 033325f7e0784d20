import { expect, test } from "vitest";
import { lastFullWeek, markdownFileName, readReportChoice, weekChoices, weekOptionLabel, writeReportChoice } from "./reportWeek.ts";

const params = (q: string) => new URLSearchParams(q);

test.each([
  ["", {}],
  ["week=2026-W46", { week: "2026-W46" }],
  ["week=2026-W46&team=platform", { week: "2026-W46", team: "platform" }],
  ["week=2025-W53&team=%20", {}],
  ["week=46", {}],
])("?%s reads as %o", (query, choice) => {
  expect(readReportChoice(params(query))).toEqual(choice);
});

test("writing keeps other parameters and drops empty choices", () => {
  expect(writeReportChoice(params("x=1&team=a"), { week: "2026-W46" }).toString()).toBe("x=1&week=2026-W46");
  expect(readReportChoice(writeReportChoice(params(""), { week: "2026-W01", team: "payments" }))).toEqual({ week: "2026-W01", team: "payments" });
});

test("the default is the last full week", () => {
  // Saturday 21 Nov 2026 is in W47; the last full week is W46 (9–15 Nov).
  expect(lastFullWeek("2026-11-21")).toBe("2026-W46");
  expect(lastFullWeek("2026-11-16")).toBe("2026-W46");
  expect(lastFullWeek("2027-01-04")).toBe("2026-W53");
});

test("week choices and their labels", () => {
  const weeks = weekChoices("2026-11-21", "2026-W46");
  expect(weeks).toHaveLength(53);
  expect(weeks[0]).toBe("2026-W47");
  // 2026 has 53 weeks: a year back from W47 is 2025-W47.
  expect(weeks.at(-1)).toBe("2025-W47");
  expect(weekChoices("2026-11-21", "2024-W10").at(-1)).toBe("2024-W10");
  expect(weekOptionLabel("2026-W47", "2026-11-21")).toBe("2026-W47 · 16–22 Nov 2026 (this week, so far)");
  expect(weekOptionLabel("2026-W46", "2026-11-21")).toBe("2026-W46 · 9–15 Nov 2026 (last week)");
  expect(weekOptionLabel("2026-W40", "2026-11-21")).toBe("2026-W40 · 28 Sep – 4 Oct 2026");
});

test("the download's file name is safe", () => {
  expect(markdownFileName("2026-W46")).toBe("keel-weekly-report-2026-W46.md");
  expect(markdownFileName("2026-W46", "platform")).toBe("keel-weekly-report-2026-W46-platform.md");
  expect(markdownFileName("2026-W46", "../a b")).toBe("keel-weekly-report-2026-W46-a-b.md");
});
