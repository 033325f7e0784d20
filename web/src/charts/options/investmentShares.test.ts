import { expect, test } from "vitest";
import { investmentChartLabel, investmentSharesOption, shareWeekTooltip, type ShareWeek } from "./investmentShares.ts";

const weeks: ShareWeek[] = [
  { bucketStart: "2026-11-02", changes: 48, shares: { feature: 0.3958, debt: 0.25, bug: 0.2292, unplanned: 0.0208, other: 0.1042 } },
  { bucketStart: "2026-11-09", changes: 0, shares: { feature: null, debt: null, bug: null, unplanned: null, other: null } },
];

type Series = { name: string; stack: string; data: (number | null)[]; markLine?: { data: { yAxis: number }[]; label: { formatter: string } } };

test("stacks the categories in percent, debt first and unclassified last, with the target on debt", () => {
  const option = investmentSharesOption(weeks, 0.2);
  const series = option.series as Series[];
  expect(series.map((s) => s.name)).toEqual(["Debt", "Feature", "Bug", "Unplanned", "Unclassified"]);
  expect(series.every((s) => s.stack === "share")).toBe(true);
  expect(series[0]?.data).toEqual([25, null]);
  expect(series[4]?.data).toEqual([10.4, null]);
  expect(series[0]?.markLine?.data).toEqual([{ yAxis: 20 }]);
  expect(series[0]?.markLine?.label.formatter).toBe("Target\n20.0%");
  expect(series.slice(1).every((s) => s.markLine === undefined)).toBe(true);
  const axis = option.yAxis as { max: number; axisLabel: { formatter: (v: number) => string } };
  expect(axis.max).toBe(100);
  expect(axis.axisLabel.formatter(25)).toBe("25%");
});

test("the tooltip lists every category, and says so for a week without changes", () => {
  const text = (html: string) =>
    html
      .replace(/<[^>]+>/g, " ")
      .replace(/\s+/g, " ")
      .trim();
  expect(text(shareWeekTooltip(weeks[0] as ShareWeek, 0.2))).toBe(
    "Week of 2 Nov 2026: 48 changes Debt 25.0% Feature 39.6% Bug 22.9% Unplanned 2.1% Unclassified 10.4% Debt target 20.0%",
  );
  expect(text(shareWeekTooltip(weeks[1] as ShareWeek, 0.2))).toBe("Week of 9 Nov 2026: 0 changes No changes this week.");
});

test("the accessible label", () => {
  expect(investmentChartLabel("Payments", weeks, 0.2, 0.2762)).toBe(
    "Stacked bar chart of Payments' changes per week by category (debt, feature, bug, unplanned, unclassified), " +
      "from the week of 2 Nov 2026 to the week of 9 Nov 2026, with the debt target of 20.0% as a dashed line. " +
      "Over these weeks, 27.6% of its changes were debt.",
  );
  expect(investmentChartLabel("Payments", [], 0.2, null)).toBe("Chart of Payments' changes by category: no weeks to show.");
});
