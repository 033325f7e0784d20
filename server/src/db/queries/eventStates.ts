// The latest version of each event. An event is applied only when its payload differs from the
// latest version stored (a return to an earlier state is a change too) and, when it carries the
// vendor's own time, that time is not before the stored one: a late webhook delivery never
// overwrites a newer state. One upsert both decides and records this, so two batches sending
// the same version at once apply it once (the second waits for the first's row lock, then finds
// the hash equal).
import { Prisma } from "../../generated/prisma/client.ts";
import type { Tx } from "../types.ts";
import { jsonChunks } from "./bulkInsert.ts";

export interface EventVersion {
  /** "<type>:<event id>" */
  key: string;
  hash: string;
  /** ISO time the vendor gives this version, if any. */
  occurredAt: string | null;
}

/** Records the versions that are newer than what is stored; returns their keys (the ones to apply). */
export async function advanceEventStates(tx: Tx, versions: readonly EventVersion[]): Promise<Set<string>> {
  const applied = new Set<string>();
  const now = new Date().toISOString();
  // In key order, so two batches locking the same rows take them in the same order (no deadlock).
  const rows = [...versions].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)).map((v) => ({ ...v, updatedAt: now }));
  for (const json of jsonChunks(rows)) {
    const appliedRows = await tx.$queryRaw<{ key: string }[]>(Prisma.sql`
      INSERT INTO "EventState" ("key", "hash", "occurredAt", "updatedAt")
      SELECT x."key", x."hash", x."occurredAt", x."updatedAt"
      FROM json_to_recordset(${json}::json) AS x("key" text, "hash" text, "occurredAt" timestamptz, "updatedAt" timestamptz)
      ON CONFLICT ("key") DO UPDATE SET
        "hash" = excluded."hash",
        "occurredAt" = COALESCE(excluded."occurredAt", "EventState"."occurredAt"),
        "updatedAt" = excluded."updatedAt"
      WHERE "EventState"."hash" <> excluded."hash"
        AND (excluded."occurredAt" IS NULL OR "EventState"."occurredAt" IS NULL OR excluded."occurredAt" >= "EventState"."occurredAt")
      RETURNING "key"`);
    for (const row of appliedRows) applied.add(row.key);
  }
  return applied;
}
