// The ids of test cases by identity key, creating the missing ones: ONE statement per chunk that
// inserts the new ones (RETURNING their ids) and reads the known ones, instead of an insert and a
// Prisma `findMany({ keyHash: { in } })` (1.8 s of a 50,000-test upload went to that read alone).
// A test is found by the SHA-256 of its key (`keyHash`, the unique index: a key may be longer than
// an index entry holds). Cases are written in hash order so two uploads creating the same tests
// wait in one order.
import { Prisma } from "../../generated/prisma/client.ts";
import type { Tx } from "../types.ts";
import { quote, recordset, testCaseColumns } from "./bulkInsert.ts";

export type TestCaseRow = Record<string, unknown> & { key: string; keyHash: string };

export async function testCaseIds(tx: Tx, cases: readonly TestCaseRow[]): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  if (cases.length === 0) return ids;
  const keyOf = new Map(cases.map((c) => [c.keyHash, c.key]));
  const { recordType, select, names } = recordset(testCaseColumns);
  const json = JSON.stringify(cases);
  const rows = await tx.$queryRaw<{ id: number; keyHash: string }[]>(Prisma.sql`
    WITH x AS (SELECT * FROM json_to_recordset(${json}::json) AS x(${recordType})),
    created AS (
      INSERT INTO "TestCase" (${names})
      SELECT ${select} FROM x ORDER BY x."keyHash"
      ON CONFLICT DO NOTHING
      RETURNING id, "keyHash"
    )
    SELECT id, "keyHash" FROM created
    UNION ALL
    SELECT t.id, t."keyHash" FROM "TestCase" t JOIN x ON t."keyHash" = x."keyHash"`);
  for (const row of rows) ids.set(keyOf.get(row.keyHash)!, row.id);
  // A case another upload committed while this statement ran is in neither part (its snapshot is
  // older than that commit): read those again, with a new snapshot.
  const missing = cases.filter((c) => !ids.has(c.key)).map((c) => c.keyHash);
  if (missing.length > 0) {
    const late = await tx.$queryRaw<{ id: number; keyHash: string }[]>(Prisma.sql`
      SELECT id, ${Prisma.raw(quote("keyHash"))} FROM "TestCase"
      WHERE "keyHash" IN (SELECT json_array_elements_text(${JSON.stringify(missing)}::json))`);
    for (const row of late) ids.set(keyOf.get(row.keyHash)!, row.id);
  }
  return ids;
}
