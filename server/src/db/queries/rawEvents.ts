// Every accepted event is kept as a raw event under its dedupe key. Inserting them first, with
// ON CONFLICT DO NOTHING, is also the dedupe: the keys that come back are the events not seen
// before. A batch sent twice at once cannot double-apply: the second insert waits for the first
// transaction and then finds its keys taken.
import { Prisma } from "../../generated/prisma/client.ts";
import type { Tx } from "../types.ts";
import { jsonChunks, recordset, rawEventColumns } from "./bulkInsert.ts";

export async function insertNewRawEvents(tx: Tx, rows: readonly Record<string, unknown>[]): Promise<Set<string>> {
  const fresh = new Set<string>();
  if (rows.length === 0) return fresh;
  const { recordType, select, names } = recordset(rawEventColumns);
  // In key order: two batches sharing events wait on each other's keys in one order (no deadlock).
  const sorted = [...rows].sort((a, b) => (String(a.dedupeKey) < String(b.dedupeKey) ? -1 : String(a.dedupeKey) > String(b.dedupeKey) ? 1 : 0));
  for (const json of jsonChunks(sorted)) {
    const inserted = await tx.$queryRaw<{ dedupeKey: string }[]>(Prisma.sql`
      INSERT INTO "RawEvent" (${names})
      SELECT ${select} FROM json_to_recordset(${json}::json) AS x(${recordType})
      ON CONFLICT ("dedupeKey") DO NOTHING
      RETURNING "dedupeKey"`);
    for (const row of inserted) fresh.add(row.dedupeKey);
  }
  return fresh;
}
