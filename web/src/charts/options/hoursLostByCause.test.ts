import { expect, test } from "vitest";
import { COST_AVOIDED_LABEL, hoursLostByCauseOption, hoursLostChartLabel, hoursLostWeekTooltip, type HoursLostWeek } from "./hoursLostByCause.ts";

const weeks: HoursLostWeek[] = [
  { bucketStart: "2026-11-02", flakyTests: 5.49, changeFailures: 14.85, rework: 4, total: 24.34, costUsd: 2435.24 },
  { bucketStart: "2026-11-09", flakyTests: 6.7, changeFailures: 20.04, rework: 12, total: 38.74, costUsd: 3852.41 },
];

type Series = { type: string; name: string; stack?: string; yAxisIndex?: number; data: unknown[] };
const seriesOf = (option: ReturnType<typeof hoursLostByCauseOption>) => option.series as Series[];

test("stacks the three causes per week, in hours", () => {
  const option = hoursLostByCauseOption(weeks);
  const series = seriesOf(option);
  expect(series.map((s) => [s.type, s.name, s.stack])).toEqual([
    ["bar", "Flaky tests", "hours"],
    ["bar", "Change failures", "hours"],
    ["bar", "Rework", "hours"],
  ]);
  expect(series[1]?.data).toEqual([14.85, 20.04]);
  // A cause with no hours in a week is a gap, not a hairline.
  expect(seriesOf(hoursLostByCauseOption([{ ...weeks[0], rework: 0 } as HoursLostWeek])).at(2)?.data).toEqual([null]);
  expect((option.xAxis as { data: string[] }).data).toEqual(["2 Nov", "9 Nov"]);
  const axes = option.yAxis as { axisLabel: { formatter: (v: number) => string } }[];
  expect(axes).toHaveLength(1);
  expect(axes[0]?.axisLabel.formatter(20)).toBe("20 h");
});

test("with cost avoided, adds a line on a dollar axis", () => {
  const option = hoursLostByCauseOption(weeks, [1200.5, 2730.91]);
  const line = seriesOf(option).at(-1);
  expect(line).toMatchObject({ type: "line", name: COST_AVOIDED_LABEL, yAxisIndex: 1, data: [1200.5, 2730.91] });
  const axes = option.yAxis as { axisLabel: { formatter: (v: number) => string } }[];
  expect(axes[1]?.axisLabel.formatter(2500)).toBe("$2,500");
  // A series of the wrong length is a bug upstream: no line rather than a shifted one.
  expect(seriesOf(hoursLostByCauseOption(weeks, [1]))).toHaveLength(3);
});

test("the tooltip gives each cause, the total with its cost and the avoided cost so far", () => {
  const text = hoursLostWeekTooltip(weeks[1] as HoursLostWeek, 2730.91)
    .replace(/<[^>]+>/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  expect(text).toBe("Week of 9 Nov 2026 Flaky tests 6.7 h Change failures 20.0 h Rework 12.0 h Total 38.7 h ($3,852.41) Cost avoided so far $2,730.91");
  const option = hoursLostByCauseOption(weeks);
  const formatter = (option.tooltip as { formatter: (p: unknown) => string }).formatter;
  expect(formatter([{ dataIndex: 0 }])).toContain("Week of 2 Nov 2026");
  expect(formatter([])).toBe("");
});

test("the accessible label names the span and the worst week", () => {
  expect(hoursLostChartLabel(weeks, 2730.91)).toBe(
    "Stacked bar chart of engineering hours lost per week by cause (flaky tests, change failures, rework), " +
      "from the week of 2 Nov 2026 to the week of 9 Nov 2026. Most lost: the week of 9 Nov 2026, 38.7 h ($3,852.41). " +
      "A line shows the cost avoided by fixed flaky tests, reaching $2,730.91.",
  );
  expect(hoursLostChartLabel([])).toBe("Bar chart of engineering hours lost per week: no weeks to show.");
});
