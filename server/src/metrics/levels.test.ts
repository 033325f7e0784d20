import { describe, expect, test } from "vitest";
import { frequencyLevel, levelOf } from "./levels.ts";

const DAY = 24;
const WEEK = 7 * DAY;
const MONTH = 30 * DAY;

describe("levelOf, 2023 report", () => {
  test.each([
    // lead time (hours): elite < 1 day ≤ high < 1 week ≤ medium < 1 month ≤ low
    ["leadTime", 0, "elite"],
    ["leadTime", DAY - 0.001, "elite"],
    ["leadTime", DAY, "high"],
    ["leadTime", WEEK - 0.001, "high"],
    ["leadTime", WEEK, "medium"],
    ["leadTime", MONTH - 0.001, "medium"],
    ["leadTime", MONTH, "low"],
    // change failure rate: elite ≤ 5%, high ≤ 10%, medium ≤ 15%
    ["changeFailureRate", 0, "elite"],
    ["changeFailureRate", 0.05, "elite"],
    ["changeFailureRate", 1 / 20, "elite"],
    ["changeFailureRate", 0.0501, "high"],
    ["changeFailureRate", 0.1, "high"],
    ["changeFailureRate", 0.15, "medium"],
    ["changeFailureRate", 3 / 20, "medium"],
    ["changeFailureRate", 0.1501, "low"],
    ["changeFailureRate", 1, "low"],
    // recovery time (hours): elite < 1 hour, high < 1 day, medium < 1 week
    ["recoveryTime", 0.99, "elite"],
    ["recoveryTime", 1, "high"],
    ["recoveryTime", DAY, "medium"],
    ["recoveryTime", WEEK - 0.01, "medium"],
    ["recoveryTime", WEEK, "low"],
  ] as const)("%s %f → %s", (metric, value, level) => {
    expect(levelOf(metric, value, 2023)).toBe(level);
  });
});

describe("levelOf, 2024 report", () => {
  test.each([
    // Throughput bands as in 2023.
    ["leadTime", DAY - 0.001, "elite"],
    ["leadTime", DAY, "high"],
    ["leadTime", 6 * MONTH, "low"],
    // Change failure rate: elite ≤ 5%, high ≤ 20%; medium's 10% is below high's 20%, so never reached.
    ["changeFailureRate", 0.05, "elite"],
    ["changeFailureRate", 0.08, "high"],
    ["changeFailureRate", 0.15, "high"],
    ["changeFailureRate", 0.2, "high"],
    ["changeFailureRate", 0.2001, "low"],
    ["changeFailureRate", 0.4, "low"],
    // Recovery: elite < 1 hour, high < 1 day; medium is also < 1 day, so one day or more is low.
    ["recoveryTime", 0.5, "elite"],
    ["recoveryTime", 23.9, "high"],
    ["recoveryTime", DAY, "low"],
    ["recoveryTime", 3 * DAY, "low"],
  ] as const)("%s %f → %s", (metric, value, level) => {
    expect(levelOf(metric, value, 2024)).toBe(level);
  });
});

test.each([
  ["no value", null],
  ["not a number", Number.NaN],
])("%s has no level", (_name, value) => {
  expect(levelOf("leadTime", value, 2023)).toBeNull();
});

describe("frequencyLevel: by deploy days, the same bands in 2023 and 2024", () => {
  test.each([
    // median deploy days per week, deploy days per 30 days, level
    [7, 30, "elite"], // every day
    [5, 21.4, "elite"], // every working day
    [4.5, 19, "high"], // just under 5 in the median week
    [3, 12.9, "high"], // Monday, Wednesday, Friday: 3 deploy days a week
    [1, 4.3, "high"], // ten deploys every Monday is still one deploy day a week
    [0.5, 2.1, "medium"], // every other week (median of an even count of weeks)
    [0, 1, "medium"], // one deploy day a month
    [0, 0.99, "low"],
    [0, 0, "low"],
  ] as const)("median week %f days, %f days per 30 → %s", (week, month, level) => {
    expect(frequencyLevel({ deployDaysPerWeekMedian: week, deployDaysPer30Days: month }, 2023)).toBe(level);
    expect(frequencyLevel({ deployDaysPerWeekMedian: week, deployDaysPer30Days: month }, 2024)).toBe(level);
  });

  test.each([
    [null, 3],
    [3, null],
    [Number.NaN, 3],
  ])("figures %s and %s have no level", (week, month) => {
    expect(frequencyLevel({ deployDaysPerWeekMedian: week, deployDaysPer30Days: month }, 2023)).toBeNull();
  });
});
