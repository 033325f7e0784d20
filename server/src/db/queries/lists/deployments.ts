// The Deployments page: deployments to the filtered environment finished in the window, any
// status, newest first, a page at a time; and one deployment with what it shipped and why it counts
// as a failure. Which deployments caused a failure, and why, comes from the DORA engine's own
// rules (dora/changeFailureRate.ts failureCauses): the page shows exactly what the metric counts.
import { Prisma } from "../../../generated/prisma/client.ts";
import type { DeploymentKind, DeploymentStatus } from "../../../generated/prisma/enums.ts";
import type { Tx } from "../../types.ts";
import { failedDeploymentIds, failureCauses, type FailureCauseRow } from "../dora/changeFailureRate.ts";
import { hoursBetween, inScope, windowDeployments, type DoraQuery } from "../dora/fragments.ts";
import { newestFirstPage, rowCount, type PageRange } from "./paging.ts";

export interface DeploymentListFilters {
  status?: DeploymentStatus | undefined;
  kind?: DeploymentKind | undefined;
  /** true: successful deployments that caused a failure; false: successful ones that did not. */
  changeFailure?: boolean | undefined;
}

export interface DeploymentRow {
  id: string;
  service: string;
  team: string | null;
  environment: string;
  status: DeploymentStatus;
  kind: DeploymentKind;
  startedAt: Date | null;
  finishedAt: Date;
  commitSha: string | null;
  repository: string | null;
  rollbackOfDeploymentId: string | null;
  remediatesIncidentId: string | null;
  url: string | null;
  /** Changes (commits) it shipped. */
  changes: number;
}

/** A DeploymentRow's columns, from `Deployment d` with deploymentJoins (the list and the CSV export). */
export const deploymentColumns = Prisma.sql`
  d.id, s.slug AS service, t.slug AS team, e.name AS environment, d.status::text AS status, d.kind::text AS kind,
  d."startedAt", d."finishedAt", d."commitSha", d.repository, d."rollbackOfDeploymentId", d."remediatesIncidentId", d.url,
  (SELECT count(*) FROM "DeploymentChange" dc WHERE dc."deploymentId" = d.id)::int AS changes`;

export const deploymentJoins = Prisma.sql`
  JOIN "Service" s ON s.id = d."serviceId"
  LEFT JOIN "Team" t ON t.id = s."teamId"
  JOIN "Environment" e ON e.id = d."environmentId"`;

/**
 * The failure filter needs the engine's failed deployments (`failed`), which need the window's
 * (`w`). Computed once (MATERIALIZED): otherwise the planner may re-run the rules per deployment.
 */
function withFailed(q: DoraQuery, f: DeploymentListFilters): Prisma.Sql {
  return f.changeFailure === undefined ? Prisma.empty : Prisma.sql`WITH w AS (${windowDeployments(q)}), failed AS MATERIALIZED (${failedDeploymentIds(q)})`;
}

function listWhere(q: DoraQuery, f: DeploymentListFilters): Prisma.Sql {
  const failure =
    f.changeFailure === undefined
      ? Prisma.empty
      : Prisma.sql`AND d.status = 'success' AND d.id ${f.changeFailure ? Prisma.sql`IN` : Prisma.sql`NOT IN`} (SELECT id FROM failed WHERE id IS NOT NULL)`;
  return Prisma.sql`
    WHERE d."environmentId" = ${q.environmentId}::uuid AND d."finishedAt" >= ${q.from} AND d."finishedAt" < ${q.to}
      ${inScope(Prisma.sql`d."serviceId"`, q)}
      ${f.status ? Prisma.sql`AND d.status = ${f.status}::"DeploymentStatus"` : Prisma.empty}
      ${f.kind ? Prisma.sql`AND d.kind = ${f.kind}::"DeploymentKind"` : Prisma.empty}
      ${failure}`;
}

export function deploymentPage(db: Tx, q: DoraQuery, f: DeploymentListFilters, page: PageRange): Promise<DeploymentRow[]> {
  return newestFirstPage<DeploymentRow>(
    db,
    Prisma.sql`${withFailed(q, f)} SELECT ${deploymentColumns} FROM "Deployment" d ${deploymentJoins} ${listWhere(q, f)}`,
    { at: Prisma.sql`d."finishedAt"`, id: Prisma.sql`d.id` },
    page,
  );
}

export function deploymentCount(db: Tx, q: DoraQuery, f: DeploymentListFilters): Promise<number> {
  return rowCount(db, Prisma.sql`FROM "Deployment" d ${listWhere(q, f)}`, withFailed(q, f));
}

/**
 * Why each of `ids` caused a failure, for those that did. `ids` must be successful deployments of
 * q's environment and scope, finished in [from, to) (the rules look from there).
 */
export function causesOfDeployments(db: Tx, q: DoraQuery, ids: string[]): Promise<FailureCauseRow[]> {
  if (ids.length === 0) return Promise.resolve([]);
  // The causes are computed once (MATERIALIZED), from the few incidents and rollbacks, then picked
  // for the ids. Left to itself, the planner may instead re-run every rule once per deployment of the
  // window: 17 s on the demo data before its tables were first analysed.
  return db.$queryRaw<FailureCauseRow[]>(Prisma.sql`
    WITH w AS (${windowDeployments(q)}), c AS MATERIALIZED (${failureCauses(q)})
    SELECT DISTINCT c.id, c.rule, c."incidentId", c."rollbackId", c."revertSha"
    FROM c
    WHERE c.id = ANY(${ids}::text[])
    ORDER BY c.id, c.rule, c."incidentId", c."rollbackId", c."revertSha"`);
}

export interface DeploymentRecord extends DeploymentRow {
  serviceId: string;
  environmentId: string;
}

export async function deploymentById(db: Tx, id: string): Promise<DeploymentRecord | null> {
  const [row] = await db.$queryRaw<DeploymentRecord[]>(Prisma.sql`
    SELECT ${deploymentColumns}, d."serviceId"::text AS "serviceId", d."environmentId"::text AS "environmentId"
    FROM "Deployment" d ${deploymentJoins}
    WHERE d.id = ${id}`);
  return row ?? null;
}

export interface ShippedChangeRow {
  sha: string;
  repository: string;
  title: string | null;
  category: string;
  committedAt: Date;
  prNumber: number | null;
  /** The first successful deployment of this service and environment that shipped it (lead time counts there), if any. */
  firstDeploymentId: string | null;
  /** finishedAt − committedAt of that first delivery, in hours; negative ones are excluded from the metric. */
  leadTimeHours: number | null;
}

/** The changes a deployment shipped, newest commit first, with where their lead time is counted. */
export function shippedChanges(db: Tx, d: DeploymentRecord): Promise<ShippedChangeRow[]> {
  return db.$queryRaw<ShippedChangeRow[]>(Prisma.sql`
    SELECT c.sha, c.repository, c.title, c.category::text AS category, c."committedAt", c."prNumber",
           cd."deploymentId" AS "firstDeploymentId",
           ${hoursBetween(Prisma.sql`cd."committedAt"`, Prisma.sql`cd."finishedAt"`)} AS "leadTimeHours"
    FROM "DeploymentChange" dc
    JOIN "Change" c ON c.id = dc."changeId"
    LEFT JOIN "ChangeDelivery" cd ON cd."changeId" = c.id AND cd."serviceId" = ${d.serviceId}::uuid AND cd."environmentId" = ${d.environmentId}::uuid
    WHERE dc."deploymentId" = ${d.id}
    ORDER BY c."committedAt" DESC, c.sha`);
}
