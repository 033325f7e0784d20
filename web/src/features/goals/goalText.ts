// How a goal reads on the Overview: "Goal ≤ 10% by 2027-03-31 · on track". No zod (first load).
import { formatGoalValue } from "@keel/shared/goalMetrics";
import type { GoalView } from "./useGoals.ts";

export function goalTargetText(g: Pick<GoalView, "metric" | "target" | "better">): string {
  return `${g.better === "lower" ? "≤" : "≥"} ${formatGoalValue(g.metric, g.target)}`;
}

export function goalScopeText(g: Pick<GoalView, "team" | "service">): string {
  return g.team ? `team ${g.team}` : g.service ? `service ${g.service}` : "organisation";
}

/** The target in the unit of the metric's weekly trend chart (deployments per week, not per day). */
export function trendTarget(g: Pick<GoalView, "metric" | "target">): number {
  return g.metric === "deploymentFrequency" ? g.target * 7 : g.target;
}
