// The stored changes with any of the given shas (in any repository): what upsertChanges matches
// incoming changes against. One JSON parameter whatever the count, so one query plan.
// The rows are locked (FOR UPDATE) in id order: the caller updates them next, so it decides on
// their latest committed values, and two batches sharing changes wait for each other in one order
// instead of deadlocking (an UPDATE ... FROM locks rows in whatever order its join visits them).
import { Prisma } from "../../generated/prisma/client.ts";
import type { CategorySource } from "../../generated/prisma/enums.ts";
import type { Tx } from "../types.ts";

export interface StoredChange {
  id: string;
  sha: string;
  repository: string;
  categorySource: CategorySource;
}

export async function changesBySha(tx: Tx, shas: readonly string[]): Promise<StoredChange[]> {
  if (shas.length === 0) return [];
  return tx.$queryRaw<StoredChange[]>(Prisma.sql`
    SELECT id, sha, repository, "categorySource"::text AS "categorySource"
    FROM "Change"
    WHERE sha IN (SELECT json_array_elements_text(${JSON.stringify(shas)}::json))
    ORDER BY id
    FOR UPDATE`);
}
