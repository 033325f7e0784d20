// The Overview's weekly trend of each DORA metric, from the same dora.summary answer as its tiles
// (doraView.ts): what each chart plots, its colour, and a note per week.
import type { TrendPoint, TrendUnit } from "../../charts/options/doraTrend.ts";
import { okabeIto } from "../../charts/palette.ts";
import { countOf, formatCount } from "@keel/shared/numbers";
import { dateLabel } from "@keel/shared/calendar";
import { METRIC_KEYS, SERIES_VALUE, weekIsPartial, type DoraMetrics, type MetricKey } from "./doraView.ts";

export interface Trend {
  key: MetricKey;
  title: string;
  /** What the y axis measures, said under the title. */
  caption: string;
  unit: TrendUnit;
  color: string;
  points: TrendPoint[];
}

const TREND: Record<MetricKey, { title: string; caption: string; unit: TrendUnit; color: string }> = {
  deploymentFrequency: { title: "Deployments per week", caption: "Successful deployments", unit: "count", color: okabeIto.blue },
  leadTime: { title: "Lead time per week", caption: "Median hours from commit to deployment", unit: "hours", color: okabeIto.orange },
  changeFailureRate: {
    title: "Change failure rate per week",
    caption: "Share of deployments that caused a failure",
    unit: "fraction",
    color: okabeIto.vermillion,
  },
  recoveryTime: {
    title: "Recovery time per week",
    caption: "Median hours from incident opened to resolved, by week resolved",
    unit: "hours",
    color: okabeIto.bluishGreen,
  },
  reworkRate: { title: "Rework rate per week", caption: "Share of deployments that were rollbacks or fixes", unit: "fraction", color: okabeIto.reddishPurple },
};

const NOTE: Record<MetricKey, (b: DoraMetrics["series"][number]) => string> = {
  deploymentFrequency: (b) => `on ${countOf(b.deployDays, "day")}`,
  leadTime: (b) => `median of ${countOf(b.changes, "change")}`,
  changeFailureRate: (b) => `${formatCount(b.failedDeployments)} of ${countOf(b.deployments, "deployment")} failed`,
  recoveryTime: (b) => `median of ${countOf(b.incidents, "resolved incident")}`,
  reworkRate: (b) => `${formatCount(b.reworkDeployments)} of ${countOf(b.deployments, "deployment")}`,
};

export function doraTrends(report: DoraMetrics): Trend[] {
  return METRIC_KEYS.map((key) => ({
    key,
    ...TREND[key],
    points: report.series.map((b) => ({
      bucketStart: b.bucketStart,
      value: SERIES_VALUE[key](b),
      partial: weekIsPartial(b.bucketStart, report.window.to, report.timeZone),
      note: NOTE[key](b),
    })),
  }));
}

/** The chart's accessible name: what it plots, over which weeks, and the latest value. */
export function trendLabel(trend: Trend, valueOf: (v: number) => string): string {
  const first = trend.points[0];
  const last = trend.points.at(-1);
  if (!first || !last) return `Line chart of ${trend.title.toLowerCase()}: no weeks to show.`;
  const latest = [...trend.points].reverse().find((p) => p.value !== null && !p.partial);
  return (
    `Line chart of ${trend.title.toLowerCase()} from the week of ${dateLabel(first.bucketStart)} to the week of ${dateLabel(last.bucketStart)}.` +
    (latest && latest.value !== null ? ` Latest full week (${dateLabel(latest.bucketStart)}): ${valueOf(latest.value).replace(/\u00a0/g, " ")}.` : "")
  );
}
