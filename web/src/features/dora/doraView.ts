// The Overview's words and figures, from one dora.summary answer: the tiles (value in plain units,
// level, change against the previous period coloured by what is good for that metric). Every figure
// comes from that answer, so the page shows exactly what GET /api/v1/metrics/dora says for the same
// window. The weekly trends are in doraTrends.ts, the data-quality note in doraQuality.ts.
import type { DoraLevel } from "@keel/shared";
import type { DoraMetrics } from "./apiTypes.ts";
import { countOf, formatCount, formatDecimal, formatDuration, formatPercent, formatPoints, formatShort, NBSP } from "@keel/shared/numbers";
import { addDays, localDate, dateLabel } from "@keel/shared/calendar";
import { DORA_METRIC_KEYS, METRICS, type DoraMetricKey } from "@keel/shared/metricCatalogue";
import { attributionWindowText } from "../records/attributionText.ts";

export type { DoraMetrics };
export type MetricKey = DoraMetricKey;
export const METRIC_KEYS: readonly MetricKey[] = DORA_METRIC_KEYS;

/** better/worse for this metric's direction; same when the shown difference rounds to nothing; none without a comparison. */
export type Tone = "better" | "worse" | "same" | "none";

export interface TileValue {
  /** The number: "4.2", "19", "8.1". */
  figure: string;
  /** What it counts: "per day", "h median", "%". */
  unit: string;
}

export interface TileChange {
  tone: Tone;
  /** "▲ 1.2 pts", "▼ 2.5 h", or a phrase when there is nothing to compare. */
  text: string;
  /** The previous period's value in the tile's unit: "6.9%"; null when it had none. */
  previous: string | null;
  /** The whole comparison in words, for screen readers and the tooltip. */
  sentence: string;
}

export interface Tile {
  key: MetricKey;
  title: string;
  /** Null: nothing to measure (no deployments, no resolved incidents). */
  value: TileValue | null;
  /** Null for rework rate (no published levels) or when there is no value. */
  level: DoraLevel | null;
  hasLevel: boolean;
  change: TileChange;
  /** What the value rests on: "312 deployments · 5 deploy days a week (median)". */
  detail: string;
  /** The weekly values behind the sparkline, oldest first. */
  spark: (number | null)[];
  /** The last week is not over yet. */
  lastWeekPartial: boolean;
}

const DAY = 1;
const WEEK = 7;
const MONTH = 30;

/** Deployments per day in the unit that reads best: per day when at least daily, else per week, else per month. */
export function frequencyUnit(perDay: number): { factor: number; unit: string } {
  if (perDay >= 1) return { factor: DAY, unit: "per day" };
  if (perDay >= 1 / 7) return { factor: WEEK, unit: "per week" };
  return { factor: MONTH, unit: "per month" };
}

/** "19 h" → { figure: "19", unit: "h" } (formatters put a no-break space before a unit); "8.1%" → { figure: "8.1", unit: "%" }. */
function split(text: string, suffix = ""): TileValue {
  const at = text.endsWith("%") ? text.length - 1 : text.lastIndexOf(NBSP);
  const figure = at < 0 ? text : text.slice(0, at);
  const unit = at < 0 ? "" : text.slice(text.endsWith("%") ? at : at + 1);
  return { figure, unit: suffix ? `${unit} ${suffix}` : unit };
}

/** What comes between a tile's figure and its unit: nothing before "%" ("8.1%"), else a no-break space ("19 h"). */
export function unitGap(unit: string): string {
  return unit === "%" ? "" : NBSP;
}

export function valueText(value: TileValue | null): string {
  return value ? `${value.figure}${unitGap(value.unit)}${value.unit}` : "No data";
}

interface Measure {
  value: number | null;
  previous: number | null;
  delta: number | null;
  show: (v: number) => TileValue;
  /** The unsigned difference in the tile's unit, and whether it rounds to nothing. */
  showDelta: (d: number) => { text: string; zero: boolean };
  /** How the difference reads in words: "percentage points", "hours". */
  deltaWords: (d: number) => string;
}

