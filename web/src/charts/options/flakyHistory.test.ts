import { expect, test } from "vitest";
import { flakyHistoryLabel, flakyHistoryOption, flakyWeekTooltip, type FlakyWeek } from "./flakyHistory.ts";

const weeks: FlakyWeek[] = [
  { bucketStart: "2026-11-02", flakyFailures: 3, blockingFailures: 2, hoursLost: 0.98 },
  { bucketStart: "2026-11-09", flakyFailures: 0, blockingFailures: 0, hoursLost: 0 },
  { bucketStart: "2026-11-16", flakyFailures: 5, blockingFailures: 5, hoursLost: 2.45 },
];

test("splits each week's flaky failures into blocking ones and those retried in the same run", () => {
  const series = flakyHistoryOption(weeks).series as { name: string; stack: string; data: (number | null)[] }[];
  expect(series.map((s) => [s.name, s.data])).toEqual([
    // Weeks without any are gaps, not hairlines.
    ["Blocking failures", [2, null, 5]],
    ["Retried in the same run", [1, null, null]],
  ]);
  expect(series.every((s) => s.stack === "failures")).toBe(true);
});

test("tooltip and label", () => {
  const text = flakyWeekTooltip(weeks[0] as FlakyWeek)
    .replace(/<[^>]+>/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  expect(text).toBe("Week of 2 Nov 2026 Blocking failures 2 Retried in the same run 1 Hours lost 1.0 h");
  expect(flakyHistoryLabel("applies a promo code", weeks)).toBe(
    "Bar chart of the flaky failures per week of applies a promo code, from the week of 2 Nov 2026 to the week of 16 Nov 2026: " +
      "8 flaky failures in 2 weeks, 7 of them blocking a build.",
  );
  expect(flakyHistoryLabel("x", [])).toBe("Chart of the flaky failures per week of x: no weeks to show.");
});
