import type { DefaultLabelFormatterCallbackParams, TooltipComponentFormatterCallbackParams } from "echarts";
import { expect, test } from "vitest";
import type { EChartsOption } from "../echarts.ts";
import { deploymentsPerWeekOption, deploymentsWeekTooltip, type WeekDeployments } from "./deploymentsPerWeek.ts";

const weeks: WeekDeployments[] = [
  { bucketStart: "2026-11-02", deployments: 0 },
  { bucketStart: "2026-11-09", deployments: 1 },
  { bucketStart: "2026-11-16", deployments: 12 },
];

// The option's parts are unions (object or array); these read the single one this builder makes.
function single<T>(part: T | T[] | undefined): T {
  const value = Array.isArray(part) ? part[0] : part;
  if (value === undefined) throw new Error("missing option part");
  return value;
}

function tooltipAt(option: EChartsOption, dataIndex: number): unknown {
  const formatter = single(option.tooltip)?.formatter;
  if (typeof formatter !== "function") throw new Error("tooltip formatter is not a function");
  // The axis tooltip passes one entry per series; only dataIndex matters here.
  const params = [{ dataIndex } as DefaultLabelFormatterCallbackParams] satisfies TooltipComponentFormatterCallbackParams;
  return formatter(params, "", () => undefined);
}

test("one bar per week, in order, with the counts as data", () => {
  const option = deploymentsPerWeekOption(weeks);
  const series = single(option.series);
  expect(series.type).toBe("bar");
  expect(series.data).toEqual([0, 1, 12]);
});

test("weeks are labelled by their Monday, day and short month", () => {
  const xAxis = single(option().xAxis);
  expect(xAxis).toMatchObject({ type: "category", data: ["2 Nov", "9 Nov", "16 Nov"] });
});

test("the y axis counts whole deployments", () => {
  expect(single(option().yAxis)).toMatchObject({ type: "value", minInterval: 1 });
});

test("the tooltip names the week with its year and pluralises", () => {
  const built = option();
  expect(tooltipAt(built, 2)).toBe("Week of 16 Nov 2026: 12 deployments");
  expect(tooltipAt(built, 1)).toBe("Week of 9 Nov 2026: 1 deployment");
  expect(tooltipAt(built, 0)).toBe("Week of 2 Nov 2026: 0 deployments");
  expect(tooltipAt(built, 7)).toBe("");
});

test("a single tooltip sentence reads plainly", () => {
  expect(deploymentsWeekTooltip({ bucketStart: "2026-11-16", deployments: 1234 })).toBe("Week of 16 Nov 2026: 1,234 deployments");
});

test("an empty series gives an empty chart, not an error", () => {
  const empty = deploymentsPerWeekOption([]);
  expect(single(empty.series).data).toEqual([]);
  expect(single(empty.xAxis)).toMatchObject({ data: [] });
});

test("the builder is pure: same input, equal output, input untouched", () => {
  const copy = structuredClone(weeks);
  expect(JSON.stringify(deploymentsPerWeekOption(weeks))).toBe(JSON.stringify(deploymentsPerWeekOption(copy)));
  expect(weeks).toEqual(copy);
});

function option(): EChartsOption {
  return deploymentsPerWeekOption(weeks);
}
