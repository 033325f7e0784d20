// Engineering hours lost and their cost for a window (api.md GET /api/v1/metrics/hours-lost):
// by cause, per week, per team, against the previous period of the same length, with cost
// avoided and the cost model version used. Formulas in metrics/hoursLost.ts and docs/costs.md.
import type { CostFiltersData } from "@keel/shared";
import type { HoursLostData } from "@keel/shared/outputs";
import type { Db } from "../db/client.ts";
import { withWindow } from "../db/queries/costs/scope.ts";
import { changeOf, summarize, weeklySeries } from "../metrics/hoursLostReport.ts";
import { cachedCostReport, readVersion } from "./cache/costReports.ts";
import { costAvoided, loadTestStates } from "./costs/costAvoided.ts";
import { capacityTeams, inputsOf, modelUsed, prepareCostContext, type CostContext } from "./costs/costContext.ts";
import { windowCounts, type WindowCounts } from "./costs/windowCounts.ts";
import { weekBuckets } from "@keel/shared/calendar";

/** The answer: its schema in shared/src/outputs/hoursLost.ts is the one definition (OpenAPI, tRPC output). */
export type HoursLost = HoursLostData;

export interface HoursLostParts {
  ctx: CostContext;
  current: WindowCounts;
  previous: WindowCounts;
  result: HoursLost;
}

/** Hours lost with the context and counts behind it (the weekly report and rankings reuse them). */
export async function computeHoursLost({ db, input, now }: { db: Db; input: CostFiltersData; now?: Date }): Promise<HoursLostParts> {
  return hoursLostOf(db, await prepareCostContext({ db, input, now }));
}

async function hoursLostOf(db: Db, ctx: CostContext): Promise<HoursLostParts> {
  const { window, q, settings } = ctx;
  const [current, previous, states] = await Promise.all([
    windowCounts(db, q),
    windowCounts(db, withWindow(q, window.previousFrom, window.from)),
    loadTestStates(db, ctx),
  ]);
  const teams = capacityTeams(ctx);
  const summary = summarize(current.rows, inputsOf(ctx), teams, ctx.weeks);
  const previousSummary = summarize(previous.rows, inputsOf(ctx), teams, ctx.weeks);
  const avoided = await costAvoided(db, ctx, previous.rows, states);
  const byTeam = ctx.teams.map((t) => ({
    team: t.slug,
    name: t.name,
    size: t.size,
    summary: summarize(
      current.rows.filter((r) => r.teamId === t.id),
      inputsOf(ctx),
      teams.filter((c) => c.teamId === t.id),
      ctx.weeks,
    ),
    costModel: modelUsed({ ...ctx, scopeTeamId: t.id, teams: [t] }, [t.id]),
  }));
  const result: HoursLost = {
    window: { from: window.from.toISOString(), to: window.to.toISOString() },
    previousWindow: { from: window.previousFrom.toISOString(), to: window.from.toISOString() },
    timeZone: settings.timeZone,
    filters: ctx.filters,
    summary: { ...summary, previous: previousSummary, change: changeOf(summary, previousSummary) },
    series: weeklySeries(current.rows, weekBuckets(window.from, window.to, settings.timeZone), inputsOf(ctx)),
    byTeam,
    costAvoided: avoided,
    costModel: modelUsed(
      ctx,
      current.rows.map((r) => r.teamId),
    ),
  };
  return { ctx, current, previous, result };
}

export async function getHoursLost({ db, input, now }: { db: Db; input: CostFiltersData; now?: Date }): Promise<HoursLost> {
  const version = await readVersion(db);
  const ctx = await prepareCostContext({ db, input, now });
  const key = [ctx.window.from, ctx.window.to, ctx.asOf, ctx.filters];
  return cachedCostReport(db, version, "hours-lost", key, async () => (await hoursLostOf(db, ctx)).result);
}
