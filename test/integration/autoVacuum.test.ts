// Keel's autovacuum for PGlite (server/src/db/autoVacuum.ts), which has none of its own: tables
// that changed past autovacuum's default thresholds are vacuumed (so index-only scans skip the
// table) or analyzed, and tables that did not are left alone. PostgreSQL runs its own
// autovacuum, so these tests run on PGlite only.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { maintainWhereNeeded } from "../../server/src/db/autoVacuum.ts";
import { createTestDatabase, testDbKind, type TestDatabase } from "../support/database.ts";

describe.runIf(testDbKind === "pglite")("autovacuum on PGlite", () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
    await maintainWhereNeeded(database.prisma); // whatever the migrations left
  });
  afterAll(() => database.close());

  /** The plan of a read that only the slug index can answer (other scans turned off for it alone). */
  const teamPlan = async () => {
    await database.prisma.$executeRawUnsafe(`SET enable_seqscan = off`);
    await database.prisma.$executeRawUnsafe(`SET enable_bitmapscan = off`);
    try {
      const rows = await database.prisma.$queryRawUnsafe<{ "QUERY PLAN": string }[]>(
        `EXPLAIN (ANALYZE, COSTS OFF) SELECT slug FROM "Team" WHERE slug >= 'team-0' AND slug < 'team-3'`,
      );
      return rows.map((row) => row["QUERY PLAN"]).join("\n");
    } finally {
      // Only this statement reads with other scans off.
      await database.prisma.$executeRawUnsafe(`RESET enable_seqscan`);
      await database.prisma.$executeRawUnsafe(`RESET enable_bitmapscan`);
    }
  };
  const teamsFor = (tables: { table: string; action: string }[]) => tables.filter((t) => t.table === "Team");
  /** What the check finds for Team. A backend reports its table counts at most once a second unless told to. */
  const maintainTeam = async () => {
    await database.prisma.$executeRawUnsafe(`SELECT pg_stat_force_next_flush()`);
    return teamsFor(await maintainWhereNeeded(database.prisma));
  };

  test("2,000 new rows: the table is vacuumed, and an index-only scan then reads no row from the table", async () => {
    await database.prisma.$executeRawUnsafe(
      `INSERT INTO "Team" (id, slug, name) SELECT gen_random_uuid(), 'team-' || i, 'Team ' || i FROM generate_series(1, 2000) i`,
    );
    expect(await teamPlan()).toMatch(/Index Only Scan[\s\S]*Heap Fetches: [1-9]/);
    expect(await maintainTeam()).toEqual([{ table: "Team", action: "vacuum" }]);
    expect(await teamPlan()).toMatch(/Index Only Scan[\s\S]*Heap Fetches: 0/);
  });

  test("nothing changed since: nothing is done", async () => {
    expect(await maintainTeam()).toEqual([]);
  });

  test("a few updates: under both thresholds, left alone", async () => {
    // 100 changed rows of 2,000: ANALYZE past 50 + 10% (250), VACUUM past 50 + 20% dead (450).
    await database.prisma.$executeRawUnsafe(`UPDATE "Team" SET size = 1 WHERE slug IN (SELECT 'team-' || i FROM generate_series(1, 100) i)`);
    expect(await maintainTeam()).toEqual([]);
  });

  test("more updates: statistics are stale before there are enough dead rows to vacuum", async () => {
    await database.prisma.$executeRawUnsafe(`UPDATE "Team" SET size = 2 WHERE slug IN (SELECT 'team-' || i FROM generate_series(1, 300) i)`);
    expect(await maintainTeam()).toEqual([{ table: "Team", action: "analyze" }]);
  });

  test("many updates: vacuumed", async () => {
    await database.prisma.$executeRawUnsafe(`UPDATE "Team" SET size = 3`);
    expect(await maintainTeam()).toEqual([{ table: "Team", action: "vacuum" }]);
  });
});
