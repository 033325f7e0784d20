import { expect, test } from "vitest";
import type { EChartsOption } from "./echarts.ts";
import { needsMoreParts } from "./echartsCore.ts";

test.each<[string, EChartsOption, boolean]>([
  ["a line chart", { color: ["#000"], grid: {}, series: [{ type: "line", data: [1, 2] }], tooltip: {}, xAxis: {}, yAxis: {} }, false],
  ["a single line series", { series: { type: "line", data: [] } }, false],
  ["no series", {}, false],
  ["an option key set to undefined", { legend: undefined, series: [{ type: "line" }] } as EChartsOption, false],
  ["a bar chart", { series: [{ type: "line" }, { type: "bar" }] }, true],
  ["a legend", { legend: {}, series: [{ type: "line" }] }, true],
  ["a mark line", { series: [{ type: "line", markLine: { data: [{ yAxis: 0.2 }] } }] }, true],
])("%s needs more than the first tier: %s", (_name, option, expected) => {
  expect(needsMoreParts(option)).toBe(expected);
});
