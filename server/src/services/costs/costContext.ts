// What every cost service starts from: the window and scope (resolved by the DORA engine's
// prepareDoraQuery, so both read the same deployments and incidents), the teams, and the cost
// model in force. Without from and to, the window is the 13 weeks (91 local days) up to and
// including today in the organisation's time zone.
import type { CostFiltersData } from "@keel/shared";
import type { Db } from "../../db/client.ts";
import type { DoraQuery } from "../../db/queries/dora/fragments.ts";
import { costModelUsed, inputsFor, resolveCostModel, type ResolvedCostModel, type TeamFacts } from "../../metrics/costModel.ts";
import type { CapacityTeam } from "../../metrics/hoursLost.ts";
import type { MetricWindow } from "../../metrics/window.ts";
import { prepareDoraQuery } from "../getDoraMetrics.ts";
import { getOrgSettings, type OrgSettingsData } from "../getOrgSettings.ts";
import { DAY_MS, localDate } from "@keel/shared/calendar";

export const DEFAULT_WINDOW_DAYS = 91;

export interface CostContext {
  settings: OrgSettingsData;
  window: MetricWindow;
  q: DoraQuery;
  filters: { team: string | null; service: string | null; environment: string };
  /** The team whose figures these are: the team filter's, or the service filter's team; null org-wide. */
  scopeTeamId: string | null;
  /** Teams in scope: the filtered team, the filtered service's team, or every team. */
  teams: TeamFacts[];
  model: ResolvedCostModel;
  /** The instant states and cost avoided are evaluated at: the window's end, or now if earlier. */
  asOf: Date;
  /** Weeks in the window (local days ÷ 7). */
  weeks: number;
}

/** Adds a number of days to a YYYY-MM-DD date. */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
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
  let { from, to } = input;
  if (from === undefined || to === undefined) {
    const { timeZone } = await getOrgSettings({ db });
    to = addDays(localDate(now, timeZone), 1);
    from = addDays(to, -DEFAULT_WINDOW_DAYS);
  }
  const [{ settings, window, q }, { model, teams }] = await Promise.all([
    prepareDoraQuery({ db, input: { from, to, environment: input.environment, team: input.team, service: input.service } }),
    loadCostModel(db),
  ]);
  let scopeTeamId: string | null = null;
  let inScope = teams;
  if (input.team !== undefined) {
    scopeTeamId = teams.find((t) => t.slug === input.team)?.id ?? null;
    inScope = teams.filter((t) => t.id === scopeTeamId);
  } else if (input.service !== undefined) {
    const service = await db.service.findUnique({ where: { slug: input.service }, select: { teamId: true } });
    scopeTeamId = service?.teamId ?? null;
    inScope = teams.filter((t) => t.id === scopeTeamId);
  }
  return {
    settings,
    window,
    q,
    filters: { team: input.team ?? null, service: input.service ?? null, environment: input.environment },
    scopeTeamId,
    teams: inScope,
    model,
    asOf: new Date(Math.min(window.to.getTime(), now.getTime())),
    weeks: window.days / 7,
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
