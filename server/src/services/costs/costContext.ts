// What every cost service starts from: the window and scope (resolveScope, as the DORA metrics
// resolve them, so both read the same deployments and incidents), the teams, and the cost model
// in force. Without from and to, the window is resolveScope's default: the 13 weeks up to and
// including today in the organisation's time zone.
import type { CostFiltersData } from "@keel/shared";
import type { Db } from "../../db/client.ts";
import { costModelUsed, inputsFor, resolveCostModel, type ResolvedCostModel, type TeamFacts } from "../../metrics/costModel.ts";
import type { CapacityTeam } from "../../metrics/hoursLost.ts";
import { resolveScope, type Scope } from "../scope/resolveScope.ts";

export interface CostContext extends Scope {
  /** Teams in scope: the filtered team, the filtered service's team, or every team. */
  teams: TeamFacts[];
  model: ResolvedCostModel;
  /** The instant states and cost avoided are evaluated at: the window's end, or now if earlier. */
  asOf: Date;
  /** Weeks in the window (local days ÷ 7). */
  weeks: number;
}

export async function loadCostModel(db: Db): Promise<{ model: ResolvedCostModel; teams: TeamFacts[] }> {
  const [teams, versions] = await Promise.all([
    db.team.findMany({ select: { id: true, slug: true, name: true, size: true, debtTarget: true }, orderBy: { slug: "asc" } }),
    // The latest version of each scope.
    db.costModelVersion.findMany({
      distinct: ["scope"],
      orderBy: [{ scope: "asc" }, { version: "desc" }],
      select: { scope: true, version: true, inputs: true },
    }),
  ]);
  const org = versions.find((v) => v.scope === "org") ?? null;
  const teamVersions = versions.filter((v) => v.scope !== "org").map((v) => ({ teamId: v.scope, version: v.version, inputs: v.inputs }));
  return { model: resolveCostModel(org, teams, teamVersions), teams };
}

export async function prepareCostContext({ db, input, now = new Date() }: { db: Db; input: CostFiltersData; now?: Date }): Promise<CostContext> {
  const [scope, { model, teams }] = await Promise.all([resolveScope({ db, input, now }), loadCostModel(db)]);
  const scoped = input.team !== undefined || input.service !== undefined;
  return {
    ...scope,
    teams: scoped ? teams.filter((t) => t.id === scope.scopeTeamId) : teams,
    model,
    asOf: new Date(Math.min(scope.window.to.getTime(), now.getTime())),
    weeks: scope.window.days / 7,
  };
}

/** The inputs of each team's rows (the organisation's for rows without a team). */
export function inputsOf(ctx: CostContext) {
  return (teamId: string | null) => inputsFor(ctx.model, teamId);
}

export function capacityTeams(ctx: CostContext): CapacityTeam[] {
  return ctx.teams.map((t) => {
    const m = inputsFor(ctx.model, t.id);
    return { teamId: t.id, slug: t.slug, size: t.size, hoursPerWeek: m.hoursPerWeek, sprintWeeks: m.sprintWeeks };
  });
}

/** The versions used by figures over these teams' rows. */
export function modelUsed(ctx: CostContext, teamIds: Iterable<string | null>) {
  return costModelUsed(ctx.model, [...teamIds, ...ctx.teams.map((t) => t.id)], ctx.scopeTeamId);
}
