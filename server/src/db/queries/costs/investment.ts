// Investment balance (product.md): changes per category, per team and week. A change counts in the
// week it was committed (committedAt, the organisation's weeks) and belongs to its service's team;
// its category was settled at ingestion (explicit > label > Conventional Commits prefix > other).
import { Prisma } from "../../../generated/prisma/client.ts";
import type { Tx } from "../../types.ts";
import { inScope, weekLabel, weekOf } from "../dora/fragments.ts";
import type { CostQuery } from "./scope.ts";

export interface CategoryCountRow {
  teamId: string | null;
  week: string;
  category: "feature" | "debt" | "bug" | "unplanned" | "other";
  changes: number;
}

export function changeCategoryRows(db: Tx, q: CostQuery): Promise<CategoryCountRow[]> {
  return db.$queryRaw<CategoryCountRow[]>(Prisma.sql`
    SELECT s."teamId"::text AS "teamId", ${weekLabel(weekOf(Prisma.sql`c."committedAt"`, q))} AS week,
           c.category::text AS category, count(*)::int AS changes
    FROM "Change" c
    LEFT JOIN "Service" s ON s.id = c."serviceId"
    WHERE c."committedAt" >= ${q.from} AND c."committedAt" < ${q.to}
      ${inScope(Prisma.sql`c."serviceId"`, q)}
    GROUP BY 1, 2, 3
    ORDER BY 2, 1, 3`);
}
