// Row counts of every table, to prove a refused request changed nothing. The list of tables is
// Prisma's, so a table added to the schema is counted without touching this file.
import { Prisma } from "../../server/src/generated/prisma/client.ts";
import type { Db } from "../../server/src/db/client.ts";

export type Counts = Record<string, number>;

interface Countable {
  count(): Promise<number>;
}

export async function snapshotCounts(prisma: Db): Promise<Counts> {
  const delegates = prisma as unknown as Record<string, Countable>;
  const counts: Counts = {};
  // One at a time: PGlite serves one query at a time anyway, and the order stays stable.
  for (const model of Object.values(Prisma.ModelName)) {
    counts[model] = await (delegates[model.charAt(0).toLowerCase() + model.slice(1)] as Countable).count();
  }
  return counts;
}