function compare(key: MetricKey, m: Measure, previousLabel: string): TileChange {
  const previous = m.previous === null ? null : valueText(m.show(m.previous));
  if (m.value === null) return { tone: "none", text: "", previous, sentence: "No value in this period." };
  if (m.delta === null || m.previous === null) {
    return { tone: "none", text: "No earlier data", previous, sentence: `No value in ${previousLabel} to compare with.` };
  }
  const shown = m.showDelta(m.delta);
  if (shown.zero) {
    return { tone: "same", text: "No change", previous, sentence: `The same as in ${previousLabel} (${previous}).` };
  }
  const up = m.delta > 0;
  const better = up === (METRICS[key].better === "higher");
  const tone: Tone = better ? "better" : "worse";
  return {
    tone,
    text: `${up ? "▲" : "▼"} ${shown.text}`,
    previous,
    sentence: `${up ? "Up" : "Down"} ${m.deltaWords(m.delta)} from ${previous} in ${previousLabel}: ${tone}.`,
  };
}

function hoursDelta(d: number) {
  const text = formatDuration(Math.abs(d));
  return { text, zero: Math.abs(d) * 60 < 0.5 };
}

function measures(report: DoraMetrics): Record<MetricKey, Measure> {
  const s = report.summary;
  const { factor, unit } = frequencyUnit(s.deploymentFrequency.perDay);
  const percent = (v: number) => split(formatPercent(v));
  const pointsDelta = (d: number) => ({ text: formatPoints(d), zero: Math.round(Math.abs(d) * 1000) === 0 });
  const pointsWords = (d: number) => `${formatDecimal(Math.abs(d) * 100, 1)} percentage points`;
  const hoursWords = (d: number) => formatDuration(Math.abs(d)).replace(NBSP, " ");
  return {
    deploymentFrequency: {
      value: s.deploymentFrequency.perDay,
      previous: s.deploymentFrequency.previous.perDay,
      delta: s.deploymentFrequency.change.perDay,
      show: (v) => ({ figure: formatDecimal(v * factor, 1), unit }),
      showDelta: (d) => ({ text: `${formatDecimal(Math.abs(d) * factor, 1)}${NBSP}${unit}`, zero: Math.round(Math.abs(d) * factor * 10) === 0 }),
      deltaWords: (d) => `${formatDecimal(Math.abs(d) * factor, 1)} ${unit}`,
    },
    leadTime: {
      value: s.leadTime.medianHours,
      previous: s.leadTime.previous.medianHours,
      delta: s.leadTime.change.medianHours,
      show: (v) => split(formatDuration(v), "median"),
      showDelta: hoursDelta,
      deltaWords: hoursWords,
    },
    changeFailureRate: {
      value: s.changeFailureRate.rate,
      previous: s.changeFailureRate.previous.rate,
      delta: s.changeFailureRate.change.rate,
      show: percent,
      showDelta: pointsDelta,
      deltaWords: pointsWords,
    },
    recoveryTime: {
      value: s.recoveryTime.medianHours,
      previous: s.recoveryTime.previous.medianHours,
      delta: s.recoveryTime.change.medianHours,
      show: (v) => split(formatDuration(v), "median"),
      showDelta: hoursDelta,
      deltaWords: hoursWords,
    },
    reworkRate: {
      value: s.reworkRate.rate,
      previous: s.reworkRate.previous.rate,
      delta: s.reworkRate.change.rate,
      show: percent,
      showDelta: pointsDelta,
      deltaWords: pointsWords,
    },
  };
}

function details(report: DoraMetrics): Record<MetricKey, string> {
  const s = report.summary;
  const days = s.deploymentFrequency.deployDaysPerWeekMedian;
  return {
    deploymentFrequency:
      countOf(s.deploymentFrequency.deployments, "deployment") +
      (days === null ? "" : ` · on ${formatShort(days)} ${days === 1 ? "day" : "days"} a week (median)`),
    leadTime: [s.leadTime.p90Hours === null ? null : `90th percentile ${formatDuration(s.leadTime.p90Hours)}`, countOf(s.leadTime.changes, "change")]
      .filter(Boolean)
      .join(" · "),
    changeFailureRate: `${formatCount(s.changeFailureRate.failed)} of ${countOf(s.changeFailureRate.deployments, "deployment")} caused a failure`,
    recoveryTime: [
      s.recoveryTime.p90Hours === null ? null : `90th percentile ${formatDuration(s.recoveryTime.p90Hours)}`,
      countOf(s.recoveryTime.incidents, "resolved incident"),
      s.recoveryTime.open > 0 ? `${formatCount(s.recoveryTime.open)} open` : null,
    ]
      .filter(Boolean)
      .join(" · "),
    reworkRate: `${formatCount(s.reworkRate.rework)} of ${countOf(s.reworkRate.deployments, "deployment")} were rollbacks or fixes`,
  };
}

