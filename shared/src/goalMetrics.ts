// The goal metrics (docs/metrics.md "Goals"): their names, units, which direction is better and
// the range a target may take, and how a value reads. No zod here, so the web app's first load
// (the Overview's tiles and charts) can use it: "@keel/shared/goalMetrics".
//
// Adding a metric (pull-request cycle time, once branch wt-dora lands it): add an entry to
// GOAL_METRICS below and its reader in server/src/services/goals/currentValues.ts; nothing else
// changes (validation, status, the report and the web app read this table).
import { formatDecimal, formatHours, formatPercent } from "./numbers.ts";

export interface GoalMetricInfo {
  label: string;
  /** "hours", "per day", "hours per week" or "share" (a fraction: 0.15 is 15%). */
  unit: "hours" | "per day" | "hours per week" | "share";
  better: "lower" | "higher";
  min: number;
  /** Whether `min` itself is allowed (a lead time of 0 hours is not a target). */
  minInclusive: boolean;
  max: number;
}

/** Keys are the names the DORA API (summary fields) and the cost API already use. */
export const GOAL_METRICS = {
  leadTime: { label: "Lead time for changes (median)", unit: "hours", better: "lower", min: 0, minInclusive: false, max: 8760 },
  deploymentFrequency: { label: "Deployment frequency", unit: "per day", better: "higher", min: 0, minInclusive: false, max: 1000 },
  changeFailureRate: { label: "Change failure rate", unit: "share", better: "lower", min: 0, minInclusive: true, max: 1 },
  recoveryTime: { label: "Failed deployment recovery time (median)", unit: "hours", better: "lower", min: 0, minInclusive: false, max: 8760 },
  reworkRate: { label: "Deployment rework rate", unit: "share", better: "lower", min: 0, minInclusive: true, max: 1 },
  hoursLost: { label: "Engineering hours lost", unit: "hours per week", better: "lower", min: 0, minInclusive: true, max: 1_000_000 },
  flakyTestHours: { label: "Hours lost to flaky tests", unit: "hours per week", better: "lower", min: 0, minInclusive: true, max: 1_000_000 },
  debtShare: { label: "Debt share (investment balance)", unit: "share", better: "higher", min: 0, minInclusive: true, max: 1 },
} as const satisfies Record<string, GoalMetricInfo>;

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
