import type { DefaultLabelFormatterCallbackParams, TooltipComponentFormatterCallbackParams } from "echarts";
import { expect, test } from "vitest";
import type { EChartsOption } from "../echarts.ts";
import { doraTrendOption, trendAxisLabel, trendTooltip, trendValueText, type TrendPoint, type TrendSpec } from "./doraTrend.ts";

const points: TrendPoint[] = [
  { bucketStart: "2026-11-02", value: 0.05, partial: false, note: "2 of 40 deployments" },
  { bucketStart: "2026-11-09", value: null, partial: false, note: "0 deployments" },
  { bucketStart: "2026-11-16", value: 0.1, partial: true, note: "1 of 10 deployments" },
];
const spec: TrendSpec = { name: "Change failure rate", unit: "fraction", color: "#D55E00" };
const plain = (s: string) => s.replace(/\u00a0/g, " ");

function single<T>(part: T | T[] | undefined): T {
  const value = Array.isArray(part) ? part[0] : part;
  if (value === undefined) throw new Error("missing option part");
  return value;
}

function tooltipAt(option: EChartsOption, dataIndex: number): unknown {
  const formatter = single(option.tooltip)?.formatter;
  if (typeof formatter !== "function") throw new Error("tooltip formatter is not a function");
  const params = [{ dataIndex } as DefaultLabelFormatterCallbackParams] satisfies TooltipComponentFormatterCallbackParams;
  return formatter(params, "", () => undefined);
}

test("one point per week, gaps where a week has no value, the unfinished week hollow", () => {
  const series = single(doraTrendOption(points, spec).series);
  expect(series.type).toBe("line");
  expect(series).toMatchObject({ connectNulls: false });
  expect(series.data).toEqual([0.05, null, { value: 0.1, symbol: "emptyCircle", symbolSize: 8 }]);
});

test("weeks are labelled by their Monday; the y axis starts at zero and names its unit", () => {
  const option = doraTrendOption(points, spec);
  expect(single(option.xAxis)).toMatchObject({ type: "category", data: ["2 Nov", "9 Nov", "16 Nov"] });
  const yAxis = single(option.yAxis) as { min: number; axisLabel: { formatter: (v: number) => string } };
  expect(yAxis.min).toBe(0);
  expect(plain(yAxis.axisLabel.formatter(0.15))).toBe("15%");
});

test("counts never get half ticks", () => {
  expect(single(doraTrendOption(points, { ...spec, unit: "count" }).yAxis)).toMatchObject({ minInterval: 1 });
  expect(single(doraTrendOption(points, spec).yAxis)).not.toHaveProperty("minInterval");
});

test("the tooltip names the week, the value in its unit and what it rests on", () => {
  const option = doraTrendOption(points, spec);
  expect(plain(String(tooltipAt(option, 0)))).toBe("Week of 2 Nov 2026<br/>Change failure rate: <strong>5.0%</strong><br/>2 of 40 deployments");
  expect(plain(String(tooltipAt(option, 1)))).toContain("no value");
  expect(plain(String(tooltipAt(option, 2)))).toContain("Week of 16 Nov 2026 (so far)");
  expect(tooltipAt(option, 9)).toBe("");
});

test.each([
  [3.46, "hours", "3.5 h", "3.5 h"],
  [120, "hours", "5 days", "120 h"],
  [0.081, "fraction", "8.1%", "8.1%"],
  [1234, "count", "1,234", "1,234"],
] as const)("%d %s reads %s (axis %s)", (value, unit, text, axis) => {
  expect(plain(trendValueText(value, unit))).toBe(text);
  expect(plain(trendAxisLabel(value, unit))).toBe(axis);
});

test("an empty series gives an empty chart, and the builder is pure", () => {
  expect(single(doraTrendOption([], spec).series).data).toEqual([]);
  const copy = structuredClone(points);
  expect(JSON.stringify(doraTrendOption(points, spec))).toBe(JSON.stringify(doraTrendOption(copy, spec)));
  expect(points).toEqual(copy);
  expect(plain(trendTooltip(points[0] as TrendPoint, { ...spec, unit: "count", name: "Deployments" }))).toContain("<strong>0</strong>");
});
