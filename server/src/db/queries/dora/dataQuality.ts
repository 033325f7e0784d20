// Data-quality counts for the current window (api.md asks for them beside the metrics): what the
// metrics could not use. Changes with negative lead time come with the lead-time query and open
// incidents with the recovery query; these two are the rest.
import { Prisma } from "../../../generated/prisma/client.ts";
import type { Tx } from "../../types.ts";
import { inScope, successfulIn, type DoraQuery } from "./fragments.ts";

export interface CountWithExamples {
  count: number;
  examples: string[] | null;
}

/** Successful deployments in scope finished in the window that shipped no known change: no lead time. */
export function deploymentsWithoutChangesSql(q: DoraQuery): Prisma.Sql {
  return Prisma.sql`
    SELECT count(*)::int AS count, (array_agg(d.id ORDER BY d."finishedAt" DESC, d.id))[1:20] AS examples
    FROM "Deployment" d
    WHERE ${successfulIn(Prisma.sql`d`, q)}
      AND d."finishedAt" >= ${q.from} AND d."finishedAt" < ${q.to}
      ${inScope(Prisma.sql`d."serviceId"`, q)}
      -- hasChanges: whether any DeploymentChange links it, kept by triggers (migration deployment_has_changes).
      AND NOT d."hasChanges"`;
}

export async function deploymentsWithoutChanges(db: Tx, q: DoraQuery): Promise<CountWithExamples> {
  const [row] = await db.$queryRaw<CountWithExamples[]>(deploymentsWithoutChangesSql(q));
  return row ?? { count: 0, examples: [] };
}

/**
 * Incidents with no service opened or resolved in the window. They belong to no team or service,
 * so they are listed whatever the team or service filter: no filtered view could show them.
 */
export async function incidentsWithoutService(db: Tx, q: DoraQuery): Promise<CountWithExamples> {
  const [row] = await db.$queryRaw<CountWithExamples[]>(Prisma.sql`
    SELECT count(*)::int AS count, (array_agg(i.id ORDER BY i."openedAt" DESC, i.id))[1:20] AS examples
    FROM "Incident" i
    WHERE i."serviceId" IS NULL
      AND ((i."openedAt" >= ${q.from} AND i."openedAt" < ${q.to}) OR (i."resolvedAt" >= ${q.from} AND i."resolvedAt" < ${q.to}))`);
  return row ?? { count: 0, examples: [] };
}
