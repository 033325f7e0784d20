// Deployment rework rate (product.md, metric 5): a successful deployment is rework when it was
// unplanned: kind rollback or hotfix, or it carries remediatesIncidentId.
import { Prisma } from "../../../generated/prisma/client.ts";

export function isRework(d: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`(${d}.kind IN ('rollback', 'hotfix') OR ${d}."remediatesIncidentId" IS NOT NULL)`;
}
