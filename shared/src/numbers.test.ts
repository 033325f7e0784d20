// The one number style (docs/metrics.md "How figures are written"), pinned case by case.
import { expect, test } from "vitest";
import * as numbers from "./numbers.ts";

const plain = (s: string) => s.replace(/\u00a0/g, " ");

type Format = { [K in keyof typeof numbers]: (typeof numbers)[K] extends (n: number) => string ? K : never }[keyof typeof numbers];

test.each<[Format, number, string]>([
  ["formatPercent", 0.0812, "8.1%"],
  ["formatPercent", 0.03340312790991903, "3.3%"],
  ["formatPercent", 0.3125, "31.3%"],
  ["formatPercent", 0.2, "20.0%"],
  ["formatPercent", 1, "100.0%"],
  ["formatPercent", 0, "0.0%"],
  ["formatPercent", 0.04999, "5.0%"],
  ["formatPercent", -0.0001, "0.0%"],
  ["formatPercent", -0.125, "−12.5%"],
  ["formatPercentTick", 0.15, "15%"],
  ["formatPercentTick", 0.081, "8.1%"],
  ["formatPointsChange", 0.0762, "+7.6 pts"],
  ["formatPointsChange", -0.1157, "−11.6 pts"],
  ["formatPointsChange", 0.0001, "±0.0 pts"],
  ["formatPoints", 0.012, "1.2 pts"],
  ["formatPoints", -0.0349, "3.5 pts"],
  ["formatUsdCents", 33015.47, "$33,015.47"],
  ["formatUsdCents", 3127.4, "$3,127.40"],
  ["formatUsdCents", 0, "$0.00"],
  ["formatUsdCents", 0.005, "$0.01"],
  ["formatUsdCents", 1318.5, "$1,318.50"],
  ["formatUsdCents", 1234567.891, "$1,234,567.89"],
  ["formatUsdCents", -2.5, "−$2.50"],
  ["formatUsdCents", -0.001, "$0.00"],
  ["formatUsdWhole", 33015.47, "$33,015"],
  ["formatUsdWhole", 3127.4, "$3,127"],
  ["formatUsdWhole", 999.5, "$1,000"],
  ["formatUsdWhole", 0.49, "$0"],
  ["formatUsdWhole", -12.5, "−$13"],
  ["formatUsdWhole", -1500, "−$1,500"],
  ["formatUsdWhole", -0.2, "$0"],
  ["formatHours", 330.02290374999995, "330.0 h"],
  ["formatHours", 0.05, "0.1 h"],
  ["formatHours", 1234.56, "1,234.6 h"],
  ["formatHours", -0.04, "0.0 h"],
  ["formatHours", 0, "0.0 h"],
  ["formatHoursChange", 5.21, "+5.2 h"],
  ["formatHoursChange", -5.21, "−5.2 h"],
  ["formatHoursChange", 0.04, "±0.0 h"],
  ["formatHoursChange", -0.04, "±0.0 h"],
  ["formatHoursRounded", 31.4, "31"],
  ["formatHoursRounded", 9.96, "10.0"],
  ["formatHoursRounded", 4.449, "4.4"],
  ["formatHoursRounded", 0, "0.0"],
  ["formatHoursRounded", 1234.5, "1,235"],
  ["formatDuration", 0.75, "45 min"],
  ["formatDuration", 0.004, "0 min"],
  ["formatDuration", 1, "1 h"],
  ["formatDuration", 3.46, "3.5 h"],
  ["formatDuration", 9.96, "10 h"],
  ["formatDuration", 19.2, "19 h"],
  ["formatDuration", 47.4, "47 h"],
  ["formatDuration", 48, "2 days"],
  ["formatDuration", 60, "2.5 days"],
  ["formatDuration", 168, "7 days"],
  ["formatDuration", -2.5, "−2.5 h"],
  ["formatWeeks", 1.0488, "1.0 week"],
  ["formatWeeks", 15.607, "15.6 weeks"],
  ["formatSmall", 0.4277, "0.43"],
  ["formatSmall", 1.2999, "1.3"],
  ["formatShort", 12, "12"],
  ["formatShort", 2.46, "2.5"],
  ["formatShort", 4.216, "4.2"],
  ["formatCount", 1_234_567, "1,234,567"],
  ["formatUpToFourDecimals", 0.008, "0.008"],
  ["formatUpToFourDecimals", 0.0125, "0.0125"],
  ["formatUpToFourDecimals", 100_000, "100,000"],
  ["formatUpToFourDecimals", 0, "0"],
])("%s(%d) → %s", (name, n, text) => {
  expect(plain(numbers[name](n))).toBe(text);
});

test.each<[number, 0 | 1 | 2, string]>([
  [4.216, 1, "4.2"],
  [1234.56, 1, "1,234.6"],
  [0.07237, 2, "0.07"],
  [1500, 0, "1,500"],
  [-0.04, 1, "0.0"],
])("formatDecimal(%d, %d) → %s", (n, digits, text) => {
  expect(numbers.formatDecimal(n, digits)).toBe(text);
});

test.each([
  [0, "0 deployments"],
  [1, "1 deployment"],
  [12, "12 deployments"],
  [1234, "1,234 deployments"],
])("countOf(%d) → %s", (n, text) => {
  expect(numbers.countOf(n, "deployment")).toBe(text);
});

test("hours with two decimals, for the report's tables", () => {
  expect(numbers.formatHours(5.3, 2)).toBe("5.30 h");
});
