// One DORA metric by week as a line: a point per week bucket, gaps where a week has no value (no
// deployments, no resolved incidents), and the current, unfinished week drawn hollow. Types only
// from ECharts: the runtime comes from ../echarts.ts.
import { formatCount, formatDuration, formatPercent, formatPercentTick, formatShort, NBSP } from "@keel/shared/numbers";
import type { EChartsOption } from "../echarts.ts";
import { chartInk } from "../palette.ts";
import { weekLabel } from "@keel/shared/calendar";
import { categoryAxisStyle, dataIndexOf, tooltipBox, valueAxisLabel, valueAxisSplitLine } from "./chartParts.ts";
import { weekOf } from "./weeklyBars.ts";

export type TrendUnit = "count" | "hours" | "fraction";

export interface TrendPoint {
  /** Monday of the week, as the organisation's local date: "2026-11-16". */
  bucketStart: string;
  value: number | null;
  /** The week is not over yet (the window ends inside it). */
  partial: boolean;
  /** What the value rests on: "3 of 37 deployments". */
  note: string;
}

export interface TrendSpec {
  /** What is plotted, for the tooltip: "Change failure rate". */
  name: string;
  unit: TrendUnit;
  color: string;
  /** A goal's target, drawn as a dashed horizontal line (in the chart's unit). */
  target?: { value: number; label: string };
}

/** A value in its unit, as the tiles write it: "8.1%", "19 h", "37". */
export function trendValueText(value: number, unit: TrendUnit): string {
  if (unit === "fraction") return formatPercent(value);
  if (unit === "hours") return formatDuration(value);
  return formatCount(value);
}

/** An axis tick: "8%", "12 h", "40". */
export function trendAxisLabel(value: number, unit: TrendUnit): string {
  if (unit === "fraction") return formatPercentTick(value);
  if (unit === "hours") return `${formatShort(value)}${NBSP}h`;
  return formatCount(value);
}

/** "Week of 16 Nov 2026 (so far): 8.1%, 3 of 37 deployments" */
export function trendTooltip(point: TrendPoint, spec: TrendSpec): string {
  const week = `${weekOf(point)}${point.partial ? " (so far)" : ""}`;
  const value = point.value === null ? "no value" : trendValueText(point.value, spec.unit);
  return `${week}<br/>${spec.name}: <strong>${value}</strong>${point.note ? `<br/>${point.note}` : ""}`;
}

export function doraTrendOption(points: TrendPoint[], spec: TrendSpec): EChartsOption {
  const tooltips = points.map((p) => trendTooltip(p, spec));
  return {
    color: [spec.color],
    // Five small charts drawn at once: no entrance animation, so they are readable (and the page
    // interactive) at once.
    animation: false,
    grid: { left: 8, right: 20, top: 16, bottom: 8, outerBoundsMode: "same", outerBoundsContain: "axisLabel" },
    tooltip: {
      ...tooltipBox,
      trigger: "axis",
      axisPointer: { type: "line", lineStyle: { color: chartInk.axisLine } },
      formatter: (params: unknown) => tooltips[dataIndexOf(params)] ?? "",
    },
    xAxis: { type: "category", boundaryGap: false, data: points.map((p) => weekLabel(p.bucketStart)), ...categoryAxisStyle },
    yAxis: {
      type: "value",
      min: 0,
      // A goal's target line stays inside the chart even when every week is better than it.
      ...(spec.target && spec.target.value > Math.max(0, ...points.map((p) => p.value ?? 0)) ? { max: spec.target.value * 1.2 } : {}),
      // Counts are whole: never a tick at 0.5.
      ...(spec.unit === "count" ? { minInterval: 1 } : {}),
      axisLabel: { ...valueAxisLabel, formatter: (value: number) => trendAxisLabel(value, spec.unit) },
      splitLine: valueAxisSplitLine,
    },
    series: [
      {
        type: "line",
        name: spec.name,
        connectNulls: false,
        symbol: "circle",
        symbolSize: 6,
        lineStyle: { width: 2 },
        areaStyle: { opacity: 0.08 },
        emphasis: { focus: "none" },
        // The unfinished week: a hollow point, so a low count reads as "so far", not as a drop.
        data: points.map((p) => (p.partial ? { value: p.value, symbol: "emptyCircle", symbolSize: 8 } : p.value)),
        ...(spec.target
          ? {
              markLine: {
                silent: true,
                symbol: "none",
                lineStyle: { type: "dashed", color: chartInk.text, width: 1.5 },
                label: { formatter: spec.target.label, position: "insideEndTop", color: chartInk.text, fontSize: 11 },
                data: [{ yAxis: spec.target.value, name: spec.target.label }],
              },
            }
          : {}),
      },
    ],
  };
}
