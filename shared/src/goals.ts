// Goals (OKR key results, docs/metrics.md "Goals"; api.md "Goals"): a target for one metric by a
// date, for the organisation, a team or a service. The metrics a goal may name, their units,
// which direction is better and the range a target may take are listed once here; the server
// validates with these schemas and the web app's form too.
//
// Adding a metric (pull-request cycle time, once branch wt-dora lands it): add an entry to
// GOAL_METRICS below and its reader in server/src/services/goals/currentValues.ts; nothing else
// changes (validation, status, the report and the web app read this table).
import { z } from "zod";
import { FilterName } from "./filters.ts";
import { isStorableText } from "./storableText.ts";

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
export const GoalMetric = z.enum(GOAL_METRIC_NAMES as [GoalMetricValue, ...GoalMetricValue[]], { error: `must be one of ${GOAL_METRIC_NAMES.join(", ")}` });

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

const GoalTitle = z
  .string()
  .trim()
  .min(1, "must not be empty")
  .max(200, "must be at most 200 characters")
  .refine(isStorableText, "must not contain NUL characters or unpaired surrogates");
const Target = z.number({ error: "must be a number" }).finite();
/** The last day of the goal, in the organisation's time zone. */
const ByDate = z
  .string({ error: "must be a date such as 2027-03-31" })
  .regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date such as 2027-03-31")
  .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v), "must be a real calendar date");

const goalFields = {
  metric: GoalMetric,
  target: Target,
  by: ByDate,
  team: FilterName().nullable().optional(),
  service: FilterName().nullable().optional(),
  title: GoalTitle.nullable().optional(),
};

type Checked = { metric?: GoalMetricValue | undefined; target?: number | undefined; team?: string | null | undefined; service?: string | null | undefined };
function checkGoal(g: Checked, ctx: z.RefinementCtx) {
  if (g.metric !== undefined && g.target !== undefined && !targetInRange(g.metric, g.target)) {
    ctx.addIssue({ code: "custom", path: ["target"], message: `${targetRangeText(g.metric)} for ${g.metric}` });
  }
  if (g.team && g.service) ctx.addIssue({ code: "custom", path: ["service"], message: "give a team or a service, not both" });
}

/** POST /api/v1/goals, and PUT (the whole goal). */
export const GoalCreate = z.strictObject(goalFields).superRefine(checkGoal);
export type GoalCreateInput = z.input<typeof GoalCreate>;
export type GoalCreateData = z.output<typeof GoalCreate>;

/** PATCH /api/v1/goals/{id}: only the fields given change; a target is checked against the goal's metric by the service. */
export const GoalPatch = z
  .strictObject({
    metric: GoalMetric.optional(),
    target: Target.optional(),
    by: ByDate.optional(),
    team: goalFields.team,
    service: goalFields.service,
    title: goalFields.title,
  })
  .superRefine(checkGoal)
  .refine((u) => Object.values(u).some((v) => v !== undefined), { message: "change at least one field" });
export type GoalPatchData = z.output<typeof GoalPatch>;

export const GoalId = z.uuid({ error: "must be a goal id (a UUID)" });

/** tRPC goals.update: the id and the changes. */
export const GoalUpdate = z.strictObject({ id: GoalId, changes: GoalPatch });
export const GoalRef = z.strictObject({ id: GoalId });

/** A goal metric's value in its unit, for titles, the report and the app: "12%", "30.5 h", "1.25/day", "40.0 h/week". */
export function formatGoalValue(metric: GoalMetricValue, value: number | null): string {
  if (value === null) return "no data";
  const unit = GOAL_METRICS[metric].unit;
  if (unit === "share") {
    const pct = value * 100;
    return Math.abs(pct) < 10 ? `${(Math.round(pct * 10) / 10).toFixed(1)}%` : `${Math.round(pct)}%`;
  }
  if (unit === "per day") return `${value < 10 ? value.toFixed(2) : value.toFixed(1)}/day`;
  if (unit === "hours per week") return `${value.toFixed(1)} h/week`;
  return `${value.toFixed(1)} h`;
}

/** The title a goal shows when it was given none: "Change failure rate ≤ 10% by 2027-03-31". */
export function defaultGoalTitle(metric: GoalMetricValue, target: number, by: string): string {
  const m = GOAL_METRICS[metric];
  return `${m.label} ${m.better === "lower" ? "≤" : "≥"} ${formatGoalValue(metric, target)} by ${by}`;
}
