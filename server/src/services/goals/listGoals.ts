// Goals with their current value and status (api.md GET /api/v1/goals; rules in docs/metrics.md
// "Goals"). Goals are grouped by scope (organisation, team, service) and each scope's values are
// read once from the cached metric services, so N goals do not cost N computations. The weekly
// report (as of its week's end) and the digest messages use this same function.
import { defaultGoalTitle, GOAL_METRICS, type GoalMetricInfo, type GoalMetricValue } from "@keel/shared";
import type { GoalData } from "@keel/shared/outputs";
import type { Db } from "../../db/client.ts";
import { goalStatus } from "../../metrics/goalStatus.ts";
import { goalEnd, goalWindow } from "../../metrics/goalWindow.ts";
import { parseBound } from "../../metrics/window.ts";
import { getOrgSettings } from "../getOrgSettings.ts";
import { scopeValues, type GoalScope } from "./currentValues.ts";

/** A goal as answered: its schema in shared/src/outputs/goals.ts is the one definition (OpenAPI, tRPC output). */
export type GoalView = GoalData;

export const goalSelect = {
  id: true,
  title: true,
  metric: true,
  target: true,
  by: true,
  baseline: true,
  startedAt: true,
  createdAt: true,
  updatedAt: true,
  team: { select: { slug: true } },
  service: { select: { slug: true } },
} as const;

type GoalRow = {
  id: string;
  title: string | null;
  metric: string;
  target: number;
  by: Date;
  baseline: number | null;
  startedAt: Date;
  createdAt: Date;
  updatedAt: Date;
  team: { slug: string } | null;
  service: { slug: string } | null;
};

const scopeKey = (s: GoalScope) => JSON.stringify([s.team, s.service]);

/**
 * Every goal with its current value and status as of `now`; with `team` (a team's weekly report),
 * only the goals of that team and of its services.
 */
export async function listGoals(db: Db, { now, team }: { now: Date; team?: string | undefined }): Promise<GoalView[]> {
  const { timeZone } = await getOrgSettings({ db });
  const rows: GoalRow[] = await db.goal.findMany({
    where: team ? { OR: [{ team: { slug: team } }, { service: { team: { slug: team } } }] } : {},
    select: goalSelect,
    orderBy: [{ by: "asc" }, { createdAt: "asc" }],
  });
  return viewsOf(db, rows, now, timeZone);
}

/** Views of goal rows, the metric services called once per scope. */
export async function viewsOf(db: Db, rows: GoalRow[], now: Date, timeZone: string): Promise<GoalView[]> {
  const window = goalWindow(now, timeZone);
  const measuredTo = parseBound(window.to, timeZone);
  const scopes = new Map<string, { scope: GoalScope; metrics: Set<GoalMetricValue> }>();
  for (const r of rows) {
    const scope = { team: r.team?.slug ?? null, service: r.service?.slug ?? null };
    const entry = scopes.get(scopeKey(scope)) ?? { scope, metrics: new Set() };
    entry.metrics.add(r.metric as GoalMetricValue);
    scopes.set(scopeKey(scope), entry);
  }
  const values = new Map<string, Map<GoalMetricValue, number | null>>();
  // One scope at a time: each already runs its services' statements in parallel.
  for (const [key, { scope, metrics }] of scopes) values.set(key, await scopeValues({ db, scope, metrics, window, now }));

  return rows.map((r) => {
    const metric = r.metric as GoalMetricValue;
    const info: GoalMetricInfo = GOAL_METRICS[metric];
    const scope = { team: r.team?.slug ?? null, service: r.service?.slug ?? null };
    const current = values.get(scopeKey(scope))?.get(metric) ?? null;
    const by = r.by.toISOString().slice(0, 10);
    const { status, expected } = goalStatus({
      better: info.better,
      target: r.target,
      baseline: r.baseline,
      current,
      startedAt: r.startedAt,
      end: goalEnd(by, timeZone),
      now: measuredTo,
    });
    return {
      id: r.id,
      title: r.title ?? defaultGoalTitle(metric, r.target, by),
      titleGiven: r.title !== null,
      metric,
      metricLabel: info.label,
      unit: info.unit,
      better: info.better,
      team: scope.team,
      service: scope.service,
      target: r.target,
      by,
      current,
      baseline: r.baseline,
      expected,
      status,
      window,
      startedAt: r.startedAt.toISOString(),
      createdAt: r.createdAt.toISOString(),
      updatedAt: r.updatedAt.toISOString(),
    };
  });
}
