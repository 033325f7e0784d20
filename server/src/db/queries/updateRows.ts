// Many rows updated by id in ONE statement (UPDATE ... FROM json_to_recordset), instead of one
// UPDATE each: one round trip, and one run of the table's statement-level triggers. A null in a
// row means "leave this column as it is" (COALESCE), so each row sets only what it carries.
import { Prisma } from "../../generated/prisma/client.ts";
import type { Tx } from "../types.ts";
import { jsonChunks, quote, recordset, type Column } from "./bulkInsert.ts";

export async function updateRowsById(tx: Tx, table: string, columns: readonly Column[], rows: readonly Record<string, unknown>[]): Promise<number> {
  if (rows.length === 0) return 0;
  const { recordType } = recordset(columns);
  const assignments = Prisma.raw(
    columns
      .filter(([name]) => name !== "id")
      .map(([name, type]) => {
        const value = type.startsWith('"') ? `x.${quote(name)}::${type}` : `x.${quote(name)}`;
        return `${quote(name)} = COALESCE(${value}, t.${quote(name)})`;
      })
      .join(", "),
  );
  const idType = Prisma.raw(columns.find(([name]) => name === "id")?.[1] ?? "text");
  let updated = 0;
  for (const json of jsonChunks(rows)) {
    updated += await tx.$executeRaw(Prisma.sql`
      UPDATE ${Prisma.raw(quote(table))} AS t SET ${assignments}
      FROM json_to_recordset(${json}::json) AS x(${recordType})
      WHERE t."id" = x."id"::${idType}`);
  }
  return updated;
}
