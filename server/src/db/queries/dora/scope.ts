// Resolves the filters' names (api.md: team and service slugs, environment name) to ids in one
// statement, so the metric and cost queries filter on indexed id columns (services/scope/
// resolveScope.ts is the one caller). A team's services are those whose team it is
// now (Service.teamId): deployments, changes and incidents follow their service's team.
import { Prisma } from "../../../generated/prisma/client.ts";
import type { Tx } from "../../types.ts";

export interface ScopeIds {
  environmentId: string | null;
  /** The filters given whose slug names nothing, with that slug: { team: "nope" }. */
  unknown: { team?: string; service?: string };
  /** The services in scope; null means every service. */
  serviceIds: string[] | null;
  /** The team whose figures these are: the team filter's, else the service filter's team; null org-wide. */
  scopeTeamId: string | null;
}

export async function scopeIds(db: Tx, f: { environment: string; team?: string | undefined; service?: string | undefined }): Promise<ScopeIds> {
  const [row] = await db.$queryRaw<
    { environmentId: string | null; teamId: string | null; serviceId: string | null; serviceTeamId: string | null; teamServiceIds: string[] }[]
  >(Prisma.sql`
    SELECT (SELECT e.id::text FROM "Environment" e WHERE e.name = ${f.environment}) AS "environmentId",
           (SELECT t.id::text FROM "Team" t WHERE t.slug = ${f.team ?? null}) AS "teamId",
           (SELECT s.id::text FROM "Service" s WHERE s.slug = ${f.service ?? null}) AS "serviceId",
           (SELECT s."teamId"::text FROM "Service" s WHERE s.slug = ${f.service ?? null}) AS "serviceTeamId",
           ARRAY(SELECT s.id::text FROM "Service" s JOIN "Team" t ON t.id = s."teamId" WHERE t.slug = ${f.team ?? null} ORDER BY s.id) AS "teamServiceIds"`);
  const r = row ?? { environmentId: null, teamId: null, serviceId: null, serviceTeamId: null, teamServiceIds: [] };
  const unknown: ScopeIds["unknown"] = {};
  if (f.team !== undefined && r.teamId === null) unknown.team = f.team;
  if (f.service !== undefined && r.serviceId === null) unknown.service = f.service;
  let serviceIds: string[] | null = null;
  if (f.service !== undefined) {
    // Both filters: the service, if it belongs to the team.
    const inTeam = f.team === undefined || (r.serviceTeamId !== null && r.serviceTeamId === r.teamId);
    serviceIds = r.serviceId !== null && inTeam ? [r.serviceId] : [];
  } else if (f.team !== undefined) {
    serviceIds = r.teamServiceIds;
  }
  const scopeTeamId = f.team !== undefined ? r.teamId : f.service !== undefined ? r.serviceTeamId : null;
  return { environmentId: r.environmentId, unknown, serviceIds, scopeTeamId };
}
