// One flaky test's weekly history: its flaky failures per week, split into those that blocked a
// build (made the attempt fail) and those a retry inside the same run absorbed.
import { countOf, formatCount, formatHours } from "@keel/shared/numbers";
import type { EChartsOption } from "../echarts.ts";
import { okabeIto } from "../palette.ts";
import { barValue, gridWithLegend, tooltipLine, tooltipTitle } from "./chartParts.ts";
import { stackedBar, valueAxis, weekOf, weeklyBarsFrame, weekSpan } from "./weeklyBars.ts";

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
    tooltipTitle(weekOf(week)),
    tooltipLine(BLOCKING.color, BLOCKING.label, String(week.blockingFailures)),
    tooltipLine(ABSORBED.color, ABSORBED.label, String(week.flakyFailures - week.blockingFailures)),
    tooltipLine(null, "Hours lost", formatHours(week.hoursLost)),
  ].join("");
}

export function flakyHistoryOption(weeks: FlakyWeek[]): EChartsOption {
  const tooltips = weeks.map(flakyWeekTooltip);
  const bar = (layer: { label: string; color: string }, count: (w: FlakyWeek) => number) =>
    stackedBar(
      "failures",
      layer,
      weeks.map((w) => barValue(count(w))),
      { barMaxWidth: 24, focus: false },
    );
  return {
    ...weeklyBarsFrame(weeks, tooltips),
    grid: { ...gridWithLegend, top: 40, right: 16 },
    yAxis: { ...valueAxis(), minInterval: 1 },
    series: [bar(BLOCKING, (w) => w.blockingFailures), bar(ABSORBED, (w) => w.flakyFailures - w.blockingFailures)],
  };
}

export function flakyHistoryLabel(testName: string, weeks: FlakyWeek[]): string {
  const span = weekSpan(weeks);
  if (span === null) return `Chart of the flaky failures per week of ${testName}: no weeks to show.`;
  const flaky = weeks.reduce((n, w) => n + w.flakyFailures, 0);
  const blocking = weeks.reduce((n, w) => n + w.blockingFailures, 0);
  const active = weeks.filter((w) => w.flakyFailures > 0).length;
  return (
    `Bar chart of the flaky failures per week of ${testName}, ${span}: ` +
    `${countOf(flaky, "flaky failure")} in ${countOf(active, "week")}, ` +
    `${formatCount(blocking)} of them blocking a build.`
  );
}
