import { expect, test } from "vitest";
import { cumulativeAvoided } from "./costAvoidedSeries.ts";

// The demo's fixed webhook test, as GET /metrics/hours-lost reports it for 13 weeks to 16 Nov.
const asOf = "2026-11-16T00:00:00.000Z";
const fixDate = "2026-09-22T15:52:28.394Z";
const webhook = { fixDate, weeksSinceFix: (Date.parse(asOf) - Date.parse(fixDate)) / (7 * 86_400_000), costUsd: 2464.5 };

test("grows from the fix date and ends at the API's figure", () => {
  const from = "2026-08-17T00:00:00.000Z";
  const series = cumulativeAvoided(13, from, asOf, [webhook]);
  expect(series).toHaveLength(13);
  // Nothing before the week of the fix (the fix is on Tuesday 22 Sep, in the sixth week).
  expect(series.slice(0, 5)).toEqual([0, 0, 0, 0, 0]);
  expect(series[5]).toBeGreaterThan(0);
  for (let i = 1; i < series.length; i += 1) expect(series[i]).toBeGreaterThanOrEqual(series[i - 1] as number);
  expect(series.at(-1)).toBe(2464.5);
});

test("sums tests, stops at as-of and caps at 52 weeks", () => {
  const asOf = "2026-01-29T00:00:00.000Z";
  const old = { fixDate: "2024-01-01T00:00:00.000Z", weeksSinceFix: 52, costUsd: 520 };
  const recent = { fixDate: "2026-01-01T00:00:00.000Z", weeksSinceFix: 4, costUsd: 400 };
  const series = cumulativeAvoided(3, "2026-01-12T00:00:00.000Z", asOf, [old, recent]);
  // old: capped long ago at 520; recent: 100 a week since 1 Jan.
  expect(series[0]).toBeCloseTo(520 + (18 / 7) * 100, 2);
  expect(series[1]).toBeCloseTo(520 + (25 / 7) * 100, 2);
  // The third week ends after as-of: the value at as-of, the API's total.
  expect(series[2]).toBe(920);
});

test("no fixed test, no avoided cost", () => {
  expect(cumulativeAvoided(2, "2026-01-12T00:00:00.000Z", "2026-01-26T00:00:00.000Z", [])).toEqual([0, 0]);
  expect(
    cumulativeAvoided(1, "2026-01-12T00:00:00.000Z", "2026-01-19T00:00:00.000Z", [{ fixDate: "2026-01-19T00:00:00.000Z", weeksSinceFix: 0, costUsd: 0 }]),
  ).toEqual([0]);
});