/** True when the week starting `bucketStart` (a local Monday) ends after the window does. */
export function weekIsPartial(bucketStart: string, windowTo: string, timeZone: string): boolean {
  const nextMonday = addDays(bucketStart, 7);
  return nextMonday > localDate(new Date(windowTo), timeZone);
}

/** "the previous 12 weeks and 5 days (25 May – 23 Aug 2026)" */
export function previousPeriodLabel(report: DoraMetrics): string {
  const from = dateLabel(localDate(new Date(report.previousWindow.from), report.timeZone));
  const to = dateLabel(localDate(new Date(Date.parse(report.previousWindow.to) - 1), report.timeZone));
  return `the previous period (${from} – ${to})`;
}

export const SERIES_VALUE: Record<MetricKey, (b: DoraMetrics["series"][number]) => number | null> = {
  deploymentFrequency: (b) => b.deployments,
  leadTime: (b) => b.leadTimeMedianHours,
  changeFailureRate: (b) => b.changeFailureRate,
  recoveryTime: (b) => b.recoveryMedianHours,
  reworkRate: (b) => b.reworkRate,
};

/**
 * True when Keel's records start after the previous period began: that period is partly empty, so
 * comparing with it would show growth that is only missing data.
 */
export function previousPeriodIncomplete(report: DoraMetrics, dataSince: string | null | undefined): boolean {
  return dataSince !== null && dataSince !== undefined && Date.parse(dataSince) > Date.parse(report.previousWindow.from);
}

function incompleteComparison(report: DoraMetrics, dataSince: string): TileChange {
  return {
    tone: "none",
    text: "No full earlier period to compare",
    previous: null,
    sentence: `Keel's records start on ${dateLabel(localDate(new Date(dataSince), report.timeZone))}, after ${previousPeriodLabel(report)} began, so there is no fair comparison.`,
  };
}

/** The five tiles. `dataSince` (catalog.list): when Keel's records start, to withhold comparisons with a partly empty period. */
export function doraTiles(report: DoraMetrics, dataSince?: string | null): Tile[] {
  const m = measures(report);
  const d = details(report);
  const previousLabel = previousPeriodLabel(report);
  const incomplete = previousPeriodIncomplete(report, dataSince) && dataSince ? incompleteComparison(report, dataSince) : null;
  const last = report.series.at(-1);
  const lastWeekPartial = last ? weekIsPartial(last.bucketStart, report.window.to, report.timeZone) : false;
  const levels: Record<MetricKey, DoraLevel | null> = {
    deploymentFrequency: report.summary.deploymentFrequency.level,
    leadTime: report.summary.leadTime.level,
    changeFailureRate: report.summary.changeFailureRate.level,
    recoveryTime: report.summary.recoveryTime.level,
    reworkRate: null,
  };
  return METRIC_KEYS.map((key) => {
    const measure = m[key];
    return {
      key,
      title: METRICS[key].title,
      value: measure.value === null ? null : measure.show(measure.value),
      level: levels[key],
      hasLevel: METRICS[key].levels,
      change: incomplete ?? compare(key, measure, previousLabel),
      detail: d[key],
      spark: report.series.map(SERIES_VALUE[key]),
      lastWeekPartial,
    };
  });
}

/** "Weeks start on Monday in Europe/Berlin. Levels: DORA 2023 report." */
export function methodSentence(report: DoraMetrics): string {
  const recovery = report.recoveryTimeFrom === "deploymentFinished" ? " Recovery time runs from the failed deployment's finish." : "";
  return `Weeks start on Monday in ${report.timeZone}. Levels follow the DORA ${report.thresholdsYear} report; incidents count against a deployment for up to ${attributionWindowText(report.attributionWindowHours)} after it.${recovery}`;
}

/** "24 Aug – 21 Nov 2026 (12 weeks and this week so far), to 14:05" */
export function windowLabel(report: DoraMetrics): string {
  const from = localDate(new Date(report.window.from), report.timeZone);
  const to = localDate(new Date(report.window.to), report.timeZone);
  return `${dateLabel(from)} – ${dateLabel(to)}`;
}
