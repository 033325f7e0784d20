// The goals' answers (api.md "Goals": GET /api/v1/goals and the changes, tRPC goals.*; rules in
// docs/metrics.md "Goals"): each goal with its current value, baseline and status.
import { z } from "zod";
import { GOAL_STATUSES } from "../goalMetrics.ts";
import { GoalMetric } from "../goals.ts";
import { nullableNumber } from "./common.ts";

export const Goal = z.strictObject({
  id: z.string(),
  /** The goal's own title, or one made from its metric, target and date. */
  title: z.string(),
  /** Whether `title` was given (false: made up from the metric, target and date). */
  titleGiven: z.boolean(),
  metric: GoalMetric,
  metricLabel: z.string(),
  unit: z.enum(["hours", "per day", "hours per week", "share"]),
  better: z.enum(["lower", "higher"]),
  team: z.string().nullable(),
  service: z.string().nullable(),
  target: z.number(),
  /** The goal's last day (YYYY-MM-DD, organisation's time zone). */
  by: z.string(),
  /** The metric over `window` for the goal's scope; null when there is nothing to measure. */
  current: nullableNumber,
  /** The metric when the goal started (stored); null when there was no data then. */
  baseline: nullableNumber,
  /** Where the straight line from baseline to target is now (the target when there is no line). */
  expected: z.number(),
  status: z.enum(GOAL_STATUSES),
  /** The window `current` is measured over: the last 4 full weeks, local dates, [from, to). */
  window: z.strictObject({ from: z.string(), to: z.string() }),
  startedAt: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type GoalData = z.infer<typeof Goal>;

export const GoalList = z.strictObject({ goals: z.array(Goal) });
export const GoalDeleted = z.strictObject({ id: z.string(), deleted: z.literal(true) });
