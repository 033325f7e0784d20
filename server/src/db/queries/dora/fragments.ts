// Pieces every DORA query shares, so that each metric reads the same deployments and incidents.
// A query covers the current window and the previous period at once: [previousFrom, to), each row
// tagged `period` ('current' from `from` on, else 'previous') and `week` (the local Monday of its
// week, YYYY-MM-DD: date_trunc('week') in the organisation's time zone).
import { Prisma } from "../../../generated/prisma/client.ts";

export interface DoraQuery {
  from: Date;
  to: Date;
  previousFrom: Date;
  timeZone: string;
  /** The filtered environment's id; null when no deployment ever named it (then nothing matches). */
  environmentId: string | null;
  /** True for the default environment, production: every incident is a production incident. */
  isProduction: boolean;
  /** The services in scope (team and service filters); null means every service. */
  serviceIds: string[] | null;
  /** Time-window attribution of incidents to deployments, in hours (7 days = 168). */
  attributionHours: number;
  /** Failed deployment recovery time starts at the incident's opening or the failed deployment's finish. */
  recoveryFrom: "incidentOpened" | "deploymentFinished";
  /** Change failure rate rule (d): a merged revert of a shipped commit fails the deployment. */
  revertFailures: boolean;
}

export type Period = "current" | "previous";

/** 'current' or 'previous' for a timestamp inside [previousFrom, to). */
export function periodOf(ts: Prisma.Sql, q: DoraQuery): Prisma.Sql {
  return Prisma.sql`CASE WHEN ${ts} >= ${q.from} THEN 'current' ELSE 'previous' END`;
}

/** The local Monday 00:00 of a timestamp's week in the organisation's time zone (a timestamp). */
export function weekOf(ts: Prisma.Sql, q: DoraQuery): Prisma.Sql {
  return Prisma.sql`date_trunc('week', ${ts} AT TIME ZONE ${q.timeZone})`;
}

/**
 * The week (as weekOf) of a local calendar date: weekOf of any instant of that date. Computed from
 * a day already grouped, it saves a time-zone conversion per row.
 */
export function weekOfDay(day: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`date_trunc('week', ${day}::timestamp)`;
}

/** A week from weekOf as YYYY-MM-DD, formatted after grouping (once per bucket, not per row). */
export function weekLabel(week: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`to_char(${week}, 'YYYY-MM-DD')`;
}

/** Restricts a service id column to the services in scope. */
export function inScope(serviceColumn: Prisma.Sql, q: DoraQuery): Prisma.Sql {
  return q.serviceIds === null ? Prisma.empty : Prisma.sql`AND ${serviceColumn} = ANY(${q.serviceIds}::uuid[])`;
}

/** A successful deployment to the filtered environment (the only kind any DORA metric counts). */
export function successfulIn(alias: Prisma.Sql, q: DoraQuery): Prisma.Sql {
  return Prisma.sql`${alias}."environmentId" = ${q.environmentId}::uuid AND ${alias}.status = 'success'`;
}

/**
 * The successful deployments in scope finished in [previousFrom, to): the rows deployment
 * frequency, change failure rate and rework rate count, with their period and local day (their
 * week is weekOfDay of the day).
 */
export function windowDeployments(q: DoraQuery): Prisma.Sql {
  return Prisma.sql`
    SELECT d.id, d."finishedAt", d.kind, d."remediatesIncidentId",
           ${periodOf(Prisma.sql`d."finishedAt"`, q)} AS period,
           (d."finishedAt" AT TIME ZONE ${q.timeZone})::date AS day
    FROM "Deployment" d
    WHERE ${successfulIn(Prisma.sql`d`, q)}
      AND d."finishedAt" >= ${q.previousFrom} AND d."finishedAt" < ${q.to}
      ${inScope(Prisma.sql`d."serviceId"`, q)}`;
}

/** The end of the attribution window after `to`: a window deployment's incidents open before it. */
export function attributionEnd(q: DoraQuery): Prisma.Sql {
  return Prisma.sql`(${q.to}::timestamptz + ${q.attributionHours}::float8 * interval '1 hour')`;
}

/**
 * Hours between two timestamps, as a double. date_part on the interval is exact for
 * millisecond-precise spans and, unlike extract (numeric since PostgreSQL 14), fast.
 */
export function hoursBetween(start: Prisma.Sql, end: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`(date_part('epoch', ${end} - ${start}) / 3600)`;
}
