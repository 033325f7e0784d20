// One flaky test's weekly history: its flaky failures per week, split into those that blocked a
// build (made the attempt fail) and those a retry inside the same run absorbed.
import { countOf, formatCount, formatHours } from "@keel/shared/numbers";
import type { EChartsOption } from "../echarts.ts";
import { okabeIto } from "../palette.ts";
import {
  barValue,
  categoryAxisStyle,
  dataIndexOf,
  gridWithLegend,
  legendStyle,
  tooltipBox,
  tooltipLine,
  tooltipTitle,
  valueAxisLabel,
  valueAxisSplitLine,
} from "./chartParts.ts";
import { dateLabel, weekLabel } from "../../format/calendar.ts";

export interface FlakyWeek {
  bucketStart: string;
  flakyFailures: number;
  blockingFailures: number;
  hoursLost: number;
}

const BLOCKING = { label: "Blocking failures", color: okabeIto.vermillion };
const ABSORBED = { label: "Retried in the same run", color: okabeIto.skyBlue };

export function flakyWeekTooltip(week: FlakyWeek): string {
  return [
    tooltipTitle(`Week of ${dateLabel(week.bucketStart)}`),
    tooltipLine(BLOCKING.color, BLOCKING.label, String(week.blockingFailures)),
    tooltipLine(ABSORBED.color, ABSORBED.label, String(week.flakyFailures - week.blockingFailures)),
    tooltipLine(null, "Hours lost", formatHours(week.hoursLost)),
  ].join("");
}

export function flakyHistoryOption(weeks: FlakyWeek[]): EChartsOption {
  const tooltips = weeks.map(flakyWeekTooltip);
  return {
    animationDuration: 300,
    grid: { ...gridWithLegend, top: 40, right: 16 },
    legend: { ...legendStyle },
    tooltip: {
      ...tooltipBox,
      trigger: "axis",
      axisPointer: { type: "shadow" },
      formatter: (params: unknown) => tooltips[dataIndexOf(params)] ?? "",
    },
    xAxis: { type: "category", data: weeks.map((w) => weekLabel(w.bucketStart)), ...categoryAxisStyle },
    yAxis: {
      type: "value",
      min: 0,
      minInterval: 1,
      axisLabel: { ...valueAxisLabel },
      splitLine: valueAxisSplitLine,
    },
    series: [
      { ...BLOCKING, key: "blocking" as const },
      { ...ABSORBED, key: "absorbed" as const },
    ].map((s) => ({
      type: "bar" as const,
      name: s.label,
      stack: "failures",
      color: s.color,
      barMaxWidth: 24,
      itemStyle: { borderColor: "#ffffff", borderWidth: 1 },
      data: weeks.map((w) => barValue(s.key === "blocking" ? w.blockingFailures : w.flakyFailures - w.blockingFailures)),
    })),
  };
}

export function flakyHistoryLabel(testName: string, weeks: FlakyWeek[]): string {
  const first = weeks[0];
  const last = weeks.at(-1);
  if (!first || !last) return `Chart of the flaky failures per week of ${testName}: no weeks to show.`;
  const flaky = weeks.reduce((n, w) => n + w.flakyFailures, 0);
  const blocking = weeks.reduce((n, w) => n + w.blockingFailures, 0);
  const active = weeks.filter((w) => w.flakyFailures > 0).length;
  return (
    `Bar chart of the flaky failures per week of ${testName}, from the week of ${dateLabel(first.bucketStart)} ` +
    `to the week of ${dateLabel(last.bucketStart)}: ${countOf(flaky, "flaky failure")} in ${countOf(active, "week")}, ` +
    `${formatCount(blocking)} of them blocking a build.`
  );
}
