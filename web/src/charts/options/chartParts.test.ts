import { expect, test } from "vitest";
import { barValue, dataIndexOf, tooltipLine, tooltipTitle } from "./chartParts.ts";

test("the data index of an axis tooltip, whatever shape ECharts passes", () => {
  expect(dataIndexOf([{ dataIndex: 3 }, { dataIndex: 3 }])).toBe(3);
  expect(dataIndexOf({ dataIndex: 0 })).toBe(0);
  expect(dataIndexOf([])).toBe(-1);
  expect(dataIndexOf(null)).toBe(-1);
  expect(dataIndexOf({ dataIndex: "2" })).toBe(-1);
});

test("tooltip lines carry a colour dot only when given a colour", () => {
  const line = tooltipLine("#0072B2", "Flaky tests", "6.7 h");
  expect(line).toContain("background:#0072B2");
  expect(line.replace(/<[^>]+>/g, "")).toBe("Flaky tests6.7 h");
  expect(tooltipLine(null, "Total", "1 h")).not.toContain("background");
  expect(tooltipTitle("Week of 9 Nov 2026").replace(/<[^>]+>/g, "")).toBe("Week of 9 Nov 2026");
});

test("zero bars are gaps", () => {
  expect([0, 1.5, -0, 2].map(barValue)).toEqual([null, 1.5, null, 2]);
});
