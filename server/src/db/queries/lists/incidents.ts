// The Incidents page: incidents open at any moment of the window, newest first, a page at a time;
// and the successful deployments each is attributed to, by the DORA engine's own rules
// (dora/changeFailureRate.ts failureCauses), so the page agrees with the change failure rate.
import { Prisma } from "../../../generated/prisma/client.ts";
import type { DeploymentKind, DeploymentStatus } from "../../../generated/prisma/enums.ts";
import type { Tx } from "../../types.ts";
import { attributedToEnvironment, failureCauses, type FailureRule } from "../dora/changeFailureRate.ts";
import { hoursBetween, inScope, successfulIn, windowDeployments, type DoraQuery } from "../dora/fragments.ts";
import { newestFirstPage, rowCount, type PageRange } from "./paging.ts";

export interface IncidentListFilters {
  severity?: string | undefined;
  state?: "open" | "resolved" | undefined;
}

export interface IncidentRow {
  id: string;
  title: string | null;
  severity: string | null;
  service: string | null;
  team: string | null;
  openedAt: Date;
  acknowledgedAt: Date | null;
  resolvedAt: Date | null;
  /** resolvedAt − openedAt in hours; null while open. */
  recoveryHours: number | null;
  responders: number | null;
  causedByDeploymentId: string | null;
  causedByCommitSha: string | null;
  notCausedByChange: boolean;
  url: string | null;
}

const columns = Prisma.sql`
  i.id, i.title, i.severity, s.slug AS service, t.slug AS team, i."openedAt", i."acknowledgedAt", i."resolvedAt",
  CASE WHEN i."resolvedAt" IS NOT NULL THEN ${hoursBetween(Prisma.sql`i."openedAt"`, Prisma.sql`i."resolvedAt"`)} END AS "recoveryHours",
  i.responders, i."causedByDeploymentId", i."causedByCommitSha", i."notCausedByChange", i.url`;

const joins = Prisma.sql`
  LEFT JOIN "Service" s ON s.id = i."serviceId"
  LEFT JOIN "Team" t ON t.id = s."teamId"`;

/**
 * Open at some moment of [from, to): opened before `to` and not resolved before `from`. Team and
 * service narrow through the incident's service; an environment other than production keeps the
 * incidents attributed to one of its deployments, as recovery time does (docs/metrics.md).
 */
function listWhere(q: DoraQuery, f: IncidentListFilters): Prisma.Sql {
  return Prisma.sql`
    WHERE i."openedAt" < ${q.to} AND (i."resolvedAt" IS NULL OR i."resolvedAt" >= ${q.from})
      ${inScope(Prisma.sql`i."serviceId"`, q)}
      ${q.isProduction ? Prisma.empty : Prisma.sql`AND ${attributedToEnvironment(Prisma.sql`i`, q)}`}
      ${f.severity ? Prisma.sql`AND i.severity = ${f.severity}` : Prisma.empty}
      ${f.state === "open" ? Prisma.sql`AND i."resolvedAt" IS NULL` : f.state === "resolved" ? Prisma.sql`AND i."resolvedAt" IS NOT NULL` : Prisma.empty}`;
}

export function incidentPage(db: Tx, q: DoraQuery, f: IncidentListFilters, page: PageRange): Promise<IncidentRow[]> {
  return newestFirstPage<IncidentRow>(
    db,
    Prisma.sql`SELECT ${columns} FROM "Incident" i ${joins} ${listWhere(q, f)}`,
    { at: Prisma.sql`i."openedAt"`, id: Prisma.sql`i.id` },
    page,
  );
}

export function incidentCount(db: Tx, q: DoraQuery, f: IncidentListFilters): Promise<number> {
  return rowCount(db, Prisma.sql`FROM "Incident" i ${listWhere(q, f)}`);
}

