// The goal metrics (docs/metrics.md "Goals"): their names, units, which direction is better and
// the range a target may take, and how a value reads. No zod here, so the web app's first load
// (the Overview's tiles and charts) can use it: "@keel/shared/goalMetrics".
//
// Adding a metric (pull-request cycle time, once branch wt-dora lands it): its entry in the metric
// catalogue (metricCatalogue.ts: name, unit, direction), its target range in GOAL_METRICS below and
// its reader in server/src/services/goals/currentValues.ts; nothing else changes (validation,
// status, the report and the web app read these tables).
import { METRICS, metricLabel, type MetricInfo, type MetricName } from "./metricCatalogue.ts";
import { formatDecimal, formatHours, formatPercent } from "./numbers.ts";

export interface GoalMetricInfo {
  label: string;
  unit: MetricInfo["unit"];
  better: MetricInfo["better"];
  min: number;
  /** Whether `min` itself is allowed (a lead time of 0 hours is not a target). */
  minInclusive: boolean;
  max: number;
}

function goalMetric(name: MetricName, min: number, minInclusive: boolean, max: number): GoalMetricInfo {
  const m = METRICS[name];
  return { label: metricLabel(name), unit: m.unit, better: m.better, min, minInclusive, max };
}

/** Names, units and directions are the metric catalogue's (metricCatalogue.ts); the ranges are a target's. */
export const GOAL_METRICS = {
  leadTime: goalMetric("leadTime", 0, false, 8760),
  deploymentFrequency: goalMetric("deploymentFrequency", 0, false, 1000),
  changeFailureRate: goalMetric("changeFailureRate", 0, true, 1),
  recoveryTime: goalMetric("recoveryTime", 0, false, 8760),
  reworkRate: goalMetric("reworkRate", 0, true, 1),
  hoursLost: goalMetric("hoursLost", 0, true, 1_000_000),
  flakyTestHours: goalMetric("flakyTestHours", 0, true, 1_000_000),
  debtShare: goalMetric("debtShare", 0, true, 1),
} satisfies Partial<Record<MetricName, GoalMetricInfo>>;

export type GoalMetricValue = keyof typeof GOAL_METRICS;
export const GOAL_METRIC_NAMES = Object.keys(GOAL_METRICS) as GoalMetricValue[];

export const GOAL_STATUSES = ["met", "on track", "at risk", "off track", "no data"] as const;
export type GoalStatusValue = (typeof GOAL_STATUSES)[number];

/** What a target must be for a metric, in words (the 400's message). */
export function targetRangeText(metric: GoalMetricValue): string {
  const m: GoalMetricInfo = GOAL_METRICS[metric];
  if (m.unit === "share") return "must be a fraction from 0 to 1 (0.15 is 15%)";
  return `must be ${m.minInclusive ? "at least" : "more than"} ${m.min} and at most ${m.max.toLocaleString("en-US")} ${m.unit}`;
}

export function targetInRange(metric: GoalMetricValue, target: number): boolean {
  const m: GoalMetricInfo = GOAL_METRICS[metric];
  return (m.minInclusive ? target >= m.min : target > m.min) && target <= m.max;
}

/** A goal metric's value in its unit, for titles, the report and the app: "12.0%", "30.5 h", "1.25/day", "40.0 h/week". */
export function formatGoalValue(metric: GoalMetricValue, value: number | null): string {
  if (value === null) return "no data";
  const unit = GOAL_METRICS[metric].unit;
  if (unit === "share") return formatPercent(value);
  if (unit === "per day") return `${formatDecimal(value, value < 10 ? 2 : 1)}/day`;
  if (unit === "hours per week") return `${formatHours(value)}/week`;
  return formatHours(value);
}

/** The title a goal shows when it was given none: "Change failure rate ≤ 10% by 2027-03-31". */
export function defaultGoalTitle(metric: GoalMetricValue, target: number, by: string): string {
  const m = GOAL_METRICS[metric];
  return `${m.label} ${m.better === "lower" ? "≤" : "≥"} ${formatGoalValue(metric, target)} by ${by}`;
}
