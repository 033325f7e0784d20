// Rows of the CSV exports (api.md GET /api/v1/export/{kind}.csv), read a page at a time in a
// stable order (keyset pagination), so an export of any size streams in constant memory.
import { Prisma } from "../../../generated/prisma/client.ts";
import type { Tx } from "../../types.ts";
import { failedDeploymentIds } from "../dora/changeFailureRate.ts";
import { inScope, windowDeployments } from "../dora/fragments.ts";
import { deploymentColumns, deploymentJoins, type DeploymentRow } from "../lists/deployments.ts";
import type { CostQuery } from "./scope.ts";

export const EXPORT_PAGE = 5_000;

/** Deployments to the filtered environment finished in the window, any status, after `after`: the list's rows. */
export function deploymentPage(db: Tx, q: CostQuery, after: { finishedAt: Date; id: string } | null): Promise<DeploymentRow[]> {
  return db.$queryRaw<DeploymentRow[]>(Prisma.sql`
    SELECT ${deploymentColumns}
    FROM "Deployment" d ${deploymentJoins}
    WHERE d."environmentId" = ${q.environmentId}::uuid AND d."finishedAt" >= ${q.from} AND d."finishedAt" < ${q.to}
      ${inScope(Prisma.sql`d."serviceId"`, q)}
      ${after ? Prisma.sql`AND (d."finishedAt", d.id) > (${after.finishedAt}, ${after.id})` : Prisma.empty}
    ORDER BY d."finishedAt", d.id
    LIMIT ${EXPORT_PAGE}`);
}

/** The window's successful deployments that caused a failure (the DORA engine's rule). */
export async function failedDeploymentsOfWindow(db: Tx, q: CostQuery): Promise<Set<string>> {
  const rows = await db.$queryRaw<{ id: string }[]>(Prisma.sql`
    WITH w AS (${windowDeployments(q)}), failed AS (${failedDeploymentIds(q)})
    SELECT DISTINCT w.id FROM w WHERE w.period = 'current' AND w.id IN (SELECT id FROM failed)`);
  return new Set(rows.map((r) => r.id));
}

export interface ChangeExportRow {
  id: string;
  sha: string;
  repository: string;
  service: string | null;
  team: string | null;
  committedAt: Date;
  authoredAt: Date | null;
  prNumber: number | null;
  prOpenedAt: Date | null;
  prMergedAt: Date | null;
  category: string;
  categorySource: string;
  labels: string[];
  title: string | null;
}

/** Changes in scope committed in the window, after `after`. */
export function changePage(db: Tx, q: CostQuery, after: { committedAt: Date; id: string } | null): Promise<ChangeExportRow[]> {
  return db.$queryRaw<ChangeExportRow[]>(Prisma.sql`
    SELECT c.id::text AS id, c.sha, c.repository, s.slug AS service, t.slug AS team, c."committedAt", c."authoredAt", c."prNumber",
           c."prOpenedAt", c."prMergedAt", c.category::text AS category, c."categorySource"::text AS "categorySource", coalesce(c.labels, '{}') AS labels, c.title
    FROM "Change" c
    LEFT JOIN "Service" s ON s.id = c."serviceId"
    LEFT JOIN "Team" t ON t.id = s."teamId"
    WHERE c."committedAt" >= ${q.from} AND c."committedAt" < ${q.to}
      ${inScope(Prisma.sql`c."serviceId"`, q)}
      ${after ? Prisma.sql`AND (c."committedAt", c.id) > (${after.committedAt}, ${after.id}::uuid)` : Prisma.empty}
    ORDER BY c."committedAt", c.id
    LIMIT ${EXPORT_PAGE}`);
}
