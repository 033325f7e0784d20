import { expect, test } from "vitest";
import { formatDecimal, formatHours, formatHoursChange, formatPointsChange, formatShare, formatUsd, formatUsdWhole, formatWeeks } from "./costFigures.ts";

test.each([
  [33015.47, "$33,015.47"],
  [0, "$0.00"],
  [1318.5, "$1,318.50"],
  [1234567.891, "$1,234,567.89"],
  [-2.5, "−$2.50"],
  [-0.001, "$0.00"],
])("formatUsd(%d) → %s", (n, text) => {
  expect(formatUsd(n)).toBe(text);
});

test.each([
  [33015.47, "$33,015"],
  [999.5, "$1,000"],
  [-1500, "−$1,500"],
  [-0.2, "$0"],
])("formatUsdWhole(%d) → %s", (n, text) => {
  expect(formatUsdWhole(n)).toBe(text);
});

test.each([
  [330.02290374999995, "330.0 h"],
  [0.05, "0.1 h"],
  [1234.56, "1,234.6 h"],
  [-0.04, "0.0 h"],
  [0, "0.0 h"],
])("formatHours(%d) → %s", (n, text) => {
  expect(formatHours(n)).toBe(text);
});

test.each([
  [5.21, "+5.2 h"],
  [-5.21, "−5.2 h"],
  [0.04, "±0.0 h"],
  [-0.04, "±0.0 h"],
])("formatHoursChange(%d) → %s", (n, text) => {
  expect(formatHoursChange(n)).toBe(text);
});

test.each([
  [0.03340312790991903, "3.3%"],
  [0.2, "20.0%"],
  [1, "100.0%"],
  [0, "0.0%"],
])("formatShare(%d) → %s", (n, text) => {
  expect(formatShare(n)).toBe(text);
});

test.each([
  [0.0762, "+7.6 pts"],
  [-0.1157, "−11.6 pts"],
  [0.0001, "±0.0 pts"],
])("formatPointsChange(%d) → %s", (n, text) => {
  expect(formatPointsChange(n)).toBe(text);
});

test("decimals and weeks", () => {
  expect(formatDecimal(0.07237, 2)).toBe("0.07");
  expect(formatDecimal(1500, 0)).toBe("1,500");
  expect(formatWeeks(1.0488)).toBe("1.0 week");
  expect(formatWeeks(15.607)).toBe("15.6 weeks");
});
