// Hours lost to rework (product.md "Cost model") = rework deployments × rework hours. A rework
// deployment is the DORA engine's (isRework in dora/reworkRate.ts): a successful deployment to the
// filtered environment of kind rollback or hotfix, or carrying remediatesIncidentId. Counted here
// per (team, week of finishedAt); the hours come from the cost model in TypeScript.
import { Prisma } from "../../../generated/prisma/client.ts";
import type { Tx } from "../../types.ts";
import { inScope, successfulIn, weekLabel, weekOf } from "../dora/fragments.ts";
import { isRework } from "../dora/reworkRate.ts";
import type { CostQuery } from "./scope.ts";

export interface ReworkRow {
  teamId: string | null;
  week: string;
  rework: number;
}

export function reworkRows(db: Tx, q: CostQuery): Promise<ReworkRow[]> {
  return db.$queryRaw<ReworkRow[]>(Prisma.sql`
    SELECT s."teamId"::text AS "teamId", ${weekLabel(weekOf(Prisma.sql`d."finishedAt"`, q))} AS week, count(*)::int AS rework
    FROM "Deployment" d
    JOIN "Service" s ON s.id = d."serviceId"
    WHERE ${successfulIn(Prisma.sql`d`, q)} AND ${isRework(Prisma.sql`d`)}
      AND d."finishedAt" >= ${q.from} AND d."finishedAt" < ${q.to}
      ${inScope(Prisma.sql`d."serviceId"`, q)}
    GROUP BY 1, 2
    ORDER BY 2, 1`);
}
