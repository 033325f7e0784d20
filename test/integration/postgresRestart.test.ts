// PostgreSQL ending Keel's idle connections (a restart, a failover, pg_terminate_backend: 57P01)
// must not end the process or fail the next request: the pool drops them and the next query opens
// a new one (an unhandled error event would also fail this file).
import pg from "pg";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { openDatabase, type Database } from "../../server/src/db/client.ts";
import { createPostgresDatabase, postgresAdminUrl, testDbKind } from "../support/database.ts";

describe.runIf(testDbKind === "postgres")("PostgreSQL ends Keel's idle connections", () => {
  let database: Database;
  let drop: () => Promise<void>;
  let name: string;
  beforeAll(async () => {
    const created = await createPostgresDatabase();
    drop = created.drop;
    name = new URL(created.url).pathname.slice(1);
    database = await openDatabase({ databaseUrl: created.url });
  });
  afterAll(async () => {
    await database?.close();
    await drop?.();
  });

  test("the next query works, and nothing is left unhandled", async () => {
    await Promise.all([1, 2, 3].map(() => database.prisma.$queryRaw`SELECT 1::int AS one FROM pg_sleep(0.05)`));
    expect(database.poolStats?.().idle).toBeGreaterThan(0);
    const admin = new pg.Client({ connectionString: postgresAdminUrl });
    await admin.connect();
    const { rows } = await admin.query(
      "SELECT count(pg_terminate_backend(pid))::int AS ended FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()",
      [name],
    );
    await admin.end();
    expect(rows[0].ended).toBeGreaterThan(0);
    // Let the terminations arrive at the idle connections.
    await new Promise((resolve) => setTimeout(resolve, 300));
    const [row] = await database.prisma.$queryRaw<{ one: number }[]>`SELECT 1::int AS one`;
    expect(row?.one).toBe(1);
  });
});
