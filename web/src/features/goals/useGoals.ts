import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "../../api/trpc.ts";
import type { ScopeFilters } from "../filters/urlFilters.ts";

export function useGoals() {
  const trpc = useTRPC();
  return useQuery(trpc.goals.list.queryOptions());
}

export type GoalView = NonNullable<ReturnType<typeof useGoals>["data"]>["goals"][number];

/** The goals whose scope is exactly the Overview's (organisation, one team or one service), in the production environment the goals measure. */
export function goalsOfScope(goals: readonly GoalView[], filters: ScopeFilters): GoalView[] {
  if (filters.environment && filters.environment !== "production") return [];
  return goals.filter((g) => g.team === (filters.team ?? null) && g.service === (filters.service ?? null));
}
