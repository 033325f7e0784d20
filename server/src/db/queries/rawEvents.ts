// Every accepted event is kept as a raw event under its dedupe key (event and payload hash), once
// per distinct payload: the keys that come back are the payloads never seen before. Whether an
// event is applied is EventState's decision (eventStates.ts): a payload seen before is applied
// again when it is not the event's latest version (a return to an earlier state).
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
