// Hours lost to change failures (product.md "Cost model"): Σ over incidents attributed to a
// deployment of recovery time × responders, each responder capped at 8 hours per calendar day.
// Which incidents are attributed to a deployment is the DORA engine's rule, reused as is
// (attributedToEnvironment in dora/changeFailureRate.ts): an explicit cause by deployment or
// commit, or the time window after the service's last successful deployment; never an incident
// marked notCausedByChange, nor one with no service and no cause.
//
// An incident counts in the week it was resolved (as recovery time does); open incidents have no
// recovery time yet and count when they are resolved. The calendar days are the organisation's.
// Responders come from the incident, else the cost model's default, applied in TypeScript: rows
// carry the capped hours per responder for incidents with and without their own responders.
import { Prisma } from "../../../generated/prisma/client.ts";
import { RESPONDER_HOURS_CAP_PER_DAY } from "@keel/shared";
import type { Tx } from "../../types.ts";
import { attributedToEnvironment } from "../dora/changeFailureRate.ts";
import { hoursBetween, inScope, weekLabel, weekOf } from "../dora/fragments.ts";
import type { CostQuery } from "./scope.ts";

/** Σ over the incident's local calendar days of min(cap, hours of the incident on that day). */
function cappedHoursPerResponder(q: CostQuery): Prisma.Sql {
  const tz = q.timeZone;
  return Prisma.sql`(
    SELECT coalesce(sum(greatest(0, least(${RESPONDER_HOURS_CAP_PER_DAY}::float8,
             date_part('epoch', least(i."resolvedAt", (d + interval '1 day') AT TIME ZONE ${tz})
                              - greatest(i."openedAt", d AT TIME ZONE ${tz})) / 3600))), 0)::float8
    FROM generate_series(date_trunc('day', i."openedAt" AT TIME ZONE ${tz}), i."resolvedAt" AT TIME ZONE ${tz}, interval '1 day') AS d)`;
}

/** Incidents in scope with their attribution and hours (any window; the caller filters). */
function incidentFacts(q: CostQuery, where: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`
    SELECT i.id, i.title, i.severity, sv.slug AS "serviceSlug", sv."teamId"::text AS "teamId", i."openedAt", i."resolvedAt",
           i.responders, i."causedByDeploymentId", i."causedByCommitSha", i."notCausedByChange",
           ${attributedToEnvironment(Prisma.sql`i`, q)} AS attributed,
           CASE WHEN i."resolvedAt" IS NOT NULL THEN ${hoursBetween(Prisma.sql`i."openedAt"`, Prisma.sql`i."resolvedAt"`)} END AS "recoveryHours",
           CASE WHEN i."resolvedAt" > i."openedAt" THEN ${cappedHoursPerResponder(q)} ELSE 0 END AS "cappedHoursPerResponder",
           ${weekOf(Prisma.sql`i."resolvedAt"`, q)} AS week
    FROM "Incident" i
    LEFT JOIN "Service" sv ON sv.id = i."serviceId"
    WHERE ${where} ${inScope(Prisma.sql`i."serviceId"`, q)}`;
}

export interface ChangeFailureHoursRow {
  teamId: string | null;
  week: string;
  incidents: number;
  /** Σ recoveryHours (uncapped, per incident), for the explanation. */
  recoveryHours: number;
  /** Σ capped hours per responder × the incident's own responders. */
  hoursWithOwnResponders: number;
  /** Σ capped hours per responder of incidents without responders (× the model's default). */
  hoursPerDefaultResponder: number;
  incidentsWithDefaultResponders: number;
}

/** Attributed incidents in scope resolved in [from, to), per (team, week of resolution). */
export function changeFailureHoursRows(db: Tx, q: CostQuery): Promise<ChangeFailureHoursRow[]> {
  return db.$queryRaw<ChangeFailureHoursRow[]>(Prisma.sql`
    WITH i AS (${incidentFacts(q, Prisma.sql`i."resolvedAt" >= ${q.from} AND i."resolvedAt" < ${q.to}`)})
    SELECT "teamId", ${weekLabel(Prisma.sql`week`)} AS week, count(*)::int AS incidents,
           coalesce(sum("recoveryHours"), 0)::float8 AS "recoveryHours",
           coalesce(sum("cappedHoursPerResponder" * responders) FILTER (WHERE responders IS NOT NULL), 0)::float8 AS "hoursWithOwnResponders",
           coalesce(sum("cappedHoursPerResponder") FILTER (WHERE responders IS NULL), 0)::float8 AS "hoursPerDefaultResponder",
           count(*) FILTER (WHERE responders IS NULL)::int AS "incidentsWithDefaultResponders"
    FROM i
    WHERE attributed AND "resolvedAt" > "openedAt"
    GROUP BY "teamId", week
    ORDER BY week, "teamId"`);
}

export interface IncidentRow {
  id: string;
  title: string | null;
  severity: string | null;
  serviceSlug: string | null;
  teamId: string | null;
  openedAt: Date;
  resolvedAt: Date | null;
  responders: number | null;
  causedByDeploymentId: string | null;
  causedByCommitSha: string | null;
  notCausedByChange: boolean;
  attributed: boolean;
  recoveryHours: number | null;
  cappedHoursPerResponder: number;
}

/** Incidents in scope opened or resolved in [from, to), or open across it, oldest first. */
export function incidentsOfWindow(db: Tx, q: CostQuery): Promise<IncidentRow[]> {
  return db.$queryRaw<IncidentRow[]>(Prisma.sql`
    SELECT id, title, severity, "serviceSlug", "teamId", "openedAt", "resolvedAt", responders, "causedByDeploymentId",
           "causedByCommitSha", "notCausedByChange", attributed, "recoveryHours", "cappedHoursPerResponder"
    FROM (${incidentFacts(q, Prisma.sql`i."openedAt" < ${q.to} AND (i."resolvedAt" IS NULL OR i."resolvedAt" >= ${q.from})`)}) x
    ORDER BY "openedAt", id`);
}
