// The ids of test cases by identity key, creating the missing ones: ONE statement per chunk that
// inserts the new ones (RETURNING their ids) and reads the known ones, instead of an insert and a
// Prisma `findMany({ key: { in } })` (1.8 s of a 50,000-test upload went to that read alone).
// Cases are written in key order so two uploads creating the same tests wait in one order.
import { Prisma } from "../../generated/prisma/client.ts";
import type { Tx } from "../types.ts";
import { quote, recordset, testCaseColumns } from "./bulkInsert.ts";

export type TestCaseRow = Record<string, unknown> & { key: string };

export async function testCaseIds(tx: Tx, cases: readonly TestCaseRow[]): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  if (cases.length === 0) return ids;
  const { recordType, select, names } = recordset(testCaseColumns);
  const json = JSON.stringify(cases);
  const rows = await tx.$queryRaw<{ id: number; key: string }[]>(Prisma.sql`
    WITH x AS (SELECT * FROM json_to_recordset(${json}::json) AS x(${recordType})),
    created AS (
      INSERT INTO "TestCase" (${names})
      SELECT ${select} FROM x ORDER BY x."key"
      ON CONFLICT DO NOTHING
      RETURNING id, "key"
    )
    SELECT id, "key" FROM created
    UNION ALL
    SELECT t.id, t."key" FROM "TestCase" t JOIN x ON t."key" = x."key"`);
  for (const row of rows) ids.set(row.key, row.id);
  // A case another upload committed while this statement ran is in neither part (its snapshot is
  // older than that commit): read those again, with a new snapshot.
  const missing = cases.filter((c) => !ids.has(c.key)).map((c) => c.key);
  if (missing.length > 0) {
    const late = await tx.$queryRaw<{ id: number; key: string }[]>(Prisma.sql`
      SELECT id, ${Prisma.raw(quote("key"))} FROM "TestCase"
      WHERE "key" IN (SELECT json_array_elements_text(${JSON.stringify(missing)}::json))`);
    for (const row of late) ids.set(row.key, row.id);
  }
  return ids;
}
