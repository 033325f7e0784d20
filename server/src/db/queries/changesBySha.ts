// The stored changes with any of the given shas (in any repository): what upsertChanges matches
// incoming changes against. One JSON parameter whatever the count, so one query plan.
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
    WHERE sha IN (SELECT json_array_elements_text(${JSON.stringify(shas)}::json))`);
}
