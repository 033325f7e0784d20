// Engineering hours lost per week, stacked by cause (flaky tests, change failures, rework), and
// optionally the cumulative cost avoided since fixes as a line on a dollar axis.
import { formatHours, formatUsdCents, formatUsdWhole } from "@keel/shared/numbers";
import type { EChartsOption } from "../echarts.ts";
import { okabeIto } from "../palette.ts";
import { barValue, gridWithLegend, tooltipLine, tooltipTitle } from "./chartParts.ts";
import { stackedBar, valueAxis, weekOf, weeklyBarsFrame, weekSpan } from "./weeklyBars.ts";
import { dateLabel } from "@keel/shared/calendar";

export const HOURS_LOST_CAUSES = [
  { key: "flakyTests", label: "Flaky tests", color: okabeIto.blue },
  { key: "changeFailures", label: "Change failures", color: okabeIto.vermillion },
  { key: "rework", label: "Rework", color: okabeIto.orange },
] as const;

/** One week's hours per cause, their total and its cost. */
export type HoursLostWeek = Record<(typeof HOURS_LOST_CAUSES)[number]["key"] | "total" | "costUsd", number> & {
  /** Monday of the week, as the organisation's local date. */
  bucketStart: string;
};

export const COST_AVOIDED_LABEL = "Cost avoided by fixed flaky tests (cumulative)";
const AVOIDED_COLOR = okabeIto.bluishGreen;

/** The tooltip of one week: each cause's hours, the total with its cost, and the avoided cost so far. */
export function hoursLostWeekTooltip(week: HoursLostWeek, avoided?: number | null): string {
  return [
    tooltipTitle(weekOf(week)),
    ...HOURS_LOST_CAUSES.map((c) => tooltipLine(c.color, c.label, formatHours(week[c.key]))),
    tooltipLine(null, "Total", `${formatHours(week.total)} (${formatUsdCents(week.costUsd)})`),
    ...(avoided === undefined || avoided === null ? [] : [tooltipLine(AVOIDED_COLOR, "Cost avoided so far", formatUsdCents(avoided))]),
  ].join("");
}

/**
 * Stacked weekly bars of hours lost by cause; with `avoided` (one cumulative dollar value per
 * week), a line on a second axis in dollars.
 */
export function hoursLostByCauseOption(weeks: HoursLostWeek[], avoided?: (number | null)[]): EChartsOption {
  const withAvoided = avoided !== undefined && avoided.length === weeks.length;
  const tooltips = weeks.map((w, i) => hoursLostWeekTooltip(w, withAvoided ? avoided[i] : undefined));
  return {
    ...weeklyBarsFrame(weeks, tooltips),
    grid: { ...gridWithLegend, right: withAvoided ? 8 : 16 },
    yAxis: [
      valueAxis((v) => `${v} h`),
      ...(withAvoided ? [{ ...valueAxis((v) => formatUsdWhole(v)), position: "right" as const, splitLine: { show: false } }] : []),
    ],
    series: [
      ...HOURS_LOST_CAUSES.map((c) =>
        stackedBar(
          "hours",
          c,
          weeks.map((w) => barValue(w[c.key])),
        ),
      ),
      ...(withAvoided
        ? [
            {
              type: "line" as const,
              name: COST_AVOIDED_LABEL,
              yAxisIndex: 1,
              color: AVOIDED_COLOR,
              symbol: "circle",
              symbolSize: 6,
              lineStyle: { width: 2.5 },
              connectNulls: true,
              data: avoided,
            },
          ]
        : []),
    ],
  };
}

/** The chart's accessible name: what it plots, over which weeks, and the worst week. */
export function hoursLostChartLabel(weeks: HoursLostWeek[], avoidedTotal?: number): string {
  const span = weekSpan(weeks);
  if (span === null) return "Bar chart of engineering hours lost per week: no weeks to show.";
  const worst = weeks.reduce((max, w) => (w.total > max.total ? w : max));
  const avoided = avoidedTotal === undefined ? "" : ` A line shows the cost avoided by fixed flaky tests, reaching ${formatUsdCents(avoidedTotal)}.`;
  return (
    `Stacked bar chart of engineering hours lost per week by cause (flaky tests, change failures, rework), ` +
    `${span}. ` +
    `Most lost: the week of ${dateLabel(worst.bucketStart)}, ${formatHours(worst.total)} (${formatUsdCents(worst.costUsd)}).${avoided}`
  );
}
