// Goals (OKR key results, docs/metrics.md "Goals"; api.md "Goals"): a target for one metric by a
// date, for the organisation, a team or a service. The server validates requests with these
// schemas. The metrics, their units and target ranges are listed once in goalMetrics.ts (no zod).
import { z } from "zod";
import { FilterName } from "./filters.ts";
import { GOAL_METRIC_NAMES, targetInRange, targetRangeText, type GoalMetricValue } from "./goalMetrics.ts";
import { isStorableText } from "./storableText.ts";

export * from "./goalMetrics.ts";

export const GoalMetric = z.enum(GOAL_METRIC_NAMES as [GoalMetricValue, ...GoalMetricValue[]], { error: `must be one of ${GOAL_METRIC_NAMES.join(", ")}` });

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
