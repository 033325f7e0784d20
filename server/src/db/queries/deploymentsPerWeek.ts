// The benchmark's floor (server/bench/metrics.ts): the bare weekly count of successful deployments,
// read from an index, that the DORA metrics are compared with. No view uses it.
import { Prisma } from "../../generated/prisma/client.ts";
import type { Tx } from "../types.ts";

export interface WeekCount {
  week: string;
  deployments: number;
}

/** Successful deployments finished in [from, to), per week starting Monday in `timeZone`. */
export async function deploymentsPerWeek(
  db: Tx,
  q: { from: Date; to: Date; timeZone: string; environment: string; team?: string | undefined; service?: string | undefined },
): Promise<WeekCount[]> {
  const rows = await db.$queryRaw<{ week: string; deployments: number }[]>(Prisma.sql`
    SELECT to_char(date_trunc('week', d."finishedAt" AT TIME ZONE ${q.timeZone}), 'YYYY-MM-DD') AS week,
           count(*)::int AS deployments
    FROM "Deployment" d
    JOIN "Environment" e ON e.id = d."environmentId"
    JOIN "Service" s ON s.id = d."serviceId"
    LEFT JOIN "Team" t ON t.id = s."teamId"
    WHERE d.status = 'success'
      AND e.name = ${q.environment}
      AND d."finishedAt" >= ${q.from} AND d."finishedAt" < ${q.to}
      ${q.service ? Prisma.sql`AND s.slug = ${q.service}` : Prisma.empty}
      ${q.team ? Prisma.sql`AND t.slug = ${q.team}` : Prisma.empty}
    GROUP BY 1
    ORDER BY 1`);
  return rows;
}
