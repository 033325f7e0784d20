import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { expect, test } from "vitest";
import { applyMigrations, diffMigrationsToSchema } from "../../server/src/db/migrations.ts";
import { createTestDatabase } from "../support/database.ts";

test("schema.prisma and prisma/migrations agree (run `pnpm migration:create <name>` after editing the schema)", async () => {
  const pglite = new PGlite();
  try {
    const sql = await diffMigrationsToSchema(new PrismaPGlite(pglite));
    // The engine answers with this comment alone when there is nothing to migrate.
    expect(sql.trim()).toBe("-- This is an empty migration.");
  } finally {
    await pglite.close();
  }
});

test("migrations apply once: a second run applies nothing", async () => {
  const database = await createTestDatabase(); // applies them
  try {
    expect(await applyMigrations(database.adapterFactory)).toEqual([]);
    const tables = await database.prisma.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = current_schema() AND table_name IN ('Deployment', 'Incident', 'TestResult', 'RawEvent')`;
    expect(tables[0]?.n).toBe(4);
  } finally {
    await database.close();
  }
});
