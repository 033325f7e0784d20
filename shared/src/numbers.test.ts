// The one number style (docs/metrics.md "How figures are written"), pinned case by case: one table
// per formatter.
import { expect, test } from "vitest";
import * as numbers from "./numbers.ts";

const plain = (s: string) => s.replace(/\u00a0/g, " ");

type Format = { [K in keyof typeof numbers]: (typeof numbers)[K] extends (n: number) => string ? K : never }[keyof typeof numbers];

/** Each formatter's cases, a number and how it reads; a formatter added to numbers.ts wants its own. */
const cases: Record<Format, [number, string][]> = {
  formatPercent: [
    [0.0812, "8.1%"],
    [0.03340312790991903, "3.3%"],
    [0.3125, "31.3%"],
    [0.2, "20.0%"],
    [1, "100.0%"],
    [0, "0.0%"],
    [0.04999, "5.0%"],
    [-0.0001, "0.0%"],
    [-0.125, "−12.5%"],
  ],
  formatPercentTick: [
    [0.15, "15%"],
    [0.081, "8.1%"],
  ],
  formatPointsChange: [
    [0.0762, "+7.6 pts"],
    [-0.1157, "−11.6 pts"],
    [0.0001, "±0.0 pts"],
  ],
  formatPoints: [
    [0.012, "1.2 pts"],
    [-0.0349, "3.5 pts"],
  ],
  formatUsdCents: [
    [33015.47, "$33,015.47"],
    [3127.4, "$3,127.40"],
    [0, "$0.00"],
    [0.005, "$0.01"],
    [1318.5, "$1,318.50"],
    [1234567.891, "$1,234,567.89"],
    [-2.5, "−$2.50"],
    [-0.001, "$0.00"],
  ],
  formatUsdWhole: [
    [33015.47, "$33,015"],
    [3127.4, "$3,127"],
    [999.5, "$1,000"],
    [0.49, "$0"],
    [-12.5, "−$13"],
    [-1500, "−$1,500"],
    [-0.2, "$0"],
  ],
  formatHours: [
    [330.02290374999995, "330.0 h"],
    [0.05, "0.1 h"],
    [1234.56, "1,234.6 h"],
    [-0.04, "0.0 h"],
    [0, "0.0 h"],
  ],
  formatHoursChange: [
    [5.21, "+5.2 h"],
    [-5.21, "−5.2 h"],
    [0.04, "±0.0 h"],
    [-0.04, "±0.0 h"],
  ],
  formatHoursRounded: [
    [31.4, "31"],
    [9.96, "10.0"],
    [4.449, "4.4"],
    [0, "0.0"],
    [1234.5, "1,235"],
  ],
  formatDuration: [
    [0.75, "45 min"],
    [0.004, "0 min"],
    [1, "1 h"],
    [3.46, "3.5 h"],
    [9.96, "10 h"],
    [19.2, "19 h"],
    [47.4, "47 h"],
    [48, "2 days"],
    [60, "2.5 days"],
    [168, "7 days"],
    [-2.5, "−2.5 h"],
  ],
  formatWeeks: [
    [1.0488, "1.0 week"],
    [15.607, "15.6 weeks"],
  ],
  formatSmall: [
    [0.4277, "0.43"],
    [1.2999, "1.3"],
  ],
  formatShort: [
    [12, "12"],
    [2.46, "2.5"],
    [4.216, "4.2"],
  ],
  formatCount: [[1_234_567, "1,234,567"]],
  formatUpToFourDecimals: [
    [0.008, "0.008"],
    [0.0125, "0.0125"],
    [100_000, "100,000"],
    [0, "0"],
  ],
};

const rows = (Object.keys(cases) as Format[]).flatMap((name) => cases[name].map(([n, text]) => [name, n, text] as const));

test.each(rows)("%s(%d) → %s", (name, n, text) => {
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
