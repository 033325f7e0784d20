// Rows that carry their own stable id (deployments, incidents, builds), inserted or replaced in
// ONE statement: INSERT ... ON CONFLICT (id) DO UPDATE. It replaces a lookup, an insert and one
// UPDATE per known row, and it is safe when two batches send the same id at once (the second
// waits for the first and then updates). `xmax = 0` tells an inserted row from an updated one.
import { Prisma } from "../../generated/prisma/client.ts";
import type { Tx } from "../types.ts";
import { jsonChunks, quote, recordset, type Column } from "./bulkInsert.ts";

/** Columns an update leaves alone. */
const KEEP_ON_UPDATE = new Set(["id", "createdAt"]);

export async function upsertRows(
  tx: Tx,
  table: string,
  columns: readonly Column[],
  rows: readonly Record<string, unknown>[],
): Promise<{ created: number; updated: number }> {
  let created = 0;
  let updated = 0;
  if (rows.length === 0) return { created, updated };
  const { recordType, select, names } = recordset(columns);
  const assignments = Prisma.raw(
    columns
      .filter(([name]) => !KEEP_ON_UPDATE.has(name))
      .map(([name]) => `${quote(name)} = excluded.${quote(name)}`)
      .join(", "),
  );
  // In id order, so two batches upserting the same rows lock them in the same order (no deadlock).
  const sorted = [...rows].sort((a, b) => (String(a.id) < String(b.id) ? -1 : String(a.id) > String(b.id) ? 1 : 0));
  for (const json of jsonChunks(sorted)) {
    const result = await tx.$queryRaw<{ created: number; updated: number }[]>(Prisma.sql`
      WITH written AS (
        INSERT INTO ${Prisma.raw(quote(table))} (${names})
        SELECT ${select} FROM json_to_recordset(${json}::json) AS x(${recordType})
        ON CONFLICT ("id") DO UPDATE SET ${assignments}
        RETURNING (xmax = 0) AS inserted
      )
      SELECT count(*) FILTER (WHERE inserted)::int AS created, count(*) FILTER (WHERE NOT inserted)::int AS updated FROM written`);
    created += result[0]?.created ?? 0;
    updated += result[0]?.updated ?? 0;
  }
  return { created, updated };
}
