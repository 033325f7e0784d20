// Types only: the runtime comes from ../echarts.ts, trimmed.
import type {
  DefaultLabelFormatterCallbackParams as CallbackDataParams,
  TooltipComponentFormatterCallbackParams as TopLevelFormatterParams,
} from "echarts";
import { countOf } from "../../format/counts.ts";
import { weekLabel, weekLabelWithYear } from "../../format/weeks.ts";
import type { EChartsOption } from "../echarts.ts";
import { chartInk, okabeIto } from "../palette.ts";

export interface WeekDeployments {
  /** Monday of the week, as the organisation's local date: "2026-11-16". */
  bucketStart: string;
  deployments: number;
}

/** "Week of 16 Nov 2026: 12 deployments" */
export function deploymentsWeekTooltip(week: WeekDeployments): string {
  return `Week of ${weekLabelWithYear(week.bucketStart)}: ${countOf(week.deployments, "deployment")}`;
}

/** Successful deployments per week as bars, one per week bucket. */
export function deploymentsPerWeekOption(series: WeekDeployments[]): EChartsOption {
  const tooltips = series.map(deploymentsWeekTooltip);
  return {
    color: [okabeIto.blue],
    animationDuration: 300,
    grid: { left: 8, right: 16, top: 16, bottom: 8, outerBoundsMode: "same", outerBoundsContain: "axisLabel" },
    tooltip: {
      trigger: "axis",
      axisPointer: { type: "shadow" },
      backgroundColor: chartInk.tooltipBackground,
      borderColor: chartInk.axisLine,
      textStyle: { color: chartInk.text, fontSize: 13 },
      formatter: (params: TopLevelFormatterParams) => tooltips[firstDataIndex(params)] ?? "",
    },
    xAxis: {
      type: "category",
      data: series.map((w) => weekLabel(w.bucketStart)),
      axisTick: { alignWithLabel: true },
      axisLine: { lineStyle: { color: chartInk.axisLine } },
      axisLabel: { color: chartInk.mutedText, fontSize: 12, hideOverlap: true },
    },
    yAxis: {
      type: "value",
      // Deployments are whole: never a tick at 0.5.
      minInterval: 1,
      axisLabel: { color: chartInk.mutedText, fontSize: 12 },
      splitLine: { lineStyle: { color: chartInk.gridLine } },
    },
    series: [
      {
        type: "bar",
        name: "Successful deployments",
        data: series.map((w) => w.deployments),
        barMaxWidth: 36,
        itemStyle: { borderRadius: [3, 3, 0, 0] },
        emphasis: { itemStyle: { color: okabeIto.skyBlue } },
      },
    ],
  };
}

function firstDataIndex(params: TopLevelFormatterParams): number {
  const first: CallbackDataParams | undefined = Array.isArray(params) ? params[0] : params;
  return first?.dataIndex ?? -1;
}
