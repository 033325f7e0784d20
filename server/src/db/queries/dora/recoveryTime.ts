// Failed deployment recovery time (product.md, metric 4): for incidents resolved in the window,
// resolvedAt - openedAt, bucketed by the week of resolution. With the organisation's
// recoveryTimeFrom = deploymentFinished, an incident the change failure rules attribute to a
// deployment is measured from that deployment's finish instead (the earliest, if several). Open incidents are counted and listed,
// never averaged. Incidents follow their service's team; they have no environment: production (the
// default) counts them all, another environment only those attributed to one of its deployments.
import { Prisma } from "../../../generated/prisma/client.ts";
import type { Tx } from "../../types.ts";
import { attributedToEnvironment, failureCauses } from "./changeFailureRate.ts";
import { hoursBetween, inScope, periodOf, weekLabel, weekOf, windowDeployments, type DoraQuery, type Period } from "./fragments.ts";

export interface RecoveryRow {
  period: Period;
  week: string | null;
  incidents: number;
  medianHours: number | null;
  p90Hours: number | null;
  /** Resolved before they were opened: excluded from the percentiles. */
  excludedNegative: number;
}

export interface OpenIncidentsRow {
  /** Opened before `to` and not resolved before `to`. */
  open: number;
  /** The same at the end of the previous period (`from`). */
  previousOpen: number;
  /** Up to 20 ids of the incidents open at `to`, latest opened first. */
  examples: string[] | null;
}

function incidentScope(q: DoraQuery): Prisma.Sql {
  return Prisma.sql`${inScope(Prisma.sql`i."serviceId"`, q)}
    ${q.isProduction ? Prisma.empty : Prisma.sql`AND ${attributedToEnvironment(Prisma.sql`i`, q)}`}`;
}

/**
 * Where each incident's recovery starts. deploymentFinished: the earliest finish among the
 * deployments failureCauses attributes the incident to (rules incident, commit, timeWindow), else
 * (no deployment caused it) the incident's opening.
 */
function recoveryStart(q: DoraQuery): { ctes: Prisma.Sql; join: Prisma.Sql; start: Prisma.Sql } {
  if (q.recoveryFrom === "incidentOpened") return { ctes: Prisma.empty, join: Prisma.empty, start: Prisma.sql`i."openedAt"` };
  return {
    ctes: Prisma.sql`w AS (${windowDeployments(q)}),
      starts AS (
        SELECT c."incidentId", min(d."finishedAt") AS "finishedAt"
        FROM (${failureCauses(q)}) c JOIN "Deployment" d ON d.id = c.id
        WHERE c."incidentId" IS NOT NULL
        GROUP BY c."incidentId"
      ),`,
    join: Prisma.sql`LEFT JOIN starts ON starts."incidentId" = i.id`,
    start: Prisma.sql`COALESCE(starts."finishedAt", i."openedAt")`,
  };
}

export function recoveryTimeSql(q: DoraQuery): Prisma.Sql {
  const { ctes, join, start } = recoveryStart(q);
  return Prisma.sql`
    WITH ${ctes} r AS (
      SELECT ${periodOf(Prisma.sql`i."resolvedAt"`, q)} AS period,
             ${weekOf(Prisma.sql`i."resolvedAt"`, q)} AS week,
             ${hoursBetween(start, Prisma.sql`i."resolvedAt"`)} AS hours
      FROM "Incident" i ${join}
      WHERE i."resolvedAt" >= ${q.previousFrom} AND i."resolvedAt" < ${q.to}
        ${incidentScope(q)}
    )
    SELECT period, ${weekLabel(Prisma.sql`week`)} AS week,
           count(*) FILTER (WHERE hours >= 0)::int AS incidents,
           percentile_cont(0.5) WITHIN GROUP (ORDER BY hours) FILTER (WHERE hours >= 0) AS "medianHours",
           percentile_cont(0.9) WITHIN GROUP (ORDER BY hours) FILTER (WHERE hours >= 0) AS "p90Hours",
           count(*) FILTER (WHERE hours < 0)::int AS "excludedNegative"
    FROM r
    GROUP BY GROUPING SETS ((period, week), (period))`;
}

export function recoveryTime(db: Tx, q: DoraQuery): Promise<RecoveryRow[]> {
  return db.$queryRaw<RecoveryRow[]>(recoveryTimeSql(q));
}

export async function openIncidents(db: Tx, q: DoraQuery): Promise<OpenIncidentsRow> {
  const openAt = (t: Date) => Prisma.sql`(i."openedAt" < ${t} AND (i."resolvedAt" IS NULL OR i."resolvedAt" >= ${t}))`;
  const [row] = await db.$queryRaw<OpenIncidentsRow[]>(Prisma.sql`
    SELECT count(*) FILTER (WHERE ${openAt(q.to)})::int AS open,
           count(*) FILTER (WHERE ${openAt(q.from)})::int AS "previousOpen",
           (array_agg(i.id ORDER BY i."openedAt" DESC, i.id) FILTER (WHERE ${openAt(q.to)}))[1:20] AS examples
    FROM "Incident" i
    WHERE i."openedAt" < ${q.to} AND (i."resolvedAt" IS NULL OR i."resolvedAt" >= ${q.from})
      ${incidentScope(q)}`);
  return row ?? { open: 0, previousOpen: 0, examples: [] };
}