export async function incidentById(db: Tx, id: string): Promise<(IncidentRow & { serviceId: string | null }) | null> {
  const [row] = await db.$queryRaw<(IncidentRow & { serviceId: string | null })[]>(Prisma.sql`
    SELECT ${columns}, i."serviceId"::text AS "serviceId" FROM "Incident" i ${joins} WHERE i.id = ${id}`);
  return row ?? null;
}

export interface IncidentAttributionRow {
  incidentId: string;
  deploymentId: string;
  rule: Exclude<FailureRule, "rollback" | "revert">;
  service: string;
  finishedAt: Date;
  commitSha: string | null;
}

/**
 * The successful deployments of q's environment that `ids` are attributed to, and by which rule.
 * `q` must have from ≤ openedAt < to for every incident (the time-window rule looks there).
 */
export function attributionsOfIncidents(db: Tx, q: DoraQuery, ids: string[]): Promise<IncidentAttributionRow[]> {
  if (ids.length === 0) return Promise.resolve([]);
  // The causes are computed once (MATERIALIZED), then picked for the ids: left to itself, the
  // planner may re-run every rule once per row (seconds on the demo before its first ANALYZE).
  return db.$queryRaw<IncidentAttributionRow[]>(Prisma.sql`
    WITH w AS (${windowDeployments(q)}), c AS MATERIALIZED (${failureCauses(q)})
    SELECT DISTINCT c."incidentId", c.id AS "deploymentId", c.rule, s.slug AS service, d."finishedAt", d."commitSha"
    FROM c
    JOIN "Deployment" d ON d.id = c.id AND ${successfulIn(Prisma.sql`d`, q)}
    JOIN "Service" s ON s.id = d."serviceId"
    WHERE c."incidentId" = ANY(${ids}::text[])
    ORDER BY c."incidentId", d."finishedAt", c.id`);
}

export interface IncidentBrief {
  id: string;
  title: string | null;
  severity: string | null;
  openedAt: Date;
  resolvedAt: Date | null;
  causedByCommitSha: string | null;
}

export function incidentsByIds(db: Tx, ids: string[]): Promise<IncidentBrief[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return db.$queryRaw<IncidentBrief[]>(Prisma.sql`
    SELECT i.id, i.title, i.severity, i."openedAt", i."resolvedAt", i."causedByCommitSha"
    FROM "Incident" i WHERE i.id = ANY(${ids}::text[]) ORDER BY i."openedAt", i.id`);
}

export interface DeploymentBrief {
  id: string;
  service: string;
  environment: string;
  status: DeploymentStatus;
  kind: DeploymentKind;
  finishedAt: Date;
  commitSha: string | null;
}

/** Deployments by id (rollbacks, remediations), oldest first. */
export function deploymentsByIds(db: Tx, ids: string[]): Promise<DeploymentBrief[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return db.$queryRaw<DeploymentBrief[]>(Prisma.sql`
    SELECT d.id, s.slug AS service, e.name AS environment, d.status::text AS status, d.kind::text AS kind, d."finishedAt", d."commitSha"
    FROM "Deployment" d JOIN "Service" s ON s.id = d."serviceId" JOIN "Environment" e ON e.id = d."environmentId"
    WHERE d.id = ANY(${ids}::text[]) ORDER BY d."finishedAt", d.id`);
}

/** Deployments that say they remediate the incident (remediatesIncidentId), oldest first. */
export function remediationsOf(db: Tx, incidentId: string): Promise<DeploymentBrief[]> {
  return db.$queryRaw<DeploymentBrief[]>(Prisma.sql`
    SELECT d.id, s.slug AS service, e.name AS environment, d.status::text AS status, d.kind::text AS kind, d."finishedAt", d."commitSha"
    FROM "Deployment" d JOIN "Service" s ON s.id = d."serviceId" JOIN "Environment" e ON e.id = d."environmentId"
    WHERE d."remediatesIncidentId" = ${incidentId} ORDER BY d."finishedAt", d.id`);
}
