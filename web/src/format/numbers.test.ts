import { expect, test } from "vitest";
import { formatHours } from "./durations.ts";
import { formatOneDecimal, formatPercent, formatPoints, formatShort } from "./numbers.ts";

const plain = (s: string) => s.replace(/\u00a0/g, " ");

test.each([
  [0.0812, "8.1 %"],
  [0, "0.0 %"],
  [1, "100.0 %"],
  [0.04999, "5.0 %"],
])("percent %d → %s", (fraction, text) => {
  expect(plain(formatPercent(fraction))).toBe(text);
});

test("points are unsigned and one decimal", () => {
  expect(plain(formatPoints(0.012))).toBe("1.2 pts");
  expect(plain(formatPoints(-0.0349))).toBe("3.5 pts");
});

test("decimals", () => {
  expect(formatOneDecimal(4.216)).toBe("4.2");
  expect(formatOneDecimal(1234.56)).toBe("1,234.6");
  expect(formatShort(12)).toBe("12");
  expect(formatShort(2.46)).toBe("2.5");
});

test.each([
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
])("hours %d → %s", (hours, text) => {
  expect(plain(formatHours(hours))).toBe(text);
});
