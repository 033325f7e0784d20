import { describe, expect, test } from "vitest";
import { buildDoraReport, rate, type DoraRows } from "./doraReport.ts";

const noRows: DoraRows = { deployments: [], leadTime: [], recovery: [], open: { current: 0, previous: 0 } };
const dep = (period: "current" | "previous", week: string | null, deployments: number, deployDays: number, failed = 0, rework = 0) => ({
  period,
  week,
  deployments,
  deployDays,
  failed,
  rework,
});

test.each([
  [1, 4, 0.25],
  [0, 4, 0],
  [0, 0, null],
  [3, 0, null],
])("rate(%i, %i) = %s", (part, whole, expected) => {
  expect(rate(part, whole)).toBe(expected);
});

describe("buildDoraReport", () => {
  const buckets = { current: ["2026-11-02", "2026-11-09", "2026-11-16"], previous: ["2026-10-12", "2026-10-19", "2026-10-26"] };

  test.each([
    // name, deployment rows, expected summary.deploymentFrequency
    ["nothing: zero per day, low, median 0", [], { deployments: 0, perDay: 0, deployDaysPerWeekMedian: 0, level: "low" }],
    [
      "empty weeks count as zero days: [4, 0, 1] → 1",
      [dep("current", "2026-11-02", 6, 4), dep("current", "2026-11-16", 1, 1), dep("current", null, 7, 5)],
      { deployments: 7, perDay: 7 / 21, deployDaysPerWeekMedian: 1, level: "high" },
    ],
    [
      "previous-period rows do not leak into the current figures",
      [dep("previous", "2026-10-12", 30, 5), dep("previous", null, 30, 5), dep("current", "2026-11-09", 21, 7), dep("current", null, 21, 7)],
      // One week of daily deploys in three: the median week has 0 deploy days, so not elite or
      // high; 7 deploy days × 30 / 21 days = 10 per 30 days, so medium (although 1 deployment a day).
      { deployments: 21, perDay: 1, deployDaysPerWeekMedian: 0, level: "medium" },
    ],
    [
      "ten deploys every Monday: 1.4 a day, on one deploy day a week, high not elite",
      [dep("current", "2026-11-02", 10, 1), dep("current", "2026-11-09", 10, 1), dep("current", "2026-11-16", 10, 1), dep("current", null, 30, 3)],
      { deployments: 30, perDay: 30 / 21, deployDaysPerWeekMedian: 1, level: "high" },
    ],
    [
      "Monday, Wednesday, Friday: 3 deploy days a week, high",
      [dep("current", "2026-11-02", 3, 3), dep("current", "2026-11-09", 3, 3), dep("current", "2026-11-16", 3, 3), dep("current", null, 9, 9)],
      { deployments: 9, perDay: 9 / 21, deployDaysPerWeekMedian: 3, level: "high" },
    ],
    [
      "every working day, once: 5 deploy days a week, elite (fewer than 1 deployment a day)",
      [dep("current", "2026-11-02", 5, 5), dep("current", "2026-11-09", 5, 5), dep("current", "2026-11-16", 5, 5), dep("current", null, 15, 15)],
      { deployments: 15, perDay: 15 / 21, deployDaysPerWeekMedian: 5, level: "elite" },
    ],
  ] as const)("%s", (_name, deployments, expected) => {
    const { summary } = buildDoraReport({ rows: { ...noRows, deployments: [...deployments] }, buckets, days: 21, thresholdsYear: 2023 });
    expect(summary.deploymentFrequency).toMatchObject(expected);
  });

  test("every bucket is present; empty ones have zero counts and null medians and rates", () => {
    const rows: DoraRows = {
      deployments: [dep("current", "2026-11-09", 4, 2, 1, 2), dep("current", null, 4, 2, 1, 2)],
      leadTime: [{ period: "current", week: "2026-11-09", changes: 3, medianHours: 5, p90Hours: 9, excludedNegative: 0 }],
      recovery: [{ period: "current", week: "2026-11-16", incidents: 1, medianHours: 2, p90Hours: 2, excludedNegative: 0 }],
      open: { current: 0, previous: 0 },
    };
    const { series } = buildDoraReport({ rows, buckets, days: 21, thresholdsYear: 2023 });
    expect(series).toEqual([
      {
        bucketStart: "2026-11-02",
        deployments: 0,
        leadTimeMedianHours: null,
        changeFailureRate: null,
        recoveryMedianHours: null,
        reworkRate: null,
        deployDays: 0,
        failedDeployments: 0,
        reworkDeployments: 0,
        changes: 0,
        incidents: 0,
      },
      {
        bucketStart: "2026-11-09",
        deployments: 4,
        leadTimeMedianHours: 5,
        changeFailureRate: 0.25,
        recoveryMedianHours: null,
        reworkRate: 0.5,
        deployDays: 2,
        failedDeployments: 1,
        reworkDeployments: 2,
        changes: 3,
        incidents: 0,
      },
      {
        bucketStart: "2026-11-16",
        deployments: 0,
        leadTimeMedianHours: null,
        changeFailureRate: null,
        recoveryMedianHours: 2,
        reworkRate: null,
        deployDays: 0,
        failedDeployments: 0,
        reworkDeployments: 0,
        changes: 0,
        incidents: 1,
      },
    ]);
  });

  test.each([
    // year, failed of 12, expected level: 2/12 ≈ 16.7% is low in 2023 (> 15%) and high in 2024 (≤ 20%)
    [2023, 2, "low"],
    [2024, 2, "high"],
    [2023, 1, "high"], // 8.3%
    [2024, 1, "high"],
    [2024, 0, "elite"],
  ] as const)("change failure level in %i with %i of 12 failed: %s", (year, failed, level) => {
    const rows = { ...noRows, deployments: [dep("current", null, 12, 5, failed)] };
    expect(buildDoraReport({ rows, buckets, days: 21, thresholdsYear: year }).summary.changeFailureRate.level).toBe(level);
  });

  test("previous values and changes for every summary figure", () => {
    const rows: DoraRows = {
      deployments: [dep("current", null, 10, 5, 2, 1), dep("previous", null, 5, 3, 0, 0)],
      leadTime: [
        { period: "current", week: null, changes: 8, medianHours: 30, p90Hours: 50, excludedNegative: 1 },
        { period: "previous", week: null, changes: 4, medianHours: 20, p90Hours: 25, excludedNegative: 0 },
      ],
      recovery: [{ period: "previous", week: null, incidents: 2, medianHours: 3, p90Hours: 4, excludedNegative: 0 }],
      open: { current: 2, previous: 1 },
    };
    const s = buildDoraReport({ rows, buckets, days: 21, thresholdsYear: 2023 }).summary;
    expect(s.leadTime.change).toEqual({ changes: 4, medianHours: 10, p90Hours: 25, excludedNegative: 1 });
    expect(s.leadTime.previous.level).toBe("elite");
    expect(s.changeFailureRate.change).toEqual({ deployments: 5, failed: 2, rate: 0.2 });
    expect(s.recoveryTime).toMatchObject({ incidents: 0, medianHours: null, level: null, open: 2 });
    expect(s.recoveryTime.change).toEqual({ incidents: -2, medianHours: null, p90Hours: null, open: 1, excludedNegative: 0 });
    expect(s.reworkRate.change).toEqual({ deployments: 5, rework: 1, rate: 0.1 });
  });
});
